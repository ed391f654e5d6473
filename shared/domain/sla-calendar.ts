// When an SLA clock runs: around the clock, or in business hours of one time zone with
// holidays. Business time is counted on a calendar of the zone's working intervals built
// once per (zone, schedule) and extended on demand, so a clock over a whole case list is a
// few binary searches per case instead of a walk over days through Intl (measured: the
// all-domains dashboard evaluates 100k cases this way). DST is handled by resolving each
// opening and closing wall time separately: a DST night shifts the hours, not the times.

import { DAY_MS } from './time';
import { localDateTime, zonedTimeToEpochMs } from './zoned-time';

export type SlaSchedule =
  | { readonly kind: '24x7' }
  | {
      readonly kind: 'business_hours';
      /** Working weekdays, 0 = Sunday … 6 = Saturday. */
      readonly weekdays: readonly number[];
      /** Opening and closing time as minutes after local midnight, e.g. 540 = 09:00. */
      readonly openMinute: number;
      readonly closeMinute: number;
      /** Local dates (YYYY-MM-DD) on which the clock does not run. */
      readonly holidays?: readonly string[] | undefined;
    };

export type BusinessHoursSchedule = Extract<SlaSchedule, { kind: 'business_hours' }>;

export const BUSINESS_HOURS_8X5: SlaSchedule = {
  kind: 'business_hours',
  weekdays: [1, 2, 3, 4, 5],
  openMinute: 9 * 60,
  closeMinute: 17 * 60,
};
export const ALWAYS_ON_24X7: SlaSchedule = { kind: '24x7' };

/** A target further away than this (e.g. a schedule without working days) is never reached. */
const MAX_SPAN_DAYS = 3 * 366;
const GROW_DAYS = 64;
/** Bad data (a case dated 1970) must not build a calendar of decades. */
const MAX_CALENDAR_DAYS = 12 * 366;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Days since 1970-01-01 of a local calendar date. */
function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

class BusinessCalendar {
  private firstDay = 0;
  private lastDay = -1;
  private startMs = Number.POSITIVE_INFINITY;
  private endMs = Number.NEGATIVE_INFINITY;
  private opens = new Float64Array(0);
  private closes = new Float64Array(0);
  /** Business time before interval i, counted from the calendar's first day. */
  private before = new Float64Array(0);
  private readonly holidays: ReadonlySet<string>;
  private readonly works: boolean;

  constructor(
    private readonly timeZone: string,
    private readonly schedule: BusinessHoursSchedule,
  ) {
    this.holidays = new Set(schedule.holidays ?? []);
    this.works = schedule.weekdays.length > 0 && schedule.closeMinute > schedule.openMinute;
  }

  /** Makes the calendar cover the local day of `ms` (false when that is absurdly far away). */
  private cover(ms: number): boolean {
    if (ms >= this.startMs && ms < this.endMs) return true;
    const local = localDateTime(ms, this.timeZone);
    const day = dayNumber(local.year, local.month, local.day);
    const empty = this.lastDay < this.firstDay;
    // Grow geometrically so a calendar extended step by step is rebuilt O(log n) times.
    const grow = empty ? GROW_DAYS : Math.max(GROW_DAYS, (this.lastDay - this.firstDay) >> 1);
    const first = empty ? day - grow : Math.min(this.firstDay, day - grow);
    const last = empty ? day + grow : Math.max(this.lastDay, day + grow);
    if (last - first > MAX_CALENDAR_DAYS) return false;
    this.build(first, last);
    return true;
  }

  private build(first: number, last: number): void {
    const opens: number[] = [];
    const closes: number[] = [];
    const { weekdays, openMinute, closeMinute } = this.schedule;
    for (let day = first; day <= last; day++) {
      // 1970-01-01 was a Thursday.
      if (!weekdays.includes((day + 4) % 7)) continue;
      const date = new Date(day * DAY_MS);
      const y = date.getUTCFullYear();
      const m = date.getUTCMonth() + 1;
      const d = date.getUTCDate();
      if (this.holidays.has(`${y}-${pad2(m)}-${pad2(d)}`)) continue;
      opens.push(zonedTimeToEpochMs(this.timeZone, y, m, d, Math.floor(openMinute / 60), openMinute % 60));
      closes.push(zonedTimeToEpochMs(this.timeZone, y, m, d, Math.floor(closeMinute / 60), closeMinute % 60));
    }
    this.opens = Float64Array.from(opens);
    this.closes = Float64Array.from(closes);
    this.before = new Float64Array(opens.length + 1);
    for (let i = 0; i < opens.length; i++) this.before[i + 1] = (this.before[i] as number) + (closes[i] as number) - (opens[i] as number);
    this.firstDay = first;
    this.lastDay = last;
    const start = new Date(first * DAY_MS);
    const end = new Date((last + 1) * DAY_MS);
    this.startMs = zonedTimeToEpochMs(this.timeZone, start.getUTCFullYear(), start.getUTCMonth() + 1, start.getUTCDate());
    this.endMs = zonedTimeToEpochMs(this.timeZone, end.getUTCFullYear(), end.getUTCMonth() + 1, end.getUTCDate());
  }

  /** Index of the first interval that closes after `ms`. */
  private indexAfter(ms: number): number {
    let lo = 0;
    let hi = this.closes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.closes[mid] as number) <= ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Business time from the calendar's start up to `ms` (which it must cover). */
  private position(ms: number): number {
    const i = this.indexAfter(ms);
    if (i >= this.opens.length) return this.before[this.opens.length] as number;
    return (this.before[i] as number) + Math.max(0, ms - (this.opens[i] as number));
  }

  timeBetween(startMs: number, endMs: number): number {
    if (endMs <= startMs || !this.works) return 0;
    if (!this.cover(startMs) || !this.cover(endMs)) return 0;
    return this.position(endMs) - this.position(startMs);
  }

  add(startMs: number, durationMs: number): number {
    if (durationMs <= 0) return startMs;
    if (!this.works || !this.cover(startMs)) return Number.POSITIVE_INFINITY;
    for (let span = 0; span <= MAX_SPAN_DAYS; span += GROW_DAYS) {
      const target = this.position(startMs) + durationMs;
      const total = this.before[this.opens.length] as number;
      if (target <= total) {
        // First interval whose end position reaches the target; an exact fit ends at closing time.
        let lo = 0;
        let hi = this.opens.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if ((this.before[mid + 1] as number) < target) lo = mid + 1;
          else hi = mid;
        }
        return (this.opens[lo] as number) + (target - (this.before[lo] as number));
      }
      if (!this.cover(this.endMs + DAY_MS)) break;
    }
    return Number.POSITIVE_INFINITY;
  }

  isOpen(ms: number): boolean {
    if (!this.works || !this.cover(ms)) return false;
    const i = this.indexAfter(ms);
    return i < this.opens.length && (this.opens[i] as number) <= ms;
  }
}

const calendars = new Map<string, BusinessCalendar>();
const CALENDARS_MAX = 256;
/** Per schedule object, its calendars by zone: a whole case list asks for the same few thousands of times. */
const bySchedule = new WeakMap<BusinessHoursSchedule, Map<string, BusinessCalendar>>();

function calendarFor(timeZone: string, schedule: BusinessHoursSchedule): BusinessCalendar {
  let zones = bySchedule.get(schedule);
  const hit = zones?.get(timeZone);
  if (hit) return hit;
  const key = `${timeZone}|${schedule.weekdays.join(',')}|${schedule.openMinute}|${schedule.closeMinute}|${(schedule.holidays ?? []).join(',')}`;
  let calendar = calendars.get(key);
  if (!calendar) {
    if (calendars.size >= CALENDARS_MAX) calendars.clear();
    calendar = new BusinessCalendar(timeZone, schedule);
    calendars.set(key, calendar);
  }
  if (!zones) {
    zones = new Map();
    bySchedule.set(schedule, zones);
  }
  zones.set(timeZone, calendar);
  return calendar;
}

/** The instant at which `durationMs` of schedule time has passed since `startMs` (Infinity if never). */
export function addScheduleTime(startMs: number, durationMs: number, timeZone: string, schedule: SlaSchedule): number {
  if (schedule.kind === '24x7' || durationMs <= 0) return startMs + Math.max(durationMs, 0);
  return calendarFor(timeZone, schedule).add(startMs, durationMs);
}

/** Schedule time between two instants (business time for business-hours schedules). */
export function scheduleTimeBetween(startMs: number, endMs: number, timeZone: string, schedule: SlaSchedule): number {
  if (endMs <= startMs) return 0;
  if (schedule.kind === '24x7') return endMs - startMs;
  return calendarFor(timeZone, schedule).timeBetween(startMs, endMs);
}

export function isWithinSchedule(ms: number, timeZone: string, schedule: SlaSchedule): boolean {
  if (schedule.kind === '24x7') return true;
  return calendarFor(timeZone, schedule).isOpen(ms);
}
