import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serveRenderer, type StaticServer } from '../../harness/static-server';

describe("the harness's static server (the renderer on 127.0.0.1, as app:// serves it)", () => {
  let server: StaticServer | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('lets the browser keep a file (so V8 can keep its compiled code) but revalidates it on every load', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'rsc-static-'));
    const file = path.join(dir, 'app.js');
    writeFileSync(file, 'console.log(1);');
    server = await serveRenderer(dir);
    const first = await fetch(`${server.origin}/app.js`);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    expect(first.headers.get('content-security-policy')).toContain("script-src 'self'");
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    expect(await first.text()).toBe('console.log(1);');

    const unchanged = await fetch(`${server.origin}/app.js`, { headers: { 'if-none-match': etag ?? '' } });
    expect(unchanged.status).toBe(304);

    // A rebuilt file gets a new tag, so the browser takes the new content.
    writeFileSync(file, 'console.log(22);');
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    const rebuilt = await fetch(`${server.origin}/app.js`, { headers: { 'if-none-match': etag ?? '' } });
    expect(rebuilt.status).toBe(200);
    expect(rebuilt.headers.get('etag')).not.toBe(etag);
    expect(await rebuilt.text()).toBe('console.log(22);');
  });
});
