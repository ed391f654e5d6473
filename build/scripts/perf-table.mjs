// Prints the README's Performance table from tests/bench/results.json, each figure beside its target.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const results = JSON.parse(readFileSync(path.join(root, 'tests/bench/results.json'), 'utf8'));

// [metric, unit, target text, check(value, results) → true (met) | false (missed) | undefined (no target), source]
const targets = [
  ['filter_keystroke_p95_ms', 'ms', '≤ 50 and ≤ the floor', (v, r) => v <= 50 && v <= r.filter_floor_p95_ms, 'issue 6'],
  ['filter_floor_p95_ms', 'ms', 'the floor (plain includes scan)', () => undefined, 'issue 6'],
  ['first_rows_ms', 'ms', '≤ 300', (v) => v <= 300, 'issue 6'],
  ['hydrate_100k_ms', 'ms', '— (after first paint, in chunks)', () => undefined, 'issue 6'],
  ['hydrate_max_long_task_ms', 'ms', '— (aim ≤ 50)', (v) => v <= 50, 'issue 6'],
  ['noop_sync_requests_per_account', '', '1', (v) => v <= 1, 'issue 5'],
  ['noop_sync_idb_writes', '', '0', (v) => v === 0, 'issue 5'],
  ['delta_500_apply_ms', 'ms', '≤ 300', (v) => v <= 300, 'issue 5'],
  ['dashboard_100k_ms', 'ms', '≤ 300 (data ready → charts painted)', (v) => v <= 300, 'issue 19'],
  ['dashboard_max_long_task_ms', 'ms', '≤ 50', (v) => v <= 50, 'issue 19'],
  ['delta_500_max_long_task_ms', 'ms', '≤ 50', (v) => v <= 50, 'issue 5'],
  ['initial_sync_5k_s', 's', '≤ 10', (v) => v <= 10, 'issue 5'],
  ['full_sync_100k_s', 's', '—', () => undefined, 'issue 9'],
  ['renderer_heap_100k_mb', 'MB', '—', () => undefined, 'issue 9'],
  ['attachment_open_25mb_ms', 'ms', '≤ 300', (v) => v <= 300, 'issue 8'],
  ['upload_mb_per_s', 'MB/s', '—', () => undefined, 'issue 8'],
  ['download_mb_per_s', 'MB/s', '—', () => undefined, 'issue 8'],
  ['scroll_dom_rows_max', 'rows', '≤ 100', (v) => v <= 100, 'issue 6'],
  ['scroll_frame_max_ms', 'ms', '—', () => undefined, 'issue 9'],
  ['sandbox_search_100k_p95_ms', 'ms', '≤ 50', (v) => v <= 50, 'issue 3'],
  ['pii_scan_10kb_ms', 'ms', '≤ 5', (v) => v <= 5, 'issue 7'],
  ['bridge_roundtrip_p50_ms', 'ms', '—', () => undefined, 'issue 9'],
  ['bridge_1mib_ms', 'ms', '—', () => undefined, 'issue 9'],
];

console.log('| metric | measured | target | |');
console.log('|---|---|---|---|');
for (const [id, unit, target, check, source] of targets) {
  const value = results[id];
  const verdict = check(value, results);
  const mark = verdict === undefined ? '' : verdict ? 'met' : '**missed**';
  console.log(`| \`${id}\` | ${value} ${unit} | ${target} (${source}) | ${mark} |`);
}
console.log(`\nMachine: ${results.machine}; run ${results.date}.`);
