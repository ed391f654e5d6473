import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Vault } from '../../../electron/ports';

/** A plain-file vault for tests that restart the process (the OS keychain's role). Never used by the app. */
export function createFileVault(file: string): Vault {
  const read = (): Record<string, string> => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {});
  const write = (entries: Record<string, string>): void => {
    writeFileSync(`${file}.tmp`, JSON.stringify(entries));
    renameSync(`${file}.tmp`, file);
  };
  return {
    persistent: true,
    get: async (key) => read()[key],
    set: async (key, value) => write({ ...read(), [key]: value }),
    delete: async (key) => {
      const entries = read();
      delete entries[key];
      write(entries);
    },
  };
}
