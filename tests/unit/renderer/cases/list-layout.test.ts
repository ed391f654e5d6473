import { describe, expect, it } from 'vitest';
import { combinedStatus } from '../../../../renderer/app/status-bar';
import { layoutColumns } from '../../../../renderer/features/cases/column-layout';
import { detailWidthFor, LIST_MIN_PX } from '../../../../renderer/features/cases/detail-split';
import { findCasesByText } from '../../../../renderer/features/cases/palette-commands';
import { knownNames, nameResolver } from '../../../../renderer/features/case-detail/people';
import { createProjection } from '../../../../renderer/data/projection';
import { toCaseRecord } from '../../../../renderer/data/records';
import { formatBytes, formatNumber } from '../../../../renderer/ui/format';
import { makeCase } from '../data/fixtures';

const sized = { state: 150, sla: 130, updated: 90 };

describe('readable lists', () => {
  it('keeps every column when the list is wide, and lets customer then "updated" step aside before the title shrinks', () => {
    expect([...layoutColumns(1200, sized, false).visible].sort()).toEqual([
      'customer',
      'number',
      'priority',
      'sla',
      'state',
      'title',
      'updated',
    ]);
    const medium = layoutColumns(900, sized, false);
    expect(medium.visible.has('customer')).toBe(false);
    expect(medium.visible.has('updated')).toBe(true);
    const narrow = layoutColumns(750, sized, false);
    expect([...narrow.visible].sort()).toEqual(['number', 'priority', 'sla', 'state', 'title']);
    // Status and SLA always get their measured width.
    expect(narrow.template).toContain('150px');
    expect(narrow.template).toContain('130px');
  });

  it('gives the detail pane what leaves the list legible, honours the agent’s width within limits', () => {
    expect(1232 - detailWidthFor(1232, undefined)).toBeGreaterThanOrEqual(LIST_MIN_PX);
    expect(detailWidthFor(1712, undefined)).toBe(672);
    expect(detailWidthFor(1232, 900)).toBeLessThanOrEqual(1232 - 36 * 16);
    expect(detailWidthFor(1232, 100)).toBe(22 * 16);
  });

  it('formats numbers and sizes in the UI language (no "305 byte", no "4569" beside "4,569")', () => {
    expect(formatNumber(4569, 'en')).toBe('4,569');
    expect(formatNumber(4569, 'fr')).toMatch(/^4\s569$/);
    expect(formatBytes(305, 'en')).toBe('305 bytes');
    expect(formatBytes(1, 'en')).toBe('1 byte');
    expect(formatBytes(305, 'fr')).toMatch(/^305\soctets$/);
    expect(formatBytes(1.5 * 1024 * 1024, 'en')).toBe('1.5 MB');
  });
});

describe('all-domains status', () => {
  it('reports the oldest sync of all accounts and sums their counts; "not synced" only while one never synced', () => {
    const a = {
      accountId: 'a',
      connection: 'online' as const,
      syncing: false,
      pending: 1,
      failed: 0,
      lastSyncedAt: '2026-01-01T10:05:00.000Z',
    };
    const b = {
      accountId: 'b',
      connection: 'online' as const,
      syncing: false,
      pending: 2,
      failed: 1,
      lastSyncedAt: '2026-01-01T10:01:00.000Z',
    };
    expect(combinedStatus([a, b])).toEqual({ syncing: false, lastSyncedAt: '2026-01-01T10:01:00.000Z', pending: 3, failed: 1 });
    const { lastSyncedAt: _never, ...c } = b;
    expect(combinedStatus([a, c]).lastSyncedAt).toBeUndefined();
  });
});

describe('the palette finds cases by their words', () => {
  it('searches title, customer and thread in every account, most recently updated first', () => {
    const a = createProjection();
    a.setCustomers([{ customerId: 'C1', displayName: 'Acme Logistics' }]);
    a.upsertCases([toCaseRecord(makeCase(1, { displayName: '郵件延遲送達', customerId: 'C1' }))]);
    const b = createProjection();
    b.setCustomers([{ customerId: 'C1', displayName: 'Beta' }]);
    b.upsertCases([toCaseRecord(makeCase(2, { displayName: '邮件无法发送', customerId: 'C1', updateTime: '2026-03-01T00:00:00Z' }))]);
    const sources = [
      { accountId: 'a', projection: a },
      { accountId: 'b', projection: b },
    ];
    expect(findCasesByText(sources, '邮件').map((hit) => hit.accountId)).toEqual(['b', 'a']);
    expect(findCasesByText(sources, 'acme').map((hit) => hit.title)).toEqual(['郵件延遲送達']);
    expect(findCasesByText(sources, 'a')).toEqual([]);
  });
});

describe('one display name per person', () => {
  it('calls the agent "You" everywhere and everyone else by the name Google gave them anywhere in the case', () => {
    const names = knownNames({ creatorEmail: 'agent2@r.example', creatorName: 'Ana Agent' }, [
      { creatorEmail: 'Agent1@R.example', creatorName: 'Me Myself' },
    ]);
    const nameOf = nameResolver('agent1@r.example', names, 'You');
    expect(nameOf('agent1@r.example', 'Me Myself')).toBe('You');
    expect(nameOf('AGENT2@r.example')).toBe('Ana Agent');
    expect(nameOf('agent2@r.example', 'agent2@r.example')).toBe('Ana Agent');
    expect(nameOf('someone@c.example')).toBe('someone@c.example');
  });
});
