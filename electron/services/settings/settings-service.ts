import { AppError, settingsSchema, type Settings, type SettingsPatch } from '../../../shared/ipc';
import type { Logger, DocumentStore } from '../../ports';

export const defaultSettings: Settings = {
  language: 'system',
  theme: 'system',
  syncIntervalMinutes: 5,
  attachmentCacheCapMb: 1024,
  eagerDownloadMaxMb: 10,
  googleClientId: '',
  googleClientSecret: '',
  updateChannel: 'stable',
};

export interface SettingsService {
  get(): Promise<Settings>;
  update(patch: SettingsPatch): Promise<Settings>;
}

/**
 * Settings with defaults; a damaged or outdated file never stops the app — bad fields fall back to defaults.
 * `overrides` are the machine policy's values: they beat the stored ones, cannot be changed here and are
 * never written to the agent's file (so removing the policy gives the agent's own values back).
 */
export function createSettingsService(
  store: DocumentStore,
  logger: Logger,
  onChange: (settings: Settings) => void,
  overrides: Partial<Settings> = {},
): SettingsService {
  let stored: Settings | undefined;

  async function loadStored(): Promise<Settings> {
    if (stored) return stored;
    const raw = await store.read();
    const merged: Record<string, unknown> = { ...defaultSettings };
    if (raw && typeof raw === 'object') {
      for (const [key, value] of Object.entries(raw)) {
        const field = settingsSchema.shape[key as keyof Settings];
        if (field?.safeParse(value).success) merged[key] = value;
        else logger.warn('settings: ignoring a stored field', { key });
      }
    }
    stored = settingsSchema.parse(merged);
    return stored;
  }
  const effective = (values: Settings): Settings => ({ ...values, ...overrides });

  return {
    get: async () => effective(await loadStored()),
    async update(patch) {
      const current = await loadStored();
      for (const [key, value] of Object.entries(patch))
        if (Object.hasOwn(overrides, key) && overrides[key as keyof Settings] !== value)
          throw new AppError('forbidden', `"${key}" is set by your organisation and cannot be changed here.`, false);
      const own = Object.fromEntries(Object.entries(patch).filter(([key]) => !Object.hasOwn(overrides, key)));
      const next = settingsSchema.parse({ ...current, ...own });
      await store.write(next);
      stored = next;
      onChange(effective(next));
      return effective(next);
    },
  };
}
