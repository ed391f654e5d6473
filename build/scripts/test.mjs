// `npm test`: typecheck, lint, format, Electronegativity, build, unit (Vitest) and end-to-end (Playwright, harness host),
// then one line `N passed, N failed, N skipped` summed over every runner. Exits non-zero on any failure.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { fileURLToPath } from 'node:url';
import { skipLine, skipReason } from './skip-reasons.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const reports = path.join(root, 'reports');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
/** One line per skipped test: where, which, and why (see skipLine). */
const skipped = [];
/** One line per failure, printed last so that the tail of a long log names it. */
const failures = [];
const started = Date.now();

/** The first non-empty line of an error message, without terminal colours. */
function firstLine(message) {
  const line = stripVTControlCharacters(String(message ?? ''))
    .split('\n')
    .find((text) => text.trim());
  return (line ?? '(no message)').trim().slice(0, 300);
}

function run(label, command, args, env = {}) {
  const t0 = Date.now();
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`◀ ${label}: exit ${result.status ?? result.signal} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

/** Static checks count as one test each. */
function check(label, command, args) {
  count(label, run(label, command, args));
}

function count(label, ok) {
  if (ok) totals.passed += 1;
  else {
    totals.failed += 1;
    failures.push(label);
    console.log(`✗ ${label} failed`);
  }
}

/**
 * Checks that only read the tree run side by side (each is mostly one thread, and the machine has
 * two cores); each one's output is printed in one block when it ends.
 */
async function checkTogether(checks) {
  const results = await Promise.all(
    checks.map(
      ([label, command, args]) =>
        new Promise((resolve) => {
          const t0 = Date.now();
          const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
          let output = '';
          let ended = false;
          const end = (outcome, ok) => {
            if (ended) return;
            ended = true;
            process.stdout.write(`\n▶ ${label}\n${output}`);
            console.log(`◀ ${label}: ${outcome} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
            resolve({ label, ok });
          };
          child.stdout.on('data', (chunk) => (output += chunk));
          child.stderr.on('data', (chunk) => (output += chunk));
          child.on('error', (error) => end(`could not start (${error.message})`, false));
          child.on('close', (status, signal) => end(`exit ${status ?? signal}`, status === 0));
        }),
    ),
  );
  for (const { label, ok } of results) count(label, ok);
}

await checkTogether([
  ['typecheck (tsc -b)', bin('tsc'), ['-b']],
  ['lint (eslint)', bin('eslint'), ['--max-warnings', '0', '.']],
  ['format (prettier --check)', bin('prettier'), ['--check', '--log-level', 'warn', '.']],
  ['security (electronegativity, allowlist in build/security)', process.execPath, [path.join(root, 'build/scripts/electronegativity.mjs')]],
]);
check('build (electron-vite)', bin('electron-vite'), ['build']);
// The benchmark with tiny sizes, so its code cannot rot (the real run is `npm run bench`).
check('benchmark smoke (npm run bench -- --smoke)', process.execPath, [
  '--import',
  'tsx',
  path.join(root, 'tests/bench/run.ts'),
  '--smoke',
]);

// Unit tests
const vitestReport = path.join(reports, 'vitest.json');
const vitestOk = run('unit tests (vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
]);
if (existsSync(vitestReport)) {
  const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  for (const suite of report.testResults)
    for (const test of suite.assertionResults)
      if (test.status === 'pending' || test.status === 'todo' || test.status === 'skipped')
        skipped.push(skipLine(`[vitest] ${path.relative(root, suite.name)} › ${test.fullName}`, '(no reason given)'));
      else if (test.status === 'failed')
        failures.push(`[vitest] ${path.relative(root, suite.name)} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
  // A suite that failed to load has no failed tests of its own: count it.
  const brokenSuites = report.testResults.filter((suite) => suite.status === 'failed' && suite.assertionResults.length === 0);
  totals.failed += brokenSuites.length;
  for (const suite of brokenSuites) failures.push(`[vitest] ${path.relative(root, suite.name)}: ${firstLine(suite.message)}`);
  if (!vitestOk && report.numFailedTests + brokenSuites.length === 0) {
    totals.failed += 1;
    failures.push('[vitest] exited non-zero with no failed test');
  }
} else {
  totals.failed += 1;
  failures.push('[vitest] wrote no report');
}

// End-to-end tests
const playwrightReport = path.join(reports, 'playwright.json');
const playwrightOk = run('end-to-end tests (playwright)', bin('playwright'), ['test'], { PW_JSON_REPORT: playwrightReport });
if (existsSync(playwrightReport)) {
  const report = JSON.parse(readFileSync(playwrightReport, 'utf8'));
  totals.passed += report.stats.expected + report.stats.flaky;
  totals.failed += report.stats.unexpected;
  totals.skipped += report.stats.skipped;
  // Every skipped test by name, with the reason its skip gave.
  const visit = (suite) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests ?? []) {
        const where = `[${test.projectName}] ${spec.file} › ${spec.title}`;
        if (test.status === 'skipped') skipped.push(skipLine(where, skipReason(test.annotations)));
        else if (test.status === 'unexpected') failures.push(`${where}: ${firstLine(test.results?.at(-1)?.error?.message)}`);
      }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report.suites ?? []) visit(suite);
  for (const error of report.errors ?? []) failures.push(`[playwright] ${firstLine(error.message)}`);
  totals.failed += report.errors?.length ?? 0;
  if (!playwrightOk && report.stats.unexpected === 0 && !report.errors?.length) {
    totals.failed += 1;
    failures.push('[playwright] exited non-zero with no failed test');
  }
} else {
  totals.failed += 1;
  failures.push('[playwright] wrote no report');
}

console.log(`\nFinished in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
for (const line of skipped) console.log(line);
for (const line of failures) console.log(`FAILED ${line}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
