// Wall-clock ↔ instant conversion in an IANA time zone using only Intl.DateTimeFormat,
// so shared/ stays library-free and DST follows the runtime's tz database.

export interface LocalDateTime {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for unknown zones, which callers surface as invalid input.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Reads the wall clock through Intl (slow: allocates parts); see zoneOffsetMs for the cache. */
function readWallClock(ms: number, timeZone: string): number {
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const p of formatterFor(timeZone).formatToParts(ms)) {
    switch (p.type) {
      case 'year':
        year = Number(p.value);
        break;
      case 'month':
        month = Number(p.value);
        break;
      case 'day':
        day = Number(p.value);
        break;
      case 'hour':
        hour = Number(p.value) % 24;
        break;
      case 'minute':
        minute = Number(p.value);
        break;
      case 'second':
        second = Number(p.value);
        break;
      default:
        break;
    }
  }
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/**
 * A bounded memo per time zone keyed by a number. Numbers, not `zone|…` strings: a string
 * key is built on every call, and V8 internalizes every string used with a Map, so while a
 * list scrolled each row's SLA clock added garbage to the string table that every major GC
 * walks in its pause (issue 21).
 */
class ZoneMemo {
  private readonly zones = new Map<string, Map<number, number>>();
  private size = 0;

  constructor(private readonly max: number) {}

  get(timeZone: string, key: number): number | undefined {
    return this.zones.get(timeZone)?.get(key);
  }

  set(timeZone: string, key: number, value: number): void {
    if (this.size >= this.max) {
      this.zones.clear();
      this.size = 0;
    }
    let zone = this.zones.get(timeZone);
    if (!zone) {
      zone = new Map();
      this.zones.set(timeZone, zone);
    }
    zone.set(key, value);
    this.size += 1;
  }
}

// Offsets are cached per zone and 15-minute slice of UTC time: current tz rules use
// offsets in whole quarter hours and switch at local whole times, so a transition never
// falls inside a slice. Bounded so a long-running renderer does not grow it forever.
const SLICE_MS = 15 * 60_000;
const offsetCache = new ZoneMemo(50_000);

/** UTC offset of `timeZone` at instant `ms`, in ms (east positive). Throws RangeError for unknown zones. */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const slice = Math.floor(ms / SLICE_MS);
  const hit = offsetCache.get(timeZone, slice);
  if (hit !== undefined) return hit;
  const at = slice * SLICE_MS;
  const offset = readWallClock(at, timeZone) - at;
  offsetCache.set(timeZone, slice, offset);
  return offset;
}

/** The wall-clock reading in `timeZone` at instant `ms`. */
export function localDateTime(ms: number, timeZone: string): LocalDateTime {
  const d = new Date(ms + zoneOffsetMs(ms, timeZone));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

/**
 * The instant at which clocks in `timeZone` show the given wall time. In a spring-forward
 * gap (02:30 on the night clocks jump 02:00 → 03:00) the result lands after the gap; in a
 * fall-back overlap the earlier instant is chosen.
 */
export function zonedTimeToEpochMs(timeZone: string, year: number, month: number, day: number, hour = 0, minute = 0): number {
  // SLA clocks of a whole case list resolve the same few opening/closing times over and
  // over; formatToParts is the expensive part, so memoise (bounded).
  // The wall time read as if it were UTC: one number per wall time (the answer depends on nothing else).
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const hit = wallTimeCache.get(timeZone, wall);
  if (hit !== undefined) return hit;
  const result = resolveWallTime(timeZone, wall);
  wallTimeCache.set(timeZone, wall, result);
  return result;
}

const wallTimeCache = new ZoneMemo(10_000);

function resolveWallTime(timeZone: string, wall: number): number {
  // The offsets 14 h either side bracket any single transition near this wall time.
  const before = zoneOffsetMs(wall - 14 * 3_600_000, timeZone);
  const after = zoneOffsetMs(wall + 14 * 3_600_000, timeZone);
  const candidates = [wall - before, wall - after].filter((t) => zoneOffsetMs(t, timeZone) === wall - t);
  if (candidates.length > 0) return Math.min(...candidates);
  return wall - before;
}

/** Calendar arithmetic on local dates (no time zone involved). */
export function addLocalDays(year: number, month: number, day: number, days: number): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
