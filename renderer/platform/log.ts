import { getBridgeClient } from './bridge-client';

type Level = 'error' | 'warn' | 'info' | 'debug';

// The renderer's log goes to main's log file through the bridge (main redacts and rate-limits
// too). A local budget keeps an error loop from flooding the bridge.
const budget = { windowStart: 0, sent: 0 };
const maxPerWindow = 30;
const windowMs = 10_000;

export function logToMain(level: Level, message: string, fields?: Record<string, unknown>): void {
  const now = Date.now();
  if (now - budget.windowStart >= windowMs) {
    budget.windowStart = now;
    budget.sent = 0;
  }
  if (budget.sent >= maxPerWindow) return;
  budget.sent += 1;
  void getBridgeClient()
    .invoke('log.write', { level, message: message.slice(0, 2000), ...(fields ? { fields } : {}) })
    .catch(() => undefined);
}

/** Uncaught errors and rejections of the page reach the main log. */
export function installErrorLogging(target: Window = window): void {
  target.addEventListener('error', (event) =>
    logToMain('error', 'renderer: uncaught error', { error: String(event.message), source: event.filename, line: event.lineno }),
  );
  target.addEventListener('unhandledrejection', (event) =>
    logToMain('error', 'renderer: unhandled rejection', {
      error: event.reason instanceof Error ? event.reason.message : String(event.reason),
    }),
  );
}
