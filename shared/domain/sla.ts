// The one SLA clock function (issues 7 §5, 14 §4, 19): what a case's clocks say under the
// agency's plan, read from the case thread and the case's time zone. The list, the case
// detail, notifications, the dashboard and the customer report all call caseSla(), so
// they can never disagree about the same case.
//
// Two clocks, both counted in the plan's coverage (24×7, or business hours in the plan's
// zone or else the case's own zone, with holidays):
// - first response: creation → Google Support's first comment on the thread.
// - update: after the first response, while the case is being worked on (open and not
//   SOLUTION_PROVIDED), the next update on the thread — a comment by either side — is due
//   within the plan's update target of the last one.

import type { CaseState, Priority } from './case-model';
import { addScheduleTime, isWithinSchedule, scheduleTimeBetween, type SlaSchedule } from './sla-calendar';
import { targetsFor, type SlaPlan } from './sla-plans';
import { MINUTE_MS } from './time';
import { localDateTime } from './zoned-time';

export * from './sla-calendar';

/** Share of the target used up at which the clock turns amber. */
export const SLA_WARNING_FRACTION = 0.75;
/** Share at which it turns red and "close to breach" notifications fire. */
export const SLA_DANGER_FRACTION = 0.9;
export const CLOSE_TO_BREACH_FRACTION = SLA_DANGER_FRACTION;

export type SlaLevel = 'ok' | 'warning' | 'danger' | 'breached';
export type SlaClockKind = 'first_response' | 'update';

export function slaLevel(elapsedFraction: number): SlaLevel {
  if (elapsedFraction >= 1) return 'breached';
  if (elapsedFraction >= SLA_DANGER_FRACTION) return 'danger';
  if (elapsedFraction >= SLA_WARNING_FRACTION) return 'warning';
  return 'ok';
}

export function isCloseToBreach(status: { readonly level: SlaLevel }): boolean {
  return status.level === 'danger';
}

/**
 * The API does not validate `Case.timeZone` (Google's own sample sends "-07:00"), so a
 * bad zone falls back to UTC instead of breaking the list.
 */
export function resolveTimeZone(timeZone: string | undefined): string {
  if (!timeZone) return 'UTC';
  let resolved = resolvedZones.get(timeZone);
  if (resolved === undefined) {
    try {
      localDateTime(0, timeZone);
      resolved = timeZone;
    } catch {
      resolved = 'UTC';
    }
    if (resolvedZones.size > 1000) resolvedZones.clear();
    resolvedZones.set(timeZone, resolved);
  }
  return resolved;
}

const resolvedZones = new Map<string, string>();

export interface SlaStatus {
  readonly targetMs: number;
  /** Wall-clock time until the target (0 once breached). */
  readonly remainingMs: number;
  /** Coverage time still available. */
  readonly remainingScheduleMs: number;
  /** Coverage time used / target duration; may exceed 1 when breached. */
  readonly elapsedFraction: number;
  readonly level: SlaLevel;
  /** Wall-clock time past the target (0 while not breached). */
  readonly overdueMs: number;
  /** Business-hours clock outside business hours: nothing is being consumed now. */
  readonly paused: boolean;
  /** Zone actually used; UTC when Intl does not know the zone. */
  readonly timeZone: string;
}

/** One target measured from `startMs`, evaluated at `atMs` (the stop, or now; `paused` is only worked out for a running clock). */
export function slaStatus(
  startMs: number,
  minutes: number,
  schedule: SlaSchedule,
  timeZone: string,
  atMs: number,
  running = true,
): SlaStatus {
  const targetDurationMs = minutes * MINUTE_MS;
  const targetMs = addScheduleTime(startMs, targetDurationMs, timeZone, schedule);
  const elapsed = scheduleTimeBetween(startMs, atMs, timeZone, schedule);
  const breached = atMs >= targetMs;
  const elapsedFraction = targetDurationMs > 0 ? elapsed / targetDurationMs : 1;
  return {
    targetMs,
    remainingMs: breached ? 0 : targetMs - atMs,
    remainingScheduleMs: Math.max(targetDurationMs - elapsed, 0),
    elapsedFraction,
    level: breached ? 'breached' : slaLevel(Math.min(elapsedFraction, 0.999_999)),
    overdueMs: breached ? atMs - targetMs : 0,
    paused: running && !isWithinSchedule(atMs, timeZone, schedule),
    timeZone,
  };
}

/** The slice of a case the clocks read (the replica, the projection and the dashboard all have it). */
export interface SlaCaseInput {
  readonly priority: Priority;
  readonly state: CaseState;
  readonly createTimeMs: number;
  readonly updateTimeMs: number;
  /** The case's own IANA zone (`Case.timeZone`). */
  readonly timeZone?: string | undefined;
  /**
   * The thread's comment times, each list ascending; undefined when the thread was never
   * synced (old closed cases are fetched on demand), in which case a stopped first-response
   * clock cannot be measured.
   */
  readonly thread?: SlaThread | undefined;
}

export interface SlaThread {
  readonly google: readonly number[];
  readonly others: readonly number[];
}

export interface SlaClock {
  readonly kind: SlaClockKind;
  /** False once the awaited response happened (or the case stopped needing it). */
  readonly running: boolean;
  readonly startMs: number;
  readonly stopMs?: number;
  /** Evaluated at the stop for stopped clocks, at `now` for running ones. */
  readonly status: SlaStatus;
  /** For stopped clocks: whether the response came in time. */
  readonly met?: boolean;
}

export interface CaseSla {
  readonly firstResponse: SlaClock;
  /** The update clock while it applies (running), or its last completed gap. */
  readonly update: SlaClock | null;
  /** The running clock that matters now (list column, notifications, sort by time left). */
  readonly current: SlaClock | null;
  /** Whether every update on the thread so far came within target (undefined: nothing to measure yet). */
  readonly updatesMet?: boolean;
  /** False when the thread was never synced and the first response cannot be known. */
  readonly measurable: boolean;
}

const RESPONDED_STATES: ReadonlySet<CaseState> = new Set(['ACTION_REQUIRED', 'SOLUTION_PROVIDED', 'CLOSED']);
const WORKED_ON_STATES: ReadonlySet<CaseState> = new Set(['NEW', 'IN_PROGRESS_GOOGLE_SUPPORT', 'ACTION_REQUIRED', 'STATE_UNSPECIFIED']);

function firstAtOrAfter(list: readonly number[], ms: number): number | undefined {
  for (const x of list) if (x >= ms) return x;
  return undefined;
}

/** Merged, ascending thread events (comments of either side) at or after `fromMs`. */
function eventsFrom(thread: SlaThread, fromMs: number): number[] {
  const out: number[] = [];
  for (const x of thread.google) if (x > fromMs) out.push(x);
  for (const x of thread.others) if (x > fromMs) out.push(x);
  return out.sort((a, b) => a - b);
}

/** Everything the agency's plan says about one case at `nowMs`. */
export function caseSla(input: SlaCaseInput, plan: SlaPlan, nowMs: number): CaseSla {
  const coverage = plan.coverage;
  const schedule: SlaSchedule = coverage;
  const timeZone = resolveTimeZone(coverage.kind === 'business_hours' && coverage.timeZone ? coverage.timeZone : input.timeZone);
  const targets = targetsFor(plan, input.priority);
  const open = input.state !== 'CLOSED';
  const thread = input.thread;
  const start = input.createTimeMs;

  // First response: the first Google comment; else, if the state shows Google acted without
  // a comment we can see (or the case closed), the last update.
  let firstStop = thread ? firstAtOrAfter(thread.google, start) : undefined;
  if (firstStop === undefined && RESPONDED_STATES.has(input.state)) firstStop = input.updateTimeMs;
  const measurable = thread !== undefined || input.state === 'NEW';
  const firstResponse = clock('first_response', start, firstStop, targets.firstResponseMinutes, schedule, timeZone, nowMs);

  let update: SlaClock | null = null;
  let updatesMet: boolean | undefined;
  if (firstResponse.stopMs !== undefined && thread) {
    const events = [firstResponse.stopMs, ...eventsFrom(thread, firstResponse.stopMs)];
    updatesMet = true;
    for (let i = 1; i < events.length; i++) {
      const gap = clock('update', events[i - 1] as number, events[i], targets.updateMinutes, schedule, timeZone, nowMs);
      if (gap.met === false) updatesMet = false;
      update = gap;
    }
    if (open && WORKED_ON_STATES.has(input.state)) {
      update = clock('update', events[events.length - 1] as number, undefined, targets.updateMinutes, schedule, timeZone, nowMs);
      if (update.status.level === 'breached') updatesMet = false;
    }
    if (events.length === 1 && !update) updatesMet = undefined;
  }

  const current = open && firstResponse.running ? firstResponse : update?.running ? update : null;
  return { firstResponse, update, current, ...(updatesMet !== undefined ? { updatesMet } : {}), measurable };
}

function clock(
  kind: SlaClockKind,
  startMs: number,
  stopMs: number | undefined,
  minutes: number,
  schedule: SlaSchedule,
  timeZone: string,
  nowMs: number,
): SlaClock {
  if (stopMs === undefined) return { kind, running: true, startMs, status: slaStatus(startMs, minutes, schedule, timeZone, nowMs) };
  const status = slaStatus(startMs, minutes, schedule, timeZone, Math.max(stopMs, startMs), false);
  // An answer exactly at the target is in time.
  return { kind, running: false, startMs, stopMs, status, met: stopMs <= status.targetMs };
}

/** Sort key for "time left": the running clock's target instant (Infinity when no clock runs). */
export function slaDueMs(sla: CaseSla): number {
  return sla.current ? sla.current.status.targetMs : Number.POSITIVE_INFINITY;
}
