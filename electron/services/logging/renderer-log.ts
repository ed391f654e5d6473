import type { Clock, LogFields, Logger } from '../../ports';

export interface RendererLogLine {
  readonly level: 'error' | 'warn' | 'info' | 'debug';
  readonly message: string;
  readonly fields?: Readonly<Record<string, unknown>>;
}

/** App log messages are constants of the form "area: what happened"; anything else from the page may be case text. */
const messageConvention = /^[a-z][a-z-]{1,30}: [A-Za-z0-9 ,.()/'-]{1,120}$/;
/** Identifiers, numbers, names of things: no spaces, so no prose. */
const identifierLike = /^[\w.:/@#+-]{0,200}$/;
const quoted = /(["'“”‘’«»])(?:(?!\1).){1,500}\1/g;

function sanitizeValue(key: string, value: unknown): unknown {
  if (typeof value === 'string') {
    if (identifierLike.test(value)) return value;
    // An exception's message helps a diagnosis; what it quotes (often the data) does not.
    if (key === 'error' || key === 'stack') return value.replace(quoted, '[…]').slice(0, 200);
    return `[text: ${value.length} chars]`;
  }
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => sanitizeValue(key, item));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .slice(0, 50)
        .map(([child, item]) => [child, sanitizeValue(child, item)]),
    );
  return value;
}

/**
 * The page holds case text and customer data, so its log lines are treated as untrusted text:
 * a message that does not follow the app's "area: event" form is replaced by its length, and
 * free text in fields is too (before the usual redaction of secrets and addresses).
 */
export function sanitizeRendererLine(line: RendererLogLine): RendererLogLine {
  const message = messageConvention.test(line.message) ? line.message : `renderer: message withheld [text: ${line.message.length} chars]`;
  return line.fields
    ? { ...line, message, fields: sanitizeValue('', line.fields) as Readonly<Record<string, unknown>> }
    : { ...line, message };
}

export interface RendererLogOptions {
  /** Lines accepted per window; the rest are counted and reported once the window ends. */
  readonly maxLines?: number;
  readonly windowMs?: number;
}

/**
 * The renderer's log lines, written to the main log as `src: renderer`. A page stuck in an
 * error loop cannot flood the disk: past `maxLines` per window lines are dropped and counted.
 */
export function createRendererLog(
  logger: Logger & { debug(message: string, fields?: LogFields): void },
  clock: Clock,
  options: RendererLogOptions = {},
): (line: RendererLogLine) => void {
  const maxLines = options.maxLines ?? 60;
  const windowMs = options.windowMs ?? 60_000;
  let windowStart = -Infinity;
  let accepted = 0;
  let dropped = 0;
  return (line) => {
    const now = clock.now();
    if (now - windowStart >= windowMs) {
      if (dropped > 0) logger.warn('renderer: log lines dropped (rate limit)', { dropped });
      windowStart = now;
      accepted = 0;
      dropped = 0;
    }
    if (accepted >= maxLines) {
      dropped += 1;
      return;
    }
    accepted += 1;
    const safe = sanitizeRendererLine(line);
    logger[safe.level](safe.message, safe.fields);
  };
}
