// The app's first read of main's state (settings, accounts, sync statuses) races the change
// events main sends meanwhile. A snapshot must never overwrite a change announced after it.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { bridgeGlobalName, type Settings } from '../../../../shared/ipc';
import { useBootstrap } from '../../../../renderer/app/app';
import { useAppStore } from '../../../../renderer/state/app-store';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const settings = (language: Settings['language']): Settings => ({
  language,
  theme: 'system',
  syncIntervalMinutes: 5,
  attachmentCacheCapMb: 512,
  eagerDownloadMaxMb: 8,
  googleClientId: '',
  googleClientSecret: '',
  updateChannel: 'stable',
});

/** Main as the page sees it: each reply is released by the test, events are emitted on demand. */
function fakeMain() {
  const listeners = new Map<string, (payload: unknown) => void>();
  const replies = new Map<string, (value: unknown) => void>();
  const bridge = {
    invoke: (channel: string) => new Promise((resolve) => replies.set(channel, (value) => resolve({ ok: true, value }))),
    on: (event: string, listener: (payload: unknown) => void) => {
      listeners.set(event, listener);
      return () => listeners.delete(event);
    },
  };
  Object.defineProperty(globalThis, bridgeGlobalName, { value: bridge, configurable: true });
  return {
    reply: (channel: string, value: unknown) => replies.get(channel)?.(value),
    emit: (event: string, payload: unknown) => listeners.get(event)?.(payload),
  };
}

function Probe({ onSettings }: { onSettings: (next: Settings) => void }): null {
  useBootstrap(onSettings);
  return null;
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>)[bridgeGlobalName];
});

describe('bootstrap', () => {
  it('keeps a language announced after the settings reply, even while other replies are still pending', async () => {
    const main = fakeMain();
    const applied: string[] = [];
    const root = createRoot(document.createElement('div'));
    await act(async () => root.render(<Probe onSettings={(next) => applied.push(next.language)} />));

    // Main answered settings.get with English, then the agent switched to zh-TW; the
    // accounts and statuses replies come after the change event.
    await act(async () => main.reply('settings.get', settings('en')));
    await act(async () => main.emit('settings.changed', settings('zh-TW')));
    await act(async () => {
      main.reply('app.info', { name: 'Reseller Support Console', version: '0.1.0', host: 'harness' });
      main.reply('accounts.list', { accounts: [], secretsPersisted: true });
      main.reply('sync.statuses', []);
    });

    expect(useAppStore.getState().settings?.language).toBe('zh-TW');
    expect(applied).toEqual(['en', 'zh-TW']);
    expect(useAppStore.getState().accounts).toEqual({ accounts: [], secretsPersisted: true });
    act(() => root.unmount());
  });
});
