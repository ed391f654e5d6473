/* eslint-disable @typescript-eslint/no-explicit-any -- the suite navigates arbitrary JSON responses */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../../electron/sandbox/index';
import { apiFor, createCase, customerWhere, enc, expectError, startTestSandbox, type Api } from './helpers';

// Google's resource model: a case lives under a customer's organization (or a
// project of it), and the organization's IAM policy decides who may use it.

const A1 = 'agent1@reseller-a.example';
const A2 = 'agent2@reseller-a.example';
const A3 = 'agent3@reseller-a.example';
const DOMAIN = 'reseller-a.example';
type Customer = ReturnType<SandboxHandle['admin']['customers']>[number];

let sb: SandboxHandle;
let a1: Api;
let a2: Api;
let b: Api;

beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(() => sb.close());
beforeEach(() => {
  a1 = apiFor(sb, A1);
  a2 = apiFor(sb, A2);
  b = apiFor(sb, 'agent1@reseller-b.example');
});

const orgSearch = async (api: Api, q = ''): Promise<string[]> =>
  ((await api.get(`/v3/organizations:search?query=${enc(q)}&pageSize=1000`)).body.organizations ?? []).map((o: any) => o.name);

describe('the demo world decides per customer who may use its organization', () => {
  it('every domain has customers granting a group, all agents, one agent, read-only, nobody; plus not-authorised and transferred ones', () => {
    for (const domain of ['reseller-a.example', 'apac.reseller-a.example', 'reseller-b.example', 'reseller-c.example']) {
      const cs = sb.admin.customers().filter((c) => c.resellerDomain === domain);
      const agents = sb.demoAccounts.filter((d) => d.domain === domain).map((d) => d.email);
      expect(cs.some((c) => c.transferred && c.readers.length === 0)).toBe(true);
      expect(cs.some((c) => !c.authorized && !c.transferred && c.readers.length === 0)).toBe(true);
      expect(cs.some((c) => c.authorized && !c.transferred && c.readers.length === 0)).toBe(true);
      expect(cs.some((c) => c.readers.length === 1 && c.writers.length === 1)).toBe(true);
      expect(cs.some((c) => c.readers.length > 0 && c.writers.length === 0)).toBe(true);
      expect(cs.some((c) => c.iam.some((bnd) => bnd.members.some((m) => m.startsWith('group:'))))).toBe(true);
      expect(cs.some((c) => agents.every((e) => c.writers.includes(e)))).toBe(true);
      expect(cs.some((c) => c.suspended)).toBe(true);
      expect(cs.some((c) => c.projects.length > 0)).toBe(true);
    }
  });
});

describe('organizations:search and get answer per IAM grant', () => {
  it('an agent sees its own organization and only the customer organizations that grant it access', async () => {
    const expected = sb.admin
      .customers()
      .filter((c) => c.readers.includes(A1))
      .map((c) => c.organization);
    const seen = await orgSearch(a1);
    expect(seen[0]).toBe(sb.admin.resellerOrganization(DOMAIN));
    expect(seen.slice(1).sort()).toEqual(expected.sort());
    const hidden = customerWhere(sb, DOMAIN, (c) => !c.transferred && c.readers.length === 0);
    expect(seen).not.toContain(hidden.organization);
    expectError(await a1.get(`/v3/${hidden.organization}`), 403, 'PERMISSION_DENIED');
    expect((await a1.get(`/v3/organizations:search?query=${enc(`directoryCustomerId:${hidden.customerId}`)}`)).body).toEqual({});
  });

  it('the one-agent customer is visible to that agent only', async () => {
    const one = customerWhere(sb, DOMAIN, (c) => c.readers.length === 1);
    expect(one.readers).toEqual([A2]);
    expect(await orgSearch(a2)).toContain(one.organization);
    expect(await orgSearch(a1)).not.toContain(one.organization);
    expect((await a2.get(`/v2/${one.organization}/cases?pageSize=1`)).status).toBe(200);
    expectError(await a1.get(`/v2/${one.organization}/cases?pageSize=1`), 403, 'PERMISSION_DENIED');
  });

  it('the group grant reaches the agents in the group only', async () => {
    const grouped = customerWhere(
      sb,
      DOMAIN,
      (c) => c.iam.some((bnd) => bnd.members.some((m) => m.startsWith('group:'))) && c.writers.length > 0,
    );
    expect(grouped.writers).toEqual(expect.arrayContaining([A1, A2]));
    expect(grouped.readers).not.toContain(A3);
    expectError(await apiFor(sb, A3).get(`/v2/${grouped.organization}/cases`), 403, 'PERMISSION_DENIED');
  });
});

describe('case calls under an organization follow its IAM policy', () => {
  it('no grant: every case call is 403, the same answer as for an organization that does not exist', async () => {
    const none = customerWhere(sb, DOMAIN, (c) => c.authorized && !c.transferred && c.readers.length === 0);
    const denied = expectError(await a1.get(`/v2/${none.organization}/cases`), 403, 'PERMISSION_DENIED');
    expect(denied.details[0]).toMatchObject({ reason: 'IAM_PERMISSION_DENIED', domain: 'iam.googleapis.com' });
    const missing = expectError(await a1.get('/v2/organizations/999999999999/cases'), 403, 'PERMISSION_DENIED');
    expect(missing.message.replace(/\d+/g, '#')).toBe(denied.message.replace(/\d+/g, '#'));
    expectError(await a1.get(`/v2/${none.organization}/cases:search`), 403, 'PERMISSION_DENIED');
    expectError(await createCase(a1, none.organization), 403, 'PERMISSION_DENIED');
    expectError(await a1.get(`/v2/${none.organization}/cases/41000001`), 403, 'PERMISSION_DENIED');
    expectError(await a1.get(`/v2/${none.organization}/cases/41000001/comments`), 403, 'PERMISSION_DENIED');
  });

  it('a read-only grant lists and reads but cannot change', async () => {
    const ro = customerWhere(sb, DOMAIN, (c) => c.readers.includes(A1) && !c.writers.includes(A1));
    const list = await a1.get(`/v2/${ro.organization}/cases?pageSize=20&filter=${enc('state=OPEN')}`);
    expect(list.status).toBe(200);
    const open = list.body.cases[0];
    expect((await a1.get(`/v2/${open.name}/comments`)).status).toBe(200);
    expectError(await a1.patch(`/v2/${open.name}?updateMask=priority`, { priority: 'P1' }), 403, 'PERMISSION_DENIED');
    expectError(await a1.post(`/v2/${open.name}/comments`, { body: 'hello' }), 403, 'PERMISSION_DENIED');
    expectError(await a1.post(`/v2/${open.name}:close`, {}), 403, 'PERMISSION_DENIED');
    expectError(await createCase(a1, ro.organization), 403, 'PERMISSION_DENIED');
    expect(sb.admin.getCase(open.name)?.priority).toBe(open.priority);
  });

  it("another reseller's agent gets 403 for the organization, its cases and made-up ids alike", async () => {
    const c = customerWhere(sb, DOMAIN, (x) => x.writers.includes(A1));
    const one = (await a1.get(`/v2/${c.organization}/cases?pageSize=1`)).body.cases[0];
    const err = expectError(await b.get(`/v2/${one.name}`), 403, 'PERMISSION_DENIED');
    expect(JSON.stringify(err)).not.toContain(one.displayName);
    expectError(await b.get(`/v2/${one.name.replace(/\d+$/, '99999999')}`), 403, 'PERMISSION_DENIED');
    expectError(await b.post(`/v2/${one.name}:close`, {}), 403, 'PERMISSION_DENIED');
    expectError(await b.get('/v2/projects/some-project/cases'), 403, 'PERMISSION_DENIED');
    expect(await orgSearch(b)).not.toContain(c.organization);
  });

  it('access granted later works at once; revoked access stops at once', async () => {
    const none = customerWhere(sb, DOMAIN, (x) => x.authorized && !x.transferred && x.readers.length === 0);
    expectError(await a1.get(`/v2/${none.organization}/cases`), 403, 'PERMISSION_DENIED');
    sb.admin.grantOrganizationAccess(none.customerId, `user:${A1}`);
    expect((await a1.get(`/v2/${none.organization}/cases`)).status).toBe(200);
    expect(await orgSearch(a1)).toContain(none.organization);
    expect((await createCase(a1, none.organization)).status).toBe(200);
    sb.admin.revokeOrganizationAccess(none.customerId);
    expectError(await a1.get(`/v2/${none.organization}/cases`), 403, 'PERMISSION_DENIED');
  });

  it('a transferred customer takes its organization away from the old reseller', async () => {
    const victim = customerWhere(sb, DOMAIN, (c) => c.writers.includes(A1) && !c.premium && c.projects.length === 0 && !c.suspended);
    const one = (await a1.get(`/v2/${victim.organization}/cases?pageSize=1`)).body.cases[0];
    sb.admin.transferCustomer(victim.customerId);
    expectError(await a1.get(`/v2/${one.name}`), 403, 'PERMISSION_DENIED');
    expect(await orgSearch(a1)).not.toContain(victim.organization);
  });
});

describe('cases.list vs cases.search: direct children, or the organization and its projects', () => {
  let c: Customer;
  beforeAll(() => {
    c = customerWhere(sb, DOMAIN, (x) => x.writers.includes(A1) && x.projects.length > 0);
  });

  const all = async (path: string): Promise<any[]> => {
    const out: any[] = [];
    let token = '';
    do {
      const r = await a1.get(`${path}${path.includes('?') ? '&' : '?'}pageSize=200${token ? `&pageToken=${enc(token)}` : ''}`);
      expect(r.status).toBe(200);
      out.push(...(r.body.cases ?? []));
      token = r.body.nextPageToken ?? '';
    } while (token);
    return out;
  };

  it('list under the organization excludes project cases; search includes them; both under the project agree', async () => {
    const project = c.projects[0] as string;
    const listed = await all(`/v2/${c.organization}/cases`);
    const searched = await all(`/v2/${c.organization}/cases:search`);
    const projectCases = await all(`/v2/${project}/cases`);
    expect(projectCases.length).toBeGreaterThan(0);
    expect(listed.every((x) => x.name.startsWith(`${c.organization}/cases/`))).toBe(true);
    expect(projectCases.every((x) => x.name.startsWith(`${project}/cases/`))).toBe(true);
    expect(searched.map((x) => x.name).sort()).toEqual([...listed, ...projectCases].map((x) => x.name).sort());
    expect((await all(`/v2/${project}/cases:search`)).length).toBe(projectCases.length);
  });

  it('a project is also addressed by its id, and cases can be filed under it', async () => {
    const project = c.projects[0] as string;
    const projectId = `${c.customerDomain.replace(/\.example$/, '')}-ops`;
    const byId = await a1.get(`/v2/projects/${projectId}/cases?pageSize=3`);
    expect(byId.status).toBe(200);
    expect(byId.body.cases[0].name.startsWith(`${project}/cases/`)).toBe(true);
    const created = await createCase(a1, `projects/${projectId}`);
    expect(created.status).toBe(200);
    expect(created.body.name.startsWith(`${project}/cases/`)).toBe(true);
    expect((await a1.get(`/v2/${created.body.name}`)).status).toBe(200);
  });

  it("the reseller's own organization holds none of its customers' cases", async () => {
    const own = sb.admin.resellerOrganization(DOMAIN) ?? '';
    expect((await a1.get(`/v2/${own}/cases:search?pageSize=100`)).body).toEqual({});
    expect((await a1.get(`/v2/${own}/cases`)).body).toEqual({});
  });
});

describe('resellerAggregatedSearch extension (off by default)', () => {
  let gw: SandboxHandle;
  beforeAll(async () => {
    gw = await startTestSandbox({ extensions: ['resellerAggregatedSearch'] });
  });
  afterAll(() => gw.close());

  it("is off by default: the reseller organization's search is empty", async () => {
    expect((await a1.get(`/v2/${sb.admin.resellerOrganization(DOMAIN)}/cases:search`)).body).toEqual({});
  });

  it("on: the reseller organization aggregates every managed customer's cases; writes need reseller access", async () => {
    const g = apiFor(gw, A1);
    const own = gw.admin.resellerOrganization(DOMAIN) ?? '';
    const managed = new Set(
      gw.admin
        .customers()
        .filter((c) => c.resellerDomain === DOMAIN && !c.transferred)
        .map((c) => c.organization),
    );
    const r = await g.get(`/v2/${own}/cases:search?pageSize=1000`);
    expect(r.body.cases.length).toBeGreaterThan(100);
    const orgs = new Set(
      r.body.cases.map(
        (c: any) =>
          gw.admin.customers().find((x) => c.name.startsWith(x.organization) || x.projects.some((p) => c.name.startsWith(p)))?.organization,
      ),
    );
    for (const o of orgs) expect(managed.has(o as string)).toBe(true);
    const notAuthorized = customerWhere(gw, DOMAIN, (c) => !c.authorized && !c.transferred);
    const list = await g.get(`/v2/${notAuthorized.organization}/cases?pageSize=5`);
    expect(list.status).toBe(200);
    const err = expectError(await createCase(g, notAuthorized.organization), 403, 'PERMISSION_DENIED');
    expect(err.details[0].reason).toBe('RESELLER_ACCESS_NOT_AUTHORIZED');
    expectError(await createCase(g, own), 400, 'INVALID_ARGUMENT');
    const caps = (await g.get('/sandbox/capabilities')).body;
    expect(caps.extensions.resellerAggregatedSearch.enabled).toBe(true);
    expect(caps.extensions.reopen.enabled).toBe(false);
  });
});
