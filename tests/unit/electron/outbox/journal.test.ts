import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../../../shared/ipc/outbox';
import { openOutbox, type Outbox } from '../../../../electron/services/sync/outbox';
import { compactionTempFile, decodeJournal, encodeRecord } from '../../../../electron/services/sync/outbox/journal';
import {
  accountId,
  collectingLogger,
  comment,
  createCase,
  fakeClock,
  open,
  otherServerCase,
  serverCase,
  setPriority,
  tempDir,
} from './helpers';

const journalOf = (dir: string): string => path.join(dir, accountId, 'outbox.journal');

/** Runs operations that each write exactly one record; returns the journal bytes and the state after each record. */
async function buildJournal(): Promise<{ bytes: Buffer; states: OutboxEntry[][] }> {
  const dir = tempDir();
  const outbox = await open(dir);
  const states: OutboxEntry[][] = [structuredClone(outbox.list())];
  const step = async (operation: (o: Outbox) => Promise<unknown>): Promise<void> => {
    await operation(outbox);
    states.push(structuredClone(outbox.list()));
  };
  const create = await outbox.enqueue(createCase('local:t'));
  states.push(structuredClone(outbox.list()));
  const note = (await Promise.all([outbox.enqueue(comment('local:t', 'written offline ✓ — ünïcode'))]))[0]!;
  states.push(structuredClone(outbox.list()));
  const other = await outbox.enqueue(comment(serverCase, 'other case'));
  states.push(structuredClone(outbox.list()));
  await step((o) => o.markInFlight(create.id));
  await step((o) => o.markDone(create.id, otherServerCase));
  await step((o) => o.edit(note.id, comment(otherServerCase, 'edited text')));
  await step((o) => o.markInFlight(other.id));
  await step((o) => o.markFailed(other.id, { code: 'PERMISSION_DENIED', message: 'no longer authorised' }, { permanent: true }));
  await step((o) => o.retry(other.id));
  await step((o) => o.enqueue(setPriority(serverCase, 'P1')));
  await step((o) => o.remapLocalCase('local:gone', serverCase));
  await step((o) => o.discard(note.id));
  await outbox.close();
  const bytes = readFileSync(journalOf(dir));
  expect(bytes.toString('utf8').split('\n')).toHaveLength(states.length); // one line per state step (+ trailing '')
  return { bytes, states };
}

async function openWith(bytes: Buffer): Promise<{ outbox: Outbox; dir: string }> {
  const dir = tempDir();
  mkdirSync(path.join(dir, accountId));
  writeFileSync(journalOf(dir), bytes);
  return { outbox: await open(dir), dir };
}

const completeLines = (bytes: Buffer, length: number): number => bytes.subarray(0, length).toString('latin1').split('\n').length - 1;

describe('journal: torn tails', () => {
  it('ignores a last line cut at every byte offset, and appends cleanly afterwards', async () => {
    const { bytes, states } = await buildJournal();
    const lastLineStart = bytes.lastIndexOf(0x0a, bytes.length - 2) + 1;
    const before = states[states.length - 2];
    for (let cut = lastLineStart; cut < bytes.length; cut += 1) {
      const { outbox } = await openWith(bytes.subarray(0, cut));
      expect(outbox.list(), `cut at ${cut}`).toEqual(before);
      await outbox.close();
    }
    // After the tail is dropped, new records are readable (not glued to the garbage).
    const { outbox, dir } = await openWith(bytes.subarray(0, bytes.length - 7));
    const added = await outbox.enqueue(comment(serverCase, 'after the crash'));
    await outbox.close();
    const again = await open(dir);
    expect(again.list()).toEqual([...(before ?? []), added]);
    await again.close();
  });

  it('recovers the state of the last whole record when cut at random offsets anywhere', async () => {
    const { bytes, states } = await buildJournal();
    for (let i = 0; i < 60; i += 1) {
      const cut = Math.floor(Math.random() * (bytes.length + 1));
      const { outbox } = await openWith(bytes.subarray(0, cut));
      expect(outbox.list(), `cut at ${cut}`).toEqual(states[completeLines(bytes, cut)]);
      await outbox.close();
    }
  });

  it('drops a zero-filled or garbage tail and truncates the file back', async () => {
    const { bytes, states } = await buildJournal();
    for (const tail of [Buffer.alloc(4096), Buffer.from('deadbeef {"t":"enqueued"\n\u0000\u0000', 'utf8'), Buffer.from('\n\n\n')]) {
      const { outbox, dir } = await openWith(Buffer.concat([bytes, tail]));
      expect(outbox.list()).toEqual(states[states.length - 1]);
      await outbox.close();
      expect(readFileSync(journalOf(dir))).toEqual(bytes);
    }
  });

  it('skips a corrupt record in the middle, keeps the rest and logs it', async () => {
    const first = encodeRecord({ t: 'discarded', id: 'a' });
    const lines = [0, 1, 2].map((seq) => ({
      t: 'enqueued' as const,
      entry: { id: `e${seq}`, accountId, seq, createdAt: 'x', mutation: comment(serverCase), status: 'queued' as const, attempts: 0 },
    }));
    const encoded = lines.map(encodeRecord);
    const corrupt = Buffer.from(encoded[1]!);
    corrupt[20] = corrupt[20]! ^ 0x01;
    const decoded = decodeJournal(Buffer.concat([first, encoded[0]!, corrupt, encoded[2]!]));
    expect(decoded.records.map((r) => r.t)).toEqual(['discarded', 'enqueued', 'enqueued']);
    expect(decoded.skippedLines).toBe(1);
    const logger = collectingLogger();
    const dir = tempDir();
    mkdirSync(path.join(dir, accountId));
    writeFileSync(journalOf(dir), Buffer.concat([encoded[0]!, corrupt, encoded[2]!]));
    const outbox = await openOutbox({ dir, accountId, clock: fakeClock(), logger });
    expect(outbox.list().map((e) => e.id)).toEqual(['e0', 'e2']);
    expect(logger.lines.some((l) => l.level === 'error')).toBe(true);
    await outbox.close();
  });
});

describe('journal: compaction', () => {
  it('keeps the file small and the state identical across reopen', async () => {
    const dir = tempDir();
    let outbox = await open(dir, { compactAfterBytes: 4096 });
    for (let i = 0; i < 150; i += 1) {
      const entry = await outbox.enqueue(comment(i % 2 ? serverCase : otherServerCase, `note ${i}`));
      if (i % 3 === 0) {
        await outbox.markInFlight(entry.id);
        await outbox.markDone(entry.id, `${serverCase}/comments/${i}`);
      }
      if (i % 10 === 0) await outbox.forgetDone();
    }
    const expected = outbox.list();
    await outbox.close();
    const bytes = readFileSync(journalOf(dir));
    expect(decodeJournal(bytes).records[0]?.t).toBe('snapshot');
    expect(bytes.length).toBeLessThan(3 * 4096 + 2 * 16_000);
    outbox = await open(dir, { compactAfterBytes: 4096 });
    expect(outbox.list()).toEqual(expected);
    expect((await outbox.enqueue(comment(serverCase))).seq).toBe(150);
    await outbox.close();
  });

  it('recovers when a compaction was interrupted before its rename', async () => {
    const { bytes, states } = await buildJournal();
    const dir = tempDir();
    mkdirSync(path.join(dir, accountId));
    writeFileSync(journalOf(dir), bytes);
    const snapshot = encodeRecord({ t: 'snapshot', nextSeq: 99, entries: [], remaps: [] });
    writeFileSync(compactionTempFile(journalOf(dir)), snapshot.subarray(0, snapshot.length - 5));
    const logger = collectingLogger();
    const outbox = await openOutbox({ dir, accountId, clock: fakeClock(), logger, compactAfterBytes: 1 });
    expect(outbox.list()).toEqual(states[states.length - 1]);
    expect(logger.lines.map((l) => l.message)).toContain('outbox journal: removing an interrupted compaction');
    // A tiny threshold compacts on the next write; the result replays to the same state.
    const added = await outbox.enqueue(comment(serverCase));
    await outbox.close();
    const again = await open(dir);
    expect(again.list()).toEqual([...(states[states.length - 1] ?? []), added]);
    expect(decodeJournal(readFileSync(journalOf(dir))).records).toHaveLength(1);
    await again.close();
  });

  it('keeps journaling when a compaction cannot be written', async () => {
    const dir = tempDir();
    const logger = collectingLogger();
    const outbox = await openOutbox({ dir, accountId, clock: fakeClock(), logger, compactAfterBytes: 1 });
    mkdirSync(compactionTempFile(journalOf(dir))); // the temp path is taken: every compaction fails
    const first = await outbox.enqueue(comment(serverCase, 'one'));
    const second = await outbox.enqueue(comment(serverCase, 'two'));
    expect(logger.lines.filter((l) => l.message.startsWith('outbox journal: compaction failed')).length).toBeGreaterThan(0);
    await outbox.close();
    const again = await open(dir);
    expect(again.list()).toEqual([first, second]);
    await again.close();
  });
});
