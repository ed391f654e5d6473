import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../electron/sandbox/index';
import { createRng, type Rng } from '../../../electron/sandbox/rng';

// A seeded HTTP fuzzer: a few thousand hostile requests over every route
// family. The sandbox must answer each one, in time, below 500, in one of
// Google's envelopes (or the OAuth/HTML shapes of the sign-in endpoints).

const SEED = 'fuzz-1';
const REQUESTS = 2500;
const CONCURRENCY = 8;
const PER_REQUEST_TIMEOUT_MS = 15_000;

let sb: SandboxHandle;
let tokens: { own: string; other: string };
let org: string;
let caseName: string;

beforeAll(async () => {
  sb = await startSandbox({ seed: 'fuzz', cases: 400, supportSimulation: { enabled: false }, extensions: ['reopen'] });
  tokens = {
    own: sb.admin.mintTokens('agent1@reseller-a.example').accessToken,
    other: sb.admin.mintTokens('agent1@reseller-b.example').accessToken,
  };
  const c = sb.admin.customers().find((x) => x.writers.includes('agent1@reseller-a.example'));
  org = c?.organization ?? 'organizations/1';
  const r = await fetch(`${sb.baseUrl}/v2/${org}/cases?pageSize=1`, { headers: { authorization: `Bearer ${tokens.own}` } });
  caseName = ((await r.json()) as { cases: { name: string }[] }).cases[0]?.name ?? `${org}/cases/1`;
});
afterAll(() => sb.close());

function nested(open: string, close: string, depth: number, inner: string): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

function hostileString(rng: Rng): string {
  return rng.pick([
    '',
    'x'.repeat(rng.int(1, 5000)),
    '%',
    '%E0%A4%A',
    '../../etc/passwd',
    '\u0000\u0001',
    '😀'.repeat(50),
    '__proto__',
    'constructor',
    '"\'`<script>',
    String(rng.int(-(2 ** 40), 2 ** 40)),
    nested('(', ')', rng.int(100, 3000), 'state=OPEN'),
    'NOT '.repeat(rng.int(50, 2000)) + 'state=OPEN',
    'state=OPEN AND '.repeat(rng.int(10, 500)) + 'priority=P1',
    'update_time>"' + 'Z'.repeat(100) + '"',
  ]);
}

function hostilePath(rng: Rng): string {
  const seg = (): string => encodeURIComponent(hostileString(rng)).slice(0, 300) || 'x';
  return rng.pick([
    () => `/v2/${org}/cases`,
    () => `/v2/${org}/cases:search`,
    () => `/v2/${caseName}`,
    () => `/v2/${caseName}:close`,
    () => `/v2/${caseName}:escalate`,
    () => `/v2/${caseName}:reopen`,
    () => `/v2/${caseName}/comments`,
    () => `/v2/${caseName}/attachments`,
    () => `/upload/v2/${caseName}/attachments`,
    () => `/v2/${caseName}/attachments/${seg()}:download`,
    () => `/v2/caseClassifications:search`,
    () => `/v2/organizations/${seg()}/cases/${seg()}`,
    () => `/v2/${seg()}/${seg()}/cases`,
    () => `/v2/${caseName.replaceAll('/', '%2F')}`,
    () => `/v3/organizations:search`,
    () => `/v3/organizations/${seg()}`,
    () => `/apps/reseller/v1/subscriptions`,
    () => `/apps/reseller/v1/customers/${seg()}`,
    () => `/apps/reseller/v1/customers/${seg()}/subscriptions/${seg()}`,
    () => `/oauth2/token`,
    () => `/oauth2/revoke`,
    () => `/oauth2/userinfo`,
    () => `/oauth2/auth`,
    () => `/oauth2/v1/certs`,
    () => `/sandbox/capabilities`,
    () => `/${seg()}/${seg()}`,
    () => `/v2/${'a/'.repeat(rng.int(1, 300))}`,
  ])();
}

function hostileQuery(rng: Rng): string {
  const params = new URLSearchParams();
  const n = rng.int(0, 4);
  for (let i = 0; i < n; i++) {
    const key = rng.pick([
      'query',
      'filter',
      'pageSize',
      'pageToken',
      'page_token',
      'fields',
      'updateMask',
      'maxResults',
      'alt',
      'uploadType',
      'attachment.filename',
      'customerId',
      hostileString(rng).slice(0, 40),
    ]);
    params.append(key, rng.pick([hostileString(rng), '-1', '0', '2147483648', '1e9', 'media', nested('a(', ')', rng.int(10, 500), 'b')]));
  }
  const s = params.toString();
  return s === '' ? '' : `?${s}`;
}

function hostileBody(rng: Rng): { body?: string; type?: string } {
  return rng.pick([
    () => ({}),
    () => ({ body: '{', type: 'application/json' }),
    () => ({ body: nested('[', ']', rng.int(1000, 20_000), '1'), type: 'application/json' }),
    () => ({ body: nested('{"a":', '}', rng.int(1000, 20_000), '1'), type: 'application/json' }),
    () => ({
      body: JSON.stringify({
        displayName: hostileString(rng),
        priority: rng.pick(['P1', 3, null, {}]),
        classification: { id: hostileString(rng) },
      }),
      type: 'application/json',
    }),
    () => ({ body: '{"__proto__":{"x":1},"constructor":{"prototype":{}}}', type: 'application/json' }),
    () => ({ body: JSON.stringify({ body: 'x'.repeat(rng.int(1, 20_000)) }), type: 'application/json' }),
    () => ({ body: `grant_type=refresh_token&refresh_token=${'x'.repeat(70 * 1024)}`, type: 'application/x-www-form-urlencoded' }),
    () => ({ body: `grant_type=${hostileString(rng)}&code=${hostileString(rng)}`, type: 'application/x-www-form-urlencoded' }),
    () => ({ body: '--b\r\ncontent-type: application/json\r\n\r\n{\r\n--b--', type: 'multipart/related; boundary=b' }),
    () => ({
      body: hostileString(rng),
      type: rng.pick(['text/plain', 'application/json', 'multipart/related', 'application/x-www-form-urlencoded']),
    }),
  ])();
}

/** The shapes an answer may have: Google's envelopes, OAuth's error JSON, the sign-in pages, or a success. */
function shapeProblem(path: string, status: number, type: string, text: string): string | undefined {
  if (status >= 500) return `${status} on ${path}`;
  if (status === 302 || status === 204) return undefined;
  if (type.startsWith('text/html')) return path.startsWith('/oauth2/auth') ? undefined : `HTML from ${path}`;
  if (status < 300) return type.startsWith('application/json') || path.includes(':download') ? undefined : `2xx ${type} from ${path}`;
  let body: { error?: unknown };
  try {
    body = JSON.parse(text) as { error?: unknown };
  } catch {
    return `${status} non-JSON from ${path}: ${text.slice(0, 80)}`;
  }
  const e = body.error;
  if (typeof e === 'string' && path.startsWith('/oauth2/')) return undefined;
  if (e === null || typeof e !== 'object') return `${status} without an error envelope from ${path}`;
  const env = e as { code?: unknown; message?: unknown };
  if (env.code !== status || typeof env.message !== 'string') return `${status} envelope with code ${String(env.code)} from ${path}`;
  return undefined;
}

describe('HTTP fuzzer', () => {
  it(
    `answers ${REQUESTS} hostile requests: no crash, no hang, no 500, nothing outside Google's envelopes`,
    { timeout: 240_000 },
    async () => {
      const rng = createRng(SEED);
      const plan = Array.from({ length: REQUESTS }, () => {
        const { body, type } = hostileBody(rng);
        return {
          method: rng.pick(['GET', 'GET', 'POST', 'POST', 'PATCH', 'DELETE', 'PUT']),
          path: hostilePath(rng) + hostileQuery(rng),
          auth: rng.pick([
            `Bearer ${tokens.own}`,
            `Bearer ${tokens.own}`,
            `Bearer ${tokens.other}`,
            'Bearer ya29.bogus',
            'Basic Zm9vOmJhcg==',
            'none',
          ]),
          body,
          type,
        };
      });
      const problems: string[] = [];
      let hangs = 0;
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < plan.length) {
          const r = plan[next++];
          if (r === undefined) break;
          const headers: Record<string, string> = {};
          if (r.auth !== 'none') headers['authorization'] = r.auth;
          if (r.type !== undefined) headers['content-type'] = r.type;
          const withBody = r.body !== undefined && r.method !== 'GET';
          try {
            const res = await fetch(`${sb.baseUrl}${r.path}`, {
              method: r.method,
              headers,
              redirect: 'manual',
              ...(withBody ? { body: r.body } : {}),
              signal: AbortSignal.timeout(PER_REQUEST_TIMEOUT_MS),
            });
            const text = await res.text();
            const problem = shapeProblem(r.path.split('?')[0] ?? '', res.status, res.headers.get('content-type') ?? '', text);
            if (problem !== undefined) problems.push(`${r.method} ${problem}`);
          } catch (e) {
            if ((e as Error).name === 'TimeoutError') hangs++;
            else problems.push(`${r.method} ${r.path.slice(0, 120)}: no answer (${(e as Error).message})`);
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      console.log(`[fuzz] seed ${SEED}: ${REQUESTS} requests, ${problems.length} problems, ${hangs} hangs`);
      expect(hangs).toBe(0);
      expect(problems.slice(0, 20)).toEqual([]);
      const ok = await fetch(`${sb.baseUrl}/v2/${org}/cases?pageSize=1`, { headers: { authorization: `Bearer ${tokens.own}` } });
      expect(ok.status).toBe(200);
    },
  );
});
