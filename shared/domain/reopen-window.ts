import { DAY_MS, toEpochMs, toIsoString, type Instant } from './time';

/** Google lets a closed case be reopened for 30 days; after that a new case is needed. */
export const REOPEN_WINDOW_DAYS = 30;

export interface ReopenWindow {
  readonly canReopen: boolean;
  /** Whole days left, rounded up (so "1 more day" until the very last millisecond); 0 once closed. */
  readonly remainingDays: number;
  readonly remainingMs: number;
  /** RFC 3339 instant at which reopening stops being possible. */
  readonly deadline: string;
}

export interface ReopenWindowInput {
  readonly closeTime: Instant;
  readonly now: Instant;
  readonly windowDays?: number;
}

/**
 * The window is half-open, [closeTime, closeTime + windowDays): at the deadline itself the
 * case can no longer be reopened, so the UI never offers an action the server will refuse.
 * Days are exact 24 h spans (the server counts elapsed time, not calendar days).
 */
export function reopenWindow({ closeTime, now, windowDays = REOPEN_WINDOW_DAYS }: ReopenWindowInput): ReopenWindow {
  if (!(windowDays >= 0)) throw new RangeError(`windowDays must be >= 0, got ${windowDays}`);
  const closedMs = toEpochMs(closeTime);
  const nowMs = toEpochMs(now);
  const deadlineMs = closedMs + windowDays * DAY_MS;
  // A local clock behind the server's can put "now" before closeTime; clamp to a full window.
  const remainingMs = Math.min(Math.max(deadlineMs - nowMs, 0), windowDays * DAY_MS);
  const canReopen = remainingMs > 0;
  return {
    canReopen,
    remainingDays: canReopen ? Math.ceil(remainingMs / DAY_MS) : 0,
    remainingMs,
    deadline: toIsoString(deadlineMs),
  };
}
