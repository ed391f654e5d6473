// `npm start` (and `npm run dev`, with --dev): build, then run the app in Electron. Electron 45 downloads nothing at
// install time, so the binary is fetched here on first start (bounded, one line of
// progress); where it cannot be fetched (no access to its download host) the same
// app opens in the harness's Chromium window, said in one line.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const electronDir = path.join(root, 'node_modules', 'electron');
const fetchTimeoutMs = 120_000;
const args = process.argv.slice(2);
const harnessOnly = args.includes('--harness');
// `npm run dev`: React's development build, so StrictMode's double renders and effects run.
const development = args.includes('--dev');
const extra = args.filter((arg) => arg !== '--harness' && arg !== '--dev');

const built = spawnSync(
  path.join(root, 'node_modules', '.bin', 'electron-vite'),
  ['build', ...(development ? ['--mode', 'development'] : [])],
  {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
if (built.status !== 0) process.exit(built.status ?? 1);

/** The installed binary, as electron's own path.txt names it, or undefined. */
function installedElectron() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

/** Runs electron's `install-electron` (download + checksum + unzip); resolves with undefined or the reason it failed. */
function fetchElectron() {
  const { version } = JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8'));
  const started = Date.now();
  const label = `Fetching Electron ${version} (first start only, up to ${fetchTimeoutMs / 1000} s)…`;
  const tty = process.stdout.isTTY;
  process.stdout.write(tty ? label : `${label}\n`);
  const ticker = tty
    ? setInterval(() => process.stdout.write(`\r${label} ${Math.round((Date.now() - started) / 1000)} s`), 1_000)
    : undefined;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(electronDir, 'install.js')], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill(), fetchTimeoutMs);
    const finish = (reason) => {
      clearTimeout(timer);
      clearInterval(ticker);
      if (tty) process.stdout.write('\n');
      resolve(reason);
    };
    child.on('error', (error) => finish(error.message));
    child.on('exit', (code, signal) => {
      if (code === 0) return finish(undefined);
      if (signal) return finish(`no answer within ${fetchTimeoutMs / 1000} s`);
      // install.js prints the error's stack: its first line is the reason.
      const firstLine = output.split('\n').find((line) => line.trim() !== '');
      finish(firstLine?.trim().replace(/^\w*Error: /, '') ?? `install-electron exited with ${code}`);
    });
  });
}

async function electronBinary() {
  const given = process.env.ELECTRON_PATH;
  if (given) return existsSync(given) ? { binary: given } : { reason: `ELECTRON_PATH points to a missing file (${given})` };
  const installed = installedElectron();
  if (installed) return { binary: installed };
  const reason = await fetchElectron();
  if (reason) return { reason: `Electron could not be fetched (${reason}; \`npx install-electron\` tries again)` };
  const fetched = installedElectron();
  return fetched ? { binary: fetched } : { reason: 'Electron was fetched but its binary is missing' };
}

const { binary, reason } = harnessOnly ? { reason: 'Harness asked for (--harness)' } : await electronBinary();
let child;
if (binary) {
  // An inherited ELECTRON_RUN_AS_NODE would start Electron as plain Node.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  child = spawn(binary, [root, ...extra], { cwd: root, stdio: 'inherit', env });
} else {
  console.log(`${reason}: opening the app in the harness window (Chromium) instead.`);
  child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests/harness/cli.ts'), ...extra], { cwd: root, stdio: 'inherit' });
}
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
