import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { e2eModeFrom } from '../../../electron/shell/e2e-mode';
import { electronLaunchOptions, findElectronBinary } from '../../e2e/electron-launch';

// How the e2e fixture starts real Electron (only where a binary exists) and how main reads it.

const sandbox = { baseUrl: 'http://127.0.0.1:4100', issuer: 'http://127.0.0.1:4100/oauth2', clientId: 'desktop-client' };
const base = {
  binary: '/opt/electron/electron',
  appDir: '/repo',
  userData: '/tmp/profile/app',
  runningAsRoot: false,
  env: { PATH: '/usr/bin', HOME: '/home/agent', UNSET: undefined },
};

describe('electron launch options', () => {
  it('runs the repository as the app with its own profile, the test sandbox and e2e mode on', () => {
    const options = electronLaunchOptions({ ...base, sandbox, locale: 'zh-TW' });
    expect(options.executablePath).toBe('/opt/electron/electron');
    expect(options.args).toEqual(['/repo', '--lang=zh-TW']);
    expect(options.env).toMatchObject({ PATH: '/usr/bin', HOME: '/home/agent', RSC_E2E: '1', RSC_E2E_USER_DATA: '/tmp/profile/app' });
    expect(JSON.parse(options.env.RSC_E2E_SANDBOX ?? '')).toEqual(sandbox);
    expect(options.env).not.toHaveProperty('UNSET');
  });

  it('drops variables that would turn Electron into Node or point it elsewhere', () => {
    const options = electronLaunchOptions({
      ...base,
      env: { ...base.env, ELECTRON_RUN_AS_NODE: '1', RSC_E2E_SANDBOX: '{"baseUrl":"http://evil"}', RSC_E2E_USER_DATA: '/elsewhere' },
    });
    expect(options.env).not.toHaveProperty('ELECTRON_RUN_AS_NODE');
    expect(options.env).not.toHaveProperty('RSC_E2E_SANDBOX');
    expect(options.env.RSC_E2E_USER_DATA).toBe('/tmp/profile/app');
  });

  it("turns Chromium's sandbox off only when running as root (CI containers)", () => {
    expect(electronLaunchOptions(base).args).toEqual(['/repo']);
    expect(electronLaunchOptions({ ...base, runningAsRoot: true }).args).toEqual(['/repo', '--no-sandbox']);
  });

  it('main reads back exactly what the launcher set', () => {
    const { env } = electronLaunchOptions({ ...base, sandbox });
    expect(e2eModeFrom(env, false)).toEqual({ sandbox: { mode: 'external', ...sandbox }, userData: '/tmp/profile/app' });
    expect(e2eModeFrom(electronLaunchOptions(base).env, false)).toEqual({ sandbox: undefined, userData: '/tmp/profile/app' });
  });

  it('a packaged app ignores e2e mode; bad values are refused', () => {
    const { env } = electronLaunchOptions({ ...base, sandbox });
    expect(e2eModeFrom(env, true)).toBeUndefined();
    expect(e2eModeFrom({}, false)).toBeUndefined();
    expect(() => e2eModeFrom({ RSC_E2E: '1', RSC_E2E_SANDBOX: '{"baseUrl":"not a url"}' }, false)).toThrow();
    expect(() => e2eModeFrom({ RSC_E2E: '1', RSC_E2E_SANDBOX: '{' }, false)).toThrow();
  });
});

describe('finding the binary', () => {
  const repo = path.resolve('/repo');
  it('takes ELECTRON_PATH when it exists, and says so when it does not', () => {
    expect(findElectronBinary({ ELECTRON_PATH: '/opt/e' }, repo, (file) => file === '/opt/e')).toEqual({ binary: '/opt/e' });
    expect(findElectronBinary({ ELECTRON_PATH: '/opt/e' }, repo, () => false)).toEqual({
      reason: 'ELECTRON_PATH points to a missing file: /opt/e',
    });
  });
  it('without either, gives the reason the Electron specs are skipped', () => {
    const found = findElectronBinary({}, repo, () => false);
    expect(found).toEqual({ reason: expect.stringContaining('Electron binary not available on this machine') });
  });
});
