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

// Offsets are cached per zone and 15-minute slice of UTC time: current tz rules use
// offsets in whole quarter hours and switch at local whole times, so a transition never
// falls inside a slice. Bounded so a long-running renderer does not grow it forever.
const SLICE_MS = 15 * 60_000;
const OFFSET_CACHE_MAX = 50_000;
const offsetCache = new Map<string, number>();

/** UTC offset of `timeZone` at instant `ms`, in ms (east positive). Throws RangeError for unknown zones. */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const slice = Math.floor(ms / SLICE_MS);
  const key = `${timeZone}|${slice}`;
  const hit = offsetCache.get(key);
  if (hit !== undefined) return hit;
  const at = slice * SLICE_MS;
  const offset = readWallClock(at, timeZone) - at;
  if (offsetCache.size >= OFFSET_CACHE_MAX) offsetCache.clear();
  offsetCache.set(key, offset);
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
  const key = `${timeZone}|${year}|${month}|${day}|${hour}|${minute}`;
  const hit = wallTimeCache.get(key);
  if (hit !== undefined) return hit;
  const result = resolveWallTime(timeZone, year, month, day, hour, minute);
  if (wallTimeCache.size >= WALL_TIME_CACHE_MAX) wallTimeCache.clear();
  wallTimeCache.set(key, result);
  return result;
}

const WALL_TIME_CACHE_MAX = 10_000;
const wallTimeCache = new Map<string, number>();

function resolveWallTime(timeZone: string, year: number, month: number, day: number, hour: number, minute: number): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
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
