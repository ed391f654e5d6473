// The offline changes of the chaos suite: every mutation kind the agent can make, with what the
// server must show afterwards. Seeded: the same seed plans the same run.
import type { Mutation, MutationKind, ReplicaCase, ReplicaCustomer } from '../../../../shared/ipc';
import type { CoreFixture } from '../../support/core-fixture';

const sender = { url: 'test', isMainFrame: true };

export interface ChaosExpectations {
  /** body → case */
  readonly comments: Map<string, string>;
  /** title → customer */
  readonly creates: Map<string, string>;
  /** case → last priority */
  readonly priority: Map<string, string>;
  /** case → last subscriber list ("share") */
  readonly subscribers: Map<string, string[]>;
  readonly closed: Set<string>;
  /** closed, then reopened: open at the end */
  readonly reopened: Set<string>;
  readonly escalated: Set<string>;
  /** filename → case and size */
  readonly uploads: Map<string, { caseName: string; sizeBytes: number }>;
  readonly byKind: Record<MutationKind, number>;
}

export function emptyExpectations(): ChaosExpectations {
  return {
    comments: new Map(),
    creates: new Map(),
    priority: new Map(),
    subscribers: new Map(),
    closed: new Set(),
    reopened: new Set(),
    escalated: new Set(),
    uploads: new Map(),
    byKind: {
      create_case: 0,
      comment: 0,
      set_priority: 0,
      set_subscribers: 0,
      close: 0,
      reopen: 0,
      escalate: 0,
      upload_attachment: 0,
    },
  };
}

async function enqueue(fixture: CoreFixture, accountId: string, mutation: Mutation, expected: ChaosExpectations): Promise<void> {
  const result = await fixture.core.dispatch('mutations.enqueue', { accountId, mutation }, sender);
  if (!result.ok) throw new Error(`enqueue ${mutation.kind} failed: ${JSON.stringify(result.error)}`);
  expected.byKind[mutation.kind] += 1;
}

/** Stages bytes through the bridge (as the renderer does) and queues the upload. */
async function upload(fixture: CoreFixture, accountId: string, caseName: string, filename: string, size: number): Promise<void> {
  const bytes = new Uint8Array(size).map((_, index) => (index * 31 + size) % 251);
  const call = async <T>(channel: string, request: unknown): Promise<T> => {
    const result = await fixture.core.dispatch(channel, request, sender);
    if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
    return result.value as T;
  };
  const { uploadId } = await call<{ uploadId: string }>('attachments.stageBegin', {
    accountId,
    filename,
    mimeType: 'text/plain',
    sizeBytes: size,
  });
  await call('attachments.stageChunk', { accountId, uploadId, offset: 0, bytes });
  await call('attachments.stageCommit', { accountId, uploadId, caseRef: caseName });
}

interface AccountView {
  readonly customers: ReplicaCustomer[];
  readonly open: ReplicaCase[];
  readonly categoryId: string;
}

function viewOf(fixture: CoreFixture, accountId: string): AccountView {
  const replica = fixture.replicas.get(accountId);
  const customers = [...(replica?.customers.values() ?? [])].filter((customer) => customer.access === 'authorized');
  const open = [...(replica?.cases.values() ?? [])].filter(
    (record) => record.state !== 'CLOSED' && !record.escalated && customers.some((c) => c.customerId === record.customerId),
  );
  return { customers, open, categoryId: [...(replica?.categories.keys() ?? [])][0] ?? '' };
}

/** One-off changes on cases set aside for them: close, close + reopen, escalate (Premium customers). */
async function planOneOffs(
  fixture: CoreFixture,
  accountId: string,
  view: AccountView,
  expected: ChaosExpectations,
  reopen: boolean,
): Promise<Set<string>> {
  // Whose offering includes escalations is the sandbox world's secret (Google's API never says).
  const premium = new Set(
    fixture.sandbox.admin
      .customers()
      .filter((customer) => customer.premium)
      .map((customer) => customer.customerId),
  );
  const reserved = new Set<string>();
  for (const record of view.open.slice(0, 5)) {
    reserved.add(record.name);
    expected.closed.add(record.name);
    await enqueue(fixture, accountId, { kind: 'close', caseRef: record.name }, expected);
  }
  if (reopen) {
    for (const record of view.open.slice(5, 8)) {
      reserved.add(record.name);
      expected.reopened.add(record.name);
      await enqueue(fixture, accountId, { kind: 'close', caseRef: record.name }, expected);
      await enqueue(fixture, accountId, { kind: 'reopen', caseRef: record.name }, expected);
    }
  }
  for (const record of view.open.filter((candidate) => premium.has(candidate.customerId) && !reserved.has(candidate.name)).slice(0, 3)) {
    reserved.add(record.name);
    expected.escalated.add(record.name);
    const justification = `Chaos escalation for ${record.caseNumber}: customer blocked.`;
    await enqueue(fixture, accountId, { kind: 'escalate', caseRef: record.name, reason: 'BUSINESS_IMPACT', justification }, expected);
  }
  return reserved;
}

/** Queues `count` changes for one account (the sandbox is offline meanwhile). */
export async function planAccount(
  fixture: CoreFixture,
  accountId: string,
  count: number,
  random: () => number,
  expected: ChaosExpectations,
  options: { readonly reopen: boolean },
): Promise<void> {
  const view = viewOf(fixture, accountId);
  const queued = (): number => Object.values(expected.byKind).reduce((a, b) => a + b, 0);
  const before = queued();
  const reserved = await planOneOffs(fixture, accountId, view, expected, options.reopen);
  // Cases set aside get no other change: commenting on a closed case is refused by design.
  const busy = view.open.filter((record) => !reserved.has(record.name)).slice(0, 40);
  const tag = accountId.slice(-6);
  for (let index = queued() - before; index < count; index += 1) {
    const roll = random();
    const target = busy[Math.floor(random() * busy.length)] as ReplicaCase;
    if (roll < 0.53) {
      const body = `chaos ${accountId} #${index}: please check the headers (${Math.floor(random() * 1e9)})`;
      expected.comments.set(body, target.name);
      await enqueue(fixture, accountId, { kind: 'comment', caseRef: target.name, body }, expected);
    } else if (roll < 0.71) {
      const priority = (['P1', 'P2', 'P3', 'P4'] as const)[Math.floor(random() * 4)] ?? 'P3';
      expected.priority.set(target.name, priority);
      await enqueue(fixture, accountId, { kind: 'set_priority', caseRef: target.name, priority }, expected);
    } else if (roll < 0.81) {
      const subscriberEmails = [`cc${index}@customer.example`, ...(random() < 0.5 ? [`lead${index}@customer.example`] : [])];
      expected.subscribers.set(target.name, subscriberEmails);
      await enqueue(fixture, accountId, { kind: 'set_subscribers', caseRef: target.name, subscriberEmails }, expected);
    } else if (roll < 0.86) {
      const filename = `chaos-${tag}-${index}.log`;
      const sizeBytes = 512 + Math.floor(random() * 16_384);
      expected.uploads.set(filename, { caseName: target.name, sizeBytes });
      await upload(fixture, accountId, target.name, filename, sizeBytes);
      expected.byKind.upload_attachment += 1;
    } else {
      const customer = view.customers[Math.floor(random() * view.customers.length)];
      const title = `Chaos case ${tag}-${index}`;
      expected.creates.set(title, customer?.customerId ?? '');
      const mutation: Mutation = {
        kind: 'create_case',
        localId: `local:${crypto.randomUUID()}`,
        customerId: customer?.customerId ?? '',
        displayName: title,
        description: `Created offline during the chaos run (${index}).`,
        classificationId: view.categoryId,
        priority: 'P3',
        languageCode: 'en',
        timeZone: 'Asia/Taipei',
        subscriberEmails: [],
      };
      await enqueue(fixture, accountId, mutation, expected);
    }
  }
}
