// Instants cross the IPC boundary and the replica as RFC 3339 strings; the rules below
// accept the usual representations and work in epoch milliseconds internally.

export type Instant = Date | string | number;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Epoch milliseconds of an instant; throws RangeError for unparsable input. */
export function toEpochMs(instant: Instant): number {
  const ms = typeof instant === 'number' ? instant : typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`Invalid instant: ${String(instant)}`);
  return ms;
}

export function toIsoString(ms: number): string {
  return new Date(ms).toISOString();
}
