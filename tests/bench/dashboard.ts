// The dashboard benchmark's Node side: builds the worker file the bench page starts, and
// records the figures the page measured (browser/dashboard-bench.ts).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { summarize, type Summary } from './stats';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface DashboardFigures {
  readonly loadMs: number;
  readonly cases: number;
  readonly samples: number[];
  readonly floor: number[];
  readonly maxLongTaskMs: number;
  /** The longest main-thread task of each run. */
  readonly longTaskMs: number[];
  readonly computeMs: number[];
  readonly renderMs: number[];
}

type Record = (id: string, value: number, unit: string, extra?: { summary?: Summary; floor?: Summary; note?: string }) => void;

/** The dashboard's worker as its own module file next to the bench page (the app's build does the same with Vite). */
export async function writeDashboardWorker(dir: string): Promise<void> {
  const worker = await build({
    entryPoints: [path.join(here, '../../renderer/features/dashboard/worker/dashboard.worker.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  });
  await fs.writeFile(path.join(dir, 'dashboard-worker.js'), worker.outputFiles[0]?.text ?? '');
}

export function recordDashboard(figures: DashboardFigures, accounts: number, record: Record): void {
  const summary = summarize(figures.samples);
  const compute = summarize(figures.computeMs);
  const render = summarize(figures.renderMs);
  record('dashboard_100k_ms', summary.median, 'ms', {
    summary,
    floor: summarize(figures.floor),
    note:
      `${figures.cases} cases over ${accounts} accounts held by the worker (read from IndexedDB in ${(figures.loadMs / 1000).toFixed(1)} s, ` +
      `off the main thread); data ready → every chart painted (median worker compute ${compute.median.toFixed(0)} ms, page ${render.median.toFixed(0)} ms); ` +
      'floor = the same path for a scope without cases',
  });
  record('dashboard_max_long_task_ms', figures.maxLongTaskMs, 'ms', {
    note:
      `longest main-thread task over every run, the first (cold) one included; ` +
      `${figures.longTaskMs.filter((ms) => ms > 50).length} of ${figures.longTaskMs.length} runs had one over 50 ms (${figures.longTaskMs.map((ms) => ms.toFixed(0)).join(' ')})`,
  });
}
