import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeUploadFs, type UploadFs } from '../../../electron/services/files/upload-staging';
import { createCoreFixture, type CoreFixture } from '../support/core-fixture';

// Upload staging on a disk that fills up or turns read-only: typed errors, no crash, nothing half-written left.

const sender = { url: 'test', isMainFrame: true };
const errno = (code: string): Error => Object.assign(new Error(`${code}: simulated`), { code });

/** The real file system, with a disk that can be made full (writes fail) or read-only (creates fail). */
function faultyDisk(): UploadFs & { mode: 'ok' | 'full' | 'readonly' | 'emfile' } {
  const disk = {
    mode: 'ok' as 'ok' | 'full' | 'readonly' | 'emfile',
    mkdir: nodeUploadFs.mkdir,
    rm: nodeUploadFs.rm,
    async create(file: string) {
      if (disk.mode === 'readonly') throw errno('EROFS');
      if (disk.mode === 'emfile') throw errno('EMFILE');
      const handle = await nodeUploadFs.create(file);
      return {
        write: async (bytes: Uint8Array) => {
          if (disk.mode === 'full') throw errno('ENOSPC');
          await handle.write(bytes);
        },
        close: handle.close,
      };
    },
  };
  return disk;
}

let fixture: CoreFixture;
let accountId: string;
let caseName: string;
const disk = faultyDisk();
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
  fixture = await createCoreFixture({ sandbox: { cases: 30 }, uploadFs: disk });
  accountId = await fixture.signIn('agent1@reseller-a.example');
  const replica = await fixture.openReplica(accountId);
  await fixture.waitForStatus(accountId, (status) => !status.syncing && status.connection === 'online');
  caseName = [...replica.cases.values()].find((record) => record.state !== 'CLOSED')?.name ?? '';
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  process.off('uncaughtException', onUnhandled);
  await fixture?.close();
});

const begin = (filename = 'log.txt', sizeBytes = 4) =>
  fixture.core.dispatch('attachments.stageBegin', { accountId, filename, mimeType: 'text/plain', sizeBytes }, sender);
const stagingDir = (): string => path.join(fixture.userData, 'uploads-in-progress', accountId);

describe('upload staging on a failing disk', () => {
  it('a disk-full chunk answers storage_full, removes the partial file, and the app keeps working', async () => {
    const started = await begin();
    expect(started.ok).toBe(true);
    const { uploadId } = (started as { value: { uploadId: string } }).value;
    disk.mode = 'full';
    const chunk = await fixture.core.dispatch(
      'attachments.stageChunk',
      { accountId, uploadId, offset: 0, bytes: new Uint8Array(4) },
      sender,
    );
    expect(chunk).toMatchObject({ ok: false, error: { code: 'storage_full', retryable: false } });
    expect(readdirSync(stagingDir())).toEqual([]);
    // The failed upload is gone; the next one (disk freed) goes through to the outbox.
    disk.mode = 'ok';
    const again = await begin();
    const next = (again as { value: { uploadId: string } }).value.uploadId;
    await fixture.core.dispatch(
      'attachments.stageChunk',
      { accountId, uploadId: next, offset: 0, bytes: new Uint8Array([1, 2, 3, 4]) },
      sender,
    );
    const committed = await fixture.core.dispatch('attachments.stageCommit', { accountId, uploadId: next, caseRef: caseName }, sender);
    expect(committed).toMatchObject({ ok: true, value: { mutation: { kind: 'upload_attachment', mimeType: 'text/plain' } } });
    expect(unhandled).toEqual([]);
  });

  it('stageBegin answers only once the file is open: a read-only disk or no file handles is storage_unavailable', async () => {
    for (const mode of ['readonly', 'emfile'] as const) {
      disk.mode = mode;
      await expect(begin()).resolves.toMatchObject({ ok: false, error: { code: 'storage_unavailable' } });
    }
    disk.mode = 'ok';
    expect(unhandled).toEqual([]);
  });

  it('caps open uploads per account and drops them at sign-out', async () => {
    const opened: string[] = [];
    for (;;) {
      const result = await begin();
      if (!result.ok) {
        expect(result.error).toMatchObject({ code: 'rate_limited' });
        break;
      }
      opened.push((result.value as { uploadId: string }).uploadId);
      expect(opened.length).toBeLessThan(50);
    }
    expect(opened.length).toBe(4);
    expect(readdirSync(stagingDir())).toHaveLength(4);
    const signOut = await fixture.core.dispatch('accounts.signOut', { accountId }, sender);
    expect(signOut.ok).toBe(true);
    expect(existsSync(stagingDir())).toBe(false);
  });

  it('refuses hostile names and types before a byte is accepted', async () => {
    const other = await fixture.signIn('agent2@reseller-a.example');
    for (const [filename, mimeType] of [
      ['a.constructor', 'text/plain'],
      ['notes.txt', 'text/plain\r\nX-Injected: 1'],
      ['notes.txt', 'text'],
      ['notes.txt', 'text/plain; charset=utf-8'],
    ]) {
      const result = await fixture.core.dispatch('attachments.stageBegin', { accountId: other, filename, mimeType, sizeBytes: 3 }, sender);
      if (filename === 'a.constructor') expect(result.ok).toBe(true);
      else expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    }
    for (const filename of ['CON .txt', 'CONIN$', 'conout$.log', ' nul.txt ']) {
      const result = await fixture.core.dispatch(
        'attachments.stageBegin',
        { accountId: other, filename, mimeType: '', sizeBytes: 3 },
        sender,
      );
      expect(result).toMatchObject({ ok: true, value: { filename: expect.stringMatching(/^_/) } });
      await fixture.core.dispatch(
        'attachments.stageAbort',
        { accountId: other, uploadId: (result as { value: { uploadId: string } }).value.uploadId },
        sender,
      );
    }
  });
});

describe('upload staging lifecycle', () => {
  it('drops an upload that stays idle, and sweeps leftovers at start', async () => {
    const { mkdtempSync, writeFileSync, mkdirSync } = await import('node:fs');
    const os = await import('node:os');
    const { createUploadStaging } = await import('../../../electron/services/files/upload-staging');
    const tempDir = mkdtempSync(path.join(os.tmpdir(), 'uploads-'));
    mkdirSync(path.join(tempDir, 'acc_old'));
    writeFileSync(path.join(tempDir, 'acc_old', 'left-by-a-crash.part'), 'x');
    const timers: (() => void)[] = [];
    const staging = createUploadStaging({
      tempDir,
      logger: { info: () => {}, warn: () => {}, error: () => {} },
      clock: {
        now: () => 0,
        setTimer: (_ms, callback) => {
          timers.push(callback);
          return () => void timers.splice(timers.indexOf(callback), 1);
        },
      },
      idleTimeoutMs: 1000,
      maxBytesFor: async () => 1024,
      stagingFor: async () => {
        throw new Error('not used');
      },
      enqueueUpload: async () => {
        throw new Error('not used');
      },
      drafts: {} as never, // not used by this test
    });
    await staging.sweep();
    expect(existsSync(tempDir)).toBe(false);
    await staging.begin('acc_a', { filename: 'a.txt', mimeType: 'text/plain', sizeBytes: 3 });
    expect(staging.openCount('acc_a')).toBe(1);
    expect(timers).toHaveLength(1);
    timers[0]?.(); // the idle timeout fires
    await expect.poll(() => staging.openCount('acc_a')).toBe(0);
    await expect.poll(() => readdirSync(path.join(tempDir, 'acc_a'))).toEqual([]);
  });
});
