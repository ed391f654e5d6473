// Runs in every page of the harness browser before the app's scripts, in place
// of the preload: builds the same frozen bridge over the Playwright binding.
import { bridgeGlobalName, createBridge } from '../../shared/ipc/bridge';
import { decodeInPage } from './page-wire';

declare const __HARNESS_EMIT_SECRET__: string;

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();
const scope = globalThis as unknown as Record<string, unknown>;

const bridge = createBridge({
  // Answers and events arrive as JSON text (page-wire.ts says why).
  invoke: async (channel, request) => decodeInPage(await (scope.__appIpc as (c: string, r: unknown) => Promise<string>)(channel, request)),
  subscribe: (event, listener) => {
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set);
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
});

Object.defineProperty(scope, bridgeGlobalName, { value: bridge, enumerable: false, configurable: false, writable: false });
// Events from the core arrive here; the per-launch secret keeps page scripts from forging them.
Object.defineProperty(scope, '__appIpcEmit', {
  value: (secret: string, event: string, text: string) => {
    if (secret !== __HARNESS_EMIT_SECRET__) return;
    const payload = decodeInPage(text);
    for (const listener of listeners.get(event) ?? []) listener(payload);
  },
  enumerable: false,
  configurable: false,
  writable: false,
});
