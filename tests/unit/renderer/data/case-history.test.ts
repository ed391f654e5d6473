import { describe, expect, it } from 'vitest';
import { applyBatch } from '../../../../renderer/data/apply-batch';
import { listCaseEvents, recordDoneChanges } from '../../../../renderer/data/case-events';
import type { OutboxEntry } from '../../../../shared/ipc';
import { freshDbs, makeBatch, makeCase } from './fixtures';

// Issue 17 §6: the case history derives from differences between successive versions seen
// in sync, and from what the agent changed here (which alone knows an escalation's justification).

const newDb = freshDbs();
const me = 'agent1@reseller-a.example';
const later = (iso: string, minutes: number): string => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

function doneEntry(id: string, mutation: OutboxEntry['mutation'], resultName: string): OutboxEntry {
  return { id, accountId: 'a', seq: 1, createdAt: '2026-01-05T10:00:00.000Z', mutation, status: 'done', attempts: 1, resultName };
}

describe('case history', () => {
  it('records nothing for a first version, then what changed between versions seen in sync', async () => {
    const db = newDb();
    const v1 = makeCase(1, { subscriberEmails: ['it@customer.example'] });
    await applyBatch(db, makeBatch(db.accountId, 'c1', { upserts: { cases: [v1] } }));
    expect(await listCaseEvents(db, v1.name)).toEqual([]);

    const v2 = {
      ...v1,
      priority: 'P1' as const,
      state: 'CLOSED' as const,
      escalated: true,
      subscriberEmails: ['noc@reseller.example'],
      updateTime: later(v1.updateTime, 5),
    };
    await applyBatch(db, makeBatch(db.accountId, 'c2', { upserts: { cases: [v2] } }));
    const events = await listCaseEvents(db, v1.name);
    expect(events.map((e) => [e.kind, e.source, e.from, e.to])).toEqual(
      expect.arrayContaining([
        ['priority', 'sync', 'P3', 'P1'],
        ['closed', 'sync', 'NEW', 'CLOSED'],
        ['escalated', 'sync', undefined, undefined],
        ['subscribers', 'sync', undefined, undefined],
      ]),
    );
    expect(events.find((e) => e.kind === 'subscribers')).toMatchObject({
      added: ['noc@reseller.example'],
      removed: ['it@customer.example'],
    });
    expect(events.every((e) => e.atMs === Date.parse(v2.updateTime))).toBe(true);

    // The same version again (a re-pull) adds nothing.
    await applyBatch(db, makeBatch(db.accountId, 'c3', { upserts: { cases: [v2] } }));
    expect(await listCaseEvents(db, v1.name)).toHaveLength(events.length);
  });

  it('keeps an escalation made here with its justification; the sync that shows it confirms it instead of repeating it', async () => {
    const db = newDb();
    const v1 = makeCase(2, { state: 'IN_PROGRESS_GOOGLE_SUPPORT' });
    await applyBatch(db, makeBatch(db.accountId, 'c1', { upserts: { cases: [v1] } }));
    const escalate = doneEntry(
      'e1',
      { kind: 'escalate', caseRef: v1.name, reason: 'BUSINESS_IMPACT', justification: 'Payroll run blocked for 300 users.' },
      v1.name,
    );
    const priority = doneEntry('e2', { kind: 'set_priority', caseRef: v1.name, priority: 'P1' }, v1.name);
    expect(await recordDoneChanges(db, [escalate, priority], me)).toBe(2);
    // Idempotent: the outbox is published again and again until the pull confirmed it.
    expect(await recordDoneChanges(db, [escalate, priority], me)).toBe(0);

    const v2 = { ...v1, escalated: true, priority: 'P1' as const, updateTime: later(v1.updateTime, 2) };
    await applyBatch(db, makeBatch(db.accountId, 'c2', { upserts: { cases: [v2] } }));
    const events = await listCaseEvents(db, v1.name);
    expect(events).toHaveLength(2);
    expect(events.find((e) => e.kind === 'escalated')).toMatchObject({
      source: 'here',
      confirmed: true,
      actorEmail: me,
      reason: 'BUSINESS_IMPACT',
      justification: 'Payroll run blocked for 300 users.',
    });
    expect(events.find((e) => e.kind === 'priority')).toMatchObject({ source: 'here', confirmed: true, from: 'P3', to: 'P1' });
  });

  it('drops a case history with the case', async () => {
    const db = newDb();
    const v1 = makeCase(3);
    await applyBatch(db, makeBatch(db.accountId, 'c1', { upserts: { cases: [v1] } }));
    await applyBatch(
      db,
      makeBatch(db.accountId, 'c2', { upserts: { cases: [{ ...v1, priority: 'P2', updateTime: later(v1.updateTime, 1) }] } }),
    );
    expect(await listCaseEvents(db, v1.name)).toHaveLength(1);
    await applyBatch(db, makeBatch(db.accountId, 'c3', { deletes: { cases: [v1.name] } }));
    expect(await listCaseEvents(db, v1.name)).toEqual([]);
  });
});
