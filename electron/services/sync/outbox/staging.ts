import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Logger } from '../../../ports';
import { mkdirDurable, replaceFileAtomically, writeAll } from '../../../fs/durable-fs';

// Upload bytes are staged as files before their upload_attachment entry is queued, so a
// renderer reload or a crash never loses an attachment the agent was told is "queued".

export interface StagedFile {
  readonly stagedFileId: string;
  readonly sizeBytes: number;
  /** Hex SHA-256 of the bytes, for reconciling an upload whose answer was lost. */
  readonly sha256: string;
}

/** Bytes in memory, a stream of chunks (a Node Readable is one), or a file the agent picked. */
export type StageSource = Uint8Array | AsyncIterable<Uint8Array | string> | { readonly path: string };

export interface Staging {
  readonly dir: string;
  stageFile(source: StageSource): Promise<StagedFile>;
  has(stagedFileId: string): Promise<boolean>;
  openStaged(stagedFileId: string): Readable;
  removeStaged(stagedFileId: string): Promise<void>;
  /** Removes staged files (and leftover temp files) that no entry references; returns the removed ids. */
  orphanSweep(referencedIds: Iterable<string>): Promise<string[]>;
}

const tempPrefix = '.tmp-';
const idPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Ids come back from the renderer: only our own uuids may become file names (no path traversal). */
function assertStagedId(id: string): void {
  if (!idPattern.test(id)) throw new Error(`not a staged file id: ${JSON.stringify(id)}`);
}

async function* chunksOf(source: StageSource): AsyncGenerator<Uint8Array | string> {
  if (source instanceof Uint8Array) yield source;
  else if (Symbol.asyncIterator in source) yield* source;
  else yield* createReadStream(source.path) as AsyncIterable<Buffer>;
}

export function createStaging(options: { readonly dir: string; readonly logger: Logger }): Staging {
  const { dir, logger } = options;
  // Files staged by this process are the caller's until it enqueues them; a sweep must not race that.
  const ownedThisSession = new Set<string>();
  const fileOf = (id: string): string => {
    assertStagedId(id);
    return path.join(dir, id);
  };

  return {
    dir,
    async stageFile(source) {
      await mkdirDurable(dir);
      const stagedFileId = randomUUID();
      ownedThisSession.add(stagedFileId);
      const hash = createHash('sha256');
      let sizeBytes = 0;
      try {
        await replaceFileAtomically(path.join(dir, stagedFileId), path.join(dir, tempPrefix + stagedFileId), async (handle) => {
          for await (const chunk of chunksOf(source)) {
            const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
            hash.update(bytes);
            sizeBytes += bytes.byteLength;
            await writeAll(handle, bytes);
          }
        });
      } catch (error) {
        ownedThisSession.delete(stagedFileId);
        throw error;
      }
      return { stagedFileId, sizeBytes, sha256: hash.digest('hex') };
    },
    async has(stagedFileId) {
      if (!idPattern.test(stagedFileId)) return false;
      try {
        return (await stat(fileOf(stagedFileId))).isFile();
      } catch {
        return false;
      }
    },
    openStaged: (stagedFileId) => createReadStream(fileOf(stagedFileId)),
    async removeStaged(stagedFileId) {
      await rm(fileOf(stagedFileId), { force: true });
      ownedThisSession.delete(stagedFileId);
    },
    async orphanSweep(referencedIds) {
      const keep = new Set(referencedIds);
      let names: string[];
      try {
        names = await readdir(dir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const removed: string[] = [];
      for (const name of names) {
        const id = name.startsWith(tempPrefix) ? name.slice(tempPrefix.length) : name;
        if (keep.has(name) || ownedThisSession.has(id)) continue;
        await rm(path.join(dir, name), { force: true, recursive: true });
        removed.push(name);
      }
      if (removed.length > 0) logger.info('outbox staging: removed orphaned files', { count: removed.length });
      return removed;
    },
  };
}
