import { closeSync, fsyncSync, openSync } from 'node:fs';
import { constants, type FileHandle, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

// Small fsync helpers shared by the outbox journal, upload staging and atomic-file.ts.
// electron/fs imports only node:* so services and the sandbox may both use it.

/** fsync a directory so a create/rename/unlink inside it survives power loss. */
export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, constants.O_RDONLY);
  try {
    await handle.sync();
  } catch (error) {
    // Some filesystems (and Windows) refuse fsync on a directory; the rename is then as durable as the OS makes it.
    if (!isIgnorableDirSyncError(error)) throw error;
  } finally {
    await handle.close();
  }
}

/** The synchronous twin of fsyncDir (the sandbox store writes synchronously). */
export function fsyncDirSync(dir: string): void {
  const fd = openSync(dir, constants.O_RDONLY);
  try {
    fsyncSync(fd);
  } catch (error) {
    if (!isIgnorableDirSyncError(error)) throw error;
  } finally {
    closeSync(fd);
  }
}

function isIgnorableDirSyncError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EINVAL' || code === 'EPERM' || code === 'EISDIR' || code === 'ENOTSUP';
}

/** write() may write fewer bytes than asked; loop until all are on their way to disk. */
export async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < bytes.byteLength) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.byteLength - offset);
    offset += bytesWritten;
  }
}

/**
 * Create or replace `file` atomically: write a temp file beside it, fsync, rename over, fsync the directory.
 * A crash leaves the old file or the new one (plus perhaps the temp file, which callers sweep).
 */
export async function replaceFileAtomically(
  file: string,
  tempFile: string,
  content: Uint8Array | ((handle: FileHandle) => Promise<void>),
): Promise<void> {
  const handle = await open(tempFile, 'w');
  try {
    await (typeof content === 'function' ? content(handle) : writeAll(handle, content));
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(tempFile, { force: true });
    throw error;
  }
  await handle.close();
  await rename(tempFile, file);
  await fsyncDir(path.dirname(file));
}

/** mkdir -p, then fsync the parent of every directory it created so the new path itself is durable. */
export async function mkdirDurable(dir: string): Promise<void> {
  const firstCreated = await mkdir(dir, { recursive: true });
  if (firstCreated === undefined) return;
  for (let current = dir; ; current = path.dirname(current)) {
    await fsyncDir(path.dirname(current));
    if (current === firstCreated || path.dirname(current) === current) break;
  }
}

/** The file's bytes, or undefined when it does not exist (other errors are thrown). */
export async function readIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
