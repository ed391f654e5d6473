// `npm run bench`: the product's speed beside its floor, in one run (issue 9).
// Node parts talk to the sandbox over real HTTP; browser parts run the renderer's data
// code in real Chromium with real IndexedDB; app parts drive the real app in the harness.
// Browser and scroll figures are measured twice: quiet, and under load (a CPU hog on one
// core; ids with `_loaded`, issue 21 §3).
// Flags: `--smoke` tiny sizes (part of `npm test`); `--browser-only` just the Chromium data
// layer; `--scroll-only` just the scrolled list; `--no-scroll`; `--no-load` skips the loaded pass.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bridgeBenchmarks, scrollBenchmark } from './app-bench';
import { browserBenchmarks } from './browser-bench';
import { nodeBenchmarks } from './node-bench';
import { finalResults, printTable, rows } from './record';
import { smoke } from './sizes';

const here = path.dirname(fileURLToPath(import.meta.url));
const flag = (name: string): boolean => process.argv.includes(name);
const browserOnly = flag('--browser-only');
const scrollOnly = flag('--scroll-only');
const partial = browserOnly || scrollOnly;
const loaded = !smoke && !flag('--no-load');

const started = performance.now();
if (!partial) await nodeBenchmarks();
if (!scrollOnly) await browserBenchmarks({ loaded });
if (!partial) await bridgeBenchmarks();
if (!browserOnly && !flag('--no-scroll')) await scrollBenchmark({ loaded });
printTable();
const cpu = os.cpus()[0]?.model ?? 'unknown cpu';
const machine = `${cpu} × ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}; load average at the end ${os
  .loadavg()
  .map((n) => n.toFixed(1))
  .join(' ')}`;
// Partial and smoke runs never overwrite the committed figures.
const out =
  smoke || partial
    ? path.join(os.tmpdir(), `rsc-bench-${smoke ? 'smoke' : scrollOnly ? 'scroll' : 'browser'}.json`)
    : path.join(here, 'results.json');
await fs.writeFile(out, `${JSON.stringify(finalResults(machine), null, 2)}\n`);
console.log(`\n${rows.length} metrics in ${((performance.now() - started) / 1000).toFixed(0)} s → ${out}`);
process.exit(0);
