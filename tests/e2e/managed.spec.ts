import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import type { Page } from '@playwright/test';
import { replicaWith, signInSandbox } from './helpers';
import { expect, test } from './fixtures';

// Managed workstations: the diagnostics bundle leaks nothing; sync works through an HTTP proxy.

const tokenShapes =
  /ya29\.|1\/\/[A-Za-z0-9_-]{10}|eyJ[A-Za-z0-9_-]{10,}|Bearer [A-Za-z0-9]|sat_[A-Za-z0-9]|srt_[A-Za-z0-9]|GOCSPX-|4\/sbx-/;
/** One bridge call from the page, as the renderer makes it; answers the envelope. */
const invoke = (page: Page, channel: string, request: unknown): Promise<{ ok: boolean }> =>
  page.evaluate(
    ([name, body]) =>
      (window as unknown as { consoleBridge: { invoke: (c: string, r: unknown) => Promise<{ ok: boolean }> } }).consoleBridge.invoke(
        name,
        body,
      ),
    [channel, request] as const,
  );
const emailShape = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+/;

test('Export diagnostics writes one zip with no token, no e-mail address and no case text', async ({ app }) => {
  const { page } = app;
  await signInSandbox(app, 'agent1@reseller-a.example');
  const rows = await replicaWith(page, (found) => found.cases.length > 20);
  const cases = rows.cases as unknown as Array<{ displayName: string; description: string }>;
  const caseTexts = cases
    .slice(0, 60)
    .flatMap((record) => [record.displayName, record.description.slice(0, 40)])
    .filter((text) => text.length >= 12);
  expect(caseTexts.length).toBeGreaterThan(20);
  // Make the log hold exactly what must not leak: a renderer bug logging a case, a customer address and a token.
  expect(
    await invoke(page, 'log.write', {
      level: 'error',
      message: `failed to render ${caseTexts[0]} for ana@customer-1.example with Bearer ya29.leaked-token-value`,
      fields: {
        title: caseTexts[1],
        customer: 'ops@customer-2.example',
        url: 'http://127.0.0.1/cb?code=4/sbx-abcdefghijklmnopqrstuv&state=s',
      },
    }),
  ).toMatchObject({ ok: true });
  expect(await invoke(page, 'settings.set', { googleClientSecret: 'GOCSPX-very-secret-value' })).toMatchObject({ ok: true });

  await page.getByTestId('help-menu').click();
  await page.getByTestId('export-diagnostics').click();
  const dialog = page.getByTestId('diagnostics-dialog');
  await expect(dialog.getByTestId('diagnostics-file')).toHaveCount(7);
  await expect(dialog).toContainText('accounts.json');
  await expect(dialog).toContainText('log.jsonl');
  await dialog.getByTestId('diagnostics-save').click();
  const saved = dialog.getByTestId('diagnostics-saved');
  await expect(saved).toBeVisible();
  const zipPath = (await saved.textContent())?.replace(/^Saved to /, '') ?? '';

  const files = unzipSync(readFileSync(zipPath));
  expect(Object.keys(files).sort()).toEqual(
    ['about.json', 'accounts.json', 'crash-dumps.json', 'log.jsonl', 'policy.json', 'recent-errors.jsonl', 'settings.json'].sort(),
  );
  const texts = Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
  // The renderer's line is there, its prose withheld.
  expect(texts['log.jsonl']).toContain('"src":"renderer"');
  expect(texts['recent-errors.jsonl']).toContain('renderer: message withheld');
  expect(JSON.parse(texts['accounts.json'] ?? '[]')).toMatchObject([{ domain: 'reseller-a.example', outbox: { total: 0 } }]);
  expect(JSON.parse(texts['settings.json'] ?? '{}')).toMatchObject({ googleClientSecret: '[redacted]' });
  for (const [name, text] of Object.entries(texts)) {
    expect(text, name).not.toMatch(tokenShapes);
    expect(text, name).not.toMatch(emailShape);
    for (const caseText of caseTexts) expect(text.includes(caseText), `${name} holds case text "${caseText}"`).toBe(false);
  }
});

/** A forward proxy on loopback (CONNECT tunnels and absolute-URI requests) that records what it carried. */
async function startProxy(): Promise<{ url: string; seen: string[]; close: () => Promise<void> }> {
  const seen: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((request, response) => {
    const target = new URL(request.url ?? '');
    seen.push(`${request.method} ${target.pathname}`);
    if (target.hostname !== '127.0.0.1') return void response.writeHead(403).end();
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: target.pathname + target.search, method: request.method, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (request, client: net.Socket, head) => {
    const [host, port] = (request.url ?? '').split(':');
    seen.push(`CONNECT ${request.url}`);
    if (host !== '127.0.0.1') return void client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    // The sandbox speaks plain HTTP, so the requests inside the tunnel can be read.
    client.on('data', (chunk: Buffer) => {
      for (const match of chunk.toString('latin1').matchAll(/(?:^|\r\n)(GET|POST|PATCH|PUT|DELETE) (\S+) HTTP\/1\.1/g))
        seen.push(`${match[1]} ${(match[2] ?? '').split('?')[0]}`);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

test.describe('behind an HTTP proxy set by the policy', () => {
  const policyFile = path.join(os.tmpdir(), `rsc-proxy-policy-${process.pid}.json`);
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  test.beforeAll(async () => {
    proxy = await startProxy();
    writeFileSync(policyFile, JSON.stringify({ proxy: { url: proxy.url }, organisation: { name: 'Northwind IT' } }));
  });
  test.afterAll(() => proxy.close());
  test.use({ appOptions: { policyFile } });

  test('sign-in and sync go through the proxy', async ({ app }) => {
    await signInSandbox(app, 'agent1@reseller-b.example');
    await replicaWith(app.page, (found) => found.cases.length > 5);
    await expect(app.page.getByTestId('last-synced')).toBeVisible();
    const sandboxPort = new URL(app.harness.sandbox?.baseUrl ?? '').port;
    expect(proxy.seen.some((line) => line.includes(`127.0.0.1:${sandboxPort}`) || line.startsWith('POST /'))).toBe(true);
    expect(proxy.seen.filter((line) => /^POST \/.*token/.test(line)).length).toBeGreaterThan(0);
    expect(proxy.seen.filter((line) => /^(GET|POST) \/v2\/.*cases/.test(line)).length).toBeGreaterThan(0);
    expect(proxy.seen.filter((line) => /^GET \/apps\/reseller\/v1\//.test(line)).length).toBeGreaterThan(0);
  });
});
