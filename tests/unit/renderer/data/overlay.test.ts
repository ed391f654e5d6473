import { describe, expect, it } from 'vitest';
import { overlayCase, pendingCaseRefs, pendingCasesFromCreates, pendingComments } from '../../../../renderer/data/overlay';
import { toCaseRecord } from '../../../../renderer/data/records';
import type { Mutation, OutboxEntry } from '../../../../shared/ipc/outbox';
import { makeCase } from './fixtures';

let seq = 0;
function entry(mutation: Mutation, over: Partial<OutboxEntry> = {}): OutboxEntry {
  seq += 1;
  return { id: `e${seq}`, accountId: 'acct', seq, createdAt: '2026-02-01T00:00:00Z', mutation, status: 'queued', attempts: 0, ...over };
}

const record = toCaseRecord(makeCase(1, { priority: 'P3', state: 'NEW', updateTime: '2026-01-15T00:00:00Z' }));
const name = record.name;

describe('pending overlay', () => {
  it('returns the record unchanged and not pending without entries', () => {
    expect(overlayCase(record, [])).toEqual({ ...record, pending: false, pendingKinds: [] });
  });

  it('applies queued priority, subscribers, close and escalate in queue order', () => {
    const entries = [
      entry({ kind: 'set_priority', caseRef: name, priority: 'P2' }),
      entry({ kind: 'set_subscribers', caseRef: name, subscriberEmails: ['a@x.example'] }),
      entry({ kind: 'escalate', caseRef: name, reason: 'BUSINESS_IMPACT', justification: 'CEO blocked' }),
      entry({ kind: 'set_priority', caseRef: name, priority: 'P1' }, { status: 'in_flight' }),
      entry({ kind: 'close', caseRef: name }),
      entry({ kind: 'set_priority', caseRef: 'organizations/1/cases/other', priority: 'P4' }),
    ];
    const view = overlayCase(record, entries);
    expect(view).toMatchObject({ priority: 'P1', subscriberEmails: ['a@x.example'], escalated: true, state: 'CLOSED', pending: true });
    expect(view.pendingKinds).toEqual(['set_priority', 'set_subscribers', 'escalate', 'close']);
    expect(view.failed).toBeUndefined();
  });

  it('reopen turns a closed case open again', () => {
    const closed = { ...record, state: 'CLOSED' as const };
    expect(overlayCase(closed, [entry({ kind: 'reopen', caseRef: name })]).state).not.toBe('CLOSED');
  });

  it('does not apply permanently failed entries but reports them; transient failures stay pending', () => {
    const entries = [
      entry(
        { kind: 'escalate', caseRef: name, reason: 'RESOLUTION_TIME', justification: 'x' },
        {
          status: 'failed',
          lastError: { code: 'failed_precondition', message: 'Not premium', permanent: true },
        },
      ),
      entry(
        { kind: 'set_priority', caseRef: name, priority: 'P2' },
        {
          status: 'failed',
          lastError: { code: 'unavailable', message: '503', permanent: false },
        },
      ),
    ];
    const view = overlayCase(record, entries);
    expect(view.escalated).toBe(false);
    expect(view.priority).toBe('P2');
    expect(view.pendingKinds).toEqual(['set_priority']);
    expect(view.failed?.map((f) => [f.kind, f.permanent])).toEqual([
      ['escalate', true],
      ['set_priority', false],
    ]);
  });

  it('keeps a done change only while the server record predates it (no flicker, no stale override)', () => {
    const done = entry({ kind: 'set_priority', caseRef: name, priority: 'P1' }, { status: 'done', createdAt: '2026-02-01T00:00:00Z' });
    expect(overlayCase(record, [done])).toMatchObject({ priority: 'P1', pending: false });
    const newer = { ...record, priority: 'P4' as const, updateTimeMs: Date.parse('2026-03-01T00:00:00Z') };
    expect(overlayCase(newer, [done]).priority).toBe('P4');
  });

  it('applies entries queued against the local id of the create that became this case', () => {
    const create = entry(
      {
        kind: 'create_case',
        localId: 'local:abc',
        customerId: 'C1',
        displayName: 'New',
        description: 'Desc',
        classificationId: 'cls',
        priority: 'P3',
        languageCode: 'en',
        timeZone: 'UTC',
        subscriberEmails: [],
      },
      { status: 'done', resultName: name },
    );
    const later = entry({ kind: 'set_priority', caseRef: 'local:abc', priority: 'P2' });
    expect(overlayCase(record, [create, later])).toMatchObject({ priority: 'P2', pending: true, pendingKinds: ['set_priority'] });
    expect(pendingCaseRefs([create, later])).toEqual(new Set(['local:abc', name]));
  });
});

describe('cases created offline', () => {
  const create = entry(
    {
      kind: 'create_case',
      localId: 'local:new-1',
      customerId: 'C9',
      displayName: 'Gmail down',
      description: 'Nobody can log in',
      classificationId: 'cls-1',
      classificationName: 'Gmail',
      priority: 'P2',
      languageCode: 'fr',
      timeZone: 'Europe/Paris',
      subscriberEmails: [],
    },
    { createdAt: '2026-02-02T10:00:00Z' },
  );

  it('become "not filed yet" view cases with later changes applied', () => {
    const [view] = pendingCasesFromCreates([create, entry({ kind: 'set_priority', caseRef: 'local:new-1', priority: 'P1' })]);
    expect(view).toMatchObject({
      name: 'local:new-1',
      local: true,
      pending: true,
      state: 'NEW',
      priority: 'P1',
      customerId: 'C9',
      displayName: 'Gmail down',
      updateTimeMs: Date.parse('2026-02-02T10:00:00Z'),
    });
    expect(view?.pendingKinds).toEqual(['create_case', 'set_priority']);
  });

  it('disappear once the filed case is in the replica', () => {
    const filed = { ...create, status: 'done' as const, resultName: 'organizations/9/cases/5' };
    expect(pendingCasesFromCreates([filed], new Set(['organizations/9/cases/5']))).toEqual([]);
    expect(pendingCasesFromCreates([filed], new Set())).toHaveLength(1);
  });

  it('carry a permanent failure of the create (customer no longer authorised)', () => {
    const failed = {
      ...create,
      status: 'failed' as const,
      lastError: { code: 'permission_denied', message: 'Not authorised', permanent: true },
    };
    expect(pendingCasesFromCreates([failed])[0]?.failed?.[0]).toMatchObject({ kind: 'create_case', code: 'permission_denied' });
  });
});

describe('pending comments', () => {
  it('lists queued comments of a case, oldest first, hiding sent ones the replica already has', () => {
    const c1 = entry({ kind: 'comment', caseRef: name, body: 'First' });
    const c2 = entry(
      { kind: 'comment', caseRef: name, body: 'Second' },
      { status: 'failed', lastError: { code: 'x', message: 'y', permanent: true } },
    );
    const sent = entry({ kind: 'comment', caseRef: name, body: 'Sent' }, { status: 'done', resultName: `${name}/comments/77` });
    const other = entry({ kind: 'comment', caseRef: 'organizations/1/cases/other', body: 'Other' });
    const list = pendingComments(name, [c2, other, sent, c1], new Set([`${name}/comments/77`]));
    expect(list.map((c) => c.body)).toEqual(['First', 'Second']);
    expect(list[1]?.error?.permanent).toBe(true);
    expect(pendingComments(name, [sent], new Set()).map((c) => c.body)).toEqual(['Sent']);
  });
});
