import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SLA_TABLE,
  HOUR_MS,
  MINUTE_MS,
  SLA_DANGER_FRACTION,
  SLA_WARNING_FRACTION,
  actionRequiredClock,
  computeSla,
  firstResponseClock,
  isCloseToBreach,
  localDateTime,
  slaLevel,
  type SlaCaseInput,
  type SlaTable,
} from '../../../../shared/domain';

const NY = 'America/New_York';

describe('default SLA table', () => {
  it('documents the tiers: 8×5 standard, 24×7 premium with a 15-minute P1', () => {
    expect(DEFAULT_SLA_TABLE.standard.schedule).toMatchObject({
      kind: 'business_hours',
      weekdays: [1, 2, 3, 4, 5],
      openMinute: 540,
      closeMinute: 1020,
    });
    expect(DEFAULT_SLA_TABLE.standard.firstResponseMinutes.P2).toBe(8 * 60); // one business day
    expect(DEFAULT_SLA_TABLE.premium.schedule.kind).toBe('24x7');
    expect(DEFAULT_SLA_TABLE.premium.firstResponseMinutes.P1).toBe(15);
    expect(DEFAULT_SLA_TABLE.premium.firstResponseMinutes.P2).toBe(4 * 60);
  });

  it('exports the colour-ramp thresholds', () => {
    expect(SLA_WARNING_FRACTION).toBe(0.75);
    expect(SLA_DANGER_FRACTION).toBe(0.9);
    expect([0, 0.74, 0.75, 0.89, 0.9, 1, 1.5].map(slaLevel)).toEqual(['ok', 'ok', 'warning', 'warning', 'danger', 'breached', 'breached']);
  });
});

describe('computeSla – 24×7 (premium)', () => {
  const start = Date.parse('2026-11-20T10:00:00Z');
  const at = (h: number) => computeSla({ priority: 'P2', tier: 'premium', timeZone: NY, startedAt: start, now: start + h * HOUR_MS });

  it('ramps ok → warning → danger → breached and reports overdue time', () => {
    expect(at(2)).toMatchObject({
      level: 'ok',
      elapsedFraction: 0.5,
      remainingMs: 2 * HOUR_MS,
      overdueMs: 0,
      targetAt: '2026-11-20T14:00:00.000Z',
      paused: false,
    });
    expect(at(3)).toMatchObject({ level: 'warning', remainingMs: HOUR_MS });
    expect(at(3.6).level).toBe('danger');
    expect(isCloseToBreach(at(3.6))).toBe(true);
    expect(isCloseToBreach(at(3))).toBe(false);
    expect(at(4)).toMatchObject({ level: 'breached', remainingMs: 0, overdueMs: 0 });
    expect(at(5)).toMatchObject({ level: 'breached', overdueMs: HOUR_MS, elapsedFraction: 1.25 });
  });

  it('counts absolute time across a DST change (24 h P4 ends at 13:00 EDT after starting 12:00 EST)', () => {
    const s = computeSla({ priority: 'P4', tier: 'premium', timeZone: NY, startedAt: '2026-03-07T17:00:00Z', now: '2026-03-07T18:00:00Z' });
    expect(s.targetAt).toBe('2026-03-08T17:00:00.000Z');
    expect(localDateTime(Date.parse(s.targetAt), NY).hour).toBe(13);
  });

  it('gives a 15-minute first response for premium P1', () => {
    expect(computeSla({ priority: 'P1', tier: 'premium', timeZone: 'Asia/Taipei', startedAt: start, now: start }).targetAt).toBe(
      '2026-11-20T10:15:00.000Z',
    );
  });
});

describe('computeSla – business hours (standard 8×5)', () => {
  it('counts only 09:00–17:00 on weekdays', () => {
    // Fri 13:00 EST; P2 = 8 business hours → Mon 13:00 EST.
    const s = computeSla({
      priority: 'P2',
      tier: 'standard',
      timeZone: NY,
      startedAt: '2026-11-20T18:00:00Z',
      now: '2026-11-23T16:00:00Z',
    });
    expect(s.targetAt).toBe('2026-11-23T18:00:00.000Z');
    // Mon 11:00: 4 h on Friday + 2 h today = 6 of 8 h.
    expect(s).toMatchObject({
      elapsedFraction: 0.75,
      level: 'warning',
      remainingScheduleMs: 2 * HOUR_MS,
      remainingMs: 2 * HOUR_MS,
      paused: false,
    });
  });

  it('pauses over the weekend and starts a Saturday case on Monday morning', () => {
    const startedAt = '2026-11-21T15:00:00Z'; // Sat 10:00 EST
    const sat = computeSla({ priority: 'P1', tier: 'standard', timeZone: NY, startedAt, now: '2026-11-22T20:00:00Z' });
    expect(sat).toMatchObject({ targetAt: '2026-11-23T18:00:00.000Z', elapsedFraction: 0, level: 'ok', paused: true });
    const mon = computeSla({ priority: 'P1', tier: 'standard', timeZone: NY, startedAt, now: '2026-11-23T15:00:00Z' });
    expect(mon).toMatchObject({ elapsedFraction: 0.25, paused: false });
  });

  it('starts counting at opening time for a case filed before 09:00', () => {
    const s = computeSla({
      priority: 'P0',
      tier: 'standard',
      timeZone: NY,
      startedAt: '2026-11-23T12:00:00Z',
      now: '2026-11-23T13:30:00Z',
    });
    expect(s.targetAt).toBe('2026-11-23T16:00:00.000Z'); // 09:00 + 2 h = 11:00 EST
    expect(s).toMatchObject({ elapsedFraction: 0, paused: true });
  });

  it('ends at closing time when the target fits the day exactly', () => {
    const s = computeSla({
      priority: 'P2',
      tier: 'standard',
      timeZone: NY,
      startedAt: '2026-11-23T14:00:00Z',
      now: '2026-11-23T14:00:00Z',
    });
    expect(s.targetAt).toBe('2026-11-23T22:00:00.000Z'); // Mon 17:00 EST, not Tue 09:00
  });

  it('uses the customer’s zone: the same instant is Friday morning in Taipei but Thursday evening in New York', () => {
    const base = { priority: 'P1', tier: 'standard', startedAt: '2026-11-20T01:00:00Z', now: '2026-11-20T02:00:00Z' } as const;
    const taipei = computeSla({ ...base, timeZone: 'Asia/Taipei' });
    const newYork = computeSla({ ...base, timeZone: NY });
    expect(taipei.targetAt).toBe('2026-11-20T05:00:00.000Z'); // 13:00 Taipei
    expect(taipei.elapsedFraction).toBe(0.25);
    expect(newYork.targetAt).toBe('2026-11-20T18:00:00.000Z'); // Fri 13:00 EST
    expect(newYork).toMatchObject({ elapsedFraction: 0, paused: true });
    const jakarta = computeSla({ ...base, timeZone: 'Asia/Jakarta' });
    expect(jakarta.targetAt).toBe('2026-11-20T06:00:00.000Z'); // 09:00 WIB start → 13:00 WIB
  });

  it('keeps 09:00–17:00 on the wall clock across the New York spring-forward weekend', () => {
    // Fri 6 Mar 15:00 EST → 2 h Friday + 6 h Monday 9 Mar → 15:00 EDT (19:00Z, not 20:00Z).
    const s = computeSla({
      priority: 'P2',
      tier: 'standard',
      timeZone: NY,
      startedAt: '2026-03-06T20:00:00Z',
      now: '2026-03-09T13:00:00Z',
    });
    expect(s.targetAt).toBe('2026-03-09T19:00:00.000Z');
    expect(s.elapsedFraction).toBe(0.25);
  });

  it('keeps 09:00–17:00 on the wall clock across the New York fall-back weekend', () => {
    const s = computeSla({
      priority: 'P2',
      tier: 'standard',
      timeZone: NY,
      startedAt: '2026-10-30T19:00:00Z',
      now: '2026-10-30T19:00:00Z',
    });
    expect(s.targetAt).toBe('2026-11-02T20:00:00.000Z'); // Mon 15:00 EST
  });

  it('handles Europe/Paris DST changes in March and October', () => {
    const spring = computeSla({
      priority: 'P2',
      tier: 'standard',
      timeZone: 'Europe/Paris',
      startedAt: '2026-03-27T15:00:00Z',
      now: '2026-03-27T15:00:00Z',
    });
    expect(spring.targetAt).toBe('2026-03-30T14:00:00.000Z'); // Mon 16:00 CEST
    const autumn = computeSla({
      priority: 'P2',
      tier: 'standard',
      timeZone: 'Europe/Paris',
      startedAt: '2026-10-23T14:00:00Z',
      now: '2026-10-23T14:00:00Z',
    });
    expect(autumn.targetAt).toBe('2026-10-26T15:00:00.000Z'); // Mon 16:00 CET
  });

  it('skips configured holidays', () => {
    const table: SlaTable = {
      ...DEFAULT_SLA_TABLE,
      standard: {
        ...DEFAULT_SLA_TABLE.standard,
        schedule: { kind: 'business_hours', weekdays: [1, 2, 3, 4, 5], openMinute: 540, closeMinute: 1020, holidays: ['2026-12-25'] },
      },
    };
    // Thu 24 Dec 13:00 EST: 4 h Thursday, Friday is a holiday, 4 h Monday 28 Dec.
    const s = computeSla({
      priority: 'P2',
      tier: 'standard',
      timeZone: NY,
      startedAt: '2026-12-24T18:00:00Z',
      now: '2026-12-25T18:00:00Z',
      table,
    });
    expect(s.targetAt).toBe('2026-12-28T18:00:00.000Z');
    expect(s).toMatchObject({ elapsedFraction: 0.5, paused: true });
  });

  it('falls back to UTC for an unknown zone instead of breaking the list', () => {
    const s = computeSla({
      priority: 'P1',
      tier: 'standard',
      timeZone: 'Mars/Olympus_Mons',
      startedAt: '2026-11-23T09:00:00Z',
      now: '2026-11-23T09:00:00Z',
    });
    expect(s.timeZone).toBe('UTC');
    expect(s.targetAt).toBe('2026-11-23T13:00:00.000Z');
    expect(computeSla({ priority: 'P1', tier: 'standard', timeZone: undefined, startedAt: 0, now: 0 }).timeZone).toBe('UTC');
  });

  it('honours an offset zone ("-07:00", as Google’s own sample sends) where Intl supports it', () => {
    let offsetZonesSupported = true;
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: '-07:00' });
    } catch {
      offsetZonesSupported = false;
    }
    // Mon 16:00Z is 09:00 at −07:00 (target 13:00 local = 20:00Z); in UTC it is 16:00, so
    // 1 h Monday + 3 h Tuesday → Tue 12:00Z.
    const s = computeSla({
      priority: 'P1',
      tier: 'standard',
      timeZone: '-07:00',
      startedAt: '2026-11-23T16:00:00Z',
      now: '2026-11-23T16:00:00Z',
    });
    expect(s.timeZone).toBe(offsetZonesSupported ? '-07:00' : 'UTC');
    expect(s.targetAt).toBe(offsetZonesSupported ? '2026-11-23T20:00:00.000Z' : '2026-11-24T12:00:00.000Z');
  });
});

describe('firstResponseClock', () => {
  const kase: SlaCaseInput = { createTime: '2026-11-20T14:00:00Z', priority: 'P1', state: 'NEW', timeZone: NY }; // Fri 09:00 EST

  it('runs until Google Support answers', () => {
    const c = firstResponseClock(kase, [], { tier: 'standard', now: '2026-11-20T16:00:00Z' });
    expect(c).toMatchObject({ kind: 'first_response', running: true, startedAt: '2026-11-20T14:00:00.000Z' });
    expect(c.status).toMatchObject({ elapsedFraction: 0.5, targetAt: '2026-11-20T18:00:00.000Z' });
  });

  it('stops at the first Google comment, ignoring the agent’s own comments and order', () => {
    const comments = [
      { createTime: '2026-11-20T18:30:00Z', creator: { googleSupport: true } },
      { createTime: '2026-11-20T17:30:00Z', creator: { googleSupport: true } },
      { createTime: '2026-11-20T15:00:00Z', creator: {} },
    ];
    const c = firstResponseClock({ ...kase, state: 'IN_PROGRESS_GOOGLE_SUPPORT' }, comments, {
      tier: 'standard',
      now: '2026-11-23T12:00:00Z',
    });
    expect(c).toMatchObject({ running: false, stoppedAt: '2026-11-20T17:30:00.000Z', met: true });
    expect(c.status.elapsedFraction).toBe(0.875);
    expect(c.status.level).toBe('warning');
  });

  it('records a late answer as not met with its overdue time', () => {
    const c = firstResponseClock(kase, [{ createTime: '2026-11-20T19:00:00Z', creator: { googleSupport: true } }], {
      tier: 'standard',
      now: '2026-11-21T00:00:00Z',
    });
    expect(c).toMatchObject({ running: false, met: false });
    expect(c.status).toMatchObject({ level: 'breached', overdueMs: HOUR_MS });
  });

  it('stops at the last update when the state shows Google acted without a visible comment', () => {
    const c = firstResponseClock({ ...kase, state: 'SOLUTION_PROVIDED', updateTime: '2026-11-20T15:00:00Z' }, [], {
      tier: 'standard',
      now: '2026-11-25T00:00:00Z',
    });
    expect(c).toMatchObject({ running: false, stoppedAt: '2026-11-20T15:00:00.000Z', met: true });
  });

  it('uses the tier and a zone override', () => {
    const c = firstResponseClock(kase, [], { tier: 'premium', now: '2026-11-20T14:10:00Z', timeZone: 'Asia/Taipei' });
    expect(c.status).toMatchObject({ targetAt: '2026-11-20T14:15:00.000Z', timeZone: 'Asia/Taipei' });
    expect(c.status.remainingMs).toBe(5 * MINUTE_MS);
  });
});

describe('actionRequiredClock', () => {
  const base: SlaCaseInput = { createTime: '2026-11-20T14:00:00Z', priority: 'P1', state: 'ACTION_REQUIRED', timeZone: NY };
  const google = { createTime: '2026-11-20T15:00:00Z', creator: { googleSupport: true } }; // Fri 10:00 EST

  it('is null when the case never waited for the customer', () => {
    expect(
      actionRequiredClock({ ...base, state: 'IN_PROGRESS_GOOGLE_SUPPORT' }, [google], { tier: 'standard', now: '2026-11-20T16:00:00Z' }),
    ).toBeNull();
  });

  it('runs from Google’s request until the agent replies', () => {
    const c = actionRequiredClock(base, [google], { tier: 'standard', now: '2026-11-20T16:00:00Z' });
    expect(c).toMatchObject({ kind: 'action_required', running: true, startedAt: '2026-11-20T15:00:00.000Z' });
    expect(c?.status).toMatchObject({ targetAt: '2026-11-20T17:00:00.000Z', elapsedFraction: 0.5, level: 'ok' });
  });

  it('stops at the agent’s reply', () => {
    const reply = { createTime: '2026-11-20T16:30:00Z', creator: { googleSupport: false } };
    const c = actionRequiredClock(base, [reply, google], { tier: 'standard', now: '2026-11-20T20:00:00Z' });
    expect(c).toMatchObject({ running: false, stoppedAt: '2026-11-20T16:30:00.000Z', met: true });
    expect(c?.status.level).toBe('warning');
  });

  it('prefers the tracked time the case entered ACTION_REQUIRED', () => {
    const c = actionRequiredClock({ ...base, actionRequiredSince: '2026-11-20T14:30:00Z' }, [google], {
      tier: 'premium',
      now: '2026-11-20T15:00:00Z',
    });
    expect(c?.startedAt).toBe('2026-11-20T14:30:00.000Z');
    expect(c?.status).toMatchObject({ level: 'breached', targetAt: '2026-11-20T15:00:00.000Z' });
  });

  it('stops at the last update when the case left the state without a reply', () => {
    const c = actionRequiredClock(
      { ...base, state: 'CLOSED', actionRequiredSince: '2026-11-20T15:00:00Z', updateTime: '2026-11-20T15:30:00Z' },
      [google],
      { tier: 'standard', now: '2026-11-30T00:00:00Z' },
    );
    expect(c).toMatchObject({ running: false, stoppedAt: '2026-11-20T15:30:00.000Z', met: true });
  });
});
