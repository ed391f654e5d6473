import { readJsonFile, writeJsonFile } from '../../fs/atomic-file';
import { createSerialQueue } from '../../fs/serial-queue';
import type { Logger, Vault } from '../../ports';

/** Seals secrets before they touch the disk (Electron: safeStorage, i.e. the OS keychain). */
export interface SecretCipher {
  seal(plain: string): string;
  open(sealed: string): string;
}

const isSealedMap = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value as Record<string, unknown>).every((entry) => typeof entry === 'string');

/**
 * Sealed secrets in one JSON file (mode 0600). Changes run one at a time and each writes the
 * whole map through the atomic writer, so concurrent sign-ins and refreshes never tear the file
 * or forget a token. A damaged file is moved aside and reported, never read back as "no tokens"
 * and overwritten.
 */
export function createFileVault(options: { readonly file: string; readonly cipher: SecretCipher; readonly logger: Logger }): Vault {
  const { file, cipher, logger } = options;
  let loaded: Promise<Map<string, string>> | undefined;
  const serial = createSerialQueue();

  const load = (): Promise<Map<string, string>> => {
    loaded ??= readJsonFile(file, isSealedMap, { mode: 0o600 }).then(
      (result) => {
        if (result.status === 'restored' || result.status === 'damaged') {
          logger.error('vault: the token file was damaged and moved aside', {
            file,
            movedTo: result.damagedPath,
            restoredFromBackup: result.status === 'restored',
          });
        }
        return new Map(result.status === 'ok' || result.status === 'restored' ? Object.entries(result.value) : []);
      },
      (error: unknown) => {
        loaded = undefined; // an I/O error is not cached: the next call tries again
        throw error;
      },
    );
    return loaded;
  };

  const change = (apply: (entries: Map<string, string>) => boolean): Promise<void> =>
    serial(async () => {
      const entries = await load();
      // Applied to a copy first: memory never holds a token the disk failed to keep.
      const next = new Map(entries);
      if (!apply(next)) return;
      await writeJsonFile(file, Object.fromEntries(next), { mode: 0o600 });
      entries.clear();
      for (const [key, sealed] of next) entries.set(key, sealed);
    });

  return {
    persistent: true,
    async get(key) {
      const sealed = (await load()).get(key);
      return sealed === undefined ? undefined : cipher.open(sealed);
    },
    set: (key, value) =>
      change((entries) => {
        entries.set(key, cipher.seal(value));
        return true;
      }),
    delete: (key) => change((entries) => entries.delete(key)),
  };
}

/** Secrets in memory only: where the OS offers no encryption (and in the harness). */
export function createMemoryVault(): Vault {
  const secrets = new Map<string, string>();
  return {
    persistent: false,
    get: async (key) => secrets.get(key),
    set: async (key, value) => void secrets.set(key, value),
    delete: async (key) => void secrets.delete(key),
  };
}
