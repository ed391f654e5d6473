import { describe, expect, it } from 'vitest';
import type { Logger, DocumentStore } from '../../../electron/ports';
import { createSettingsService, defaultSettings } from '../../../electron/services/settings/settings-service';

const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };

function memoryStore(initial: unknown): DocumentStore & { saved: unknown[] } {
  let value = initial;
  const saved: unknown[] = [];
  return {
    saved,
    read: async () => value,
    write: async (next) => {
      value = next;
      saved.push(next);
    },
  };
}

describe('settings service', () => {
  it('fills defaults and keeps valid stored fields, dropping damaged ones', async () => {
    const service = createSettingsService(memoryStore({ language: 'fr', syncIntervalMinutes: -5, unknown: 1 }), silent, () => {});
    await expect(service.get()).resolves.toEqual({ ...defaultSettings, language: 'fr' });
  });

  it('survives a store that holds garbage', async () => {
    const service = createSettingsService(memoryStore('not an object'), silent, () => {});
    await expect(service.get()).resolves.toEqual(defaultSettings);
  });

  it('writes an update and announces it', async () => {
    const store = memoryStore({});
    const announced: unknown[] = [];
    const service = createSettingsService(store, silent, (next) => announced.push(next));
    const next = await service.update({ theme: 'dark' });
    expect(next.theme).toBe('dark');
    expect(store.saved).toEqual([next]);
    expect(announced).toEqual([next]);
  });
});
