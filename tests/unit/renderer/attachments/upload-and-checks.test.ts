import { describe, expect, it } from 'vitest';
import { calls, fakeMain } from './fake-bridge';
import { AppError } from '../../../../shared/ipc';
import { checkFile, needsPiiScan, previewKind, scanFileForPii } from '../../../../renderer/features/attachments/checks';
import { CHUNK_BYTES, uploadFiles } from '../../../../renderer/features/attachments/upload';

const MIB = 1024 * 1024;
const entry = (id: string) => ({
  id,
  accountId: 'acct',
  seq: 1,
  createdAt: new Date().toISOString(),
  status: 'queued',
  attempts: 0,
  mutation: { kind: 'upload_attachment', caseRef: 'c', stagedFileId: 's', filename: 'f', mimeType: 'text/plain', sizeBytes: 1 },
});

describe('file checks before anything is queued', () => {
  const max = 5 * MIB;
  it('refuses blocked types, empty and oversized files, and sanitizes names', () => {
    expect(checkFile({ name: 'setup.exe', size: 10 }, max).problem).toMatchObject({
      code: 'blocked',
      extension: 'exe',
      reason: 'executable',
    });
    expect(checkFile({ name: 'evil.ps1. ', size: 10 }, max).problem).toMatchObject({ code: 'blocked', extension: 'ps1' });
    expect(checkFile({ name: 'empty.txt', size: 0 }, max).problem).toEqual({ code: 'empty' });
    expect(checkFile({ name: 'big.zip', size: max + 1 }, max).problem).toEqual({ code: 'too_large', maxBytes: max });
    expect(checkFile({ name: 'ok.zip', size: max }, max)).toEqual({ filename: 'ok.zip', problem: null });
    expect(checkFile({ name: '../../etc/pass\u0007wd.log', size: 1 }, max)).toEqual({ filename: 'pass_wd.log', problem: null });
    expect(checkFile({ name: '...', size: 1 }, max).problem).toEqual({ code: 'bad_name' });
  });

  it('scans text-like files for PII and previews markup as text only', async () => {
    expect(['a.txt', 'a.LOG', 'a.csv', 'a.json', 'a.eml', 'a.har'].every(needsPiiScan)).toBe(true);
    expect(needsPiiScan('a.png')).toBe(false);
    const findings = await scanFileForPii(
      new Blob(['user jane.doe@customer.example called from 10.1.2.3, agent agent1@reseller-a.example']),
      ['agent1@reseller-a.example'],
    );
    expect(findings.map((f) => f.match)).toEqual(['jane.doe@customer.example', '10.1.2.3']);
    expect(previewKind('text/html', 'x.html')).toBe('text');
    expect(previewKind('image/svg+xml', 'x.svg')).toBe('text');
    expect(previewKind('message/rfc822', 'headers.eml')).toBe('text');
    expect(previewKind('image/png', 'x.png')).toBe('image');
    expect(previewKind('application/pdf', 'x.pdf')).toBe('pdf');
    expect(previewKind('application/zip', 'x.zip')).toBe('none');
  });
});

describe('uploadFiles', () => {
  it('streams each file to main in ordered ≤ 1 MiB chunks, commits it to the case and reports progress', async () => {
    const staged = new Map<string, number>();
    fakeMain((channel, request) => {
      if (channel === 'attachments.stageBegin') {
        const uploadId = crypto.randomUUID();
        staged.set(uploadId, 0);
        return { uploadId, filename: request['filename'] };
      }
      if (channel === 'attachments.stageChunk') {
        const bytes = request['bytes'] as Uint8Array;
        expect(bytes.byteLength).toBeLessThanOrEqual(CHUNK_BYTES);
        expect(request['offset']).toBe(staged.get(request['uploadId'] as string));
        staged.set(request['uploadId'] as string, (request['offset'] as number) + bytes.byteLength);
        return { received: staged.get(request['uploadId'] as string) };
      }
      if (channel === 'attachments.stageCommit') return entry(request['uploadId'] as string);
      throw new Error(channel);
    });
    const big = new File([new Uint8Array(2 * MIB + 5)], 'big.bin');
    const small = new File(['hello'], 'note.txt', { type: 'text/plain' });
    const progress: number[] = [];
    const entries = await uploadFiles(
      'acct',
      'organizations/1/cases/9',
      [
        { file: big, filename: 'big.bin' },
        { file: small, filename: 'note.txt' },
      ],
      (sent) => progress.push(sent),
    );
    expect(entries).toHaveLength(2);
    expect(progress).toEqual([0, MIB, 2 * MIB, 2 * MIB + 5, 2 * MIB + 10]);
    expect(calls.filter((c) => c.channel === 'attachments.stageCommit').map((c) => c.request['caseRef'])).toEqual([
      'organizations/1/cases/9',
      'organizations/1/cases/9',
    ]);
    expect(calls.find((c) => c.channel === 'attachments.stageBegin' && c.request['filename'] === 'note.txt')?.request).toMatchObject({
      mimeType: 'text/plain',
      sizeBytes: 5,
    });
  });

  it('aborts the staging on an error and rethrows it typed', async () => {
    fakeMain((channel) => {
      if (channel === 'attachments.stageBegin') return { uploadId: '00000000-0000-4000-8000-000000000001', filename: 'x.bin' };
      if (channel === 'attachments.stageChunk') throw new AppError('internal', 'disk full');
      if (channel === 'attachments.stageAbort') return {};
      throw new Error(channel);
    });
    const error = await uploadFiles('acct', 'c', [{ file: new File(['abc'], 'x.bin'), filename: 'x.bin' }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'internal' });
    expect(calls.map((c) => c.channel)).toEqual(['attachments.stageBegin', 'attachments.stageChunk', 'attachments.stageAbort']);
  });

  it("passes main's typed refusal (too large) through without staging a byte", async () => {
    fakeMain((channel) => {
      if (channel === 'attachments.stageBegin') throw new AppError('payload_too_large', 'The file is larger than the 5 MB limit.');
      throw new Error(channel);
    });
    await expect(uploadFiles('acct', 'c', [{ file: new File(['abc'], 'x.bin'), filename: 'x.bin' }])).rejects.toMatchObject({
      code: 'payload_too_large',
    });
    expect(calls.map((c) => c.channel)).toEqual(['attachments.stageBegin']);
  });
});
