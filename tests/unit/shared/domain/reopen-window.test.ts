import { describe, expect, it } from 'vitest';
import { DAY_MS, REOPEN_WINDOW_DAYS, reopenWindow } from '../../../../shared/domain';

const closed = '2026-11-01T10:00:00.000Z';
const closedMs = Date.parse(closed);

describe('reopenWindow', () => {
  it('gives the full 30 days right after closing', () => {
    const w = reopenWindow({ closeTime: closed, now: closed });
    expect(REOPEN_WINDOW_DAYS).toBe(30);
    expect(w).toMatchObject({ canReopen: true, remainingDays: 30, deadline: '2026-12-01T10:00:00.000Z' });
  });

  it('rounds partial days up ("can be reopened for 12 more days")', () => {
    const w = reopenWindow({ closeTime: closed, now: closedMs + 18 * DAY_MS + 1 });
    expect(w.remainingDays).toBe(12);
    expect(reopenWindow({ closeTime: closed, now: closedMs + 18 * DAY_MS }).remainingDays).toBe(12);
    // 12 days and 1 ms left still reads as 13 days.
    expect(reopenWindow({ closeTime: closed, now: closedMs + 18 * DAY_MS - 1 }).remainingDays).toBe(13);
    expect(reopenWindow({ closeTime: closed, now: closedMs + 17 * DAY_MS + 1 }).remainingDays).toBe(13);
  });

  it('still allows reopening one millisecond before the deadline, showing 1 day', () => {
    const w = reopenWindow({ closeTime: closed, now: closedMs + 30 * DAY_MS - 1 });
    expect(w).toMatchObject({ canReopen: true, remainingDays: 1, remainingMs: 1 });
  });

  it('refuses at the deadline and after it', () => {
    expect(reopenWindow({ closeTime: closed, now: closedMs + 30 * DAY_MS })).toMatchObject({
      canReopen: false,
      remainingDays: 0,
      remainingMs: 0,
    });
    expect(reopenWindow({ closeTime: closed, now: '2027-01-15T00:00:00Z' }).canReopen).toBe(false);
  });

  it('clamps a local clock that is behind the server to a full window', () => {
    const w = reopenWindow({ closeTime: closed, now: closedMs - 5 * 60_000 });
    expect(w.remainingDays).toBe(30);
    expect(w.remainingMs).toBe(30 * DAY_MS);
  });

  it('supports a configurable window and Date inputs', () => {
    const w = reopenWindow({ closeTime: new Date(closed), now: new Date(closedMs + 6 * DAY_MS), windowDays: 7 });
    expect(w).toMatchObject({ canReopen: true, remainingDays: 1, deadline: '2026-11-08T10:00:00.000Z' });
  });

  it('rejects unparsable times and negative windows', () => {
    expect(() => reopenWindow({ closeTime: 'yesterday', now: closed })).toThrow(RangeError);
    expect(() => reopenWindow({ closeTime: closed, now: closed, windowDays: -1 })).toThrow(RangeError);
  });
});
