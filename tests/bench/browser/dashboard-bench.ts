// The all-domains dashboard over the bench replicas, as the app draws it: the real worker
// reads IndexedDB ("data ready" once it holds every replica), then each run asks it for the
// dashboard and paints every chart with ECharts, one chart per task, until painted.
import { EMPTY_AGENCY_DATA, STARTER_PLAN, DEMO_PLANS } from '../../../shared/domain';
import { echarts, prewarmCharts } from '../../../renderer/features/dashboard/charts/echarts';
import { optionOf, warmUpOptions } from '../../../renderer/features/dashboard/charts/options';
import { readPalette } from '../../../renderer/features/dashboard/charts/palette';
import { chartsSettled, queueChartJob } from '../../../renderer/features/dashboard/charts/render-queue';
import { chartSpecs } from '../../../renderer/features/dashboard/charts/specs';
import { DashboardClient } from '../../../renderer/features/dashboard/dashboard-client';
import { previousPeriod, resolvePeriod, type PeriodChoice } from '../../../renderer/features/dashboard/model/periods';
import type { DashboardInput, DashboardScope } from '../../../renderer/features/dashboard/model/types';
import { longestTaskMs, type LongTask } from './long-tasks';

const t = ((key: string) => key) as never;
let client: DashboardClient | undefined;
const charts: Array<ReturnType<typeof echarts.init>> = [];

/** Starts the worker and waits until it holds every replica (the "data ready" point). */
export async function dashboardLoad(accountIds: readonly string[]): Promise<{ ms: number; cases: number }> {
  client ??= new DashboardClient(new Worker('./dashboard-worker.js', { type: 'module' }));
  // As the dashboard view does while the worker reads the replicas.
  prewarmCharts(queueChartJob, warmUpOptions(readPalette(), 'sans-serif'));
  const t0 = performance.now();
  const cases = await client.load(accountIds);
  return { ms: performance.now() - t0, cases };
}

interface Painted {
  ms: number;
  maxLongTaskMs: number;
  /** Worker compute time, and page time from the model's arrival to the last chart painted. */
  computeMs: number;
  renderMs: number;
}

async function paint(scope: DashboardScope, period: PeriodChoice, longTasks: LongTask[]): Promise<Painted> {
  if (!client) throw new Error('dashboardLoad first');
  for (const chart of charts.splice(0)) chart.dispose();
  document.querySelectorAll('.bench-chart').forEach((el) => el.remove());
  await new Promise((resolve) => setTimeout(resolve, 50));
  longTasks.length = 0;
  const t0 = performance.now();
  const nowMs = Date.now();
  const timeZone = 'UTC';
  const resolved = resolvePeriod(period, nowMs, timeZone);
  const agency = { ...EMPTY_AGENCY_DATA, plans: [STARTER_PLAN, ...DEMO_PLANS] };
  const input: DashboardInput = { scope, period: resolved, previous: previousPeriod(resolved), nowMs, timeZone, agency };
  const { model, computeMs } = await client.computeTimed(input);
  const t1 = performance.now();
  const palette = readPalette();
  for (const spec of chartSpecs(model, { t, language: 'en', timeZone, palette })) {
    const host = document.createElement('div');
    host.className = 'bench-chart';
    host.style.cssText = 'width:560px;height:240px';
    document.body.append(host);
    // As ChartCard does: create, then draw, each in its own task.
    let chart: ReturnType<typeof echarts.init> | undefined;
    queueChartJob(() => {
      chart = echarts.init(host, undefined, { renderer: 'canvas' });
      charts.push(chart);
    });
    queueChartJob(() => chart?.setOption(optionOf(spec, palette, 'sans-serif', 560), { notMerge: true }));
  }
  await chartsSettled();
  const t2 = performance.now();
  return { ms: t2 - t0, maxLongTaskMs: longestTaskMs(longTasks), computeMs, renderMs: t2 - t1 };
}

/** Data ready → charts painted, per run; the floor is the same path for a scope with no case (round trip + empty charts). */
export async function dashboardRuns(
  runs: number,
  longTasks: LongTask[],
): Promise<{ samples: number[]; floor: number[]; maxLongTaskMs: number; computeMs: number[]; renderMs: number[]; longTaskMs: number[] }> {
  const samples: number[] = [];
  const floor: number[] = [];
  const computeMs: number[] = [];
  const renderMs: number[] = [];
  const longTaskMs: number[] = [];
  let maxLongTaskMs = 0;
  const periods: PeriodChoice[] = [
    { kind: 'last', days: 30 },
    { kind: 'last', days: 90 },
    { kind: 'last', days: 7 },
  ];
  for (let run = 0; run < runs; run += 1) {
    const result = await paint({ kind: 'all' }, periods[run % periods.length] as PeriodChoice, longTasks);
    samples.push(result.ms);
    computeMs.push(result.computeMs);
    renderMs.push(result.renderMs);
    longTaskMs.push(result.maxLongTaskMs);
    maxLongTaskMs = Math.max(maxLongTaskMs, result.maxLongTaskMs);
    floor.push((await paint({ kind: 'account', accountId: 'nobody' }, { kind: 'last', days: 30 }, longTasks)).ms);
  }
  return { samples, floor, maxLongTaskMs, computeMs, renderMs, longTaskMs };
}
