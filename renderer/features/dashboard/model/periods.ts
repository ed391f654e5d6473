// Periods and time buckets in the agent's time zone (a "day" is a local calendar day).

import { addLocalDays, localDateTime, zonedTimeToEpochMs } from '../../../../shared/domain';
import type { BucketUnit, Period } from './types';

export type PeriodChoice =
  | { readonly kind: 'last'; readonly days: 7 | 30 | 90 }
  | { readonly kind: 'month'; readonly year: number; readonly month: number }
  | { readonly kind: 'custom'; readonly from: string; readonly to: string };

function localMidnight(timeZone: string, year: number, month: number, day: number): number {
  return zonedTimeToEpochMs(timeZone, year, month, day);
}

/** The period a choice stands for: last N days ends tonight at midnight (today included). */
export function resolvePeriod(choice: PeriodChoice, nowMs: number, timeZone: string): Period {
  if (choice.kind === 'last') {
    const today = localDateTime(nowMs, timeZone);
    const tomorrow = addLocalDays(today.year, today.month, today.day, 1);
    const first = addLocalDays(today.year, today.month, today.day, 1 - choice.days);
    return {
      startMs: localMidnight(timeZone, first.year, first.month, first.day),
      endMs: localMidnight(timeZone, tomorrow.year, tomorrow.month, tomorrow.day),
    };
  }
  if (choice.kind === 'month') {
    const next = choice.month === 12 ? { year: choice.year + 1, month: 1 } : { year: choice.year, month: choice.month + 1 };
    return { startMs: localMidnight(timeZone, choice.year, choice.month, 1), endMs: localMidnight(timeZone, next.year, next.month, 1) };
  }
  const [fy, fm, fd] = choice.from.split('-').map(Number);
  const [ty, tm, td] = choice.to.split('-').map(Number);
  const end = addLocalDays(ty ?? 1970, tm ?? 1, td ?? 1, 1);
  const startMs = localMidnight(timeZone, fy ?? 1970, fm ?? 1, fd ?? 1);
  return { startMs, endMs: Math.max(startMs + 1, localMidnight(timeZone, end.year, end.month, end.day)) };
}

/** The period of the same length just before. */
export function previousPeriod(period: Period): Period {
  const length = period.endMs - period.startMs;
  return { startMs: period.startMs - length, endMs: period.startMs };
}

export function bucketUnit(period: Period): BucketUnit {
  const days = (period.endMs - period.startMs) / 86_400_000;
  return days <= 35 ? 'day' : days <= 190 ? 'week' : 'month';
}

/** Bucket start instants covering the period (local midnights; weeks start on Monday). */
export function bucketStarts(period: Period, unit: BucketUnit, timeZone: string): number[] {
  const first = localDateTime(period.startMs, timeZone);
  let date = { year: first.year, month: first.month, day: first.day };
  if (unit === 'week') date = addLocalDays(date.year, date.month, date.day, -((first.weekday + 6) % 7));
  if (unit === 'month') date = { ...date, day: 1 };
  const starts: number[] = [];
  for (let guard = 0; guard < 400; guard++) {
    const at = localMidnight(timeZone, date.year, date.month, date.day);
    if (at >= period.endMs) break;
    starts.push(at);
    if (unit === 'day') date = addLocalDays(date.year, date.month, date.day, 1);
    else if (unit === 'week') date = addLocalDays(date.year, date.month, date.day, 7);
    else date = date.month === 12 ? { year: date.year + 1, month: 1, day: 1 } : { year: date.year, month: date.month + 1, day: 1 };
  }
  return starts;
}

/**
 * Index of the bucket containing `ms` (starts ascending), or -1 outside the period. The first
 * week or month bucket may start before the period: only the period's own days count.
 */
export function bucketOf(starts: readonly number[], period: Period, ms: number): number {
  if (starts.length === 0 || ms < period.startMs || ms < (starts[0] as number) || ms >= period.endMs) return -1;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((starts[mid] as number) <= ms) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function inPeriod(period: Period, ms: number | undefined): boolean {
  return ms !== undefined && ms >= period.startMs && ms < period.endMs;
}

/** Median and 90th percentile (nearest rank) of durations. */
export function percentiles(values: readonly number[]): { medianMs?: number; p90Ms?: number } {
  if (values.length === 0) return {};
  // A typed array sorts numerically without a comparator call per step.
  const sorted = Float64Array.from(values).sort();
  const rank = (q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
  return { medianMs: rank(0.5), p90Ms: rank(0.9) };
}
