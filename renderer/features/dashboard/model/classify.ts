// What one case counts for on the dashboard, worked out once per computation. Charts add
// these facts up, and a drill-down lists the cases whose facts match a chart point, so a
// bar and the list it opens can never disagree.

import { caseSla, targetsFor, type AgencyIndex } from '../../../../shared/domain';
import { bucketOf, inPeriod } from './periods';
import type { DashboardCase, DashboardInput, Period } from './types';

export type SlaOutcome = 'met' | 'missed' | 'pending' | 'unknown';

export const AGE_BUCKETS = ['lt1d', '1to3d', '3to7d', '7to30d', 'gt30d'] as const;
const AGE_LIMITS_DAYS = [1, 3, 7, 30, Number.POSITIVE_INFINITY];
export const OTHER_CATEGORY = '__other__';

export interface CaseClass {
  /** Bucket of creation when created in the period, else -1. */
  readonly createdBucket: number;
  readonly priority: 'P1' | 'P2' | 'P3' | 'P4';
  readonly category: string;
  readonly planId: string;
  /** SLA result of a case created in the period (undefined otherwise). */
  readonly outcome: SlaOutcome | undefined;
  readonly updates: 'met' | 'missed' | 'none';
  readonly firstResponseMs: number | undefined;
  readonly firstResponseTargetMs: number;
  /** Closed in the period: creation → closing time. */
  readonly resolutionMs: number | undefined;
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

type SlaFacts = Pick<CaseClass, 'outcome' | 'updates' | 'firstResponseMs' | 'firstResponseTargetMs'>;

/**
 * Closed cases keep their SLA result until they change or their plan does: the worker keeps
 * the same case objects between computations, so the result is remembered per case, with
 * the plan's content (not its object: every request brings a fresh copy) as the check.
 */
const closedResults = new WeakMap<DashboardCase, { readonly plan: string; readonly facts: SlaFacts }>();

/** The SLA result of a case under its customer's plan, as of `nowMs`. */
export function slaOutcome(c: DashboardCase, agency: AgencyIndex, nowMs: number, planKey?: string): SlaFacts {
  if (planKey !== undefined && c.state === 'CLOSED') {
    const hit = closedResults.get(c);
    if (hit?.plan === planKey) return hit.facts;
  }
  const plan = agency.planOf(c.customerId);
  const sla = caseSla(c, plan, nowMs);
  const first = sla.firstResponse;
  const updates = sla.updatesMet === false ? 'missed' : sla.updatesMet === true ? 'met' : 'none';
  let outcome: SlaOutcome;
  if (!sla.measurable) outcome = 'unknown';
  else if (first.running) outcome = first.status.level === 'breached' || updates === 'missed' ? 'missed' : 'pending';
  else outcome = first.met === true && updates !== 'missed' ? 'met' : 'missed';
  const facts: SlaFacts = {
    outcome,
    updates,
    firstResponseMs: !first.running && sla.measurable && first.stopMs !== undefined ? first.stopMs - first.startMs : undefined,
    firstResponseTargetMs: first.status.targetMs,
  };
  if (planKey !== undefined && c.state === 'CLOSED') closedResults.set(c, { plan: planKey, facts });
  return facts;
}

export interface ClassifyContext {
  readonly input: DashboardInput;
  readonly agency: AgencyIndex;
  readonly buckets: Buckets;
  /** Plan id → its content as text (see closedResults). */
  readonly planKeys: ReadonlyMap<string, string>;
}

export function classifyContext(input: DashboardInput, agency: AgencyIndex, buckets: Buckets): ClassifyContext {
  return { input, agency, buckets, planKeys: new Map(input.agency.plans.map((plan) => [plan.id, JSON.stringify(plan)])) };
}

const NO_BUCKETS: readonly number[] = [];

/** The open backlog is "now", not the period: the age group of an open case (index in AGE_BUCKETS), else -1. */
export function backlogOf(c: DashboardCase, nowMs: number): number {
  if (c.state === 'CLOSED') return -1;
  const ageDays = (nowMs - c.createTimeMs) / 86_400_000;
  for (let i = 0; i < AGE_LIMITS_DAYS.length; i++) if (ageDays < (AGE_LIMITS_DAYS[i] as number)) return i;
  return AGE_LIMITS_DAYS.length - 1;
}

/** What a case counts for in the period (the backlog aside: backlogOf), or undefined when nothing (most cases). */
export function classify(c: DashboardCase, ctx: ClassifyContext): CaseClass | undefined {
  const { period, starts } = ctx.buckets;
  const createdBucket = bucketOf(starts, period, c.createTimeMs);
  const closedInPeriod = c.state === 'CLOSED' && inPeriod(period, c.updateTimeMs);
  const escalationAt = c.escalated ? (c.escalatedAtMs ?? c.createTimeMs) : undefined;
  const escalationBucket = escalationAt === undefined ? -1 : bucketOf(starts, period, escalationAt);
  let reopenBuckets = NO_BUCKETS;
  if (c.reopenedAtMs.length > 0) reopenBuckets = c.reopenedAtMs.map((at) => bucketOf(starts, period, at)).filter((b) => b >= 0);
  if (createdBucket < 0 && !closedInPeriod && escalationBucket < 0 && reopenBuckets.length === 0) return undefined;
  const plan = ctx.agency.planOf(c.customerId);
  const sla: SlaFacts =
    createdBucket >= 0
      ? slaOutcome(c, ctx.agency, ctx.input.nowMs, ctx.planKeys.get(plan.id))
      : {
          outcome: undefined,
          updates: 'none',
          firstResponseMs: undefined,
          firstResponseTargetMs: c.createTimeMs + targetsFor(plan, c.priority).firstResponseMinutes * 60_000,
        };
  return {
    createdBucket,
    // The portal has no P0: it is shown (and counted) with P1.
    priority: c.priority === 'P0' ? 'P1' : c.priority,
    category: c.category ?? OTHER_CATEGORY,
    planId: plan.id,
    outcome: sla.outcome,
    updates: sla.updates,
    firstResponseMs: sla.firstResponseMs,
    firstResponseTargetMs: sla.firstResponseTargetMs,
    resolutionMs: closedInPeriod ? c.updateTimeMs - c.createTimeMs : undefined,
    escalationBucket,
    reopenBuckets,
  };
}
