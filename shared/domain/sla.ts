// SLA clocks (issue 7 §5): response targets per priority × support tier, counted either
// around the clock or in business hours of the *customer's* time zone. Everything is
// computed with Intl.DateTimeFormat (see zoned-time.ts), so DST shifts are handled by the
// runtime's tz database and a business day is always 09:00–17:00 on the wall clock.

import type { CaseState, Priority, SupportTier } from './case-model';
import { MINUTE_MS, toEpochMs, toIsoString, type Instant } from './time';
import { addLocalDays, localDateTime, zonedTimeToEpochMs } from './zoned-time';

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
      readonly holidays?: readonly string[];
    };

export interface SlaTierPolicy {
  readonly schedule: SlaSchedule;
  /** Creation → Google's first response, in schedule minutes. */
  readonly firstResponseMinutes: Readonly<Record<Priority, number>>;
  /** ACTION_REQUIRED → the agent's reply, in schedule minutes. */
  readonly actionRequiredMinutes: Readonly<Record<Priority, number>>;
}

export type SlaTable = Readonly<Record<SupportTier, SlaTierPolicy>>;

export const BUSINESS_HOURS_8X5: SlaSchedule = {
  kind: 'business_hours',
  weekdays: [1, 2, 3, 4, 5],
  openMinute: 9 * 60,
  closeMinute: 17 * 60,
};
export const ALWAYS_ON_24X7: SlaSchedule = { kind: '24x7' };

const BUSINESS_DAY_MIN = 8 * 60;

/**
 * Defaults, from the reseller tiers in domain.md ("small customers 8×5 email support;
 * mid-size 24×7 with a 4-hour response on critical issues; large customers a 15-minute
 * response on emergencies") and Google's "first response within one business day":
 *
 * - standard: 8×5 (Mon–Fri 09:00–17:00 customer time). First response P0 2 business
 *   hours, P1 4 h, P2 1 business day (8 h), P3 2 days, P4 3 days. Agent reply on
 *   ACTION_REQUIRED: P0 1 h, P1 2 h, P2 4 h, P3 1 day, P4 2 days.
 * - premium: 24×7. First response P0/P1 15 min, P2 4 h, P3 8 h, P4 24 h. Agent reply:
 *   P0/P1 30 min, P2 2 h, P3 8 h, P4 24 h.
 *
 * Resellers sell their own tiers; pass a different table to override.
 */
export const DEFAULT_SLA_TABLE: SlaTable = {
  standard: {
    schedule: BUSINESS_HOURS_8X5,
    firstResponseMinutes: { P0: 120, P1: 240, P2: BUSINESS_DAY_MIN, P3: 2 * BUSINESS_DAY_MIN, P4: 3 * BUSINESS_DAY_MIN },
    actionRequiredMinutes: { P0: 60, P1: 120, P2: 240, P3: BUSINESS_DAY_MIN, P4: 2 * BUSINESS_DAY_MIN },
  },
  premium: {
    schedule: ALWAYS_ON_24X7,
    firstResponseMinutes: { P0: 15, P1: 15, P2: 4 * 60, P3: 8 * 60, P4: 24 * 60 },
    actionRequiredMinutes: { P0: 30, P1: 30, P2: 2 * 60, P3: 8 * 60, P4: 24 * 60 },
  },
};

/** Share of the target used up at which the clock turns amber. */
export const SLA_WARNING_FRACTION = 0.75;
/** Share at which it turns red and "close to breach" notifications fire. */
export const SLA_DANGER_FRACTION = 0.9;
export const CLOSE_TO_BREACH_FRACTION = SLA_DANGER_FRACTION;

export type SlaLevel = 'ok' | 'warning' | 'danger' | 'breached';
export type SlaClockKind = 'first_response' | 'action_required';

export interface SlaStatus {
  readonly targetAt: string;
  /** Wall-clock time until the target (0 once breached). */
  readonly remainingMs: number;
  /** Schedule time still available (business time for 8×5 tiers). */
  readonly remainingScheduleMs: number;
  /** Schedule time used / target duration; may exceed 1 when breached. */
  readonly elapsedFraction: number;
  readonly level: SlaLevel;
  /** Wall-clock time past the target (0 while not breached). */
  readonly overdueMs: number;
  /** Business-hours clock outside business hours: nothing is being consumed now. */
  readonly paused: boolean;
  /** Zone actually used; UTC when Intl does not know the case's zone. */
  readonly timeZone: string;
}

export interface ComputeSlaInput {
  readonly priority: Priority;
  readonly tier: SupportTier;
  readonly timeZone: string | undefined;
  readonly startedAt: Instant;
  readonly now: Instant;
  readonly table?: SlaTable;
  readonly clock?: SlaClockKind;
}

export function slaLevel(elapsedFraction: number): SlaLevel {
  if (elapsedFraction >= 1) return 'breached';
  if (elapsedFraction >= SLA_DANGER_FRACTION) return 'danger';
  if (elapsedFraction >= SLA_WARNING_FRACTION) return 'warning';
  return 'ok';
}

export function isCloseToBreach(status: Pick<SlaStatus, 'level'>): boolean {
  return status.level === 'danger';
}

/**
 * The API does not validate `Case.timeZone` (Google's own sample sends "-07:00"), so a
 * bad zone falls back to UTC instead of breaking the list.
 */
export function resolveTimeZone(timeZone: string | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    localDateTime(0, timeZone);
    return timeZone;
  } catch {
    return 'UTC';
  }
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

// Safety stop for schedules with no working days at all.
const MAX_SCAN_DAYS = 3 * 366;

/**
 * Business intervals [open, close) in epoch ms, from the local day containing `fromMs`
 * onwards, clipped so none starts before `fromMs`.
 */
function* businessIntervals(
  fromMs: number,
  timeZone: string,
  schedule: Extract<SlaSchedule, { kind: 'business_hours' }>,
): Generator<readonly [number, number]> {
  const startLocal = localDateTime(fromMs, timeZone);
  const holidays = new Set(schedule.holidays ?? []);
  for (let i = 0; i < MAX_SCAN_DAYS; i++) {
    const d = addLocalDays(startLocal.year, startLocal.month, startLocal.day, i);
    const weekday = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
    if (!schedule.weekdays.includes(weekday)) continue;
    if (holidays.has(`${d.year}-${pad2(d.month)}-${pad2(d.day)}`)) continue;
    // Resolving each boundary separately makes a DST night shift the hours, not the wall times.
    const open = zonedTimeToEpochMs(timeZone, d.year, d.month, d.day, Math.floor(schedule.openMinute / 60), schedule.openMinute % 60);
    const close = zonedTimeToEpochMs(timeZone, d.year, d.month, d.day, Math.floor(schedule.closeMinute / 60), schedule.closeMinute % 60);
    if (close <= fromMs) continue;
    yield [Math.max(open, fromMs), close];
  }
}

/** The instant at which `durationMs` of schedule time has passed since `startMs`. */
export function addScheduleTime(startMs: number, durationMs: number, timeZone: string, schedule: SlaSchedule): number {
  if (schedule.kind === '24x7' || durationMs <= 0) return startMs + Math.max(durationMs, 0);
  let remaining = durationMs;
  for (const [open, close] of businessIntervals(startMs, timeZone, schedule)) {
    if (remaining <= close - open) return open + remaining;
    remaining -= close - open;
  }
  return Number.POSITIVE_INFINITY;
}

/** Schedule time between two instants (business time for business-hours schedules). */
export function scheduleTimeBetween(startMs: number, endMs: number, timeZone: string, schedule: SlaSchedule): number {
  if (endMs <= startMs) return 0;
  if (schedule.kind === '24x7') return endMs - startMs;
  let total = 0;
  for (const [open, close] of businessIntervals(startMs, timeZone, schedule)) {
    if (open >= endMs) break;
    total += Math.min(close, endMs) - open;
  }
  return total;
}

export function isWithinSchedule(ms: number, timeZone: string, schedule: SlaSchedule): boolean {
  if (schedule.kind === '24x7') return true;
  const first = businessIntervals(ms, timeZone, schedule).next();
  return !first.done && first.value[0] <= ms;
}

export function computeSla(input: ComputeSlaInput): SlaStatus {
  const table = input.table ?? DEFAULT_SLA_TABLE;
  const policy = table[input.tier];
  const minutes =
    input.clock === 'action_required' ? policy.actionRequiredMinutes[input.priority] : policy.firstResponseMinutes[input.priority];
  const timeZone = resolveTimeZone(input.timeZone);
  const startMs = toEpochMs(input.startedAt);
  const nowMs = toEpochMs(input.now);
  const targetDurationMs = minutes * MINUTE_MS;
  const targetMs = addScheduleTime(startMs, targetDurationMs, timeZone, policy.schedule);
  const elapsed = scheduleTimeBetween(startMs, nowMs, timeZone, policy.schedule);
  const breached = nowMs >= targetMs;
  const elapsedFraction = targetDurationMs > 0 ? elapsed / targetDurationMs : 1;
  return {
    targetAt: Number.isFinite(targetMs) ? toIsoString(targetMs) : '',
    remainingMs: breached ? 0 : targetMs - nowMs,
    remainingScheduleMs: Math.max(targetDurationMs - elapsed, 0),
    elapsedFraction,
    level: breached ? 'breached' : slaLevel(Math.min(elapsedFraction, 0.999_999)),
    overdueMs: breached ? nowMs - targetMs : 0,
    paused: !isWithinSchedule(nowMs, timeZone, policy.schedule),
    timeZone,
  };
}

// ---------- the two clocks ----------

/** The slice of a case the clocks read (structural, so any wire/replica type fits). */
export interface SlaCaseInput {
  readonly createTime: string;
  readonly updateTime?: string | undefined;
  readonly priority: Priority;
  readonly state: CaseState;
  /** Customer's IANA zone; the case's own `timeZone` is the usual source. */
  readonly timeZone?: string | undefined;
  /** When the case last entered ACTION_REQUIRED, if the replica tracked it. */
  readonly actionRequiredSince?: string | undefined;
}

export interface SlaCommentInput {
  readonly createTime: string;
  readonly creator?: { readonly googleSupport?: boolean | undefined } | undefined;
}

export interface SlaClockOptions {
  readonly tier: SupportTier;
  readonly now: Instant;
  /** Overrides the case's zone (e.g. the customer's zone from the sales console). */
  readonly timeZone?: string | undefined;
  readonly table?: SlaTable;
}

export interface SlaClock {
  readonly kind: SlaClockKind;
  /** False once the awaited response happened (or the case closed). */
  readonly running: boolean;
  readonly startedAt: string;
  readonly stoppedAt?: string;
  /** Evaluated at `stoppedAt` for stopped clocks, at `now` for running ones. */
  readonly status: SlaStatus;
  /** For stopped clocks: whether the response came in time. */
  readonly met?: boolean;
}

function isGoogle(c: SlaCommentInput): boolean {
  return c.creator?.googleSupport === true;
}

function sortedByTime(comments: readonly SlaCommentInput[]): { ms: number; google: boolean }[] {
  return comments.map((c) => ({ ms: toEpochMs(c.createTime), google: isGoogle(c) })).sort((a, b) => a.ms - b.ms);
}

function buildClock(kind: SlaClockKind, c: SlaCaseInput, startMs: number, stopMs: number | undefined, opts: SlaClockOptions): SlaClock {
  const nowMs = toEpochMs(opts.now);
  const evalMs = stopMs === undefined ? nowMs : Math.min(stopMs, nowMs);
  const status = computeSla({
    priority: c.priority,
    tier: opts.tier,
    timeZone: opts.timeZone ?? c.timeZone,
    startedAt: startMs,
    now: evalMs,
    clock: kind,
    ...(opts.table ? { table: opts.table } : {}),
  });
  if (stopMs === undefined) return { kind, running: true, startedAt: toIsoString(startMs), status };
  return {
    kind,
    running: false,
    startedAt: toIsoString(startMs),
    stoppedAt: toIsoString(stopMs),
    status,
    met: status.level !== 'breached',
  };
}

const RESPONDED_STATES: ReadonlySet<CaseState> = new Set(['ACTION_REQUIRED', 'SOLUTION_PROVIDED', 'CLOSED']);

/**
 * Creation → Google's first response. Stops at the first Google Support comment; if the
 * state shows Google acted without a comment we can see (or the case closed), it stops
 * at the case's last update.
 */
export function firstResponseClock(c: SlaCaseInput, comments: readonly SlaCommentInput[], opts: SlaClockOptions): SlaClock {
  const startMs = toEpochMs(c.createTime);
  const firstGoogle = sortedByTime(comments).find((x) => x.google && x.ms >= startMs);
  let stopMs = firstGoogle?.ms;
  if (stopMs === undefined && RESPONDED_STATES.has(c.state)) stopMs = c.updateTime ? toEpochMs(c.updateTime) : toEpochMs(opts.now);
  return buildClock('first_response', c, startMs, stopMs, opts);
}

/**
 * ACTION_REQUIRED → the agent's (customer side's) reply. Starts when the case entered the
 * state (or, failing that, at Google's latest comment, then the last update). Stops at the
 * first non-Google comment after that. Null when there is nothing to measure.
 */
export function actionRequiredClock(c: SlaCaseInput, comments: readonly SlaCommentInput[], opts: SlaClockOptions): SlaClock | null {
  const sorted = sortedByTime(comments);
  let startMs: number | undefined;
  if (c.actionRequiredSince) startMs = toEpochMs(c.actionRequiredSince);
  else if (c.state === 'ACTION_REQUIRED') {
    const lastGoogle = sorted.findLast((x) => x.google);
    startMs = lastGoogle?.ms ?? (c.updateTime ? toEpochMs(c.updateTime) : toEpochMs(c.createTime));
  }
  if (startMs === undefined) return null;
  const from = startMs;
  const reply = sorted.find((x) => !x.google && x.ms >= from);
  if (reply === undefined && c.state !== 'ACTION_REQUIRED') {
    // Left the state without a visible reply (e.g. closed): nothing is pending any more.
    if (!c.updateTime) return null;
    return buildClock('action_required', c, startMs, toEpochMs(c.updateTime), opts);
  }
  return buildClock('action_required', c, startMs, reply?.ms, opts);
}
