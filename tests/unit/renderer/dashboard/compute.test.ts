import { describe, expect, it } from 'vitest';
import { computeDashboard, drillCases } from '../../../../renderer/features/dashboard/model/compute';
import { bucketStarts, previousPeriod, resolvePeriod } from '../../../../renderer/features/dashboard/model/periods';
import { customerReport } from '../../../../renderer/features/dashboard/model/report';
import type { DashboardCase, DashboardInput } from '../../../../renderer/features/dashboard/model/types';
import { EMPTY_AGENCY_DATA, STARTER_PLAN, type AgencyData, type SlaPlan } from '../../../../shared/domain';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = Date.parse('2026-11-20T12:00:00Z');
const plan24: SlaPlan = {
  id: 'p24',
  name: 'Gold 24×7',
  coverage: { kind: '24x7' },
  targets: {
    P1: { firstResponseMinutes: 60, updateMinutes: 129_600 },
    P2: { firstResponseMinutes: 240, updateMinutes: 129_600 },
    P3: { firstResponseMinutes: 480, updateMinutes: 129_600 },
    P4: { firstResponseMinutes: 1440, updateMinutes: 129_600 },
  },
};
const agency: AgencyData = { ...EMPTY_AGENCY_DATA, plans: [STARTER_PLAN, plan24], customers: [{ customerId: 'C1', planId: 'p24' }] };

/** A small deterministic PRNG (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function world(count: number): DashboardCase[] {
  const rnd = seeded(7);
  return Array.from({ length: count }, (_, i) => {
    const created = now - Math.floor(rnd() * 60 * DAY);
    const priority = (['P1', 'P2', 'P3', 'P4'] as const)[i % 4]!;
    const state = (['NEW', 'IN_PROGRESS_GOOGLE_SUPPORT', 'CLOSED', 'CLOSED'] as const)[i % 4]!;
    const reply = created + Math.floor(rnd() * 10 * HOUR);
    return {
      accountId: i % 2 === 0 ? 'b' : 'a',
      name: `organizations/1/cases/${i}`,
      caseNumber: String(40_000 + i),
      title: `Case ${i}`,
      customerId: ['C1', 'C2', 'C3'][i % 3] as string,
      priority,
      state,
      escalated: i % 7 === 0,
      createTimeMs: created,
      updateTimeMs: Math.min(now, reply + DAY),
      timeZone: 'Asia/Taipei',
      category: ['Gmail', 'Drive', 'Calendar'][i % 3],
      languageCode: 'en',
      thread: state === 'NEW' ? { google: [], others: [] } : { google: [reply], others: [] },
      reopenedAtMs: i % 11 === 0 ? [created + 2 * DAY] : [],
      escalatedAtMs: undefined,
    };
  });
}

const cases = world(600);
const period = resolvePeriod({ kind: 'last', days: 30 }, now, 'Asia/Taipei');
const input = (scope: DashboardInput['scope']): DashboardInput => ({
  scope,
  period,
  previous: previousPeriod(period),
  nowMs: now,
  timeZone: 'Asia/Taipei',
  agency,
});

describe('dashboard model', () => {
  it('counts attainment per customer the way a hand count does (24×7: met when Google answered within the target)', () => {
    const model = computeDashboard(
      cases,
      [{ accountId: 'a', customerId: 'C1', name: 'Acme' }],
      input({ kind: 'customer', accountId: 'a', customerId: 'C1' }),
    );
    const mine = cases.filter(
      (c) => c.accountId === 'a' && c.customerId === 'C1' && c.createTimeMs >= period.startMs && c.createTimeMs < period.endMs,
    );
    const target = (p: string) => plan24.targets[p as 'P1'].firstResponseMinutes * 60_000;
    let met = 0;
    let missed = 0;
    for (const c of mine) {
      const reply = c.thread?.google[0];
      if (reply !== undefined && reply - c.createTimeMs <= target(c.priority)) met++;
      else if (reply !== undefined) missed++;
      else if (now - c.createTimeMs >= target(c.priority)) missed++;
    }
    expect(mine.length).toBeGreaterThan(10);
    expect(met).toBeGreaterThan(0);
    expect(missed).toBeGreaterThan(0);
    expect(model.kpis).toMatchObject({ created: mine.length, measured: met + missed, met });
    const bar = model.attainmentByCustomer;
    expect(bar.categories).toEqual(['Acme']);
    expect(bar.series.find((s) => s.id === 'met')?.points[0]?.value).toBe(met);
    expect(bar.series.find((s) => s.id === 'missed')?.points[0]?.value).toBe(missed);
  });

  it('every point drills down to exactly as many cases as it shows, all in scope', () => {
    const all = input({ kind: 'all' });
    const model = computeDashboard(cases, [], all);
    const charts = [
      model.volume,
      model.volumeByCategory,
      model.attainmentByPlan,
      model.attainmentByPriority,
      model.backlog,
      model.escalationsReopens,
      model.topCategories,
      model.attainmentByCustomer,
    ];
    let checked = 0;
    for (const chart of charts)
      for (const series of chart.series)
        for (const point of series.points) {
          if (point.value === 0 && checked % 5 !== 0) continue;
          expect(drillCases(cases, all, point.key), point.key).toHaveLength(point.value);
          checked += 1;
        }
    expect(checked).toBeGreaterThan(40);
    for (const row of model.durations) expect(drillCases(cases, all, row.firstResponse.key)).toHaveLength(row.firstResponse.count);
    expect(drillCases(cases, all, model.kpiKeys.created)).toHaveLength(model.kpis.created);
    const scoped = input({ kind: 'account', accountId: 'b' });
    expect(drillCases(cases, scoped, computeDashboard(cases, [], scoped).kpiKeys.open).every((ref) => ref.accountId === 'b')).toBe(true);
  });

  it('compares with the previous period and buckets by local day', () => {
    const model = computeDashboard(cases, [], input({ kind: 'all' }));
    expect(model.unit).toBe('day');
    expect(model.volume.categories).toHaveLength(30);
    expect(model.previousKpis?.created).toBe(
      cases.filter((c) => c.createTimeMs >= period.startMs - (period.endMs - period.startMs) && c.createTimeMs < period.startMs).length,
    );
    expect(new Date(bucketStarts(period, 'day', 'Asia/Taipei')[0] as number).toISOString()).toMatch(/T16:00:00.000Z$/); // local midnight in Taipei
  });

  it('a customer report holds only that customer’s cases of the period', () => {
    const report = customerReport(
      cases,
      [{ accountId: 'a', customerId: 'C2', name: 'Beta' }],
      input({ kind: 'customer', accountId: 'a', customerId: 'C2' }),
    );
    expect(report.customerName).toBe('Beta');
    const expected = cases.filter(
      (c) => c.accountId === 'a' && c.customerId === 'C2' && c.createTimeMs >= period.startMs && c.createTimeMs < period.endMs,
    );
    expect(report.rows.map((r) => r.name).sort()).toEqual(expected.map((c) => c.name).sort());
  });
});

describe('periods', () => {
  it('week buckets never count days before the period (the first week starts on the Monday before)', async () => {
    const { bucketOf } = await import('../../../../renderer/features/dashboard/model/periods');
    const ninety = resolvePeriod({ kind: 'last', days: 90 }, now, 'UTC');
    const starts = bucketStarts(ninety, 'week', 'UTC');
    expect(starts[0]).toBeLessThanOrEqual(ninety.startMs);
    expect(bucketOf(starts, ninety, ninety.startMs - 1)).toBe(-1);
    expect(bucketOf(starts, ninety, ninety.startMs)).toBe(0);
    expect(bucketOf(starts, ninety, ninety.endMs)).toBe(-1);
  });
});
