import { settingsSchema, type Settings, type SettingsPatch } from '../../../shared/ipc';
import type { Logger, DocumentStore } from '../../ports';

export const defaultSettings: Settings = {
  language: 'system',
  theme: 'system',
  syncIntervalMinutes: 5,
  attachmentCacheCapMb: 1024,
  eagerDownloadMaxMb: 10,
  googleClientId: '',
  googleClientSecret: '',
};

export interface SettingsService {
  get(): Promise<Settings>;
  update(patch: SettingsPatch): Promise<Settings>;
}

/**
 * Settings with defaults; a damaged or outdated file never stops the app — bad fields fall back
 * to defaults, and a damaged file is moved aside by the store. A file that cannot be read at all
 * (permissions, I/O) gives defaults for now but is never written over.
 */
export function createSettingsService(store: DocumentStore, logger: Logger, onChange: (settings: Settings) => void): SettingsService {
  let cached: Settings | undefined;

  async function read(): Promise<Settings> {
    if (cached) return cached;
    const raw = await store.read();
    const merged: Record<string, unknown> = { ...defaultSettings };
    if (raw && typeof raw === 'object') {
      for (const [key, value] of Object.entries(raw)) {
        const field = Object.hasOwn(settingsSchema.shape, key) ? settingsSchema.shape[key as keyof Settings] : undefined;
        if (field?.safeParse(value).success) merged[key] = value;
        else logger.warn('settings: ignoring a stored field', { key });
      }
    }
    cached = settingsSchema.parse(merged);
    return cached;
  }

  return {
    async get() {
      try {
        return await read();
      } catch (error) {
        logger.error('settings: could not read the settings file; using defaults', { error: String(error) });
        return defaultSettings;
      }
    },
    async update(patch) {
      const next = settingsSchema.parse({ ...(await read()), ...patch });
      await store.write(next);
      cached = next;
      onChange(next);
      return next;
    },
  };
}
