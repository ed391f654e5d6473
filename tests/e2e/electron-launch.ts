import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { e2eEnv } from '../../electron/shell/e2e-mode';

// How the e2e fixture starts the real Electron app: pure functions, unit-tested in
// tests/unit/electron/e2e-launcher.test.ts (no binary exists on our machines).

export interface ElectronLaunchInput {
  readonly binary: string;
  /** The repository: Electron reads its package.json `main` (out/main/index.js). */
  readonly appDir: string;
  /** userData of the app (its logs go below it); kept across restart(). */
  readonly userData: string;
  readonly sandbox?: { readonly baseUrl: string; readonly issuer: string; readonly clientId: string };
  readonly locale?: string;
  /** Chromium refuses to run as root with its sandbox on (CI containers run as root). */
  readonly runningAsRoot: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface ElectronLaunchOptions {
  readonly executablePath: string;
  readonly args: string[];
  readonly env: Record<string, string>;
}

export function electronLaunchOptions(input: ElectronLaunchInput): ElectronLaunchOptions {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.env)) if (value !== undefined) env[name] = value;
  // Inherited, it would start Electron as plain Node; the others would point the app elsewhere.
  for (const name of ['ELECTRON_RUN_AS_NODE', e2eEnv.sandbox, e2eEnv.userData]) delete env[name];
  env[e2eEnv.flag] = '1';
  env[e2eEnv.userData] = input.userData;
  if (input.sandbox) env[e2eEnv.sandbox] = JSON.stringify(input.sandbox);
  return {
    executablePath: input.binary,
    args: [input.appDir, ...(input.locale ? [`--lang=${input.locale}`] : []), ...(input.runningAsRoot ? ['--no-sandbox'] : [])],
    env,
  };
}

/** The Electron binary to test: $ELECTRON_PATH, else one fetched into node_modules/electron (`npx install-electron`). */
export function findElectronBinary(
  env: Readonly<Record<string, string | undefined>>,
  repoRoot: string,
  exists: (file: string) => boolean = existsSync,
): { binary: string } | { reason: string } {
  const given = env.ELECTRON_PATH;
  if (given) return exists(given) ? { binary: given } : { reason: `ELECTRON_PATH points to a missing file: ${given}` };
  const pathFile = path.join(repoRoot, 'node_modules', 'electron', 'path.txt');
  if (exists(pathFile)) {
    const fetched = path.join(repoRoot, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
    if (exists(fetched)) return { binary: fetched };
  }
  return {
    reason: 'Electron binary not available on this machine (set ELECTRON_PATH or run `npx install-electron` to run the Electron host)',
  };
}
