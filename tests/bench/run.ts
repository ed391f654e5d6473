// `npm run bench`: the product's speed beside its floor, in one run (issue 9).
// Node parts talk to the sandbox over real HTTP; browser parts run the renderer's
// data code in real Chromium with real IndexedDB; app parts drive the real app in
// the harness. `--smoke` runs everything with tiny sizes (part of `npm test`).
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, findChromium } from '../harness/chromium';
import { launchHarness } from '../harness/launch';
import { serveRenderer } from '../harness/static-server';
import { createCoreFixture, type CoreFixture } from '../unit/support/core-fixture';
import { recordDashboard, writeDashboardWorker, type DashboardFigures } from './dashboard';
import { measurePiiScan } from './pii-scan';
import { measureSandboxSearch } from './sandbox-search';
import { summarize, type Summary } from './stats';
import { measureFullSync, measureSyncScale } from './sync-scale';

const here = path.dirname(fileURLToPath(import.meta.url));
const smoke = process.argv.includes('--smoke');
const size = smoke
  ? {
      runs: 3,
      warmup: 1,
      accounts: 2,
      perAccount: 400,
      searchCases: 1_000,
      initialWorld: 400,
      fullWorld: 800,
      attachmentMb: 1,
      transferMb: 1,
      transferRuns: 2,
      firstRowsRuns: 2,
    }
  : {
      runs: 20,
      warmup: 3,
      accounts: 5,
      perAccount: 20_000,
      searchCases: 100_000,
      initialWorld: 30_000,
      fullWorld: 100_000,
      attachmentMb: 25,
      transferMb: 20,
      transferRuns: 5,
      firstRowsRuns: 20,
    };

type Row = { id: string; value: number; unit: string; summary?: Summary; floor?: Summary; note?: string };
const rows: Row[] = [];
const results: Record<string, number | string> = {};
function record(id: string, value: number, unit: string, extra: Omit<Row, 'id' | 'value' | 'unit'> = {}): void {
  rows.push({ id, value, unit, ...extra });
  results[id] = Number(value.toFixed(3));
  console.log(`  ${id} = ${value.toFixed(2)} ${unit}${extra.note ? ` (${extra.note})` : ''}`);
}
const sender = { url: 'bench', isMainFrame: true };
const idle = (status: { syncing: boolean; connection: string; pending: number }): boolean =>
  !status.syncing && status.connection === 'online';

// ---------- Node: sandbox, PII, sync, transfers ----------

async function nodeBenchmarks(): Promise<void> {
  console.log('sandbox search…');
  const search = await measureSandboxSearch({ cases: size.searchCases, runs: Math.max(size.runs, 20), warmup: size.warmup });
  const searchSummary = summarize(search.samplesMs);
  record('sandbox_search_100k_p95_ms', searchSummary.p95, 'ms', {
    summary: searchSummary,
    floor: summarize(search.floorMs),
    note: `${size.searchCases} cases`,
  });

  console.log('PII scan…');
  const pii = measurePiiScan({ runs: Math.max(size.runs, 20), warmup: size.warmup });
  const piiSummary = summarize(pii.samplesMs);
  record('pii_scan_10kb_ms', piiSummary.p95, 'ms p95', { summary: piiSummary, floor: summarize(pii.floorMs) });

  console.log('no-change sync…');
  {
    const fixture = await createCoreFixture({ sandbox: { seed: 'bench', cases: 2_000, supportSimulation: { enabled: false } } });
    const accounts = [await fixture.signIn('agent1@reseller-a.example'), await fixture.signIn('agent1@reseller-b.example')];
    await Promise.all(
      accounts.map(async (id) => {
        const done = fixture.waitForStatus(id, idle);
        await fixture.openReplica(id);
        await done;
      }),
    );
    let maxRequests = 0;
    let maxWrites = 0;
    const samples: number[] = [];
    for (let run = 0; run < Math.max(size.runs, 20); run += 1) {
      fixture.sandbox.admin.resetStats();
      const batchesBefore = accounts.map((id) => fixture.replicas.get(id)?.batches ?? 0);
      const t0 = performance.now();
      await Promise.all(
        accounts.map(async (id) => {
          const done = fixture.waitForStatus(id, idle);
          await fixture.core.dispatch('sync.now', { accountId: id }, sender);
          await done;
        }),
      );
      samples.push(performance.now() - t0);
      const requests = Object.entries(fixture.sandbox.admin.stats())
        .filter(([route]) => !route.startsWith('oauth2'))
        .reduce((sum, [, count]) => sum + count, 0);
      maxRequests = Math.max(maxRequests, requests / accounts.length);
      maxWrites = Math.max(
        maxWrites,
        ...accounts.map((id, index) => (fixture.replicas.get(id)?.batches ?? 0) - (batchesBefore[index] ?? 0)),
      );
    }
    record('noop_sync_requests_per_account', maxRequests, 'requests', {
      summary: summarize(samples),
      note: 'max over runs; summary = ms per no-change sync',
    });
    record('noop_sync_idb_writes', maxWrites, 'batches', { note: 'replica batches sent (each one IndexedDB transaction); max over runs' });
    await fixture.close();
  }

  console.log('initial sync…');
  {
    const samples: number[] = [];
    let cases = 0;
    let open = 0;
    const runs = smoke ? 1 : 3;
    for (let run = 0; run < runs; run += 1) {
      const fixture = await createCoreFixture({
        sandbox: { seed: 'bench-initial', cases: size.initialWorld, supportSimulation: { enabled: false } },
      });
      const id = await fixture.signIn('agent1@reseller-a.example');
      const t0 = performance.now();
      const done = fixture.waitForStatus(id, idle);
      const replica = await fixture.openReplica(id);
      await done;
      samples.push((performance.now() - t0) / 1000);
      cases = replica.cases.size;
      open = [...replica.cases.values()].filter((record) => record.state !== 'CLOSED').length;
      await fixture.close();
    }
    const summary = summarize(samples);
    record('initial_sync_5k_s', summary.median, 's', {
      summary,
      note: `${open} open of ${cases} cases + threads, main-side pipeline into a memory replica`,
    });
  }

  console.log('full sync…');
  {
    const full = await measureFullSync(size.fullWorld);
    record('full_sync_100k_s', full.seconds, 's', {
      note: `${full.cases} cases over ${full.accounts} accounts (world of ${size.fullWorld}), ${full.requests} requests, budget lifted; one run`,
    });
  }

  console.log('sync at scale…');
  {
    const scale = await measureSyncScale({ smoke, runs: Math.max(size.runs, 20) });
    record('sync_noop_cycle_200_scopes_ms', summarize(scale.noopCycleMs).median, 'ms', {
      summary: summarize(scale.noopCycleMs),
      floor: summarize(scale.noopFloorMs),
      note: `${scale.scopes} customer scopes, ${scale.noopRequests} requests, no batch; floor: as many trivial GETs`,
    });
    record('sync_requests_per_min_max', scale.peakPerMinute, 'requests/min', {
      note: `budget ${scale.budgetPerMinute}/min per account; ${scale.hourRequests} requests in a simulated busy hour over ${scale.scopes} scopes (${scale.activity})`,
    });
  }

  console.log('attachment transfers…');
  {
    const fixture: CoreFixture = await createCoreFixture({
      sandbox: { seed: 'bench-files', cases: 300, supportSimulation: { enabled: false }, maxAttachmentBytes: 60 * 1024 * 1024 },
    });
    const id = await fixture.signIn('agent1@reseller-a.example');
    const first = fixture.waitForStatus(id, idle);
    const replica = await fixture.openReplica(id);
    await first;
    const authorised = new Set([...replica.customers.values()].filter((c) => c.access === 'authorized').map((c) => c.customerId));
    const caseName = [...replica.cases.values()].find((c) => c.state !== 'CLOSED' && authorised.has(c.customerId))?.name ?? '';
    const bytes = new Uint8Array(size.transferMb * 1024 * 1024).map((_, index) => index % 253);
    const call = async <T>(channel: string, request: unknown): Promise<T> => {
      const result = await fixture.core.dispatch(channel, request, sender);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value as T;
    };
    const up: number[] = [];
    const down: number[] = [];
    for (let run = 0; run < size.transferRuns; run += 1) {
      const { uploadId } = await call<{ uploadId: string }>('attachments.stageBegin', {
        accountId: id,
        filename: `bench-${run}.log`,
        mimeType: 'text/plain',
        sizeBytes: bytes.byteLength,
      });
      for (let offset = 0; offset < bytes.byteLength; offset += 1024 * 1024)
        await call('attachments.stageChunk', { accountId: id, uploadId, offset, bytes: bytes.subarray(offset, offset + 1024 * 1024) });
      const done = fixture.waitForStatus(id, (status) => !status.syncing && status.pending === 0);
      const t0 = performance.now();
      await call('attachments.stageCommit', { accountId: id, uploadId, caseRef: caseName });
      await done;
      up.push(size.transferMb / ((performance.now() - t0) / 1000));
    }
    const token = fixture.sandbox.admin.mintTokens('agent1@reseller-a.example').accessToken;
    const listed = (await (
      await fetch(`${fixture.sandbox.baseUrl}/v2/${caseName}/attachments?pageSize=100`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { attachments: { name: string; filename: string }[] };
    const target = listed.attachments.find((attachment) => attachment.filename.startsWith('bench-'))?.name ?? '';
    for (let run = 0; run < size.transferRuns; run += 1) {
      const t0 = performance.now();
      const { downloadId } = await call<{ downloadId: string }>('attachments.openDownload', { accountId: id, attachmentName: target });
      let received = 0;
      for (;;) {
        const chunk = await call<{ bytes: Uint8Array; done: boolean }>('attachments.readChunk', { accountId: id, downloadId });
        received += chunk.bytes.byteLength;
        if (chunk.done) break;
      }
      down.push(received / (1024 * 1024) / ((performance.now() - t0) / 1000));
    }
    const upSummary = summarize(up);
    const downSummary = summarize(down);
    record('upload_mb_per_s', upSummary.median, 'MB/s', {
      summary: upSummary,
      note: `${size.transferMb} MB, staged file → queued → uploaded by the sync engine`,
    });
    record('download_mb_per_s', downSummary.median, 'MB/s', {
      summary: downSummary,
      note: `${size.transferMb} MB in ≤ 1 MiB bridge chunks`,
    });
    await fixture.close();
  }
}

// ---------- Browser: the renderer's data layer in real Chromium ----------

async function openBenchPage(profile: string, url: string): Promise<{ context: BrowserContext; page: Page }> {
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

async function browserBenchmarks(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rsc-bench-page-'));
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'rsc-bench-profile-'));
  const bundle = await build({
    entryPoints: [path.join(here, 'browser/bench-page.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  });
  await fs.writeFile(path.join(dir, 'bench.js'), bundle.outputFiles[0]?.text ?? '');
  await writeDashboardWorker(dir);
  await fs.writeFile(
    path.join(dir, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>bench</title><script type="module" src="./bench.js"></script>',
  );
  const server = await serveRenderer(dir);
  const bench = (page: Page, fn: string, ...args: unknown[]): Promise<unknown> =>
    page.evaluate(
      ([name, params]) =>
        (
          (window as unknown as { __bench: Record<string, (...a: unknown[]) => unknown> }).__bench[name as string] as (
            ...a: unknown[]
          ) => unknown
        )(...(params as unknown[])),
      [fn, args] as const,
    );
  try {
    const total = size.accounts * size.perAccount;
    console.log(`seeding ${total} cases into IndexedDB…`);
    {
      const { context, page } = await openBenchPage(profile, `${server.origin}/index.html`);
      const ms = (await bench(page, 'seed', size.accounts, size.perAccount)) as number;
      console.log(`  seeded in ${(ms / 1000).toFixed(1)} s`);
      await bench(page, 'storeAttachment', size.attachmentMb * 1024 * 1024);
      await context.close();
    }

    console.log('first rows (fresh browser process each run)…');
    const firstRows: number[] = [];
    for (let run = 0; run < size.firstRowsRuns; run += 1) {
      const { context, page } = await openBenchPage(profile, `${server.origin}/index.html?first-rows`);
      firstRows.push((await page.evaluate(() => (window as unknown as { __firstRows: Promise<number> }).__firstRows)) as number);
      await context.close();
    }
    const firstSummary = summarize(firstRows);
    record('first_rows_ms', firstSummary.median, 'ms', {
      summary: firstSummary,
      note: `navigation start → 50 cached rows painted in a fresh browser process, ${total} cached; first-screen snapshot, no IndexedDB wait`,
    });

    const { context, page } = await openBenchPage(profile, `${server.origin}/index.html`);
    const hydrated = (await bench(page, 'hydrate', size.accounts)) as { ms: number; maxLongTaskMs: number; cases: number };
    record('hydrate_100k_ms', hydrated.ms, 'ms', {
      note: `${hydrated.cases} cases over ${size.accounts} accounts, in small chunks after first paint`,
    });
    record('hydrate_max_long_task_ms', hydrated.maxLongTaskMs, 'ms', { note: 'longest main-thread task while hydrating' });

    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    record('renderer_heap_100k_mb', heap.usedSize / (1024 * 1024), 'MB', { note: 'JS heap after GC with every projection hydrated' });

    const filtered = (await bench(page, 'filter', smoke ? 1 : 3, size.accounts, size.perAccount)) as { samples: number[]; floor: number[] };
    const filterSummary = summarize(filtered.samples);
    const floorSummary = summarize(filtered.floor);
    record('filter_keystroke_p95_ms', filterSummary.p95, 'ms', {
      summary: filterSummary,
      floor: floorSummary,
      note: `${filterSummary.runs} keystrokes over ${total} cases`,
    });
    record('filter_floor_p95_ms', floorSummary.p95, 'ms', {
      summary: floorSummary,
      note: 'plain includes scan of the same cases, same run',
    });

    const deltas: number[] = [];
    let deltaLongTask = 0;
    for (let run = 0; run < Math.max(size.runs, 20); run += 1) {
      const result = (await bench(page, 'delta500')) as { ms: number; maxLongTaskMs: number };
      deltas.push(result.ms);
      deltaLongTask = Math.max(deltaLongTask, result.maxLongTaskMs);
    }
    const deltaSummary = summarize(deltas);
    record('delta_500_apply_ms', deltaSummary.median, 'ms', {
      summary: deltaSummary,
      note: 'one batch of 500 cases: IndexedDB transaction + projection',
    });
    record('delta_500_max_long_task_ms', deltaLongTask, 'ms', { note: 'longest main-thread task over all delta runs' });

    console.log('all-domains dashboard…');
    recordDashboard((await bench(page, 'dashboard', size.accounts, Math.max(size.runs, 10))) as DashboardFigures, size.accounts, record);

    const opens = (await bench(page, 'openAttachment', Math.max(size.runs, 20))) as number[];
    const openSummary = summarize(opens);
    record('attachment_open_25mb_ms', openSummary.median, 'ms', {
      summary: openSummary,
      note: `${size.attachmentMb} MB PDF from the IndexedDB cache → preview URL (openCachedAttachment)`,
    });
    await context.close();
  } finally {
    await server.close();
    await fs.rm(dir, { recursive: true, force: true });
    await fs.rm(profile, { recursive: true, force: true });
  }
}

// ---------- The real app in the harness ----------

async function appBenchmarks(): Promise<void> {
  console.log('bridge…');
  const app = await launchHarness({ heartbeatMs: 0, sandbox: { seed: 'bench-app', cases: 300, supportSimulation: { enabled: false } } });
  try {
    await app.page.waitForFunction(() => 'consoleBridge' in window);
    const timings = await app.page.evaluate(
      async ({ runs }) => {
        const bridge = (window as unknown as { consoleBridge: { invoke: (c: string, r: unknown) => Promise<unknown> } }).consoleBridge;
        const small: number[] = [];
        for (let run = 0; run < runs * 10; run += 1) {
          const t0 = performance.now();
          await bridge.invoke('app.echo', { text: 'ping' });
          small.push(performance.now() - t0);
        }
        const big: number[] = [];
        const bytes = new Uint8Array(1024 * 1024);
        for (let run = 0; run < runs; run += 1) {
          const t0 = performance.now();
          await bridge.invoke('app.echo', { bytes });
          big.push(performance.now() - t0);
        }
        return { small, big };
      },
      { runs: Math.max(size.runs, 20) },
    );
    const small = summarize(timings.small);
    const big = summarize(timings.big);
    record('bridge_roundtrip_p50_ms', small.median, 'ms', { summary: small, note: 'page → bridge → core → page, harness binding' });
    record('bridge_1mib_ms', big.median, 'ms', { summary: big, note: '1 MiB Uint8Array request' });
  } finally {
    await app.close();
  }
}

async function scrollBenchmark(): Promise<void> {
  console.log('scrolling the case list…');
  const app = await launchHarness({
    heartbeatMs: 0,
    sandbox: { seed: 'bench-scroll', cases: smoke ? 800 : 20_000, supportSimulation: { enabled: false } },
  });
  try {
    const signInPage = app.context.waitForEvent('page');
    await app.page.getByTestId('try-sandbox').click();
    const browser = await signInPage;
    await browser.locator('button[value="agent1@reseller-a.example"]').click();
    await browser.getByRole('heading', { name: 'Signed in' }).waitFor();
    await browser.close();
    // Wait for the first full sync to land and the projection to be hydrated.
    await app.page
      .getByTestId('last-synced')
      .filter({ hasText: /Synced/ })
      .waitFor({ timeout: 300_000 });
    // Every case of the domain (the default view is the agent's own open cases).
    await app.page.getByTestId('case-view-all').click();
    await app.page.waitForFunction(
      () => {
        const count = document.querySelector('[data-testid="list-count"]');
        return count?.getAttribute('data-hydrated') === 'true' && Number(count.getAttribute('data-total') ?? 0) > 100;
      },
      undefined,
      { timeout: 300_000 },
    );
    const result = await app.page.evaluate(
      async (frames) => {
        const scroller = document.querySelector('[data-testid="case-scroll"]') as HTMLElement;
        // No helper functions in here: tsx would wrap them with a __name() the page does not have.
        let maxRows = scroller.querySelectorAll('[role="row"]').length;
        let maxFrame = 0;
        let last = performance.now();
        for (let frame = 0; frame < frames; frame += 1) {
          scroller.scrollTop += 400;
          await new Promise((resolve) => requestAnimationFrame(resolve));
          const now = performance.now();
          maxFrame = Math.max(maxFrame, now - last);
          last = now;
          maxRows = Math.max(maxRows, scroller.querySelectorAll('[role="row"]').length);
        }
        return { maxRows, maxFrame, total: Number(document.querySelector('[data-testid="list-count"]')?.getAttribute('data-total') ?? 0) };
      },
      smoke ? 20 : 300,
    );
    record('scroll_dom_rows_max', result.maxRows, 'rows', {
      note: `${result.total} cases in the list, ${smoke ? 20 : 300} frames of 400 px`,
    });
    record('scroll_frame_max_ms', result.maxFrame, 'ms', { note: 'longest frame while scrolling (headless Chromium)' });
  } finally {
    await app.close();
  }
}

function printTable(): void {
  const fmt = (value: number | undefined): string => (value === undefined || Number.isNaN(value) ? '' : value.toFixed(2));
  console.log('\nmetric                              value      median     p95        min        max        floor med  floor p95  runs');
  for (const row of rows) {
    console.log(
      `${row.id.padEnd(36)}${fmt(row.value).padStart(9)}  ${fmt(row.summary?.median).padStart(9)}  ${fmt(row.summary?.p95).padStart(9)}  ${fmt(row.summary?.min).padStart(9)}  ${fmt(row.summary?.max).padStart(9)}  ${fmt(row.floor?.median).padStart(9)}  ${fmt(row.floor?.p95).padStart(9)}  ${String(row.summary?.runs ?? 1).padStart(4)}  ${row.unit}`,
    );
  }
}

const started = performance.now();
// `--browser-only`: just the renderer's data layer and dashboard in Chromium (results go to a temp file).
const browserOnly = process.argv.includes('--browser-only');
if (!browserOnly) await nodeBenchmarks();
await browserBenchmarks();
if (!browserOnly) await appBenchmarks();
if (!browserOnly && !process.argv.includes('--no-scroll')) await scrollBenchmark();
printTable();
const cpu = os.cpus()[0]?.model ?? 'unknown cpu';
results.machine = `${cpu} × ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`;
results.date = new Date().toISOString();
const out =
  smoke || browserOnly ? path.join(os.tmpdir(), `rsc-bench-${smoke ? 'smoke' : 'browser'}.json`) : path.join(here, 'results.json');
await fs.writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\n${rows.length} metrics in ${((performance.now() - started) / 1000).toFixed(0)} s → ${out}`);
process.exit(0);
