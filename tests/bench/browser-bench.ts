// The bench's browser parts: the renderer's data code in real Chromium over real IndexedDB
// (browser/bench-page.ts runs inside the page). The replicas are seeded once; the figures
// are then measured twice, quiet and under load (issue 21 §3).
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, findChromium } from '../harness/chromium';
import { serveRenderer } from '../harness/static-server';
import { startCpuHog } from './cpu-hog';
import { recordDashboard, writeDashboardWorker, type DashboardFigures } from './dashboard';
import { loadedRecorder, record, type Recorder } from './record';
import { size, smoke } from './sizes';
import { summarize } from './stats';

const here = path.dirname(fileURLToPath(import.meta.url));
const total = size.accounts * size.perAccount;

interface BenchSite {
  readonly profile: string;
  readonly url: string;
  close(): Promise<void>;
}

export async function openBenchPage(profile: string, url: string): Promise<{ context: BrowserContext; page: Page }> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium: install Debian chromium or set CHROMIUM_PATH.');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [...chromiumArgs, '--enable-precise-memory-info'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  await page.waitForFunction(() => typeof (window as unknown as { __bench?: unknown }).__bench === 'object');
  return { context, page };
}

/** Calls `window.__bench[fn](...args)` in the page. */
export function bench(page: Page, fn: string, ...args: unknown[]): Promise<unknown> {
  return page.evaluate(
    ([name, params]) =>
      (
        (window as unknown as { __bench: Record<string, (...a: unknown[]) => unknown> }).__bench[name as string] as (
          ...a: unknown[]
        ) => unknown
      )(...(params as unknown[])),
    [fn, args] as const,
  );
}

/** Bundles the bench page and its dashboard worker, serves them on loopback, with a fresh browser profile. */
export async function openSite(): Promise<BenchSite> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rsc-bench-page-'));
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'rsc-bench-profile-'));
  // Split like the app's build: the dashboard (and its charting library) is a lazy chunk.
  const bundle = await build({
    entryPoints: { bench: path.join(here, 'browser/bench-page.ts') },
    bundle: true,
    splitting: true,
    outdir: dir,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  });
  for (const file of bundle.outputFiles) await fs.writeFile(file.path, file.text);
  await writeDashboardWorker(dir);
  await fs.writeFile(
    path.join(dir, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>bench</title><script type="module" src="./bench.js"></script>',
  );
  const server = await serveRenderer(dir);
  return {
    profile,
    url: `${server.origin}/index.html`,
    async close() {
      await server.close();
      await fs.rm(dir, { recursive: true, force: true });
      await fs.rm(profile, { recursive: true, force: true });
    },
  };
}

async function seed(site: BenchSite): Promise<void> {
  console.log(`seeding ${total} cases into IndexedDB…`);
  const { context, page } = await openBenchPage(site.profile, site.url);
  const ms = (await bench(page, 'seed', size.accounts, size.perAccount)) as number;
  console.log(`  seeded in ${(ms / 1000).toFixed(1)} s`);
  await bench(page, 'storeAttachment', size.attachmentMb * 1024 * 1024);
  await context.close();
}

async function firstRows(site: BenchSite, rec: Recorder): Promise<void> {
  console.log('first rows (fresh browser process each run)…');
  const samples: number[] = [];
  for (let run = 0; run < size.firstRowsRuns; run += 1) {
    const { context, page } = await openBenchPage(site.profile, `${site.url}?first-rows`);
    samples.push((await page.evaluate(() => (window as unknown as { __firstRows: Promise<number> }).__firstRows)) as number);
    await context.close();
  }
  const summary = summarize(samples);
  rec('first_rows_ms', summary.median, 'ms', {
    summary,
    note: `navigation start → 50 cached rows painted in a fresh browser process, ${total} cached; first-screen snapshot, no IndexedDB wait`,
  });
}

async function hydrateAndFilter(context: BrowserContext, page: Page, rec: Recorder): Promise<void> {
  const hydrated = (await bench(page, 'hydrate', size.accounts)) as { ms: number; maxLongTaskMs: number; cases: number; longTasks: number };
  rec('hydrate_100k_ms', hydrated.ms, 'ms', {
    note: `${hydrated.cases} cases over ${size.accounts} accounts, in slices after first paint`,
  });
  rec('hydrate_max_long_task_ms', hydrated.maxLongTaskMs, 'ms', {
    note: `longest main-thread task while hydrating (${hydrated.longTasks} tasks over 50 ms)`,
  });

  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  rec('renderer_heap_100k_mb', heap.usedSize / (1024 * 1024), 'MB', { note: 'JS heap after GC with every projection hydrated' });

  const filtered = (await bench(page, 'filter', smoke ? 1 : 3, size.accounts, size.perAccount)) as { samples: number[]; floor: number[] };
  const filterSummary = summarize(filtered.samples);
  const floorSummary = summarize(filtered.floor);
  rec('filter_keystroke_p95_ms', filterSummary.p95, 'ms', {
    summary: filterSummary,
    floor: floorSummary,
    note: `${filterSummary.runs} keystrokes over ${total} cases`,
  });
  rec('filter_floor_p95_ms', floorSummary.p95, 'ms', { summary: floorSummary, note: 'plain includes scan of the same cases, same run' });
}

async function deltasDashboardAttachments(page: Page, rec: Recorder): Promise<void> {
  const deltas: number[] = [];
  let deltaLongTask = 0;
  let longestWhere = 'no task over 50 ms';
  const runs = Math.max(size.runs, 20);
  for (let run = 0; run < runs; run += 1) {
    const result = (await bench(page, 'delta500')) as { ms: number; maxLongTaskMs: number; longestIn: string };
    deltas.push(result.ms);
    if (result.maxLongTaskMs > deltaLongTask) longestWhere = `run ${run + 1} of ${runs}, in ${result.longestIn}`;
    deltaLongTask = Math.max(deltaLongTask, result.maxLongTaskMs);
  }
  const deltaSummary = summarize(deltas);
  rec('delta_500_apply_ms', deltaSummary.median, 'ms', {
    summary: deltaSummary,
    note: 'one batch of 500 cases: IndexedDB transaction + projection',
  });
  rec('delta_500_max_long_task_ms', deltaLongTask, 'ms', { note: `longest main-thread task over all delta runs (${longestWhere})` });

  console.log('all-domains dashboard…');
  recordDashboard((await bench(page, 'dashboard', size.accounts, Math.max(size.runs, 10))) as DashboardFigures, size.accounts, rec);

  const opens = (await bench(page, 'openAttachment', Math.max(size.runs, 20))) as number[];
  const openSummary = summarize(opens);
  rec('attachment_open_25mb_ms', openSummary.median, 'ms', {
    summary: openSummary,
    note: `${size.attachmentMb} MB PDF from the IndexedDB cache → preview URL (openCachedAttachment)`,
  });
}

/** One pass over every browser figure, filed by `rec`. */
async function browserPass(site: BenchSite, rec: Recorder): Promise<void> {
  await firstRows(site, rec);
  const { context, page } = await openBenchPage(site.profile, site.url);
  try {
    await hydrateAndFilter(context, page, rec);
    await deltasDashboardAttachments(page, rec);
  } finally {
    await context.close();
  }
}

/** The browser figures quiet, then again with a CPU hog on one core (ids with `_loaded`). */
export async function browserBenchmarks(options: { loaded: boolean }): Promise<void> {
  const site = await openSite();
  try {
    await seed(site);
    await browserPass(site, record);
    if (!options.loaded) return;
    console.log('the same under load…');
    const hog = await startCpuHog();
    try {
      await browserPass(site, loadedRecorder(hog.label));
    } finally {
      await hog.stop();
    }
  } finally {
    await site.close();
  }
}
