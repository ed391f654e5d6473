import { describe, expect, it } from 'vitest';
import { createProjection } from '../../../../renderer/data/projection';
import { toCaseRecord } from '../../../../renderer/data/records';
import { caseNumberQuery, findCasesByNumber, labelMatches } from '../../../../renderer/features/cases/palette-commands';
import { rowLabels } from '../../../../renderer/features/cases/case-row';
import { cachedRows, rowFromProjection, type ListRow, type RowContext } from '../../../../renderer/features/cases/row-model';
import { createI18n } from '../../../../renderer/i18n';
import { sortKeyOf } from '../../../../renderer/features/cases/sort-key';
import type { OutboxEntry } from '../../../../shared/ipc';
import { makeCase } from '../data/fixtures';

function projectionWith(...numbers: number[]): ReturnType<typeof createProjection> {
  const p = createProjection();
  p.setCustomers([{ customerId: 'C1', displayName: 'Acme' }]);
  p.upsertCases(numbers.map((n) => toCaseRecord(makeCase(n, { caseNumber: String(n), name: `organizations/1/cases/${n}` }))));
  return p;
}

describe('command palette matching', () => {
  it('reads a case number from what was typed', () => {
    expect(caseNumberQuery('#4359')).toBe('4359');
    expect(caseNumberQuery(' 43595344 ')).toBe('43595344');
    expect(caseNumberQuery('7')).toBeUndefined();
    expect(caseNumberQuery('close 43')).toBeUndefined();
  });

  it('finds cases by number across accounts, exact match first', () => {
    const a = projectionWith(43595344, 43590000, 11111111);
    const b = projectionWith(4359, 22222222);
    const hits = findCasesByNumber(
      [
        { accountId: 'a', projection: a },
        { accountId: 'b', projection: b },
      ],
      '4359',
    );
    expect(hits[0]).toMatchObject({ accountId: 'b', caseNumber: '4359' });
    expect(hits.map((hit) => hit.caseNumber).sort()).toEqual(['4359', '43590000', '43595344']);
  });

  it('matches command labels by every word, ignoring case and accents', () => {
    expect(labelMatches('Aller à tous les domaines', 'a TOUS dom')).toBe(true);
    expect(labelMatches('Go to reseller-a.example', 'reseller-b')).toBe(false);
    expect(labelMatches('anything', '  ')).toBe(true);
  });
});

describe('list rows', () => {
  const base: Omit<RowContext, 'outbox' | 'pendingRefs'> = { accountId: 'acc', slaOf: () => undefined, nowMs: Date.UTC(2026, 0, 2, 1) };

  it('overlays a queued priority change and marks it queued; a refused one is marked failed', () => {
    const p = projectionWith(7);
    const row = p.rowOf(p.query({}).ids[0] as number);
    const entry = (status: OutboxEntry['status']): OutboxEntry => ({
      id: 'e1',
      accountId: 'acc',
      seq: 1,
      createdAt: '2026-01-03T00:00:00Z',
      mutation: { kind: 'set_priority', caseRef: row.name, priority: 'P1' },
      status,
      attempts: 1,
      ...(status === 'failed' ? { lastError: { code: 'failed_precondition', message: 'closed', permanent: true } } : {}),
    });
    const queued = rowFromProjection(row, { ...base, outbox: [entry('queued')], pendingRefs: new Set([row.name]) });
    expect(queued).toMatchObject({ priority: 'P1', pending: 'queued', key: `acc|${row.name}` });
    const failed = rowFromProjection(row, { ...base, outbox: [entry('failed')], pendingRefs: new Set([row.name]) });
    expect(failed).toMatchObject({ priority: 'P3', pending: 'failed' });
    expect(rowFromProjection(row, { ...base, outbox: [], pendingRefs: new Set() }).pending).toBeUndefined();
  });

  it('sort keys mirror the projection order', () => {
    const p = projectionWith(5, 30, 200);
    const rows = Array.from(p.query({ sort: { key: 'caseNumber', dir: 'asc' } }).ids, (id) => p.rowOf(id));
    const keys = rows.map((row) => sortKeyOf(row, 'caseNumber'));
    expect(keys).toEqual([5, 30, 200]);
    expect(sortKeyOf(rows[0]!, 'priority')).toBe(3);
  });
});

describe('row building for scrolling', () => {
  it('keeps a row object while it is among the newest built, and builds it again once evicted', () => {
    const p = projectionWith(1, 2, 3, 4);
    const ids = p.query({}).ids;
    let builds = 0;
    const rowAt = cachedRows((index) => {
      const id = ids[index];
      if (id === undefined) return undefined;
      builds += 1;
      return rowFromProjection(p.rowOf(id), { accountId: 'acc', slaOf: () => undefined, nowMs: 0, outbox: [], pendingRefs: new Set() });
    }, 2);
    const first: ListRow | undefined = rowAt(0);
    expect(rowAt(0)).toBe(first);
    rowAt(1);
    expect(builds).toBe(2);
    rowAt(2); // the third row evicts the oldest (row 0)
    expect(rowAt(9)).toBeUndefined();
    const again = rowAt(0);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    expect(builds).toBe(4);
  });

  it('fills the row texts built once per language exactly as i18next would, in every UI language', () => {
    for (const language of ['en', 'zh-TW', 'zh-CN', 'id', 'fr'] as const) {
      const t = createI18n(language).getFixedT(language, 'cases');
      const labels = rowLabels(t);
      // A value with replacement patterns of its own is kept verbatim.
      expect(labels.pick('$& 41000034')).toBe(t('list.pick', { number: '$& 41000034' }));
      expect(labels.slaOverdue('2 h')).toBe(t('caseDetail:sla.overdue', { time: '2 h' }));
      expect(labels.slaRemaining('5 min')).toBe(t('caseDetail:sla.remaining', { time: '5 min' }));
      expect(labels.state.ACTION_REQUIRED.full).toBe(t('common:caseState.ACTION_REQUIRED'));
      expect(labels.state.CLOSED.short).not.toBe('stateShort.CLOSED');
    }
  });
});
