import { AppError, defaultSettings, settingsSchema, type Settings, type SettingsPatch } from '../../../shared/ipc';
import type { Logger, DocumentStore } from '../../ports';

export { defaultSettings };

export interface SettingsService {
  get(): Promise<Settings>;
  update(patch: SettingsPatch): Promise<Settings>;
}

/**
 * Settings with defaults; a damaged or outdated file never stops the app — bad fields fall back to defaults,
 * and a damaged file is moved aside by the store. A file that cannot be read at all (permissions, I/O)
 * gives defaults for now but is never written over.
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
        const field = Object.hasOwn(settingsSchema.shape, key) ? settingsSchema.shape[key as keyof Settings] : undefined;
        if (field?.safeParse(value).success) merged[key] = value;
        else logger.warn('settings: ignoring a stored field', { key });
      }
    }
    stored = settingsSchema.parse(merged);
    return stored;
  }
  const effective = (values: Settings): Settings => ({ ...values, ...overrides });

  return {
    async get() {
      try {
        return effective(await loadStored());
      } catch (error) {
        logger.error('settings: could not read the settings file; using defaults', { error: String(error) });
        return effective(defaultSettings);
      }
    },
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
