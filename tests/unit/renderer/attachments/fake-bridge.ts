import { bridgeGlobalName, type ConsoleBridge } from '../../../../shared/ipc';

type Handler = (channel: string, request: Record<string, unknown>) => unknown;

let handler: Handler = (channel) => {
  throw new Error(`unexpected ${channel}`);
};
export const calls: Array<{ channel: string; request: Record<string, unknown> }> = [];

/** Installs a fake main behind getBridgeClient(); each test sets how main answers. */
export function fakeMain(next: Handler): void {
  handler = next;
  calls.length = 0;
}

const listeners = new Map<string, Set<(payload: unknown) => void>>();

/** An event from main (e.g. settings.changed) reaching the page's listeners. */
export function emitFromMain(event: string, payload: unknown): void {
  for (const listener of listeners.get(event) ?? []) listener(payload);
}

const bridge = {
  async invoke(channel: string, request: Record<string, unknown>) {
    calls.push({ channel, request });
    try {
      return { ok: true, value: await handler(channel, request) };
    } catch (error) {
      const e = error as { code?: string; message?: string };
      return { ok: false, error: { code: e.code ?? 'internal', message: e.message ?? String(error), retryable: false } };
    }
  },
  on(event: string, listener: (payload: unknown) => void) {
    const forEvent = listeners.get(event) ?? new Set();
    listeners.set(event, forEvent.add(listener));
    return () => forEvent.delete(listener);
  },
} as unknown as ConsoleBridge;

(globalThis as unknown as Record<string, ConsoleBridge>)[bridgeGlobalName] = bridge;
