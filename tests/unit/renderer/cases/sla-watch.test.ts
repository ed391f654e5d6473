import { describe, expect, it } from 'vitest';
import { createProjection } from '../../../../renderer/data';
import { dueSlaNotifications } from '../../../../renderer/features/cases/sla-watch';

const MINUTE = 60_000;
const now = Date.parse('2026-11-22T10:00:00Z');
const record = (name: string, createdMinutesAgo: number, state: 'NEW' | 'ACTION_REQUIRED' | 'CLOSED') => ({
  name,
  caseNumber: name.split('/').pop() ?? name,
  customerId: 'C1',
  displayName: `Case ${name}`,
  description: '',
  priority: 'P1' as const,
  state,
  escalated: false,
  updateTimeMs: now - createdMinutesAgo * MINUTE,
  createTimeMs: now - createdMinutesAgo * MINUTE,
});

describe('SLA close-to-breach notifications', () => {
  it('picks only running clocks past the danger threshold, once per case and state', () => {
    const projection = createProjection();
    // Premium P1: a 15-minute first response, 24×7. 14 min in = 93 % (danger); 2 min = 13 %.
    projection.upsertCases([record('o/1/cases/1', 14, 'NEW'), record('o/1/cases/2', 2, 'NEW'), record('o/1/cases/3', 14, 'CLOSED')]);
    const due = dueSlaNotifications(projection, 'acc', () => 'premium', now, new Set());
    expect(due.map((item) => item.row.name)).toEqual(['o/1/cases/1']);
    expect(dueSlaNotifications(projection, 'acc', () => 'premium', now, new Set(due.map((item) => item.key)))).toEqual([]);
  });
});
