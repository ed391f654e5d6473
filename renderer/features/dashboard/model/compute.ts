// The dashboard over the replica: every chart is a sum over per-case facts (classify.ts),
// and every point carries a key whose drill-down re-applies exactly that point's test.

import { indexAgency, PRIORITIES, type AgencyIndex, type Priority } from '../../../../shared/domain';
import { AGE_BUCKETS, backlogOf, classify, classifyContext, inScope, OTHER_CATEGORY, type Buckets, type CaseClass } from './classify';
import { bucketStarts, bucketUnit, percentiles } from './periods';
import type { CaseRef, CategoryChart, DashboardCase, DashboardCustomer, DashboardInput, DashboardModel, DurationRow, Kpis } from './types';

const TOP_CATEGORIES = 8;
const TOP_CUSTOMERS = 15;
const OUTCOMES = ['met', 'missed'] as const;

export interface Classified {
  readonly c: DashboardCase;
  readonly k: CaseClass;
}

/**
 * Classifies the cases in scope. Most of a long replica is old closed cases that count for
 * nothing in the period: a few comparisons skip them before any work. `withBacklog` false
 * (the comparison period) also skips open cases that only the backlog (a "now" chart) needs.
 */
/**
 * Classifies the cases in scope that count for something in the period. Most of a long
 * replica is old cases that only the backlog (a "now" chart, counted apart) may need: a few
 * comparisons skip them before any work.
 */
function classifyAll(cases: readonly DashboardCase[], input: DashboardInput, agency: AgencyIndex, buckets: Buckets): Classified[] {
  const ctx = classifyContext(input, agency, buckets);
  const { startMs, endMs } = buckets.period;
  const out: Classified[] = [];
  for (const c of cases) {
    const createdIn = c.createTimeMs >= startMs && c.createTimeMs < endMs;
    const closedIn = c.state === 'CLOSED' && c.updateTimeMs >= startMs && c.updateTimeMs < endMs;
    if (!createdIn && !closedIn && !c.escalated && c.reopenedAtMs.length === 0) continue;
    if (!inScope(c, input.scope)) continue;
    const k = classify(c, ctx);
    if (k) out.push({ c, k });
  }
  return out;
}

/** Open cases in scope by age group and priority (the backlog chart), and how many cases the scope has. */
function backlog(
  cases: readonly DashboardCase[],
  input: DashboardInput,
): { counts: Map<string, Map<string, number>>; open: number; inScope: number } {
  const counts = new Map<string, Map<string, number>>();
  let open = 0;
  let scoped = 0;
  for (const c of cases) {
    if (!inScope(c, input.scope)) continue;
    scoped += 1;
    const age = backlogOf(c, input.nowMs);
    if (age < 0) continue;
    open += 1;
    const group = AGE_BUCKETS[age] as string;
    let byPriority = counts.get(group);
    if (!byPriority) counts.set(group, (byPriority = new Map()));
    const priority = c.priority === 'P0' ? 'P1' : c.priority;
    byPriority.set(priority, (byPriority.get(priority) ?? 0) + 1);
  }
  return { counts, open, inScope: scoped };
}

function kpisOf(rows: readonly Classified[], open: number): Kpis {
  let created = 0;
  let resolved = 0;
  let measured = 0;
  let met = 0;
  let escalations = 0;
  let reopens = 0;
  const first: number[] = [];
  const resolution: number[] = [];
  for (const { k } of rows) {
    if (k.createdBucket >= 0) created += 1;
    if (k.resolutionMs !== undefined) {
      resolved += 1;
      resolution.push(k.resolutionMs);
    }
    if (k.outcome === 'met' || k.outcome === 'missed') measured += 1;
    if (k.outcome === 'met') met += 1;
    if (k.firstResponseMs !== undefined) first.push(k.firstResponseMs);
    if (k.escalationBucket >= 0) escalations += 1;
    if (k.reopenBuckets.length > 0) reopens += 1;
  }
  return {
    created,
    resolved,
    open,
    measured,
    met,
    firstResponseMedianMs: percentiles(first).medianMs,
    resolutionMedianMs: percentiles(resolution).medianMs,
    escalations,
    reopens,
  };
}

type Visit = (prefix: string, category: string, series: string) => void;

/** Counts per point over every case, from forEachPoint: one pass, nested maps (no key strings per case). */
function countPoints(rows: readonly Classified[]): Map<string, Map<string, Map<string, number>>> {
  const counts = new Map<string, Map<string, Map<string, number>>>();
  const visit: Visit = (prefix, category, series) => {
    let byCategory = counts.get(prefix);
    if (!byCategory) counts.set(prefix, (byCategory = new Map()));
    let bySeries = byCategory.get(category);
    if (!bySeries) byCategory.set(category, (bySeries = new Map()));
    bySeries.set(series, (bySeries.get(series) ?? 0) + 1);
  };
  for (const row of rows) forEachPoint(row, visit);
  return counts;
}

function chartOf(
  counts: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, number>>>,
  prefix: string,
  categories: readonly string[],
  seriesIds: readonly string[],
): CategoryChart {
  const byCategory = counts.get(prefix);
  return {
    categories,
    series: seriesIds.map((id) => ({
      id,
      points: categories.map((category) => ({ value: byCategory?.get(category)?.get(id) ?? 0, key: `${prefix}|${category}|${id}` })),
    })),
  };
}

/** Calls `visit` for every chart point a case counts in: the single source of counts and of drill-downs. */
export function forEachPoint(row: Classified, visit: Visit): void {
  const { k, c } = row;
  if (k.createdBucket >= 0) {
    const bucket = String(k.createdBucket);
    visit('vol', bucket, k.priority);
    visit('volc', bucket, k.category);
    visit('cat', k.category, 'count');
    visit('kpi', 'created', '');
  }
  if (k.outcome === 'met' || k.outcome === 'missed') {
    visit('att-cust', `${c.accountId}:${c.customerId}`, k.outcome);
    visit('att-plan', k.planId, k.outcome);
    visit('att-pri', k.priority, k.outcome);
    visit('kpi', 'measured', '');
  }
  if (k.outcome === 'unknown') visit('kpi', 'unknown', '');
  if (k.firstResponseMs !== undefined) visit('frt', k.priority, '');
  if (k.resolutionMs !== undefined) {
    visit('res', k.priority, '');
    visit('kpi', 'resolved', '');
  }
  if (k.escalationBucket >= 0) {
    visit('er', String(k.escalationBucket), 'escalations');
    visit('kpi', 'escalations', '');
  }
  if (k.reopenBuckets.length > 0) {
    for (const b of new Set(k.reopenBuckets)) visit('er', String(b), 'reopens');
    visit('kpi', 'reopens', '');
  }
}

function durations(rows: readonly Classified[]): DurationRow[] {
  return (PRIORITIES.filter((p) => p !== 'P0') as Priority[]).map((priority) => {
    const first: number[] = [];
    const resolution: number[] = [];
    for (const { k } of rows) {
      if (k.priority !== priority) continue;
      if (k.firstResponseMs !== undefined) first.push(k.firstResponseMs);
      if (k.resolutionMs !== undefined) resolution.push(k.resolutionMs);
    }
    return {
      priority,
      firstResponse: { count: first.length, ...percentiles(first), key: `frt|${priority}|` },
      resolution: { count: resolution.length, ...percentiles(resolution), key: `res|${priority}|` },
    };
  });
}

export function computeDashboard(
  cases: readonly DashboardCase[],
  customers: readonly DashboardCustomer[],
  input: DashboardInput,
): DashboardModel {
  const agency = indexAgency(input.agency);
  const unit = bucketUnit(input.period);
  const starts = bucketStarts(input.period, unit, input.timeZone);
  const rows = classifyAll(cases, input, agency, { period: input.period, starts });
  const previousRows = input.previous
    ? classifyAll(cases, input, agency, { period: input.previous, starts: bucketStarts(input.previous, unit, input.timeZone) })
    : undefined;

  const bucketIds = starts.map((_, i) => String(i));
  const priorities = ['P1', 'P2', 'P3', 'P4'];
  const categoryCounts = new Map<string, number>();
  for (const { k } of rows) if (k.createdBucket >= 0) categoryCounts.set(k.category, (categoryCounts.get(k.category) ?? 0) + 1);
  const topCategories = [...categoryCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);

  const measuredByCustomer = new Map<string, number>();
  for (const { c, k } of rows) {
    if (k.outcome !== 'met' && k.outcome !== 'missed') continue;
    const key = `${c.accountId}:${c.customerId}`;
    measuredByCustomer.set(key, (measuredByCustomer.get(key) ?? 0) + 1);
  }
  const customerKeys = [...measuredByCustomer.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP_CUSTOMERS)
    .map(([key]) => key);
  const customerName = new Map(customers.map((c) => [`${c.accountId}:${c.customerId}`, c.name]));
  const usedPlans = input.agency.plans.filter((plan) =>
    rows.some(({ k }) => k.planId === plan.id && (k.outcome === 'met' || k.outcome === 'missed')),
  );

  const counts = countPoints(rows);
  const open = backlog(cases, input);
  counts.set('backlog', open.counts);
  const fastChart = (prefix: string, categories: readonly string[], seriesIds: readonly string[]): CategoryChart =>
    chartOf(counts, prefix, categories, seriesIds);

  const volumeByCategoryIds =
    topCategories.length > TOP_CATEGORIES ? [...topCategories.slice(0, TOP_CATEGORIES - 1), OTHER_CATEGORY] : topCategories;
  const volumeByCategory = fastChart('volc', bucketIds, topCategories);
  const previousCounts = new Array<number>(starts.length).fill(0);
  for (const { k } of previousRows ?? [])
    if (k.createdBucket >= 0 && k.createdBucket < previousCounts.length)
      previousCounts[k.createdBucket] = (previousCounts[k.createdBucket] ?? 0) + 1;

  return {
    caseCount: open.inScope,
    unit,
    kpis: kpisOf(rows, open.open),
    previousKpis: previousRows ? kpisOf(previousRows, 0) : undefined,
    kpiKeys: {
      created: 'kpi|created|',
      resolved: 'kpi|resolved|',
      open: 'kpi|open|',
      measured: 'kpi|measured|',
      escalations: 'kpi|escalations|',
      reopens: 'kpi|reopens|',
      unknown: 'kpi|unknown|',
    },
    volume: { ...fastChart('vol', bucketIds, priorities), categories: starts.map(String) },
    volumeByCategory: { categories: starts.map(String), series: mergeOther(volumeByCategory, volumeByCategoryIds) },
    previousVolume: previousCounts,
    durations: durations(rows),
    attainmentByCustomer: {
      ...fastChart('att-cust', customerKeys, OUTCOMES),
      categories: customerKeys.map((key) => customerName.get(key) ?? key.split(':')[1] ?? key),
    },
    attainmentByPlan: {
      ...fastChart(
        'att-plan',
        usedPlans.map((p) => p.id),
        OUTCOMES,
      ),
      categories: usedPlans.map((p) => p.name),
    },
    attainmentByPriority: fastChart('att-pri', priorities, OUTCOMES),
    backlog: fastChart('backlog', AGE_BUCKETS, priorities),
    escalationsReopens: { ...fastChart('er', bucketIds, ['escalations', 'reopens']), categories: starts.map(String) },
    topCategories: fastChart('cat', topCategories.slice(0, TOP_CATEGORIES), ['count']),
    unmeasurable: rows.filter(({ k }) => k.outcome === 'unknown').length,
  };
}

/** Categories beyond the top ones become one "other" series whose key lists all of them. */
function mergeOther(chart: CategoryChart, keep: readonly string[]): CategoryChart['series'] {
  if (!keep.includes(OTHER_CATEGORY)) return chart.series;
  const kept = chart.series.filter((s) => keep.includes(s.id));
  const rest = chart.series.filter((s) => !keep.includes(s.id));
  const other = {
    id: OTHER_CATEGORY,
    points: chart.categories.map((bucket, i) => ({
      value: rest.reduce((sum, s) => sum + (s.points[i]?.value ?? 0), 0),
      key: `volc-other|${bucket}|${keep.filter((id) => id !== OTHER_CATEGORY).join('\u0001')}`,
    })),
  };
  return [...kept, other];
}

/** The cases behind one chart point, in scope and period of the same input. */
export function drillCases(cases: readonly DashboardCase[], input: DashboardInput, key: string): CaseRef[] {
  const agency = indexAgency(input.agency);
  const starts = bucketStarts(input.period, bucketUnit(input.period), input.timeZone);
  const [prefix, category = '', series = ''] = key.split('|');
  const out: CaseRef[] = [];
  if (prefix === 'backlog' || key === 'kpi|open|') {
    return cases
      .filter((c) => inScope(c, input.scope) && backlogOf(c, input.nowMs) >= 0)
      .filter(
        (c) =>
          prefix !== 'backlog' ||
          (AGE_BUCKETS[backlogOf(c, input.nowMs)] === category && (c.priority === 'P0' ? 'P1' : c.priority) === series),
      )
      .map((c) => ({ accountId: c.accountId, name: c.name }));
  }
  const others = prefix === 'volc-other' ? new Set(series.split('\u0001')) : undefined;
  for (const row of classifyAll(cases, input, agency, { period: input.period, starts })) {
    let hit = false;
    if (others) hit = row.k.createdBucket === Number(category) && !others.has(row.k.category);
    else forEachPoint(row, (p, c, s) => (hit ||= p === prefix && c === category && s === series));
    if (hit) out.push({ accountId: row.c.accountId, name: row.c.name });
  }
  return out;
}
