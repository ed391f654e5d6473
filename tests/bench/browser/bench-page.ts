// Runs inside real Chromium (served on 127.0.0.1) for the browser benchmarks: the
// renderer's own data modules over real IndexedDB. The runner drives it with
// page.evaluate(window.__bench.*). On load with ?first-rows it measures the first
// paint of 50 cached rows from navigation start, as the app's first screen does.
import { normalizeText } from '../../../shared/domain/search-tokens';
import type { ReplicaBatch } from '../../../shared/ipc/replica';
import { applyBatch } from '../../../renderer/data/apply-batch';
import { putBlob } from '../../../renderer/data/blob-cache';
import { openCachedAttachment } from '../../../renderer/features/attachments/cache';
import { ReplicaDb } from '../../../renderer/data/db';
import { hydrateProjection, projectBatch } from '../../../renderer/data/hydrate';
import { createProjection, type Projection } from '../../../renderer/data/projection';
import { loadHeadSnapshot, saveHeadSnapshot } from '../../../renderer/data/head-snapshot';
import { headCases } from '../../../renderer/data/queries';
import type { dashboardRuns } from './dashboard-bench';
import { longestTaskMs, type LongTask } from './long-tasks';
import { buildSyntheticCases, buildSyntheticComments, buildSyntheticCustomers, keystrokeQueries, DEFAULT_PHRASES } from '../replica';

const accountIds = (count: number): string[] => Array.from({ length: count }, (_, index) => `bench${index}`);
const projections = new Map<string, Projection>();
/** Long tasks with their start, to say in which phase of a measurement they fell. */
let longTasks: LongTask[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, ms: entry.duration });
}).observe({ type: 'longtask', buffered: true });

async function seed(accounts: number, perAccount: number): Promise<number> {
  const t0 = performance.now();
  for (const [index, accountId] of accountIds(accounts).entries()) {
    const db = new ReplicaDb(accountId);
    const cases = buildSyntheticCases(perAccount, index + 1).map((record) => ({ ...record, name: `${record.name}-a${index}` }));
    const customers = buildSyntheticCustomers(Math.max(1, Math.ceil(perAccount / 200)), index + 1);
    const comments = buildSyntheticComments(cases.slice(0, 2000), index + 1, 1);
    for (let at = 0; at < cases.length; at += 5000) {
      const batch: ReplicaBatch = {
        accountId,
        batchId: `seed-${at}`,
        cursor: JSON.stringify({ v: 1, at }),
        upserts: { cases: cases.slice(at, at + 5000), ...(at === 0 ? { customers, comments } : {}) },
        deletes: {},
      };
      await applyBatch(db, batch);
    }
    // As the app does after applying batches: the first screen's snapshot.
    saveHeadSnapshot(accountId, await headCases(db, 50));
    db.close();
  }
  return performance.now() - t0;
}

/**
 * First screen, as the app paints it: the 50 newest cases from the snapshot, without
 * waiting for IndexedDB (the live head query replaces them once it answers).
 * Returns ms since navigation start.
 */
async function firstRows(): Promise<number> {
  const rows = loadHeadSnapshot('bench0') ?? [];
  const list = document.createElement('ol');
  for (const row of rows) {
    const item = document.createElement('li');
    item.textContent = `${row.caseNumber} ${row.priority} ${row.displayName}`;
    list.append(item);
  }
  document.body.append(list);
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return rows.length === 50 ? performance.now() : Number.NaN;
}

async function hydrate(accounts: number): Promise<{ ms: number; maxLongTaskMs: number; cases: number; longTasks: number }> {
  longTasks = [];
  const t0 = performance.now();
  let cases = 0;
  for (const accountId of accountIds(accounts)) {
    const projection = createProjection();
    const result = await hydrateProjection(new ReplicaDb(accountId), projection);
    cases += result.cases;
    projections.set(accountId, projection);
  }
  const ms = performance.now() - t0;
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { ms, maxLongTaskMs: longestTaskMs(longTasks), cases, longTasks: longTasks.length };
}

/**
 * Keystroke → filtered list over every account's projection (the all-domains view), beside
 * the floor: a plain includes scan over the same searchable text (title, description, case
 * number, customer name, comments), normalised once up front. The synthetic data is rebuilt
 * from the same seeds as seed() used.
 */
function filter(rounds: number, accounts: number, perAccount: number): { samples: number[]; floor: number[] } {
  const keywords = keystrokeQueries(DEFAULT_PHRASES);
  const haystack: string[] = [];
  for (let index = 0; index < accounts; index += 1) {
    const cases = buildSyntheticCases(perAccount, index + 1);
    const customers = new Map(
      buildSyntheticCustomers(Math.max(1, Math.ceil(perAccount / 200)), index + 1).map((c) => [c.customerId, c.displayName]),
    );
    const comments = new Map<string, string>();
    for (const comment of buildSyntheticComments(cases.slice(0, 2000), index + 1, 1))
      comments.set(comment.caseName, `${comments.get(comment.caseName) ?? ''}\n${comment.body}`);
    for (const record of cases) {
      haystack.push(
        normalizeText(
          `${record.displayName}\n${record.description}\n${record.caseNumber}\n${customers.get(record.customerId) ?? ''}${comments.get(record.name) ?? ''}`,
        ),
      );
    }
  }
  const samples: number[] = [];
  const floor: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const keyword of keywords) {
      let t0 = performance.now();
      let total = 0;
      for (const projection of projections.values()) total += projection.query({ keyword }).total;
      samples.push(performance.now() - t0);
      const needle = normalizeText(keyword).trim();
      t0 = performance.now();
      let hits = 0;
      for (const text of haystack) if (text.includes(needle)) hits += 1;
      floor.push(performance.now() - t0);
      if (total < 0 || hits < 0) throw new Error('unreachable');
    }
  }
  return { samples, floor };
}

async function delta500(): Promise<{ ms: number; maxLongTaskMs: number; longestIn: string }> {
  const db = new ReplicaDb('bench0');
  const projection = projections.get('bench0') ?? createProjection();
  const now = new Date().toISOString();
  const cases = buildSyntheticCases(500, 99).map((record, index) => ({ ...record, name: `${record.name}-delta${index}`, updateTime: now }));
  const batch: ReplicaBatch = {
    accountId: 'bench0',
    batchId: 'delta',
    cursor: JSON.stringify({ v: 1, delta: now }),
    upserts: { cases },
    deletes: {},
  };
  longTasks = [];
  const t0 = performance.now();
  const result = await applyBatch(db, batch);
  const written = performance.now();
  projectBatch(projection, batch, result);
  const t1 = performance.now();
  const ms = t1 - t0;
  await new Promise((resolve) => setTimeout(resolve, 50));
  db.close();
  const longest = [...longTasks].sort((a, b) => b.ms - a.ms)[0];
  const phase = !longest
    ? 'none'
    : longest.start < t0
      ? 'before the batch'
      : longest.start < written
        ? 'the IndexedDB write'
        : longest.start < t1
          ? 'the projection'
          : 'after the batch';
  return { ms, maxLongTaskMs: longestTaskMs(longTasks), longestIn: phase };
}

async function storeAttachment(bytes: number): Promise<void> {
  const db = new ReplicaDb('bench0');
  const data = new Uint8Array(bytes);
  for (let index = 0; index < data.length; index += 4096) data[index] = index % 251;
  await putBlob(db, {
    attachmentName: 'bench/attachments/25mb',
    caseName: 'bench/case',
    blob: new Blob([data], { type: 'application/pdf' }),
  });
  db.close();
}

/** Opening a cached attachment exactly as the preview does (renderer/features/attachments/cache.ts). */
async function openAttachment(runs: number): Promise<number[]> {
  const db = new ReplicaDb('bench0');
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const t0 = performance.now();
    const opened = await openCachedAttachment(db, 'bench/attachments/25mb', 'capture.pdf');
    samples.push(performance.now() - t0);
    if (opened.url) URL.revokeObjectURL(opened.url);
  }
  db.close();
  return samples;
}

declare global {
  interface Window {
    __bench: unknown;
    __firstRows?: Promise<number>;
  }
}
async function dashboard(
  accounts: number,
  runs: number,
): Promise<{ loadMs: number; cases: number } & Awaited<ReturnType<typeof dashboardRuns>>> {
  // A chunk of its own, loaded on first use, as the app loads its dashboard view: the first
  // screen does not parse the charting library.
  const charts = await import('./dashboard-bench');
  const loaded = await charts.dashboardLoad(accountIds(accounts));
  return { loadMs: loaded.ms, cases: loaded.cases, ...(await charts.dashboardRuns(runs, longTasks)) };
}

window.__bench = { seed, hydrate, filter, delta500, storeAttachment, openAttachment, dashboard };
if (location.search.includes('first-rows')) window.__firstRows = firstRows();
