import { type FileHandle, open, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import type { Logger } from '../../../ports';
import { fsyncDir, mkdirDurable, readIfExists, replaceFileAtomically, writeAll } from '../../../fs/durable-fs';
import { journalRecordSchema, type JournalRecord } from './records';
import { createSerialQueue } from '../../../fs/serial-queue';

// An append-only JSON-lines file: `<crc32 hex> <json>\n` per record. A record counts only
// once its whole line (newline included) is on disk with a matching CRC, so a crash mid-write
// leaves a torn tail that replay detects, drops and truncates away — never a half-applied record.

const newline = 0x0a;
const crcHexLength = 8;

export function encodeRecord(record: JournalRecord): Buffer {
  const payload = Buffer.from(JSON.stringify(record), 'utf8');
  const prefix = Buffer.from(crc32(payload).toString(16).padStart(crcHexLength, '0') + ' ', 'ascii');
  return Buffer.concat([prefix, payload, Buffer.from([newline])]);
}

export interface DecodedJournal {
  readonly records: JournalRecord[];
  /** Length of the prefix that ends with the last intact line; everything after it is a torn tail. */
  readonly validBytes: number;
  /** Intact-looking lines before the end that failed their CRC or schema (corruption, not a torn write). */
  readonly skippedLines: number;
}

/** Checks one line; `intact` = the CRC matches (a newer-version record can be intact yet unknown). */
function decodeLine(line: Buffer): { intact: boolean; record?: JournalRecord } {
  if (line.length < crcHexLength + 2 || line[crcHexLength] !== 0x20) return { intact: false };
  const crcHex = line.subarray(0, crcHexLength).toString('ascii');
  if (!/^[0-9a-f]{8}$/.test(crcHex)) return { intact: false };
  const payload = line.subarray(crcHexLength + 1);
  if (crc32(payload) !== Number.parseInt(crcHex, 16)) return { intact: false };
  try {
    const parsed = journalRecordSchema.safeParse(JSON.parse(payload.toString('utf8')));
    return parsed.success ? { intact: true, record: parsed.data } : { intact: true };
  } catch {
    return { intact: true };
  }
}

export function decodeJournal(bytes: Buffer): DecodedJournal {
  const records: JournalRecord[] = [];
  let validBytes = 0;
  let skippedLines = 0;
  let pendingSkips = 0;
  let start = 0;
  for (let end = bytes.indexOf(newline, start); end !== -1; end = bytes.indexOf(newline, start)) {
    const { intact, record } = decodeLine(bytes.subarray(start, end));
    start = end + 1;
    if (!intact) {
      // Only corruption if an intact line follows; otherwise it is part of the torn tail.
      pendingSkips += 1;
      continue;
    }
    skippedLines += pendingSkips + (record ? 0 : 1); // an intact but unknown record is kept on disk, not applied
    pendingSkips = 0;
    validBytes = start;
    if (record) records.push(record);
  }
  return { records, validBytes, skippedLines };
}

export interface JournalOptions {
  readonly file: string;
  readonly logger: Logger;
  /** Compact once the file exceeds this (and twice the last snapshot). */
  readonly compactAfterBytes?: number;
}

export interface Journal {
  readonly file: string;
  sizeBytes(): number;
  /** Resolves after the records are written and fsync'd; several records go out in one write. */
  append(records: readonly JournalRecord[]): Promise<void>;
  needsCompaction(): boolean;
  /** Replaces the file with one snapshot record (temp + fsync + rename + fsync dir). Never loses the journal. */
  compact(snapshot: JournalRecord): Promise<void>;
  close(): Promise<void>;
}

export interface OpenedJournal {
  readonly journal: Journal;
  readonly records: JournalRecord[];
}

export const defaultCompactAfterBytes = 256 * 1024;

export function compactionTempFile(file: string): string {
  return `${file}.compact`;
}

export async function openJournal(options: JournalOptions): Promise<OpenedJournal> {
  const { file, logger } = options;
  const compactAfterBytes = options.compactAfterBytes ?? defaultCompactAfterBytes;
  const dir = path.dirname(file);
  await mkdirDurable(dir);

  // A temp file from an interrupted compaction: the rename never happened (or it would be gone), so the journal is intact.
  const temp = compactionTempFile(file);
  if (
    await stat(temp).then(
      () => true,
      () => false,
    )
  ) {
    logger.warn('outbox journal: removing an interrupted compaction', { file: temp });
    await rm(temp, { force: true, recursive: true });
  }

  const existing = await readIfExists(file);
  const decoded = existing ? decodeJournal(existing) : { records: [], validBytes: 0, skippedLines: 0 };
  if (decoded.skippedLines > 0) logger.error('outbox journal: skipped corrupt records', { file, count: decoded.skippedLines });

  let handle: FileHandle = await open(file, 'a');
  if (existing === undefined) {
    await fsyncDir(dir);
  } else if (decoded.validBytes < existing.length) {
    // Cut the torn tail off before appending, or the next record would be glued to the garbage.
    logger.warn('outbox journal: dropped a torn tail', { file, bytes: existing.length - decoded.validBytes });
    await handle.truncate(decoded.validBytes);
    await handle.sync();
  }

  let size = decoded.validBytes;
  let snapshotBytes = decoded.records[0]?.t === 'snapshot' && existing ? existing.indexOf(newline) + 1 : 0;
  let broken: Error | undefined;
  let closed = false;
  // One operation at a time per journal: appends and compaction never interleave.
  const serial = createSerialQueue(() => {
    if (closed) throw new Error('outbox journal is closed');
  });
  const assertUsable = (): void => {
    if (broken) throw new Error(`outbox journal is unusable until reopened: ${broken.message}`);
  };

  const reopenHandle = async (): Promise<void> => {
    await handle.close().catch(() => {});
    handle = await open(file, 'a');
    size = (await stat(file)).size;
  };

  const journal: Journal = {
    file,
    sizeBytes: () => size,
    append: (records) =>
      serial(async () => {
        assertUsable();
        const bytes = Buffer.concat(records.map(encodeRecord));
        try {
          await writeAll(handle, bytes);
          await handle.sync();
          size += bytes.length;
        } catch (error) {
          // Roll back a partial write; if even that fails, stop: later appends could land after garbage.
          try {
            await handle.truncate(size);
            await handle.sync();
          } catch {
            broken = error as Error;
          }
          throw error;
        }
      }),
    needsCompaction: () => size > Math.max(compactAfterBytes, 2 * snapshotBytes),
    compact: (snapshot) =>
      serial(async () => {
        assertUsable();
        const bytes = encodeRecord(snapshot);
        let replaced = false;
        try {
          await replaceFileAtomically(file, temp, bytes);
          replaced = true;
        } catch (error) {
          logger.warn('outbox journal: compaction failed, keeping the journal', { file, error: String(error) });
        }
        // Whichever file is there now (old or new) is a whole journal; append to that one.
        try {
          await reopenHandle();
        } catch (error) {
          broken = error as Error;
          throw error;
        }
        if (replaced) snapshotBytes = bytes.length;
      }),
    close: () =>
      serial(async () => {
        closed = true;
        await handle.close();
      }).catch(() => {}), // already closed: nothing to do
  };
  return { journal, records: decoded.records };
}
