import { describe, expect, it } from 'vitest';
import { exactTime, pastRelativeTimes, relativeTime, shortDuration } from '../../../../renderer/ui/format';

const now = Date.UTC(2026, 4, 10, 12, 0, 0);

describe('relative and exact times', () => {
  it('picks the largest unit that fits', () => {
    expect(relativeTime(now - 20_000, now, 'en')).toBe('this minute');
    expect(relativeTime(now - 5 * 60_000, now, 'en')).toBe('5 min. ago');
    expect(relativeTime(now - 3 * 3600_000, now, 'en')).toBe('3 hr. ago');
    expect(relativeTime(now - 26 * 3600_000, now, 'en')).toBe('yesterday');
    expect(relativeTime(now - 20 * 24 * 3600_000, now, 'en')).toBe('3 wk. ago');
    expect(relativeTime(now + 2 * 3600_000, now, 'en')).toBe('in 2 hr.');
  });

  it('localizes', () => {
    expect(relativeTime(now - 5 * 60_000, now, 'zh-TW')).toBe('5 分鐘前');
    expect(relativeTime(now - 3 * 3600_000, now, 'fr')).toContain('3');
  });

  it('lists every past text an "updated" column must fit; long units are counted, not named', () => {
    // French puts a no-break space between a number and its unit.
    const fr = pastRelativeTimes('fr').map((text) => text.replace(/\u00a0|\u202f/g, ' '));
    expect(fr).toEqual(expect.arrayContaining(['hier', 'avant-hier', 'il y a 1 sem.', 'il y a 1 m.', 'il y a 59 min', 'il y a 99 a']));
    expect(pastRelativeTimes('en')).toEqual(
      expect.arrayContaining(['this minute', 'yesterday', '1 wk. ago', '4 wk. ago', '12 mo. ago', '1 yr. ago']),
    );
    expect(fr).not.toContain('la semaine dernière');
    expect(new Set(fr).size).toBe(fr.length);
  });

  it('shows the exact time in the given zone', () => {
    expect(exactTime(now, 'en', 'UTC')).toBe('May 10, 2026, 12:00 PM');
    expect(exactTime(now, 'en', 'Asia/Taipei')).toBe('May 10, 2026, 8:00 PM');
  });

  it('formats SLA durations compactly', () => {
    expect(shortDuration(12 * 60_000, 'en')).toBe('12m');
    expect(shortDuration(125 * 60_000, 'en')).toBe('2h 5m');
    expect(shortDuration((3 * 24 + 4) * 3600_000, 'en')).toBe('3d 4h');
    expect(shortDuration(-5, 'en')).toBe('0m');
  });
});
