import { describe, expect, it } from 'vitest';
import { clearHeadSnapshot, loadHeadSnapshot, saveHeadSnapshot } from '../../../renderer/data';
import type { CaseRecord } from '../../../renderer/data';

const record = (index: number): CaseRecord =>
  ({
    name: `organizations/1/cases/${index}`,
    caseNumber: String(index),
    customerId: 'C1',
    displayName: `Case ${index}`,
    description: 'x'.repeat(5000),
    priority: 'P2',
    state: 'NEW',
    subscriberEmails: [],
    escalated: false,
    createTime: '2026-11-01T00:00:00Z',
    updateTime: '2026-11-02T00:00:00Z',
    updateTimeMs: Date.parse('2026-11-02T00:00:00Z') + index,
    createTimeMs: Date.parse('2026-11-01T00:00:00Z'),
  }) as CaseRecord;

describe('first-screen snapshot', () => {
  it('keeps the newest 50 rows without descriptions, per account, until cleared', () => {
    saveHeadSnapshot(
      'acc_a',
      Array.from({ length: 80 }, (_, index) => record(index)),
    );
    const loaded = loadHeadSnapshot('acc_a');
    expect(loaded).toHaveLength(50);
    expect(loaded?.every((row) => row.description === '')).toBe(true);
    expect(loadHeadSnapshot('acc_b')).toBeUndefined();
    clearHeadSnapshot('acc_a');
    expect(loadHeadSnapshot('acc_a')).toBeUndefined();
  });

  it('ignores damaged data', () => {
    localStorage.setItem('rsc-head-acc_c', '{not json');
    expect(loadHeadSnapshot('acc_c')).toBeUndefined();
    localStorage.setItem('rsc-head-acc_c', JSON.stringify([{ name: 1 }]));
    expect(loadHeadSnapshot('acc_c')).toBeUndefined();
  });
});
