// The app's first read of main's state (settings, accounts, sync statuses) races the change
// events main sends meanwhile. A snapshot must never overwrite a change announced after it.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../../../shared/ipc';
import { useBootstrap } from '../../../../renderer/app/app';
import { useAppStore } from '../../../../renderer/state/app-store';
import { emitFromMain, fakeMain } from '../attachments/fake-bridge';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const settings = (language: Settings['language']): Settings => ({ ...defaultSettings, language });

function Probe({ onSettings }: { onSettings: (next: Settings) => void }): null {
  useBootstrap(onSettings);
  return null;
}

describe('bootstrap', () => {
  it('keeps a language announced after the settings reply, even while other replies are still pending', async () => {
    // Main's replies wait until the test releases them, channel by channel.
    const release = new Map<string, (value: unknown) => void>();
    fakeMain((channel) => new Promise((resolve) => release.set(channel, resolve)));
    const reply = (channel: string, value: unknown): void => release.get(channel)?.(value);
    const applied: string[] = [];
    const root = createRoot(document.createElement('div'));
    await act(async () => root.render(<Probe onSettings={(next) => applied.push(next.language)} />));

    // Main answered settings.get with English, then the agent switched to zh-TW; the
    // accounts and statuses replies come after the change event.
    await act(async () => reply('settings.get', settings('en')));
    await act(async () => emitFromMain('settings.changed', settings('zh-TW')));
    await act(async () => {
      reply('app.info', { name: 'Reseller Support Console', version: '0.1.0', host: 'harness' });
      reply('accounts.list', { accounts: [], secretsPersisted: true });
      reply('sync.statuses', []);
    });

    expect(useAppStore.getState().settings?.language).toBe('zh-TW');
    expect(applied).toEqual(['en', 'zh-TW']);
    expect(useAppStore.getState().accounts).toEqual({ accounts: [], secretsPersisted: true });
    act(() => root.unmount());
  });
});
