// Times and durations for the UI, localized with Intl in the UI language. Lists show
// relative times; the exact time is in the agent's zone, the case's zone one hover away.

/**
 * Intl formatters are costly to build (tenths of a millisecond each) and a list row needs
 * several: build each (kind, language, options) once.
 */
const formatters = new Map<string, unknown>();
function cached<T>(key: string, make: () => T): T {
  let hit = formatters.get(key) as T | undefined;
  if (hit === undefined) {
    hit = make();
    formatters.set(key, hit);
  }
  return hit;
}

export function agentTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
const units: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

/**
 * Days, hours and minutes may be named ("yesterday", "this minute"); weeks, months and years
 * are counted ("1 wk. ago", not "last week": in French the named forms of the long units are
 * the widest texts of the list's Updated column and would take their width from the title).
 */
const namedUnits: ReadonlySet<Intl.RelativeTimeFormatUnit> = new Set(['day', 'hour', 'minute']);

function relativeFormat(language: string, unit: Intl.RelativeTimeFormatUnit): Intl.RelativeTimeFormat {
  const numeric = namedUnits.has(unit) ? 'auto' : 'always';
  return cached(`rel|${language}|${numeric}`, () => new Intl.RelativeTimeFormat(language, { numeric, style: 'short' }));
}

/** "5 minutes ago", "yesterday", "now" in the given language. */
export function relativeTime(thenMs: number, nowMs: number, language: string): string {
  const diff = thenMs - nowMs;
  const abs = Math.abs(diff);
  for (const [unit, size] of units) {
    if (abs >= size) return relativeFormat(language, unit).format(Math.round(diff / size), unit);
  }
  return relativeFormat(language, 'minute').format(0, 'minute');
}

/** Every text `relativeTime` gives for a time up to 99 years past: what an "updated" column must fit. */
export function pastRelativeTimes(language: string): string[] {
  const now = Date.UTC(2026, 0, 31);
  const texts = [relativeTime(now, now, language)];
  units.forEach(([, size], index) => {
    // Each unit counts up to where the next larger one takes over ("23 hr. ago", then "yesterday").
    const larger = units[index - 1]?.[1] ?? 100 * size;
    for (let ago = size; ago < larger; ago += size) texts.push(relativeTime(now - ago, now, language));
  });
  return [...new Set(texts)];
}

/** The exact time in the agent's time zone (the row's hover text). */
export function exactTime(ms: number, language: string, timeZone?: string): string {
  return cached(
    `exact|${language}|${timeZone ?? ''}`,
    () => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }),
  ).format(ms);
}

export function formatInZone(iso: string, language: string, timeZone: string | undefined): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  try {
    return new Intl.DateTimeFormat(language, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone,
      timeZoneName: timeZone ? 'short' : undefined,
    }).format(date);
  } catch {
    // The API does not validate a case's zone; fall back to the agent's.
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }
}

/** A duration for SLA clocks: "2 h 5 min", "3 d 4 h", "12 min". */
export function shortDuration(ms: number, language: string): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const unit = (value: number, u: 'day' | 'hour' | 'minute'): string =>
    cached(`unit|${language}|${u}`, () => new Intl.NumberFormat(language, { style: 'unit', unit: u, unitDisplay: 'narrow' })).format(value);
  if (days > 0) return hours > 0 ? `${unit(days, 'day')} ${unit(hours, 'hour')}` : unit(days, 'day');
  if (hours > 0) return mins > 0 ? `${unit(hours, 'hour')} ${unit(mins, 'minute')}` : unit(hours, 'hour');
  return unit(mins, 'minute');
}

/** The one number formatter of the UI ("4,569", "4 569"); i18n strings use {{count, number}}, which is the same Intl formatter. */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value);
}

/**
 * A size: "305 bytes" / "305 octets" / "305 字节" below a kilobyte (the long unit: the short
 * one is "305 byte" in English), then "1.2 MB", "1,2 Mo".
 */
export function formatBytes(bytes: number, language: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit > 0 && value < 10 ? 1 : 0,
  }).format(value);
}
