import { backupFileOf, readJsonFile, writeJsonFile } from '../../fs/atomic-file';
import type { DocumentStore, Logger } from '../../ports';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A small JSON document on disk (settings, the account list), the same in Electron and the
 * harness. A damaged file is moved aside and reported, and its last good version restored;
 * the service that owns the document validates its fields.
 */
export function jsonDocument(file: string, logger: Logger): DocumentStore {
  return {
    async read() {
      const result = await readJsonFile(file, isPlainObject);
      if (result.status === 'missing') return {};
      if (result.status === 'ok') return result.value;
      if (result.status === 'restored') {
        logger.error('storage: a damaged file was moved aside; its last good version was restored', { file, movedTo: result.damagedPath });
        return result.value;
      }
      logger.error('storage: a damaged file was moved aside; starting from defaults', { file, movedTo: result.damagedPath });
      return {};
    },
    async write(value, options) {
      if (!options?.forgetPrevious) return writeJsonFile(file, value);
      // The backup becomes the new version too, so the last good copy is still there.
      await writeJsonFile(file, value, { backup: false });
      await writeJsonFile(backupFileOf(file), value, { backup: false });
    },
  };
}
