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

/** Settings with defaults; a damaged or outdated file never stops the app — bad fields fall back to defaults. */
export function createSettingsService(store: DocumentStore, logger: Logger, onChange: (settings: Settings) => void): SettingsService {
  let cached: Settings | undefined;

  async function load(): Promise<Settings> {
    if (cached) return cached;
    const raw = await store.read();
    const merged: Record<string, unknown> = { ...defaultSettings };
    if (raw && typeof raw === 'object') {
      for (const [key, value] of Object.entries(raw)) {
        const field = settingsSchema.shape[key as keyof Settings];
        if (field?.safeParse(value).success) merged[key] = value;
        else logger.warn('settings: ignoring a stored field', { key });
      }
    }
    cached = settingsSchema.parse(merged);
    return cached;
  }

  return {
    get: load,
    async update(patch) {
      const next = settingsSchema.parse({ ...(await load()), ...patch });
      await store.write(next);
      cached = next;
      onChange(next);
      return next;
    },
  };
}
