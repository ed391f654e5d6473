/* eslint-disable @typescript-eslint/no-explicit-any -- the suite navigates arbitrary JSON responses */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../../electron/sandbox/index';
import { QuerySyntaxError, parseCaseQuery } from '../../../electron/sandbox/query';
import { apiFor, createCase, customerWhere, enc, type Api, startTestSandbox } from './helpers';

let sb: SandboxHandle;
let a: Api;
let orgA: string;

beforeAll(async () => {
  // The grammar is tested over the reseller-wide view of the extension: hundreds of cases in one search.
  sb = await startTestSandbox({ seed: 'grammar', extensions: ['resellerAggregatedSearch'] });
  orgA = sb.admin.resellerOrganization('reseller-a.example') ?? '';
});
afterAll(() => sb.close());
beforeEach(() => {
  a = apiFor(sb, 'agent1@reseller-a.example');
});

async function searchAll(parent: string, query: string, pageSize = 1000): Promise<any[]> {
  const out: any[] = [];
  let token = '';
  for (;;) {
    const r = await a.get(
      `/v2/${parent}/cases:search?query=${enc(query)}&pageSize=${pageSize}${token === '' ? '' : `&pageToken=${enc(token)}`}`,
    );
    expect(r.status, r.text).toBe(200);
    out.push(...(r.body.cases ?? []));
    if (r.body.nextPageToken === undefined) return out;
    token = r.body.nextPageToken;
  }
}

describe('cases.search grammar', () => {
  it('state=OPEN / CLOSED, and nothing else (the documented values)', async () => {
    const open = await searchAll(orgA, 'state=OPEN');
    const closed = await searchAll(orgA, 'state=CLOSED');
    const all = await searchAll(orgA, '');
    expect(open.length).toBeGreaterThan(0);
    expect(closed.length).toBeGreaterThan(0);
    expect(open.every((c) => c.state !== 'CLOSED')).toBe(true);
    expect(closed.every((c) => c.state === 'CLOSED')).toBe(true);
    expect(open.length + closed.length).toBe(all.length);
    for (const other of ['ACTION_REQUIRED', 'NEW', 'open', 'STATE_UNSPECIFIED']) {
      const r = await a.get(`/v2/${orgA}/cases:search?query=${enc(`state=${other}`)}`);
      expect(r.status, other).toBe(400);
      expect(r.body.error.status).toBe('INVALID_ARGUMENT');
    }
  });

  it('priority with OR and parentheses; OR binds tighter than AND', async () => {
    const r = await searchAll(orgA, 'state=OPEN AND (priority=P0 OR priority=P1)');
    expect(r.length).toBeGreaterThan(0);
    expect(r.every((c) => c.state !== 'CLOSED' && ['P0', 'P1'].includes(c.priority))).toBe(true);
    const noParens = await searchAll(orgA, 'state=OPEN AND priority=P0 OR priority=P1');
    expect(noParens.map((c) => c.name)).toEqual(r.map((c) => c.name));
    const or = await searchAll(orgA, 'priority=P1 OR priority=P2');
    expect(new Set(or.map((c) => c.priority))).toEqual(new Set(['P1', 'P2']));
    const not = await searchAll(orgA, 'NOT priority=P2 AND -state=CLOSED');
    expect(not.every((c) => c.priority !== 'P2' && c.state !== 'CLOSED')).toBe(true);
  });

  it('creator.email', async () => {
    const r = await searchAll(orgA, 'creator.email="agent2@reseller-a.example"');
    expect(r.length).toBeGreaterThan(0);
    expect(r.every((c) => c.creator.email === 'agent2@reseller-a.example')).toBe(true);
  });

  it('free text in English, folded for case and accents, across title, description and comments', async () => {
    const mail = await searchAll(orgA, '"mail delivery"');
    expect(mail.length).toBeGreaterThan(0);
    expect(mail.every((c) => /mail/i.test(c.displayName + c.description) && /delivery/i.test(c.displayName + c.description))).toBe(true);
    const upper = await searchAll(orgA, '"MAIL Delivery"');
    expect(upper.length).toBe(mail.length);
    const reunion = await searchAll(orgA, '"reunion"');
    expect(reunion.some((c) => c.displayName.includes('réunion'))).toBe(true);
    // "HAR file" only occurs in Google's comments.
    const har = await searchAll(orgA, '"HAR file"');
    expect(har.length).toBeGreaterThan(0);
    expect(har.every((c) => !/HAR/.test(c.displayName + c.description))).toBe(true);
  });

  it('free text in Chinese (simplified and traditional) via character bigrams', async () => {
    const apac = apiFor(sb, 'agent1@apac.reseller-a.example');
    const orgApac = sb.admin.resellerOrganization('apac.reseller-a.example') ?? '';
    const s = await apac.get(`/v2/${orgApac}/cases:search?pageSize=1000&query=${enc('"打印机"')}`);
    expect(s.body.cases.length).toBeGreaterThan(0);
    expect(s.body.cases.every((c: any) => (c.displayName + c.description).includes('打印机'))).toBe(true);
    const t = await apac.get(`/v2/${orgApac}/cases:search?pageSize=1000&query=${enc('"印表機" OR "郵件"')}`);
    expect(t.body.cases.length).toBeGreaterThan(0);
    expect(t.body.cases.every((c: any) => /印表機|郵件/.test(c.displayName + c.description))).toBe(true);
    const bare = await apac.get(`/v2/${orgApac}/cases:search?pageSize=5&query=${enc('邮件 state=OPEN')}`);
    expect(bare.status).toBe(200);
  });

  it('free text combined with state and priority, and a newly created case is found immediately', async () => {
    const org = customerWhere(sb, 'reseller-a.example', (c) => c.writers.includes('agent1@reseller-a.example')).organization;
    const created = (await createCase(a, org, { displayName: 'Zygomorphic quokka outage', priority: 'P1' })).body;
    const r = await searchAll(orgA, '"quokka" AND state=OPEN AND (priority=P1 OR priority=P2)');
    expect(r.map((c) => c.name)).toEqual([created.name]);
    await a.patch(`/v2/${created.name}?updateMask=display_name`, { displayName: 'Renamed wombat' });
    expect(await searchAll(orgA, '"quokka"')).toEqual([]);
    expect((await searchAll(orgA, '"wombat"')).length).toBe(1);
    await a.post(`/v2/${created.name}/comments`, { body: 'Platypus logs attached' });
    expect((await searchAll(orgA, 'platypus')).length).toBe(1);
  });
});

describe('cases.search watermarks and paging', () => {
  it('update_time> and updateTime> select cases changed after a watermark, sorted by updateTime then name', async () => {
    const all = await searchAll(orgA, '', 200);
    for (let i = 1; i < all.length; i++) {
      const p = all[i - 1];
      const c = all[i];
      expect(p.updateTime < c.updateTime || (p.updateTime === c.updateTime && p.name < c.name)).toBe(true);
    }
    const mid = all[Math.floor(all.length / 2)].updateTime;
    const after = await searchAll(orgA, `update_time>"${mid}"`);
    expect(after.every((c) => Date.parse(c.updateTime) > Date.parse(mid))).toBe(true);
    expect(after.length).toBe(all.filter((c) => Date.parse(c.updateTime) > Date.parse(mid)).length);
    const camel = await searchAll(orgA, `updateTime>"${mid}"`);
    expect(camel.length).toBe(after.length);
    const offset = new Date(Date.parse(mid)).toISOString().replace('Z', '+00:00');
    expect((await searchAll(orgA, `update_time>"${offset}"`)).length).toBe(after.length);
  });

  it('watermark sync: one search per domain returns exactly what changed since the last sync', async () => {
    const all = await searchAll(orgA, '');
    const watermark = all[all.length - 1].updateTime;
    expect(await searchAll(orgA, `update_time>"${watermark}"`)).toEqual([]);
    const target = all[3];
    if (target.state === 'CLOSED') await a.post(`/v2/${target.name}:reopen`);
    else await a.post(`/v2/${target.name}/comments`, { body: 'ping' });
    const changed = await searchAll(orgA, `update_time>"${watermark}"`);
    expect(changed.map((c) => c.name)).toContain(target.name);
  });

  it('pages are stable, opaque and bound to the query', async () => {
    const page1 = await a.get(`/v2/${orgA}/cases:search?query=${enc('state=OPEN')}&pageSize=7`);
    expect(page1.body.cases.length).toBe(7);
    const token = page1.body.nextPageToken;
    const page2 = await a.get(`/v2/${orgA}/cases:search?query=${enc('state=OPEN')}&page_size=7&page_token=${enc(token)}`);
    expect(page2.body.cases[0].name).not.toBe(page1.body.cases[0].name);
    const all = await searchAll(orgA, 'state=OPEN');
    expect([...page1.body.cases, ...page2.body.cases].map((c: any) => c.name)).toEqual(all.slice(0, 14).map((c) => c.name));
    const wrongQuery = await a.get(`/v2/${orgA}/cases:search?query=${enc('state=CLOSED')}&pageToken=${enc(token)}`);
    expect(wrongQuery.status).toBe(400);
    expect(wrongQuery.body.error.status).toBe('INVALID_ARGUMENT');
    for (const bad of ['garbage', `${token}x`, 'eyJiIjoxfQ.abc']) {
      expect((await a.get(`/v2/${orgA}/cases:search?pageToken=${enc(bad)}`)).status).toBe(400);
    }
    expect((await a.get(`/v2/${orgA}/cases:search?pageSize=abc`)).status).toBe(400);
    expect((await a.get(`/v2/${orgA}/cases:search?pageSize=-1`)).status).toBe(400);
    expect((await a.get(`/v2/${orgA}/cases:search`)).body.cases.length).toBe(10);
  });

  it('accepts %20 and + encodings of spaces', async () => {
    const q1 = await a.get(`/v2/${orgA}/cases:search?query=state%3DOPEN%20AND%20priority%3DP1&pageSize=1000`);
    const q2 = await a.get(`/v2/${orgA}/cases:search?query=state%3DOPEN+AND+priority%3DP1&pageSize=1000`);
    expect(q1.body.cases.length).toBe(q2.body.cases.length);
  });

  it('malformed queries → 400 INVALID_ARGUMENT with a useful message', async () => {
    const cases: [string, RegExp][] = [
      ['state=', /expected a value/],
      ['state=MAYBE', /invalid state/],
      ['priority=P7', /invalid priority/],
      ['(state=OPEN', /expected '\)'/],
      ['state=OPEN AND', /end of query/],
      ['colour=blue', /unknown field 'colour'/],
      ['update_time<"2026-01-01T00:00:00Z"', /only '>'/],
      ['update_time>"yesterday"', /RFC 3339/],
      ['"unterminated', /unterminated string/],
      ['state>OPEN', /use '='/],
    ];
    for (const [q, re] of cases) {
      const r = await a.get(`/v2/${orgA}/cases:search?query=${enc(q)}`);
      expect(r.status, q).toBe(400);
      expect(r.body.error.status).toBe('INVALID_ARGUMENT');
      expect(r.body.error.message, q).toMatch(re);
    }
  });
});

describe('cases.list filter grammar', () => {
  it('supports the documented examples and refuses search-only features', async () => {
    const org = customerWhere(sb, 'reseller-a.example', (c) => c.writers.includes('agent1@reseller-a.example')).organization;
    for (const f of [
      'state=CLOSED',
      'state=OPEN AND creator.email="agent1@reseller-a.example"',
      'state=OPEN AND (priority=P0 OR priority=P1)',
    ]) {
      const r = await a.get(`/v2/${org}/cases?filter=${enc(f)}&pageSize=100`);
      expect(r.status, f).toBe(200);
    }
    const closed = await a.get(`/v2/${org}/cases?filter=${enc('state=CLOSED')}&pageSize=100`);
    expect(closed.body.cases.every((c: any) => c.state === 'CLOSED')).toBe(true);
    expect((await a.get(`/v2/${org}/cases?filter=${enc('"mail"')}`)).status).toBe(400);
    expect((await a.get(`/v2/${org}/cases?filter=${enc('update_time>"2026-01-01T00:00:00Z"')}`)).status).toBe(400);
  });
});

describe('parser unit checks', () => {
  it('builds the expected tree and reports positions', () => {
    expect(parseCaseQuery('state=OPEN AND (priority=P0 OR priority=P1)', 'search')).toEqual({
      kind: 'and',
      items: [
        { kind: 'open', open: true },
        {
          kind: 'or',
          items: [
            { kind: 'priority', priority: 'P0' },
            { kind: 'priority', priority: 'P1' },
          ],
        },
      ],
    });
    expect(parseCaseQuery('  ', 'search')).toBeUndefined();
    expect(parseCaseQuery('"打印机"', 'search')).toEqual({ kind: 'text', tokens: ['打印', '印机'] });
    expect(() => parseCaseQuery('state=OPEN )', 'search')).toThrow(QuerySyntaxError);
    expect(() => parseCaseQuery('state=OPEN )', 'search')).toThrow(/position 11/);
  });
});
