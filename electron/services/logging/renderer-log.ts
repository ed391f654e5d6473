import type { Clock, LogFields, Logger } from '../../ports';

export interface RendererLogLine {
  readonly level: 'error' | 'warn' | 'info' | 'debug';
  readonly message: string;
  readonly fields?: Readonly<Record<string, unknown>>;
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
    logger[line.level](line.message, line.fields);
  };
}
