import { describe, expect, it } from 'vitest';
import { HOUR_MS, localDateTime, zonedTimeToEpochMs, zoneOffsetMs } from '../../../../shared/domain';

describe('zoned time helpers', () => {
  it('reads the wall clock and weekday in a zone', () => {
    const l = localDateTime(Date.parse('2026-11-20T01:00:00Z'), 'Asia/Taipei');
    expect(l).toEqual({ year: 2026, month: 11, day: 20, hour: 9, minute: 0, second: 0, weekday: 5 });
    expect(localDateTime(Date.parse('2026-11-20T01:00:00Z'), 'America/New_York')).toMatchObject({ day: 19, hour: 20, weekday: 4 });
  });

  it('knows the DST offsets of New York and Paris', () => {
    expect(zoneOffsetMs(Date.parse('2026-01-15T12:00:00Z'), 'America/New_York')).toBe(-5 * HOUR_MS);
    expect(zoneOffsetMs(Date.parse('2026-07-15T12:00:00Z'), 'America/New_York')).toBe(-4 * HOUR_MS);
    expect(zoneOffsetMs(Date.parse('2026-01-15T12:00:00Z'), 'Europe/Paris')).toBe(1 * HOUR_MS);
    expect(zoneOffsetMs(Date.parse('2026-07-15T12:00:00Z'), 'Europe/Paris')).toBe(2 * HOUR_MS);
    expect(zoneOffsetMs(Date.parse('2026-07-15T12:00:00Z'), 'Asia/Jakarta')).toBe(7 * HOUR_MS);
  });

  it('switches offset exactly at the transition instant (cached slices never straddle it)', () => {
    const t = Date.parse('2026-03-08T07:00:00Z'); // 02:00 EST → 03:00 EDT
    expect(zoneOffsetMs(t - 1, 'America/New_York')).toBe(-5 * HOUR_MS);
    expect(zoneOffsetMs(t, 'America/New_York')).toBe(-4 * HOUR_MS);
    const paris = Date.parse('2026-10-25T01:00:00Z'); // 03:00 CEST → 02:00 CET
    expect(zoneOffsetMs(paris - 1, 'Europe/Paris')).toBe(2 * HOUR_MS);
    expect(zoneOffsetMs(paris, 'Europe/Paris')).toBe(1 * HOUR_MS);
    expect(localDateTime(paris - 1, 'Europe/Paris')).toMatchObject({ hour: 2, minute: 59, second: 59 });
    expect(localDateTime(paris, 'Europe/Paris')).toMatchObject({ hour: 2, minute: 0, second: 0 });
  });

  it('throws for an unknown zone', () => {
    expect(() => localDateTime(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });

  it('converts wall times to instants on both sides of a DST change', () => {
    expect(new Date(zonedTimeToEpochMs('America/New_York', 2026, 3, 6, 9)).toISOString()).toBe('2026-03-06T14:00:00.000Z');
    expect(new Date(zonedTimeToEpochMs('America/New_York', 2026, 3, 9, 9)).toISOString()).toBe('2026-03-09T13:00:00.000Z');
    expect(new Date(zonedTimeToEpochMs('Europe/Paris', 2026, 3, 30, 9)).toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });

  it('moves a wall time inside the spring-forward gap past the gap', () => {
    // 02:30 never happens in New York on 8 March 2026; 03:30 EDT does.
    expect(new Date(zonedTimeToEpochMs('America/New_York', 2026, 3, 8, 2, 30)).toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  it('picks the earlier instant of a fall-back overlap', () => {
    // 01:30 happens twice on 1 November 2026: first in EDT (05:30Z), then in EST (06:30Z).
    expect(new Date(zonedTimeToEpochMs('America/New_York', 2026, 11, 1, 1, 30)).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(new Date(zonedTimeToEpochMs('Europe/Paris', 2026, 10, 25, 2, 30)).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});
