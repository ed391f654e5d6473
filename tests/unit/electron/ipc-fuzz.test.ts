import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, invokeChannels, type InvokeChannel, type OutboxEntry } from '../../../shared/ipc';
import { STARTER_PLAN } from '../../../shared/domain';
import { createCoreFixture, type CoreFixture } from '../support/core-fixture';
import { seededRandom } from '../support/seeded-random';

// The IPC fuzzer: thousands of malformed and hostile requests over every channel of the
// contract, many of them naming another account's cases, entries, uploads and downloads.
// Fixed seed (a failure replays), bounded time. Every answer must be a typed envelope:
// 0 crashes, 0 hangs, 0 `internal` (untyped) errors, 0 effects on another account.

const sender = { url: 'test', isMainFrame: true };
const seed = 20261201;
const requests = 3000;
const perCallTimeoutMs = 10_000;

interface Target {
  accountId: string;
  caseName: string;
  entryId: string;
  uploadId: string;
  downloadId: string;
  attachmentName: string;
}

/** A well-formed request per channel, built around one account's resources (then mutated). */
const templates: Record<InvokeChannel, (t: Target) => unknown> = {
  'app.info': () => ({}),
  'app.echo': () => ({ text: 'hi', bytes: new Uint8Array(4) }),
  'app.emitHeartbeat': () => ({}),
  'settings.get': () => ({}),
  'settings.set': () => ({ theme: 'dark' }),
  'accounts.list': () => ({}),
  'accounts.signIn': () => ({ backend: 'sandbox', domain: 'reseller-a.example' }),
  'accounts.cancelSignIn': () => ({}),
  // Never a real account id: a sign-out is an effect by design, not by accident.
  'accounts.signOut': () => ({ accountId: 'acc_0000000000000000' }),
  'replica.hello': (t) => ({ accountId: t.accountId, cursor: '{"v":1}' }),
  'replica.ack': (t) => ({ accountId: t.accountId, batchId: randomUUID() }),
  'replica.nack': (t) => ({ accountId: t.accountId, batchId: randomUUID(), reason: 'disk full' }),
  'mutations.enqueue': (t) => ({ accountId: t.accountId, mutation: { kind: 'comment', caseRef: t.caseName, body: 'fuzz' } }),
  'mutations.list': (t) => ({ accountId: t.accountId }),
  'mutations.retry': (t) => ({ accountId: t.accountId, id: t.entryId }),
  'mutations.edit': (t) => ({ accountId: t.accountId, id: t.entryId, mutation: { kind: 'comment', caseRef: t.caseName, body: 'edited' } }),
  'mutations.discard': (t) => ({ accountId: t.accountId, id: t.entryId }),
  'sync.now': (t) => ({ accountId: t.accountId }),
  'sync.statuses': () => ({}),
  'backend.info': (t) => ({ accountId: t.accountId }),
  'backend.incidents': (t) => ({ accountId: t.accountId }),
  'attachments.stageBegin': (t) => ({ accountId: t.accountId, filename: 'a.txt', mimeType: 'text/plain', sizeBytes: 3 }),
  'attachments.stageChunk': (t) => ({ accountId: t.accountId, uploadId: t.uploadId, offset: 0, bytes: new Uint8Array(3) }),
  'attachments.stageCommit': (t) => ({ accountId: t.accountId, uploadId: t.uploadId, caseRef: t.caseName }),
  'attachments.stageAbort': (t) => ({ accountId: t.accountId, uploadId: t.uploadId }),
  'attachments.openDownload': (t) => ({ accountId: t.accountId, attachmentName: t.attachmentName }),
  'attachments.readChunk': (t) => ({ accountId: t.accountId, downloadId: t.downloadId }),
  'attachments.cancelDownload': (t) => ({ accountId: t.accountId, downloadId: t.downloadId }),
  'attachments.saveAs': (t) => ({ accountId: t.accountId, attachmentName: t.attachmentName, filename: 'x.txt' }),
  'attachments.stageForDraft': (t) => ({ accountId: t.accountId, uploadId: t.uploadId, draftId: t.uploadId, piiKept: false }),
  'attachments.draftFiles': (t) => ({ accountId: t.accountId, draftId: t.uploadId }),
  'attachments.draftFileHead': (t) => ({ accountId: t.accountId, draftId: t.uploadId, fileId: t.uploadId }),
  'attachments.commitDraftFile': (t) => ({ accountId: t.accountId, draftId: t.uploadId, fileId: t.uploadId, caseRef: t.caseName }),
  'attachments.discardDraftFiles': (t) => ({ accountId: t.accountId, draftId: t.uploadId }),
  'help.search': (t) => ({ accountId: t.accountId, query: 'mail delays', languageCode: 'en' }),
  'portal.open': (t) => ({ accountId: t.accountId, caseNumber: '123' }),
  'cases.fetchThread': (t) => ({ accountId: t.accountId, caseName: t.caseName }),
  'policy.get': () => ({}),
  'log.write': () => ({ level: 'info', message: 'fuzz', fields: { a: 1 } }),
  'diagnostics.preview': () => ({}),
  'diagnostics.save': () => ({}),
  'update.status': () => ({}),
  'update.check': () => ({}),
  'update.restart': () => ({ draftsOpen: true }),
  'agency.get': () => ({}),
  'agency.savePlan': () => ({ plan: { ...STARTER_PLAN, id: 'fuzz-plan', name: 'Fuzz plan' } }),
  'agency.deletePlan': () => ({ planId: 'fuzz-plan' }),
  'agency.setDefaultPlan': () => ({ planId: STARTER_PLAN.id }),
  'agency.setCustomer': () => ({ customerId: 'C0fuzz', offering: 'premium', planId: null }),
  'agency.clearDemo': () => ({}),
  'agency.importCsv': () => ({ kind: 'plans', text: 'id,name\nfuzz,Fuzz\n' }),
  'agency.exportCsv': () => ({ kind: 'customers' }),
  'reports.savePdf': () => ({ suggestedName: 'report.pdf' }),
  'reports.saveCsv': () => ({ suggestedName: 'report.csv', text: 'a,b\n1,2\n' }),
};

function deepNest(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
}

function hostileValues(other: Target): unknown[] {
  return [
    undefined,
    null,
    true,
    0,
    -1,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    2 ** 53 + 1,
    '',
    ' ',
    'x'.repeat(70_000),
    '../../../../etc/passwd',
    '..\\..\\windows\\win.ini',
    '__proto__',
    'constructor',
    '\u0000\u202e',
    'CON .txt',
    'local:',
    'local:not-queued',
    'organizations/999999/cases/1',
    'acc_unknown',
    `acc_${'x'.repeat(200)}`,
    other.accountId,
    other.caseName,
    other.entryId,
    other.uploadId,
    other.downloadId,
    other.attachmentName,
    randomUUID(),
    {},
    [],
    [[[[[]]]]],
    deepNest(5000),
    new Uint8Array(3),
    new Uint8Array(3 * 1024 * 1024),
    JSON.parse('{"__proto__":{"polluted":true}}'),
    Object.create(null),
    { kind: 'comment', caseRef: other.caseName, body: 'cross-account' },
    { kind: 'create_case', localId: 'local:x', customerId: 'C0000000', displayName: 'x', description: 'x' },
  ];
}

function mutate(request: unknown, random: () => number, pool: unknown[]): unknown {
  const pick = (): unknown => pool[Math.floor(random() * pool.length)];
  if (request === null || typeof request !== 'object' || Array.isArray(request)) return pick();
  const copy: Record<string, unknown> = { ...(request as Record<string, unknown>) };
  const keys = Object.keys(copy);
  const edits = 1 + Math.floor(random() * 3);
  for (let i = 0; i < edits; i += 1) {
    const roll = random();
    const key = keys[Math.floor(random() * keys.length)];
    if (roll < 0.55 && key) copy[key] = key === 'mutation' && random() < 0.5 ? mutate(copy[key], random, pool) : pick();
    else if (roll < 0.7 && key) delete copy[key];
    else if (roll < 0.85) copy[['extra', '__proto__', 'constructor', 'then'][Math.floor(random() * 4)] ?? 'extra'] = pick();
    else return pick();
  }
  return copy;
}

let fixture: CoreFixture;
let mine: Target;
let theirs: Target;

async function call<T = never>(channel: string, request: unknown): Promise<T> {
  const result = await fixture.core.dispatch(channel, request, sender);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function targetFor(accountId: string): Promise<Target> {
  const replica = await fixture.openReplica(accountId);
  await fixture.waitForStatus(accountId, (status) => !status.syncing && status.connection === 'online');
  const caseName = [...replica.cases.values()].find((record) => record.state !== 'CLOSED')?.name ?? '';
  const entry: OutboxEntry = await call('mutations.enqueue', { accountId, mutation: { kind: 'comment', caseRef: caseName, body: 'mine' } });
  const { uploadId } = await call<{ uploadId: string }>('attachments.stageBegin', {
    accountId,
    filename: 'kept.txt',
    mimeType: 'text/plain',
    sizeBytes: 3,
  });
  return { accountId, caseName, entryId: entry.id, uploadId, downloadId: randomUUID(), attachmentName: `${caseName}/attachments/x` };
}

beforeAll(async () => {
  // No request budget: the fuzzer sends ~3,400 requests a minute, several times the account's
  // budget, and waiting for a slot then is the budget working, not a hang.
  fixture = await createCoreFixture({
    sandbox: { cases: 60 },
    httpTimeoutMs: 3_000,
    sync: { afterChangeMs: 60 * 60_000, requestsPerMinute: Number.POSITIVE_INFINITY },
  });
  const a = await fixture.signIn('agent1@reseller-a.example');
  const b = await fixture.signIn('agent1@reseller-b.example');
  fixture.browser.choose('cancel'); // a fuzzed sign-in is cancelled on the sign-in page
  mine = await targetFor(a);
  theirs = await targetFor(b);
}, 60_000);
afterAll(async () => fixture?.close());

describe('IPC fuzzer', () => {
  it(`${requests} malformed requests over every channel: typed answers only, nothing crosses accounts`, { timeout: 180_000 }, async () => {
    const random = seededRandom(seed);
    const pool = [...hostileValues(theirs), ...hostileValues(mine)];
    const safeForSignOut = pool.filter((value) => value !== mine.accountId && value !== theirs.accountId);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    process.on('uncaughtException', onUnhandled);
    const theirEntriesBefore: OutboxEntry[] = await call('mutations.list', { accountId: theirs.accountId });

    const counts = { requests: 0, ok: 0, typed: 0, internal: 0, crashes: 0, hangs: 0, byChannel: {} as Record<string, number> };
    const internals: string[] = [];
    const channels = [...invokeChannels, 'nope', '__proto__', 'constructor'];
    const started = Date.now();
    for (let i = 0; i < requests; i += 1) {
      const channel = channels[i % channels.length] ?? 'nope';
      const template = Object.hasOwn(templates, channel) ? templates[channel as InvokeChannel] : () => ({});
      // Mostly "my" account's id with hostile fields or the other account's resources in them.
      const roll = random();
      const base = template(mine);
      const values = channel === 'accounts.signOut' ? safeForSignOut : pool;
      const request =
        roll < 0.15 ? (values[Math.floor(random() * values.length)] ?? null) : roll < 0.3 ? base : mutate(base, random, values);
      const crossProbe =
        roll >= 0.15 && roll < 0.3 && channel !== 'accounts.signOut'
          ? { ...(template(theirs) as object), accountId: mine.accountId }
          : undefined;
      for (const payload of crossProbe ? [request, crossProbe] : [request]) {
        counts.requests += 1;
        counts.byChannel[channel] = (counts.byChannel[channel] ?? 0) + 1;
        let timer: NodeJS.Timeout | undefined;
        const hang = new Promise<'hang'>((resolve) => (timer = setTimeout(() => resolve('hang'), perCallTimeoutMs)));
        try {
          const result = await Promise.race([fixture.core.dispatch(channel, payload, sender), hang]);
          if (result === 'hang') counts.hangs += 1;
          else if (result.ok) counts.ok += 1;
          else if (result.error.code === 'internal' || !errorCodes.includes(result.error.code)) {
            counts.internal += 1;
            internals.push(`${channel}: ${result.error.message}`);
          } else counts.typed += 1;
        } catch (error) {
          counts.crashes += 1;
          internals.push(`${channel} threw: ${String(error)}`);
        } finally {
          clearTimeout(timer);
        }
      }
    }
    process.off('unhandledRejection', onUnhandled);
    process.off('uncaughtException', onUnhandled);
    counts.crashes += unhandled.length;

    // Cross-account effects: my queue holds nothing for their cases; their queue and upload are untouched.
    const myEntries: OutboxEntry[] = await call('mutations.list', { accountId: mine.accountId });
    const theirEntries: OutboxEntry[] = await call('mutations.list', { accountId: theirs.accountId });
    const refersToTheirs = (entry: OutboxEntry): boolean => JSON.stringify(entry.mutation).includes(theirs.caseName);
    const crossEffects =
      myEntries.filter(refersToTheirs).length +
      // (an entry may have been sent meanwhile by a "sync all"; none may be new or edited)
      theirEntries.filter((entry) => {
        const before = theirEntriesBefore.find((candidate) => candidate.id === entry.id);
        return !before || JSON.stringify(before.mutation) !== JSON.stringify(entry.mutation);
      }).length +
      ((
        await fixture.core.dispatch(
          'attachments.stageChunk',
          { accountId: theirs.accountId, uploadId: theirs.uploadId, offset: 0, bytes: new Uint8Array(3) },
          sender,
        )
      ).ok
        ? 0
        : 1);

    console.log(
      `ipc fuzz (seed ${seed}): ${counts.requests} requests over ${Object.keys(counts.byChannel).length} channels in ${Date.now() - started} ms — ` +
        `${counts.ok} ok, ${counts.typed} typed errors, ${counts.internal} internal, ${counts.crashes} crashes, ${counts.hangs} hangs, ${crossEffects} cross-account effects`,
    );
    expect(internals).toEqual([]);
    expect(counts).toMatchObject({ internal: 0, crashes: 0, hangs: 0 });
    expect(crossEffects).toBe(0);
    expect(counts.requests).toBeGreaterThanOrEqual(requests);
    expect(Object.keys(counts.byChannel)).toEqual(expect.arrayContaining([...invokeChannels]));
  });

  it('refuses a change to another domain’s case before journaling it', async () => {
    const result = await fixture.core.dispatch(
      'mutations.enqueue',
      { accountId: mine.accountId, mutation: { kind: 'comment', caseRef: theirs.caseName, body: 'wrong tab' } },
      sender,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const entries: OutboxEntry[] = await call('mutations.list', { accountId: mine.accountId });
    expect(entries.some((entry) => JSON.stringify(entry.mutation).includes(theirs.caseName))).toBe(false);
  });
});
