import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync, mkdirSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDir, fsyncDirSync, readIfExists, writeAll } from './durable-fs';

// The one way this app replaces a small file (tokens, settings, the account list, the
// sandbox's state): a unique temp file beside it, fsync'd, renamed over, the directory
// fsync'd. Writers of one file are serialised in this process. The previous good version
// is kept as `<file>.bak`; a file that does not parse is moved aside, never overwritten.

export interface AtomicWriteOptions {
  /** Permission bits of a newly created file (e.g. 0o600 for secrets). */
  readonly mode?: number;
  /** Copy the current file to `<file>.bak` first, if `isGood` says it is worth keeping (default: always). */
  readonly backup?: boolean;
  readonly isGood?: (bytes: Buffer) => boolean;
}

export const backupFileOf = (file: string): string => `${file}.bak`;
const tempFileOf = (file: string): string => `${file}.${randomUUID()}.tmp`;

const queues = new Map<string, Promise<unknown>>();

/** Runs `operation` after every earlier operation on the same file (reads included) has settled. */
export function serialisedOn<T>(file: string, operation: () => Promise<T>): Promise<T> {
  const key = path.resolve(file);
  const result = (queues.get(key) ?? Promise.resolve()).then(operation);
  const tail = result.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return result;
}

/** Writes `bytes` to a fresh temp file beside `target`, fsync'd, then renames it over `target`. */
async function replaceWith(target: string, bytes: Uint8Array, mode: number | undefined): Promise<void> {
  const temp = tempFileOf(target);
  const handle = await open(temp, 'wx', mode);
  try {
    await writeAll(handle, bytes);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

async function writeUnserialised(file: string, bytes: Uint8Array, options: AtomicWriteOptions): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  if (options.backup !== false) {
    const current = await readIfExists(file);
    if (current && (options.isGood?.(current) ?? true)) await replaceWith(backupFileOf(file), current, options.mode);
  }
  await replaceWith(file, bytes, options.mode);
  await fsyncDir(path.dirname(file));
}

/** Atomically replaces `file` (serialised with every other write and read of it in this process). */
export function writeFileAtomic(file: string, bytes: Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  return serialisedOn(file, () => writeUnserialised(file, bytes, options));
}

/**
 * The synchronous twin for code that cannot await (the sandbox store). Synchronous calls never
 * interleave with each other; do not mix it with writeFileAtomic on the same file.
 */
export function writeFileAtomicSync(file: string, bytes: Uint8Array, options: AtomicWriteOptions = {}): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const replace = (target: string, content: Uint8Array): void => {
    const temp = tempFileOf(target);
    const fd = openSync(temp, 'wx', options.mode);
    try {
      for (let offset = 0; offset < content.byteLength;) offset += writeSync(fd, content, offset);
      fsyncSync(fd);
    } catch (error) {
      closeSync(fd);
      rmSync(temp, { force: true });
      throw error;
    }
    closeSync(fd);
    renameSync(temp, target);
  };
  if (options.backup !== false) {
    let current: Buffer | undefined;
    try {
      current = readFileSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (current && (options.isGood?.(current) ?? true)) replace(backupFileOf(file), current);
  }
  replace(file, bytes);
  fsyncDirSync(path.dirname(file));
}

export type JsonReadResult<T> =
  | { readonly status: 'missing' }
  | { readonly status: 'ok'; readonly value: T }
  /** The file did not parse: it was moved to `damagedPath` and the last good version (`.bak`) put back. */
  | { readonly status: 'restored'; readonly value: T; readonly damagedPath: string }
  /** The file did not parse and no good backup exists: it was moved to `damagedPath`; start empty. */
  | { readonly status: 'damaged'; readonly damagedPath: string };

/** JSON that parses and passes `accept` (a schema check); anything else counts as damaged. */
function parseJson<T>(bytes: Buffer, accept: (value: unknown) => value is T): T | undefined {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return accept(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export const isJson = (bytes: Buffer): boolean => parseJson(bytes, (_value): _value is unknown => true) !== undefined;

/**
 * Reads a JSON file written by writeJsonFile. A damaged file (torn, truncated, edited by hand,
 * wrong shape) is renamed to `<file>.damaged-<time>` for the agent or support to inspect, and
 * `<file>.bak` is restored if it is good. I/O errors other than "missing" are thrown: the caller
 * must not write over a file it could not read.
 */
export function readJsonFile<T>(
  file: string,
  accept: (value: unknown) => value is T,
  options: { readonly mode?: number; readonly now?: () => number } = {},
): Promise<JsonReadResult<T>> {
  const now = options.now ?? Date.now;
  return serialisedOn(file, async () => {
    const bytes = await readIfExists(file);
    if (bytes === undefined) return { status: 'missing' };
    const value = parseJson(bytes, accept);
    if (value !== undefined) return { status: 'ok', value };
    const damagedPath = `${file}.damaged-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
    await rename(file, damagedPath);
    const backup = await readIfExists(backupFileOf(file));
    const restored = backup === undefined ? undefined : parseJson(backup, accept);
    if (restored === undefined || backup === undefined) {
      await fsyncDir(path.dirname(file));
      return { status: 'damaged', damagedPath };
    }
    await replaceWith(file, backup, options.mode);
    await fsyncDir(path.dirname(file));
    return { status: 'restored', value: restored, damagedPath };
  });
}

/** Writes `value` as JSON; the `.bak` keeps the previous version only if it parsed. */
export function writeJsonFile(file: string, value: unknown, options: Omit<AtomicWriteOptions, 'isGood'> = {}): Promise<void> {
  return writeFileAtomic(file, Buffer.from(JSON.stringify(value, null, 2), 'utf8'), { ...options, isGood: isJson });
}
