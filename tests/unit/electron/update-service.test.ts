import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../../shared/ipc';
import type { Logger, UpdateEngineFactory } from '../../../electron/ports';
import { engineFromAppUpdater } from '../../../electron/services/update/app-updater-engine';
import { createUpdateService } from '../../../electron/services/update/update-service';
import { systemClock } from '../../../electron/services/system-clock';
import { createNodeUpdater } from '../../harness/node-updater';

// A local generic update feed, as electron-builder publishes one: latest.yml with the sha512
// of a real file beside it. electron-updater (over Node's HTTP client) checks and downloads.

const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };
const feedDir = mkdtempSync(path.join(os.tmpdir(), 'rsc-feed-'));
let server: http.Server;
let feedUrl = '';
const served: string[] = [];

/** electron-builder's channel file names: latest.yml on Windows, latest-linux.yml, latest-mac.yml. */
const suffix = process.platform === 'win32' ? '' : process.platform === 'darwin' ? '-mac' : '-linux';

function publish(channel: 'latest' | 'beta', version: string, bytes: Buffer, listedBytes: Buffer = bytes, extra = ''): void {
  const name = `rsc-${version}.zip`;
  writeFileSync(path.join(feedDir, name), bytes);
  const sha512 = createHash('sha512').update(listedBytes).digest('base64');
  writeFileSync(
    path.join(feedDir, `${channel}${suffix}.yml`),
    `version: ${version}\nfiles:\n  - url: ${name}\n    sha512: ${sha512}\n    size: ${listedBytes.length}\npath: ${name}\nsha512: ${sha512}\nreleaseDate: '2026-03-01T10:00:00.000Z'\n${extra}`,
  );
}

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const file = path.join(feedDir, path.basename(new URL(request.url ?? '/', 'http://x').pathname));
    served.push(path.basename(file));
    readFile(file).then(
      (body) => response.writeHead(200, { 'content-length': body.length }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function setup(options: { sending: () => boolean; channel?: 'stable' | 'beta' }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rsc-updater-'));
  const statuses: UpdateStatus[] = [];
  let installed = 0;
  const updaters: Array<ReturnType<typeof createNodeUpdater>> = [];
  const engines: UpdateEngineFactory = (feed) => {
    const updater = createNodeUpdater({ version: '0.1.0', dir, onInstall: () => (installed += 1) });
    updaters.push(updater);
    return engineFromAppUpdater(updater, feed, silent);
  };
  const service = createUpdateService({
    engines,
    enabled: true,
    feedUrl,
    currentVersion: '0.1.0',
    channel: async () => options.channel ?? 'stable',
    clock: systemClock,
    logger: silent,
    isSendingChanges: options.sending,
    publish: (status) => statuses.push(status),
    checkEveryMs: 0,
  });
  const installs = () => updaters.reduce((sum, updater) => sum + updater.installs.length, 0);
  return { service, statuses, installs, installed: () => installed };
}

describe('updates from a generic feed', () => {
  it('downloads an update, verifies its sha512, defers the restart while changes are being sent and applies it after', async () => {
    publish('latest', '0.2.0', randomBytes(256 * 1024));
    let sending = true;
    const { service, statuses, installs } = setup({ sending: () => sending });

    const ready = await service.check();
    expect(ready).toMatchObject({ state: 'ready', availableVersion: '0.2.0', channel: 'stable' });
    expect(statuses.map((status) => status.state)).toEqual(expect.arrayContaining(['checking', 'downloading', 'ready']));
    expect(served).toContain('rsc-0.2.0.zip');

    expect(await service.restart({ draftsOpen: false })).toMatchObject({ state: 'deferred' });
    service.syncChanged();
    expect(installs()).toBe(0);

    sending = false;
    service.syncChanged();
    expect(service.status().state).toBe('installing');
    expect(installs()).toBe(1);
    service.syncChanged();
    expect(installs()).toBe(1);
  });

  it('never restarts while a draft is open', async () => {
    publish('latest', '0.2.0', randomBytes(64 * 1024));
    const { service, installs } = setup({ sending: () => false });
    await service.check();
    expect(await service.restart({ draftsOpen: true })).toMatchObject({ state: 'ready' });
    service.syncChanged();
    expect(installs()).toBe(0);
    await service.restart({ draftsOpen: false });
    expect(installs()).toBe(1);
  });

  it('refuses a file that does not match the sha512 in latest.yml, and has nothing to install', async () => {
    const genuine = randomBytes(128 * 1024);
    const tampered = Buffer.from(genuine);
    tampered[1000] = (tampered[1000] ?? 0) ^ 0xff;
    publish('latest', '0.3.0', tampered, genuine);
    const { service, installs } = setup({ sending: () => false });
    const result = await service.check();
    expect(result).toMatchObject({ state: 'error', error: expect.stringMatching(/checksum/) });
    expect(await service.restart({ draftsOpen: false })).toMatchObject({ state: 'error' });
    expect(installs()).toBe(0);
  });

  it('follows the beta channel only when asked, and honours a staged rollout of 0 %', async () => {
    publish('latest', '0.1.0', randomBytes(1024));
    publish('beta', '0.2.0-beta.1', randomBytes(1024));
    expect(await setup({ sending: () => false }).service.check()).toMatchObject({ state: 'idle' });
    expect(await setup({ sending: () => false, channel: 'beta' }).service.check()).toMatchObject({
      state: 'ready',
      availableVersion: '0.2.0-beta.1',
    });
    publish('latest', '0.4.0', randomBytes(1024), undefined, 'stagingPercentage: 0\n');
    expect(await setup({ sending: () => false }).service.check()).toMatchObject({ state: 'idle' });
  });
});
