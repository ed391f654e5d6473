import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEGACY_EXTENSIONS_FOR_CLIENT } from '../../../electron/sandbox';
import type { DraftFile, OutboxEntry } from '../../../shared/ipc';
import { createCoreFixture, type CoreFixture } from '../support/core-fixture';

// Through the core over real HTTP: the public status feed and help search carry no token;
// a new-case draft's files are staged durably, survive a restart, and are queued or discarded with the draft.

const sender = { url: 'test', isMainFrame: true };
type Ok<T> = { ok: true; value: T };
let fixture: CoreFixture;
let accountId: string;
const seen: Array<{ url: string; authorization: string | undefined }> = [];

const call = async <T>(channel: string, request: unknown): Promise<T> => {
  const result = await fixture.core.dispatch(channel, request, sender);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return (result as Ok<T>).value;
};

beforeAll(async () => {
  fixture = await createCoreFixture({
    sandbox: { extensions: [...LEGACY_EXTENSIONS_FOR_CLIENT, 'helpCenter'] },
    fetch: (input, init) => {
      seen.push({ url: String(input), authorization: new Headers(init?.headers).get('authorization') ?? undefined });
      return fetch(input, init);
    },
  });
  accountId = await fixture.signIn('agent1@reseller-a.example');
});
afterAll(async () => fixture?.close());

describe('public feeds', () => {
  it('reads the status feed without the bearer token the API calls carry', async () => {
    seen.length = 0;
    const incidents = await call<Array<{ service_name: string; end?: string }>>('backend.incidents', { accountId });
    expect(incidents.some((incident) => incident.service_name === 'Gmail' && incident.end === undefined)).toBe(true);
    const feedRequests = seen.filter((request) => request.url.endsWith('/status/incidents.json'));
    expect(feedRequests.length).toBe(1);
    expect(feedRequests[0]?.authorization).toBeUndefined();
    // The control: the same account's API calls do carry the token.
    await fixture.openReplica(accountId);
    await expect
      .poll(() => seen.some((request) => request.url.includes('/v2/') && request.authorization?.startsWith('Bearer ')))
      .toBe(true);
  });

  it('searches help articles through the declared extension, without a token, in the asked language', async () => {
    seen.length = 0;
    const answer = await call<{ source: string; articles?: Array<{ id: string; title: string; uri: string }> }>('help.search', {
      accountId,
      query: 'Outbound mail delivery to external recipients is delayed',
      languageCode: 'fr',
    });
    expect(answer.source).toBe('backend');
    expect(answer.articles?.[0]?.id).toBe('mail-delivery-delays');
    expect(answer.articles?.[0]?.title).toMatch(/Retards de distribution/);
    expect(answer.articles?.[0]?.uri).toMatch(/^https:\/\/support\.google\.com\/a\/search\?q=.*&hl=fr$/);
    const helpRequests = seen.filter((request) => request.url.includes('/sandbox/help/'));
    expect(helpRequests.length).toBe(1);
    expect(helpRequests[0]?.authorization).toBeUndefined();
  });
});

describe('new-case draft files', () => {
  const draftId = '6f1c2b84-8d0e-4a55-9f0a-2f4d3c1b0a99';

  async function stage(filename: string, text: string, piiKept = false): Promise<DraftFile> {
    const bytes = new TextEncoder().encode(text);
    const { uploadId } = await call<{ uploadId: string }>('attachments.stageBegin', {
      accountId,
      filename,
      mimeType: 'text/plain',
      sizeBytes: bytes.byteLength,
    });
    await call('attachments.stageChunk', { accountId, uploadId, offset: 0, bytes });
    return call<DraftFile>('attachments.stageForDraft', { accountId, uploadId, draftId, piiKept });
  }

  it('keeps two files across a restart, queues one to a case and discards the other with the draft', async () => {
    const first = await stage('headers.txt', 'Received: from mx.example');
    const second = await stage('trace.log', 'line 1\nline 2', true);
    expect(second.piiKept).toBe(true);
    expect(await call('mutations.list', { accountId })).toEqual([]);

    await fixture.restart();
    const listed = await call<DraftFile[]>('attachments.draftFiles', { accountId, draftId });
    expect(listed.map((file) => file.filename)).toEqual(['headers.txt', 'trace.log']);
    const head = await call<{ bytes: Uint8Array }>('attachments.draftFileHead', { accountId, draftId, fileId: first.fileId });
    expect(new TextDecoder().decode(head.bytes)).toBe('Received: from mx.example');

    const replica = await fixture.openReplica(accountId);
    await expect.poll(() => replica.cases.size).toBeGreaterThan(0);
    const caseRef = [...replica.cases.values()].find((record) => record.state !== 'CLOSED')?.name ?? '';
    await fixture.sandbox.admin.setOffline(true); // the upload stays queued, so the restart below must keep its bytes
    const entry = await call<OutboxEntry>('attachments.commitDraftFile', { accountId, draftId, fileId: first.fileId, caseRef });
    expect(entry.mutation).toMatchObject({ kind: 'upload_attachment', filename: 'headers.txt', sizeBytes: first.sizeBytes });
    expect((await call<DraftFile[]>('attachments.draftFiles', { accountId, draftId })).map((file) => file.fileId)).toEqual([second.fileId]);

    await call('attachments.discardDraftFiles', { accountId, draftId });
    expect(await call('attachments.draftFiles', { accountId, draftId })).toEqual([]);
    await expect(call('attachments.draftFileHead', { accountId, draftId, fileId: second.fileId })).rejects.toMatchObject({
      code: 'not_found',
    });
    // The queued upload kept its own staged copy: a restart's orphan sweep of the outbox leaves it.
    await fixture.restart();
    expect((await call<OutboxEntry[]>('mutations.list', { accountId })).map((e) => e.mutation.kind)).toEqual(['upload_attachment']);
    await fixture.sandbox.admin.setOffline(false);
  });

  it('refuses a draft file that is not in the draft', async () => {
    await expect(
      call('attachments.commitDraftFile', { accountId, draftId, fileId: '00000000-0000-4000-8000-000000000000', caseRef: 'local:x' }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
