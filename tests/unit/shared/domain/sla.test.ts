import { describe, expect, it } from 'vitest';
import {
  ALWAYS_ON_24X7,
  BUSINESS_HOURS_8X5,
  DEMO_PLANS,
  EMPTY_AGENCY_DATA,
  HOUR_MS,
  MINUTE_MS,
  SLA_DANGER_FRACTION,
  SLA_WARNING_FRACTION,
  STARTER_PLAN,
  addScheduleTime,
  canEscalateWith,
  caseSla,
  indexAgency,
  isCloseToBreach,
  localDateTime,
  planForCustomer,
  scheduleTimeBetween,
  slaDueMs,
  slaLevel,
  slaStatus,
  type SlaCaseInput,
  type SlaPlan,
  type SlaSchedule,
} from '../../../../shared/domain';

const NY = 'America/New_York';
const ms = (iso: string): number => Date.parse(iso);
const iso = (value: number): string => new Date(value).toISOString();

/** One target from `start`, evaluated at `now`, like a clock of a plan with that coverage. */
function status(minutes: number, schedule: SlaSchedule, timeZone: string, start: string, now: string) {
  const s = slaStatus(ms(start), minutes, schedule, timeZone, ms(now));
  return { ...s, targetAt: Number.isFinite(s.targetMs) ? iso(s.targetMs) : '' };
}

const plan24x7: SlaPlan = {
  id: 'p24',
  name: '24×7',
  coverage: ALWAYS_ON_24X7,
  targets: {
    P1: { firstResponseMinutes: 15, updateMinutes: 60 },
    P2: { firstResponseMinutes: 240, updateMinutes: 480 },
    P3: { firstResponseMinutes: 480, updateMinutes: 960 },
    P4: { firstResponseMinutes: 1440, updateMinutes: 2880 },
  },
};
const plan8x5: SlaPlan = { ...STARTER_PLAN, id: 'p85' };

describe('levels', () => {
  it('exports the colour-ramp thresholds', () => {
    expect(SLA_WARNING_FRACTION).toBe(0.75);
    expect(SLA_DANGER_FRACTION).toBe(0.9);
    expect([0, 0.74, 0.75, 0.89, 0.9, 1, 1.5].map(slaLevel)).toEqual(['ok', 'ok', 'warning', 'warning', 'danger', 'breached', 'breached']);
  });
});

describe('slaStatus – 24×7', () => {
  const start = '2026-11-20T10:00:00Z';
  const at = (h: number) => status(240, ALWAYS_ON_24X7, NY, start, iso(ms(start) + h * HOUR_MS));

  it('ramps ok → warning → danger → breached and reports overdue time', () => {
    expect(at(2)).toMatchObject({ level: 'ok', elapsedFraction: 0.5, remainingMs: 2 * HOUR_MS, targetAt: '2026-11-20T14:00:00.000Z' });
    expect(at(3)).toMatchObject({ level: 'warning', remainingMs: HOUR_MS });
    expect(at(3.6).level).toBe('danger');
    expect(isCloseToBreach(at(3.6))).toBe(true);
    expect(isCloseToBreach(at(3))).toBe(false);
    expect(at(4)).toMatchObject({ level: 'breached', remainingMs: 0, overdueMs: 0 });
    expect(at(5)).toMatchObject({ level: 'breached', overdueMs: HOUR_MS, elapsedFraction: 1.25 });
  });

  it('counts absolute time across a DST change (24 h ends at 13:00 EDT after starting 12:00 EST)', () => {
    const s = status(1440, ALWAYS_ON_24X7, NY, '2026-03-07T17:00:00Z', '2026-03-07T18:00:00Z');
    expect(s.targetAt).toBe('2026-03-08T17:00:00.000Z');
    expect(localDateTime(s.targetMs, NY).hour).toBe(13);
  });
});

describe('slaStatus – business hours 8×5', () => {
  const bh = BUSINESS_HOURS_8X5;

  it('counts only 09:00–17:00 on weekdays', () => {
    // Fri 13:00 EST; 8 business hours → Mon 13:00 EST. Mon 11:00: 4 h Friday + 2 h today.
    const s = status(480, bh, NY, '2026-11-20T18:00:00Z', '2026-11-23T16:00:00Z');
    expect(s.targetAt).toBe('2026-11-23T18:00:00.000Z');
    expect(s).toMatchObject({ elapsedFraction: 0.75, level: 'warning', remainingScheduleMs: 2 * HOUR_MS, paused: false });
  });

  it('pauses over the weekend and starts a Saturday case on Monday morning', () => {
    const sat = status(240, bh, NY, '2026-11-21T15:00:00Z', '2026-11-22T20:00:00Z');
    expect(sat).toMatchObject({ targetAt: '2026-11-23T18:00:00.000Z', elapsedFraction: 0, level: 'ok', paused: true });
    expect(status(240, bh, NY, '2026-11-21T15:00:00Z', '2026-11-23T15:00:00Z')).toMatchObject({ elapsedFraction: 0.25, paused: false });
  });

  it('starts counting at opening time and ends at closing time on an exact fit', () => {
    expect(status(120, bh, NY, '2026-11-23T12:00:00Z', '2026-11-23T13:30:00Z')).toMatchObject({
      targetAt: '2026-11-23T16:00:00.000Z',
      elapsedFraction: 0,
      paused: true,
    });
    expect(status(480, bh, NY, '2026-11-23T14:00:00Z', '2026-11-23T14:00:00Z').targetAt).toBe('2026-11-23T22:00:00.000Z');
  });

  it('uses the zone it is given: Friday morning in Taipei is Thursday evening in New York', () => {
    expect(status(240, bh, 'Asia/Taipei', '2026-11-20T01:00:00Z', '2026-11-20T02:00:00Z')).toMatchObject({
      targetAt: '2026-11-20T05:00:00.000Z',
      elapsedFraction: 0.25,
    });
    expect(status(240, bh, NY, '2026-11-20T01:00:00Z', '2026-11-20T02:00:00Z')).toMatchObject({
      targetAt: '2026-11-20T18:00:00.000Z',
      paused: true,
    });
    expect(status(240, bh, 'Asia/Jakarta', '2026-11-20T01:00:00Z', '2026-11-20T01:00:00Z').targetAt).toBe('2026-11-20T06:00:00.000Z');
  });

  it('keeps 09:00–17:00 on the wall clock across DST weekends (New York, Paris)', () => {
    expect(status(480, bh, NY, '2026-03-06T20:00:00Z', '2026-03-09T13:00:00Z')).toMatchObject({
      targetAt: '2026-03-09T19:00:00.000Z',
      elapsedFraction: 0.25,
    });
    expect(status(480, bh, NY, '2026-10-30T19:00:00Z', '2026-10-30T19:00:00Z').targetAt).toBe('2026-11-02T20:00:00.000Z');
    expect(status(480, bh, 'Europe/Paris', '2026-03-27T15:00:00Z', '2026-03-27T15:00:00Z').targetAt).toBe('2026-03-30T14:00:00.000Z');
    expect(status(480, bh, 'Europe/Paris', '2026-10-23T14:00:00Z', '2026-10-23T14:00:00Z').targetAt).toBe('2026-10-26T15:00:00.000Z');
  });

  it('skips holidays', () => {
    const withHoliday: SlaSchedule = { ...bh, kind: 'business_hours', weekdays: [1, 2, 3, 4, 5], holidays: ['2026-12-25'] } as SlaSchedule;
    const s = status(480, withHoliday, NY, '2026-12-24T18:00:00Z', '2026-12-25T18:00:00Z');
    expect(s.targetAt).toBe('2026-12-28T18:00:00.000Z');
    expect(s).toMatchObject({ elapsedFraction: 0.5, paused: true });
  });

  it('never reaches a target of a schedule without working days', () => {
    const never: SlaSchedule = { kind: 'business_hours', weekdays: [], openMinute: 540, closeMinute: 1020 };
    expect(addScheduleTime(ms('2026-01-05T10:00:00Z'), HOUR_MS, NY, never)).toBe(Number.POSITIVE_INFINITY);
    expect(scheduleTimeBetween(ms('2026-01-05T10:00:00Z'), ms('2026-02-05T10:00:00Z'), NY, never)).toBe(0);
  });

  it('measures business time over long spans and far-apart queries alike (the calendar grows)', () => {
    // 2026 has 261 weekdays: 261 × 8 h, from New Year's Day to the next.
    expect(scheduleTimeBetween(ms('2026-01-01T05:00:00Z'), ms('2027-01-01T05:00:00Z'), NY, bh)).toBe(261 * 8 * HOUR_MS);
    expect(scheduleTimeBetween(ms('2024-06-03T13:00:00Z'), ms('2024-06-03T14:00:00Z'), NY, bh)).toBe(HOUR_MS);
    expect(scheduleTimeBetween(ms('2026-06-01T13:00:00Z'), ms('2026-06-01T15:00:00Z'), NY, bh)).toBe(2 * HOUR_MS);
  });
});

describe('caseSla – the one clock function', () => {
  const created = ms('2026-11-20T14:00:00Z'); // Fri 09:00 EST
  const kase = (over: Partial<SlaCaseInput> = {}): SlaCaseInput => ({
    priority: 'P1',
    state: 'NEW',
    createTimeMs: created,
    updateTimeMs: created,
    timeZone: NY,
    thread: { google: [], others: [] },
    ...over,
  });

  it('runs the first-response clock until Google answers, in the case’s zone for a business-hours plan', () => {
    const sla = caseSla(kase(), plan8x5, ms('2026-11-20T15:00:00Z'));
    expect(sla.current?.kind).toBe('first_response');
    expect(sla.firstResponse).toMatchObject({ running: true, startMs: created });
    expect(iso(sla.firstResponse.status.targetMs)).toBe('2026-11-20T16:00:00.000Z'); // P1: 2 business hours
    expect(sla.update).toBeNull();
    expect(slaDueMs(sla)).toBe(ms('2026-11-20T16:00:00Z'));
  });

  it('a plan’s own zone wins over the case’s', () => {
    const taipei: SlaPlan = {
      ...plan8x5,
      coverage: {
        ...BUSINESS_HOURS_8X5,
        kind: 'business_hours',
        weekdays: [1, 2, 3, 4, 5],
        timeZone: 'Asia/Taipei',
      } as SlaPlan['coverage'],
    };
    // Fri 22:00 Taipei: 0 business hours left on Friday → Mon 11:00 Taipei.
    expect(iso(caseSla(kase(), taipei, created).firstResponse.status.targetMs)).toBe('2026-11-23T03:00:00.000Z');
  });

  it('stops at the first Google comment, then the update clock runs from the last thread event', () => {
    const thread = { google: [ms('2026-11-20T15:30:00Z')], others: [ms('2026-11-20T14:30:00Z'), ms('2026-11-20T16:00:00Z')] };
    const sla = caseSla(kase({ state: 'IN_PROGRESS_GOOGLE_SUPPORT', thread }), plan24x7, ms('2026-11-20T16:30:00Z'));
    expect(sla.firstResponse).toMatchObject({ running: false, stopMs: ms('2026-11-20T15:30:00Z'), met: false }); // 15 min target
    expect(sla.update).toMatchObject({ kind: 'update', running: true, startMs: ms('2026-11-20T16:00:00Z') });
    expect(sla.current?.kind).toBe('update');
    expect(sla.current?.status.remainingMs).toBe(30 * MINUTE_MS);
    expect(sla.updatesMet).toBe(true);
  });

  it('records a gap longer than the update target as a missed update', () => {
    const thread = { google: [created + 10 * MINUTE_MS, created + 5 * HOUR_MS], others: [] };
    const sla = caseSla(kase({ state: 'CLOSED', updateTimeMs: created + 6 * HOUR_MS, thread }), plan24x7, created + 30 * HOUR_MS);
    expect(sla.firstResponse.met).toBe(true);
    expect(sla.updatesMet).toBe(false);
    expect(sla.current).toBeNull();
  });

  it('an answer exactly at the target is in time', () => {
    const sla = caseSla(
      kase({ state: 'IN_PROGRESS_GOOGLE_SUPPORT', thread: { google: [created + 15 * MINUTE_MS], others: [] } }),
      plan24x7,
      created + HOUR_MS,
    );
    expect(sla.firstResponse.met).toBe(true);
  });

  it('stops at the last update when the state shows Google acted without a visible comment', () => {
    const sla = caseSla(kase({ state: 'SOLUTION_PROVIDED', updateTimeMs: created + 10 * MINUTE_MS }), plan24x7, created + 10 * HOUR_MS);
    expect(sla.firstResponse).toMatchObject({ running: false, met: true });
    expect(sla.current).toBeNull(); // solution provided: no update is due
  });

  it('cannot measure a closed case whose thread was never synced', () => {
    expect(caseSla(kase({ state: 'CLOSED', thread: undefined }), plan24x7, created).measurable).toBe(false);
    expect(caseSla(kase({ state: 'NEW', thread: undefined }), plan24x7, created).measurable).toBe(true);
  });

  it('gives P0 the P1 targets and falls back to UTC for a zone Intl does not know', () => {
    expect(caseSla(kase({ priority: 'P0' }), plan24x7, created).firstResponse.status.targetMs).toBe(created + 15 * MINUTE_MS);
    expect(caseSla(kase({ timeZone: 'Mars/Olympus_Mons' }), plan8x5, created).firstResponse.status.timeZone).toBe('UTC');
  });
});

describe('agency plans and offerings', () => {
  it('resolves the customer’s plan, else the default; only Premium offers escalation on open cases', () => {
    const data = {
      ...EMPTY_AGENCY_DATA,
      plans: [STARTER_PLAN, ...DEMO_PLANS],
      customers: [{ customerId: 'C1', planId: 'demo-business', offering: 'premium' as const }],
    };
    expect(planForCustomer(data, 'C1').id).toBe('demo-business');
    expect(planForCustomer(data, 'C2').id).toBe(STARTER_PLAN.id);
    const index = indexAgency(data);
    expect(index.planOf('C1').id).toBe('demo-business');
    expect(index.planOf('nobody').id).toBe(STARTER_PLAN.id);
    expect(canEscalateWith(index.offeringOf('C1'), 'IN_PROGRESS_GOOGLE_SUPPORT')).toBe(true);
    expect(canEscalateWith(index.offeringOf('C1'), 'CLOSED')).toBe(false);
    expect(canEscalateWith('enhanced', 'NEW')).toBe(false);
    expect(canEscalateWith(undefined, 'NEW')).toBe(false);
  });
});
