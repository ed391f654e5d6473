// The dashboard over the replica: every chart is a sum over per-case facts (classify.ts),
// and every point carries a key whose drill-down re-applies exactly that point's test.

import { indexAgency, PRIORITIES, type AgencyIndex, type Priority } from '../../../../shared/domain';
import { AGE_BUCKETS, classify, inScope, OTHER_CATEGORY, type Buckets, type CaseClass } from './classify';
import { bucketStarts, bucketUnit, percentiles } from './periods';
import type { CaseRef, CategoryChart, DashboardCase, DashboardCustomer, DashboardInput, DashboardModel, DurationRow, Kpis } from './types';

const TOP_CATEGORIES = 8;
const TOP_CUSTOMERS = 15;
const OUTCOMES = ['met', 'missed'] as const;

export interface Classified {
  readonly c: DashboardCase;
  readonly k: CaseClass;
}

function classifyAll(cases: readonly DashboardCase[], input: DashboardInput, agency: AgencyIndex, buckets: Buckets): Classified[] {
  const out: Classified[] = [];
  for (const c of cases) if (inScope(c, input.scope)) out.push({ c, k: classify(c, input, agency, buckets) });
  return out;
}

function kpisOf(rows: readonly Classified[]): Kpis {
  let created = 0;
  let resolved = 0;
  let open = 0;
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
    if (k.ageBucket >= 0) open += 1;
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

/** Counts per point key over every case, from pointsOf: one pass, then each chart reads its points. */
function countPoints(rows: readonly Classified[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows)
    for (const [prefix, category, series] of pointsOf(row)) {
      const key = `${prefix}|${category}|${series}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  return counts;
}

function chartOf(
  counts: ReadonlyMap<string, number>,
  prefix: string,
  categories: readonly string[],
  seriesIds: readonly string[],
): CategoryChart {
  return {
    categories,
    series: seriesIds.map((id) => ({
      id,
      points: categories.map((category) => {
        const key = `${prefix}|${category}|${id}`;
        return { value: counts.get(key) ?? 0, key };
      }),
    })),
  };
}

/** Which chart points a case counts in, as [prefix, category, series] triples: the single source of counts and drill-downs. */
export function pointsOf(row: Classified): Array<[string, string, string]> {
  const { k, c } = row;
  const points: Array<[string, string, string]> = [];
  if (k.createdBucket >= 0) {
    points.push(['vol', String(k.createdBucket), k.priority], ['volc', String(k.createdBucket), k.category], ['cat', k.category, 'count']);
    points.push(['kpi', 'created', '']);
  }
  if (k.outcome === 'met' || k.outcome === 'missed') {
    points.push(
      ['att-cust', `${c.accountId}:${c.customerId}`, k.outcome],
      ['att-plan', k.planId, k.outcome],
      ['att-pri', k.priority, k.outcome],
    );
    points.push(['kpi', 'measured', '']);
  }
  if (k.outcome === 'unknown') points.push(['kpi', 'unknown', '']);
  if (k.firstResponseMs !== undefined) points.push(['frt', k.priority, '']);
  if (k.resolutionMs !== undefined) points.push(['res', k.priority, ''], ['kpi', 'resolved', '']);
  if (k.ageBucket >= 0) points.push(['backlog', AGE_BUCKETS[k.ageBucket] as string, k.priority], ['kpi', 'open', '']);
  if (k.escalationBucket >= 0) points.push(['er', String(k.escalationBucket), 'escalations'], ['kpi', 'escalations', '']);
  for (const b of new Set(k.reopenBuckets)) points.push(['er', String(b), 'reopens']);
  if (k.reopenBuckets.length > 0) points.push(['kpi', 'reopens', '']);
  return points;
}

function durations(rows: readonly Classified[]): DurationRow[] {
  return (PRIORITIES.filter((p) => p !== 'P0') as Priority[]).map((priority) => {
    const first: number[] = [];
    const resolution: number[] = [];
    for (const { k } of rows) {
      if (k.priority !== priority && !(priority === 'P1' && k.priority === 'P0')) continue;
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

/** P0 is shown with P1 (the portal has no P0); every other key is itself. */
function shownPriority(p: Priority): Priority {
  return p === 'P0' ? 'P1' : p;
}

export function computeDashboard(
  cases: readonly DashboardCase[],
  customers: readonly DashboardCustomer[],
  input: DashboardInput,
): DashboardModel {
  const agency = indexAgency(input.agency);
  const unit = bucketUnit(input.period);
  const starts = bucketStarts(input.period, unit, input.timeZone);
  const rows = classifyAll(cases, input, agency, { period: input.period, starts }).map((row) =>
    row.k.priority === 'P0' ? { c: row.c, k: { ...row.k, priority: shownPriority(row.k.priority) } } : row,
  );
  const previousRows = input.previous
    ? classifyAll(cases, input, agency, { period: input.previous, starts: bucketStarts(input.previous, unit, input.timeZone) })
    : undefined;

  const bucketIds = starts.map((_, i) => String(i));
  const priorities = ['P1', 'P2', 'P3', 'P4'];
  const categoryCounts = new Map<string, number>();
  for (const { k } of rows) if (k.createdBucket >= 0) categoryCounts.set(k.category, (categoryCounts.get(k.category) ?? 0) + 1);
  const topCategories = [...categoryCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);

  const measuredByCustomer = new Map<string, number>();
  for (const { c, k } of rows)
    if (k.outcome === 'met' || k.outcome === 'missed')
      measuredByCustomer.set(`${c.accountId}:${c.customerId}`, (measuredByCustomer.get(`${c.accountId}:${c.customerId}`) ?? 0) + 1);
  const customerKeys = [...measuredByCustomer.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP_CUSTOMERS)
    .map(([key]) => key);
  const customerName = new Map(customers.map((c) => [`${c.accountId}:${c.customerId}`, c.name]));
  const usedPlans = input.agency.plans.filter((plan) =>
    rows.some(({ k }) => k.planId === plan.id && (k.outcome === 'met' || k.outcome === 'missed')),
  );

  const counts = countPoints(rows);
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
    caseCount: rows.length,
    unit,
    kpis: kpisOf(rows),
    previousKpis: previousRows ? kpisOf(previousRows) : undefined,
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
  for (const row of classifyAll(cases, input, agency, { period: input.period, starts })) {
    const shown = row.k.priority === 'P0' ? { c: row.c, k: { ...row.k, priority: 'P1' as const } } : row;
    const hit =
      prefix === 'volc-other'
        ? shown.k.createdBucket === Number(category) && !series.split('\u0001').includes(shown.k.category)
        : pointsOf(shown).some(([p, c, s]) => p === prefix && c === category && s === series);
    if (hit) out.push({ accountId: row.c.accountId, name: row.c.name });
  }
  return out;
}
