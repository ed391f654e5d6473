// What one case counts for on the dashboard, worked out once per computation. Charts add
// these facts up, and a drill-down lists the cases whose facts match a chart point, so a
// bar and the list it opens can never disagree.

import { caseSla, PRIORITIES, targetsFor, type AgencyIndex, type Priority } from '../../../../shared/domain';
import { bucketOf, inPeriod } from './periods';
import type { DashboardCase, DashboardInput, Period } from './types';

export type SlaOutcome = 'met' | 'missed' | 'pending' | 'unknown';

export const AGE_BUCKETS = ['lt1d', '1to3d', '3to7d', '7to30d', 'gt30d'] as const;
const AGE_LIMITS_DAYS = [1, 3, 7, 30, Number.POSITIVE_INFINITY];
export const OTHER_CATEGORY = '__other__';

export interface CaseClass {
  /** Bucket of creation when created in the period, else -1. */
  readonly createdBucket: number;
  readonly priority: Priority;
  readonly category: string;
  readonly planId: string;
  /** SLA result of a case created in the period (undefined otherwise). */
  readonly outcome: SlaOutcome | undefined;
  readonly updates: 'met' | 'missed' | 'none';
  readonly firstResponseMs: number | undefined;
  readonly firstResponseTargetMs: number;
  /** Closed in the period: creation → closing time. */
  readonly resolutionMs: number | undefined;
  /** Open now: index in AGE_BUCKETS, else -1. */
  readonly ageBucket: number;
  readonly escalationBucket: number;
  readonly reopenBuckets: readonly number[];
}

export interface Buckets {
  readonly period: Period;
  readonly starts: readonly number[];
}

export function inScope(c: DashboardCase, scope: DashboardInput['scope']): boolean {
  if (scope.kind === 'all') return true;
  if (c.accountId !== scope.accountId) return false;
  return scope.kind === 'account' || c.customerId === scope.customerId;
}

/** The SLA result of a case under its customer's plan, as of `nowMs`. */
export function slaOutcome(
  c: DashboardCase,
  agency: AgencyIndex,
  nowMs: number,
): Pick<CaseClass, 'outcome' | 'updates' | 'firstResponseMs' | 'firstResponseTargetMs'> {
  const plan = agency.planOf(c.customerId);
  const sla = caseSla(c, plan, nowMs);
  const first = sla.firstResponse;
  const updates = sla.updatesMet === false ? 'missed' : sla.updatesMet === true ? 'met' : 'none';
  let outcome: SlaOutcome;
  if (!sla.measurable) outcome = 'unknown';
  else if (first.running) outcome = first.status.level === 'breached' || updates === 'missed' ? 'missed' : 'pending';
  else outcome = first.met === true && updates !== 'missed' ? 'met' : 'missed';
  return {
    outcome,
    updates,
    firstResponseMs: !first.running && sla.measurable && first.stopMs !== undefined ? first.stopMs - first.startMs : undefined,
    firstResponseTargetMs: first.status.targetMs,
  };
}

export function classify(c: DashboardCase, input: DashboardInput, agency: AgencyIndex, buckets: Buckets): CaseClass {
  const { period, starts } = buckets;
  const createdBucket = bucketOf(starts, period, c.createTimeMs);
  const closedInPeriod = c.state === 'CLOSED' && inPeriod(period, c.updateTimeMs);
  const open = c.state !== 'CLOSED';
  let ageBucket = -1;
  if (open) {
    const ageDays = (input.nowMs - c.createTimeMs) / 86_400_000;
    ageBucket = AGE_LIMITS_DAYS.findIndex((limit) => ageDays < limit);
  }
  const escalationAt = c.escalated ? (c.escalatedAtMs ?? c.createTimeMs) : undefined;
  const sla =
    createdBucket >= 0
      ? slaOutcome(c, agency, input.nowMs)
      : {
          outcome: undefined,
          updates: 'none' as const,
          firstResponseMs: undefined,
          firstResponseTargetMs: c.createTimeMs + targetsFor(agency.planOf(c.customerId), c.priority).firstResponseMinutes * 60_000,
        };
  return {
    createdBucket,
    priority: c.priority,
    category: c.category ?? OTHER_CATEGORY,
    planId: agency.planOf(c.customerId).id,
    ...sla,
    resolutionMs: closedInPeriod ? c.updateTimeMs - c.createTimeMs : undefined,
    ageBucket,
    escalationBucket: escalationAt === undefined ? -1 : bucketOf(starts, period, escalationAt),
    reopenBuckets: c.reopenedAtMs.map((at) => bucketOf(starts, period, at)).filter((b) => b >= 0),
  };
}

export const priorityIndex = (p: Priority): number => PRIORITIES.indexOf(p);
