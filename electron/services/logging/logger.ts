import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import pinoRoll from 'pino-roll';
import type { AppLog, LogFields, LogLevel } from '../../ports';
import { redactFields, redactText } from './redact';

export interface AppLogger extends AppLog {
  close(): Promise<void>;
}

export interface AppLoggerOptions {
  /** Folder of the rotated files `<name>.1.log`, `<name>.2.log`, … */
  readonly dir: string;
  readonly name?: string;
  readonly level?: LogLevel;
  /** A file is rolled over past this size. */
  readonly maxFileBytes?: number;
  /** Rolled files kept besides the current one. */
  readonly keepFiles?: number;
  readonly echo?: (line: string) => void;
}

interface RollStream {
  write(line: string): boolean;
  flush(callback: (error?: Error | null) => void): void;
  end(): void;
  readonly fd: number;
  once(event: 'close' | 'error' | 'ready', listener: () => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
}

/**
 * pino writing JSON lines to size-rotated files (pino-roll) without blocking the main
 * process; every message and field is redacted before it is formatted.
 */
export function createAppLogger(options: AppLoggerOptions): AppLogger {
  mkdirSync(options.dir, { recursive: true });
  let stream: RollStream | undefined;
  let failed = false;
  const queued: string[] = [];
  const destination = {
    write(line: string): boolean {
      options.echo?.(line.trimEnd());
      if (failed) return true;
      if (stream) stream.write(line);
      else queued.push(line);
      return true;
    },
  };
  const ready = (
    pinoRoll({
      file: path.join(options.dir, options.name ?? 'main'),
      extension: '.log',
      size: `${Math.max(64, Math.round((options.maxFileBytes ?? 5 * 1024 * 1024) / 1024))}k`,
      limit: { count: options.keepFiles ?? 4 },
      mkdir: true,
      // With a minimum length, sonic-boom's flush() waits until the buffer is on disk.
      minLength: 1,
    } as Parameters<typeof pinoRoll>[0]) as Promise<RollStream>
  ).then(
    async (opened) => {
      // Logging must never take the app down (disk full, folder removed).
      opened.on('error', () => undefined);
      if (opened.fd < 0) await new Promise<void>((resolve) => opened.once('ready', resolve));
      stream = opened;
      for (const line of queued.splice(0)) opened.write(line);
    },
    () => {
      failed = true;
      queued.length = 0;
    },
  );

  const root = pino(
    {
      level: options.level ?? 'info',
      base: null,
      messageKey: 'message',
      timestamp: () => `,"at":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );

  const wrap = (target: pino.Logger) => {
    const write =
      (level: LogLevel) =>
      (message: string, fields?: LogFields): void => {
        try {
          target[level](fields ? redactFields(fields) : {}, redactText(message));
        } catch {
          // A field that cannot be serialised must not throw into the caller.
        }
      };
    return { error: write('error'), warn: write('warn'), info: write('info'), debug: write('debug') };
  };

  return {
    ...wrap(root),
    child: (bindings) => wrap(root.child(redactFields(bindings))),
    setLevel(level) {
      root.level = level;
    },
    async flush() {
      await ready;
      const current = stream;
      if (!current) return;
      await new Promise<void>((resolve) => current.flush(() => resolve()));
    },
    async close() {
      await ready;
      const current = stream;
      stream = undefined;
      failed = true;
      if (!current) return;
      await new Promise<void>((resolve) => {
        current.once('close', resolve);
        current.once('error', resolve);
        current.flush(() => current.end());
      });
    },
  };
}
