// `npm start`: build, then run the app in Electron — or, where the Electron binary is
// missing (our build machines cannot download it), in the harness's Chromium window.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const extra = process.argv.slice(2);

const built = spawnSync(bin('electron-vite'), ['build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (built.status !== 0) process.exit(built.status ?? 1);

function electronBinary() {
  const pathFile = path.join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = path.join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const electron = process.env.ELECTRON_PATH ?? electronBinary();
const child = electron
  ? spawn(electron, [root, ...extra], { cwd: root, stdio: 'inherit' })
  : (console.log('No Electron binary on this machine: opening the app in the harness window (Chromium) instead.'),
    spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests/harness/cli.ts'), ...extra], { cwd: root, stdio: 'inherit' }));
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
