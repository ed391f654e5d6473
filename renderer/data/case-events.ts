// The case history (issue 17 §6). Google's API has no event log, so history comes from two
// places: what the agent changed here (outbox entries, recorded once the server confirmed
// them — only these know an escalation's reason and justification) and what differs
// between successive versions of a case seen in sync. A sync difference that matches a
// change made here confirms it instead of being listed twice.

import Dexie from 'dexie';
import type { OutboxEntry } from '../../shared/ipc';
import type { ReplicaDb } from './db';
import type { CaseEventRecord, CaseRecord } from './records';
import { bulkGetInSlices } from './slices';

type Change = Omit<CaseEventRecord, 'id' | 'caseName' | 'source' | 'atMs'>;

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const lower = (list: readonly string[]): string =>
    [...list]
      .map((s) => s.toLowerCase())
      .sort()
      .join('\n');
  return lower(a) === lower(b);
}

function subscriberChange(before: readonly string[], after: readonly string[]): Change | undefined {
  if (sameSet(before, after)) return undefined;
  const had = new Set(before.map((s) => s.toLowerCase()));
  const has = new Set(after.map((s) => s.toLowerCase()));
  return {
    kind: 'subscribers',
    added: after.filter((s) => !had.has(s.toLowerCase())),
    removed: before.filter((s) => !has.has(s.toLowerCase())),
  };
}

/** What changed between two versions of a case, as history entries (pure). */
export function caseChanges(previous: CaseRecord, next: CaseRecord): Change[] {
  const out: Change[] = [];
  if (previous.priority !== next.priority) out.push({ kind: 'priority', from: previous.priority, to: next.priority });
  if (previous.state !== next.state) {
    const kind = next.state === 'CLOSED' ? 'closed' : previous.state === 'CLOSED' ? 'reopened' : 'state';
    out.push({ kind, from: previous.state, to: next.state });
  }
  if (!previous.escalated && next.escalated) out.push({ kind: 'escalated' });
  const subscribers = subscriberChange(previous.subscriberEmails, next.subscriberEmails);
  if (subscribers) out.push(subscribers);
  return out;
}

/** Whether a change made here is the one a sync difference shows. */
function confirms(here: CaseEventRecord, change: Change): boolean {
  if (here.kind !== change.kind) return false;
  if (change.kind === 'subscribers')
    return sameSet(here.added ?? [], change.added ?? []) && sameSet(here.removed ?? [], change.removed ?? []);
  // Where a reopened case lands (new, in progress…) is Google's choice: the kind is enough.
  return change.kind === 'priority' || change.kind === 'state' ? here.to === change.to : true;
}

/**
 * Records the differences between the stored and the incoming versions of cases. Dexie calls
 * only: it runs inside applyBatch's transaction (which must include `caseEvents`).
 */
export async function recordSyncChanges(db: ReplicaDb, incoming: readonly CaseRecord[]): Promise<number> {
  const previous = await bulkGetInSlices(
    db.cases,
    incoming.map((record) => record.name),
  );
  let recorded = 0;
  for (let i = 0; i < incoming.length; i++) {
    const before = previous[i];
    const next = incoming[i] as CaseRecord;
    // A first version (the initial sync) is history's start, not a change.
    if (!before || next.updateTimeMs < before.updateTimeMs) continue;
    const changes = caseChanges(before, next);
    if (changes.length === 0) continue;
    const unconfirmed = (await eventsOf(db, next.name)).filter((event) => event.source === 'here' && !event.confirmed);
    for (const change of changes) {
      const mine = unconfirmed.find((event) => confirms(event, change));
      if (mine) {
        await db.caseEvents.update(mine.id, { confirmed: true });
        unconfirmed.splice(unconfirmed.indexOf(mine), 1);
        continue;
      }
      await db.caseEvents.put({
        ...change,
        id: `sync:${next.name}:${next.updateTimeMs}:${change.kind}`,
        caseName: next.name,
        source: 'sync',
        atMs: next.updateTimeMs,
      });
      recorded += 1;
    }
  }
  return recorded;
}

function eventsOf(db: ReplicaDb, caseName: string): Promise<CaseEventRecord[]> {
  return db.caseEvents.where('[caseName+atMs]').between([caseName, Dexie.minKey], [caseName, Dexie.maxKey], true, true).toArray();
}

/** The history entry a finished change made here stands for, given the case as the replica still has it. */
export function eventOfEntry(entry: OutboxEntry, before: CaseRecord | undefined, actorEmail: string): CaseEventRecord | undefined {
  const m = entry.mutation;
  if (m.kind === 'create_case' || m.kind === 'comment' || m.kind === 'upload_attachment') return undefined;
  const base = {
    id: `here:${entry.id}`,
    caseName: entry.resultName ?? m.caseRef,
    source: 'here' as const,
    atMs: Date.parse(entry.createdAt),
    actorEmail,
  };
  switch (m.kind) {
    case 'set_priority':
      return { ...base, kind: 'priority', ...(before ? { from: before.priority } : {}), to: m.priority };
    case 'close':
      return { ...base, kind: 'closed', ...(before ? { from: before.state } : {}), to: 'CLOSED' };
    case 'reopen':
      return { ...base, kind: 'reopened', from: 'CLOSED' };
    case 'escalate':
      return { ...base, kind: 'escalated', reason: m.reason, justification: m.justification };
    case 'set_subscribers': {
      const change = subscriberChange(before?.subscriberEmails ?? [], m.subscriberEmails);
      return change ? { ...base, ...change } : undefined;
    }
  }
}

/**
 * Keeps each change the server confirmed (a done outbox entry) as history, once. Call it
 * before the pull that follows is applied, so the stored case is still the old version.
 */
export async function recordDoneChanges(db: ReplicaDb, entries: readonly OutboxEntry[], actorEmail: string): Promise<number> {
  const done = entries.filter((entry) => entry.status === 'done' && entry.mutation.kind !== 'create_case');
  if (done.length === 0) return 0;
  const known = new Set(
    await db.caseEvents.bulkGet(done.map((entry) => `here:${entry.id}`)).then((rows) => rows.flatMap((row) => (row ? [row.id] : []))),
  );
  let recorded = 0;
  for (const entry of done) {
    if (known.has(`here:${entry.id}`)) continue;
    const caseName = entry.resultName ?? ('caseRef' in entry.mutation ? entry.mutation.caseRef : '');
    const event = eventOfEntry(entry, await db.cases.get(caseName), actorEmail);
    if (!event) continue;
    await db.caseEvents.put(event);
    recorded += 1;
  }
  return recorded;
}

/** A case's history, oldest first. */
export function listCaseEvents(db: ReplicaDb, caseName: string): Promise<CaseEventRecord[]> {
  return eventsOf(db, caseName);
}
