import type { Vault } from '../../../electron/ports';
import { createFileVault as createAppFileVault } from '../../../electron/services/storage/file-vault';

/**
 * The app's own file vault for tests that restart (or kill) the process, with a reversible
 * stand-in for safeStorage (the OS keychain's role).
 */
export function createFileVault(file: string): Vault {
  return createAppFileVault({
    file,
    logger: { info: () => {}, warn: () => {}, error: () => {} },
    cipher: {
      seal: (plain) => Buffer.from(plain, 'utf8').toString('base64'),
      open: (sealed) => Buffer.from(sealed, 'base64').toString('utf8'),
    },
  });
}
