import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { LogFields, Logger } from '../../ports';
import { redactFields, redactText } from './redact';

/** JSON lines, redacted; synchronous appends so the last lines before a crash are kept. */
export function createFileLogger(file: string, echo: (line: string) => void = () => {}): Logger {
  mkdirSync(path.dirname(file), { recursive: true });
  const write = (level: string, message: string, fields?: LogFields): void => {
    const line = JSON.stringify({
      at: new Date().toISOString(),
      level,
      message: redactText(message),
      ...(fields ? redactFields(fields) : {}),
    });
    try {
      appendFileSync(file, line + '\n');
    } catch {
      // Logging must never take the app down (disk full, folder removed).
    }
    echo(line);
  };
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
