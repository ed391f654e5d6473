// Prints the README's Performance table from tests/bench/results.json: each figure quiet and
// under load (a CPU hog on one core; ids with `_loaded`), its floor, and its target.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const results = JSON.parse(readFileSync(path.join(root, 'tests/bench/results.json'), 'utf8'));
const floors = results.floors ?? {};

/** `first_rows_ms` → `first_rows_loaded_ms`, `scroll_dom_rows_max` → `scroll_dom_rows_max_loaded` (tests/bench/record.ts loadedId). */
const loadedId = (id) => {
  const at = id.lastIndexOf('_');
  return at > 0 && ['ms', 's', 'mb'].includes(id.slice(at + 1)) ? `${id.slice(0, at)}_loaded${id.slice(at)}` : `${id}_loaded`;
};

// [metric, unit, target text, check(value, results) → true (met) | false (missed) | undefined (no target), source, loaded check?]
const targets = [
  ['filter_keystroke_p95_ms', 'ms', '≤ 16 and ≤ the floor', (v, r) => v <= 16 && v <= r.filter_floor_p95_ms, 'issues 6, 21'],
  ['filter_floor_p95_ms', 'ms', 'the floor (plain includes scan)', () => undefined, 'issue 6'],
  ['first_rows_ms', 'ms', '≤ 300 quiet, ≤ 450 under load', (v) => v <= 300, 'issues 6, 21', (v) => v <= 450],
  ['hydrate_100k_ms', 'ms', '— (after first paint, in slices)', () => undefined, 'issue 6'],
  ['hydrate_max_long_task_ms', 'ms', '≤ 50', (v) => v <= 50, 'issue 21'],
  // Issue 5's "1 request" was one search per domain; with case scopes (issue 14) "Sync now" asks discovery again
  // and searches every scope once; a scheduled no-change cycle costs one search per due scope (sync_noop_cycle_200_scopes_ms).
  ['noop_sync_requests_per_account', '', '— (Sync now: discovery + one search per scope)', () => undefined, 'issues 5, 14'],
  ['noop_sync_idb_writes', '', '0', (v) => v === 0, 'issue 5'],
  ['delta_500_apply_ms', 'ms', '≤ 300', (v) => v <= 300, 'issue 5'],
  ['delta_500_max_long_task_ms', 'ms', '≤ 50', (v) => v <= 50, 'issue 5'],
  ['dashboard_100k_ms', 'ms', '≤ 300 (data ready → charts painted)', (v) => v <= 300, 'issue 19'],
  ['dashboard_max_long_task_ms', 'ms', '≤ 50', (v) => v <= 50, 'issue 19'],
  ['initial_sync_5k_s', 's', '≤ 10', (v) => v <= 10, 'issue 5'],
  ['full_sync_100k_s', 's', '≤ 90', (v) => v <= 90, 'issue 21'],
  ['sync_noop_cycle_200_scopes_ms', 'ms', '—', () => undefined, 'issue 14'],
  ['sync_requests_per_min_max', 'requests/min', '≤ the per-account budget', () => undefined, 'issue 14'],
  ['renderer_heap_100k_mb', 'MB', '—', () => undefined, 'issue 9'],
  ['attachment_open_25mb_ms', 'ms', '≤ 300', (v) => v <= 300, 'issue 8'],
  ['upload_mb_per_s', 'MB/s', '—', () => undefined, 'issue 8'],
  ['download_mb_per_s', 'MB/s', '—', () => undefined, 'issue 8'],
  ['scroll_dom_rows_max', 'rows', '≤ 100', (v) => v <= 100, 'issue 6'],
  ['scroll_frame_max_ms', 'ms', '≤ 32', (v) => v <= 32, 'issue 21'],
  ['scroll_floor_frame_max_ms', 'ms', '— (the floor: a plain list, same scroll)', () => undefined, 'issue 21'],
  ['scroll_first_pass_frame_max_ms', 'ms', '— (the first scroll, right after the first sync)', () => undefined, 'issue 21'],
  ['sandbox_search_100k_p95_ms', 'ms', '≤ 50', (v) => v <= 50, 'issue 3'],
  ['pii_scan_10kb_ms', 'ms', '≤ 5', (v) => v <= 5, 'issue 7'],
  ['bridge_roundtrip_p50_ms', 'ms', '—', () => undefined, 'issue 9'],
  ['bridge_1mib_ms', 'ms', '—', () => undefined, 'issue 9'],
];

const show = (value, unit) => (value === undefined ? '—' : `${value} ${unit}`.trim());
const mark = (verdict) => (verdict === undefined ? '' : verdict ? 'met' : '**missed**');
console.log('| metric | quiet | under load | floor (median / p95) | target | quiet | load |');
console.log('|---|---|---|---|---|---|---|');
for (const [id, unit, target, check, source, loadedCheck] of targets) {
  const value = results[id];
  const loaded = results[loadedId(id)];
  const floor = floors[id] ? `${floors[id].median} / ${floors[id].p95} ${unit}` : '';
  const quietVerdict = value === undefined ? undefined : check(value, results);
  const loadVerdict = loaded === undefined || !loadedCheck ? undefined : loadedCheck(loaded, results);
  console.log(
    `| \`${id}\` | ${show(value, unit)} | ${show(loaded, unit)} | ${floor} | ${target} (${source}) | ${mark(quietVerdict)} | ${mark(loadVerdict)} |`,
  );
}
console.log(
  `\nMachine: ${results.machine}; run ${results.date}. "Under load": a CPU hog process spinning on one core while the browser figures are measured again.`,
);
