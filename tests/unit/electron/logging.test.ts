import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLogTail } from '../../../electron/services/logging/log-files';
import { createAppLogger } from '../../../electron/services/logging/logger';
import { redactFields, redactText } from '../../../electron/services/logging/redact';
import { createRendererLog, sanitizeRendererLine } from '../../../electron/services/logging/renderer-log';

describe('log redaction', () => {
  it('removes bearer tokens, Google tokens, JWTs, client secrets and sandbox tokens from text', () => {
    const text =
      'Authorization: Bearer ya29.a0AfH6SMBx-abc123 refresh=1//0gAbCdEfGhIjKlMnOpQrStUvWx id=eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.sig sat_0123456789abcdefXYZ GOCSPX-abcdefghijk';
    const redacted = redactText(text);
    expect(redacted).not.toMatch(/ya29|1\/\/0g|eyJhbGci|sat_0123|GOCSPX-a/);
    expect(redacted).toContain('[redacted]');
  });

  it('removes OAuth codes and opaque tokens from URLs, keeping host, path and harmless parameters', () => {
    const url =
      'http://127.0.0.1:5173/callback?code=4/0AeanS0bBx_YQ1-sXl0gN2vPq&state=xyz123&scope=openid+email&iss=https%3A%2F%2Faccounts.google.com';
    const out = redactText(`redirect ${url}`);
    expect(out).not.toContain('4/0AeanS0b');
    expect(out).not.toContain('xyz123');
    expect(out).toContain('http://127.0.0.1:5173/callback?code=[redacted]&state=[redacted]&scope=openid+email');
    const signed = redactText(
      'GET https://storage.example/upload/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789?alt=media&upload_id=ADPycdsKj7hF0mTqzYx3bV9LwQe',
    );
    expect(signed).not.toMatch(/AbCdEfGhIjKlMnOp|ADPycdsKj7/);
    expect(signed).toContain('alt=media');
    expect(redactText('cases at https://cloudsupport.googleapis.com/v2/organizations/123456789/cases/43595344')).toContain(
      'organizations/123456789/cases/43595344',
    );
  });

  it('removes e-mail addresses wherever they are', () => {
    expect(redactText('reply from ana.lopez+support@customer-3.example about the case')).toBe('reply from [email] about the case');
    expect(redactFields({ email: 'agent1@reseller-a.example', to: ['x@y.example'] })).toEqual({ email: '[email]', to: ['[email]'] });
  });

  it('replaces case text by its length and keeps identifiers', () => {
    expect(
      redactFields({ caseName: 'organizations/1/cases/2', title: 'Mail to Contoso bounces', comment: { body: 'The CEO cannot send' } }),
    ).toEqual({ caseName: 'organizations/1/cases/2', title: '[text: 23 chars]', comment: { body: '[text: 19 chars]' } });
  });

  it('redacts secret-looking keys and OAuth codes at any depth, inside arrays too, and keeps error codes', () => {
    expect(
      redactFields({
        accessToken: 'abc',
        nested: { refresh_token: 'def', caseId: '43595344' },
        list: [{ client_secret: 'GOCSPX-x' }, 'Bearer ya29.abcdef', [{ id_token: 'eyJ' }]],
        callback: { code: '4/0AeanS0bBx_YQ1-sXl0gN2vPq' },
        error: { code: 'rate_limited' },
        count: 3,
      }),
    ).toEqual({
      accessToken: '[redacted]',
      nested: { refresh_token: '[redacted]', caseId: '43595344' },
      list: [{ client_secret: '[redacted]' }, '[redacted]', [{ id_token: '[redacted]' }]],
      callback: { code: '[redacted]' },
      error: { code: 'rate_limited' },
      count: 3,
    });
  });

  it('survives cyclic objects and errors', () => {
    const cyclic: Record<string, unknown> = { name: 'x' };
    cyclic.self = cyclic;
    cyclic.list = [cyclic, { back: cyclic }];
    const shared = { id: 1 };
    expect(redactFields({ cyclic, a: shared, b: shared })).toEqual({
      cyclic: { name: 'x', self: '[circular]', list: ['[circular]', { back: '[circular]' }] },
      a: { id: 1 },
      b: { id: 1 },
    });
    expect(redactFields({ error: new Error('refresh failed for agent@reseller-a.example with 1//0gAbCdEfGhIjKlMnOpQrSt') })).toEqual({
      error: { name: 'Error', message: 'refresh failed for [email] with [redacted]' },
    });
  });
});

describe('the app logger', () => {
  it('writes only redacted JSON lines, honours the level and rotates by size', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rsc-log-'));
    const logger = createAppLogger({ dir, maxFileBytes: 64 * 1024, keepFiles: 2 });
    logger.info('token exchange with Bearer ya29.secret-value', { client_secret: 'GOCSPX-abc', email: 'agent1@reseller-a.example' });
    logger.debug('not at info level');
    logger.setLevel('debug');
    logger.debug('now at debug level');
    await logger.flush();
    const [first, second] = (await readLogTail(dir, 10)).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(first).toMatchObject({ level: 'info', client_secret: '[redacted]', email: '[email]', at: expect.any(String) });
    expect(JSON.stringify(first)).not.toContain('ya29.secret');
    expect(second).toMatchObject({ level: 'debug', message: 'now at debug level' });

    for (let round = 0; round < 10; round += 1) {
      for (let i = round * 150; i < (round + 1) * 150; i += 1)
        logger.info('filler line to roll the file over', { i, padding: 'x'.repeat(200) });
      await logger.flush();
    }
    await logger.close();
    const files = readdirSync(dir).filter((name) => /^main\.\d+\.log$/.test(name));
    expect(files.length).toBeGreaterThan(1);
    expect(files.length).toBeLessThanOrEqual(3);
    expect((await readLogTail(dir, 5)).at(-1)).toContain('"i":1499');
  });

  it('rate-limits renderer lines and reports how many were dropped', () => {
    const written: Array<[string, string, unknown]> = [];
    const sink = {
      error: (message: string, fields?: unknown) => void written.push(['error', message, fields]),
      warn: (message: string, fields?: unknown) => void written.push(['warn', message, fields]),
      info: (message: string, fields?: unknown) => void written.push(['info', message, fields]),
      debug: (message: string, fields?: unknown) => void written.push(['debug', message, fields]),
    };
    let now = 0;
    const log = createRendererLog(sink, { now: () => now, setTimer: () => () => {} }, { maxLines: 3, windowMs: 1000 });
    for (let i = 0; i < 10; i += 1) log({ level: 'error', message: `renderer: boom ${i}` });
    expect(written.map(([, message]) => message)).toEqual(['renderer: boom 0', 'renderer: boom 1', 'renderer: boom 2']);
    now = 1000;
    log({ level: 'info', message: 'renderer: after the window' });
    expect(written.slice(3)).toEqual([
      ['warn', 'renderer: log lines dropped (rate limit)', { dropped: 7 }],
      ['info', 'renderer: after the window', undefined],
    ]);
  });
});

describe('renderer log lines', () => {
  it('are untrusted text: prose in the message or in fields is withheld, identifiers and error messages stay', () => {
    expect(sanitizeRendererLine({ level: 'error', message: 'renderer: uncaught error' }).message).toBe('renderer: uncaught error');
    expect(sanitizeRendererLine({ level: 'error', message: 'failed to render Outlook sync tool stuck' }).message).toBe(
      'renderer: message withheld [text: 40 chars]',
    );
    expect(
      sanitizeRendererLine({
        level: 'error',
        message: 'cases: row failed',
        fields: {
          caseName: 'organizations/1/cases/2',
          note: 'The CEO cannot send mail',
          error: 'Cannot parse "Mail to Contoso bounces" as JSON',
        },
      }).fields,
    ).toEqual({ caseName: 'organizations/1/cases/2', note: '[text: 24 chars]', error: 'Cannot parse […] as JSON' });
  });
});
