/* eslint-disable @typescript-eslint/no-explicit-any -- the suite navigates arbitrary JSON responses */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CustomerSchema,
  IncidentFeedSchema,
  LegacyErrorSchema,
  HELP_SEARCH_PATH,
  SandboxCapabilitiesSchema,
  SearchHelpArticlesResponseSchema,
  SearchOrganizationsResponseSchema,
  SubscriptionsResponseSchema,
} from '../../../shared/api';
import type { SandboxHandle } from '../../../electron/sandbox/index';
import { api, apiFor, customerWhere, enc, http, type Api, startTestSandbox } from './helpers';

let sb: SandboxHandle;
let a: Api;

beforeAll(async () => {
  sb = await startTestSandbox({ seed: 'reseller', reopenWindowDays: 14, maxAttachmentBytes: 1234 });
  a = apiFor(sb, 'agent1@reseller-a.example');
});
afterAll(() => sb.close());

describe('Reseller API v1', () => {
  it("lists the domain's subscriptions with maxResults paging; transferred customers are absent", async () => {
    const all: any[] = [];
    let token = '';
    for (;;) {
      const r = await a.get(`/apps/reseller/v1/subscriptions?maxResults=5${token === '' ? '' : `&pageToken=${enc(token)}`}`);
      expect(r.status).toBe(200);
      const page = SubscriptionsResponseSchema.parse(r.body);
      expect(page.kind).toBe('reseller#subscriptions');
      expect(page.subscriptions?.length).toBeLessThanOrEqual(5);
      all.push(...(page.subscriptions ?? []));
      if (page.nextPageToken === undefined) break;
      token = page.nextPageToken;
    }
    const visible = sb.admin.customers().filter((c) => c.resellerDomain === 'reseller-a.example' && !c.transferred);
    expect(new Set(all.map((s) => s.customerId))).toEqual(new Set(visible.map((c) => c.customerId)));
    expect(all[0]).toMatchObject({ kind: 'reseller#subscription', billingMethod: 'ONLINE' });
    expect(all[0].creationTime).toMatch(/^\d{13}$/);
    expect(all.some((s) => s.status === 'ACTIVE')).toBe(true);
  });

  it('filters by customerId and customerNamePrefix', async () => {
    const c = customerWhere(sb, 'reseller-a.example', (x) => x.authorized && !x.transferred);
    const r = await a.get(`/apps/reseller/v1/subscriptions?customerId=${c.customerId}`);
    expect(r.body.subscriptions.every((s: any) => s.customerId === c.customerId)).toBe(true);
    const p = await a.get(`/apps/reseller/v1/subscriptions?customerNamePrefix=${c.customerDomain.slice(0, 4)}`);
    expect(p.body.subscriptions.every((s: any) => s.customerDomain.startsWith(c.customerDomain.slice(0, 4)))).toBe(true);
  });

  it("customers.get by id or domain; no field beyond Google's Customer", async () => {
    const c = customerWhere(sb, 'reseller-a.example', (x) => x.authorized && !x.transferred);
    const r = await a.get(`/apps/reseller/v1/customers/${c.customerId}`);
    expect(CustomerSchema.parse(r.body)).toMatchObject({
      kind: 'reseller#customer',
      customerId: c.customerId,
      customerDomain: c.customerDomain,
    });
    expect('sandboxSupportProfile' in r.body).toBe(false);
    expect((await a.get(`/apps/reseller/v1/customers/${c.customerDomain}`)).body.customerId).toBe(c.customerId);
  });

  it('a customer that turned reseller access off is listed through its subscriptions but answers 403 forbidden', async () => {
    const un = customerWhere(sb, 'reseller-a.example', (x) => !x.authorized && !x.transferred);
    const subs = (await a.get('/apps/reseller/v1/subscriptions?maxResults=100')).body.subscriptions;
    const mine = subs.find((s: any) => s.customerId === un.customerId);
    expect(mine).toBeDefined();
    const r = await a.get(`/apps/reseller/v1/customers/${un.customerId}`);
    expect(r.status).toBe(403);
    expect(r.body.error.errors[0].reason).toBe('forbidden');
    expect((await a.get(`/apps/reseller/v1/customers/${un.customerId}/subscriptions/${mine.subscriptionId}`)).status).toBe(403);
  });

  it('a suspended subscription says so', async () => {
    const c = customerWhere(sb, 'reseller-a.example', (x) => x.suspended && x.authorized && !x.transferred);
    const r = await a.get(`/apps/reseller/v1/subscriptions?customerId=${c.customerId}`);
    expect(r.body.subscriptions.some((s: any) => s.status === 'SUSPENDED' && s.suspensionReasons.length > 0)).toBe(true);
  });

  it('supportProfileField extension (off by default) adds the profile and answers for not-authorised customers', async () => {
    const ext = await startTestSandbox({ seed: 'reseller', extensions: ['supportProfileField'] });
    try {
      const x = apiFor(ext, 'agent1@reseller-a.example');
      const un = customerWhere(ext, 'reseller-a.example', (c) => !c.authorized && !c.transferred);
      const r = await x.get(`/apps/reseller/v1/customers/${un.customerId}`);
      expect(r.status).toBe(200);
      expect(r.body.sandboxSupportProfile).toEqual({ resellerAccessAuthorized: false, supportTier: 'STANDARD' });
      const premium = customerWhere(ext, 'reseller-a.example', (c) => c.premium && !c.transferred);
      expect((await x.get(`/apps/reseller/v1/customers/${premium.customerId}`)).body.sandboxSupportProfile.supportTier).toBe('PREMIUM');
    } finally {
      await ext.close();
    }
  });

  it('uses the legacy error format: foreign, transferred and unknown customers alike 403 forbidden; bad params 400', async () => {
    const foreign = customerWhere(sb, 'reseller-b.example', (x) => !x.transferred);
    const r = await a.get(`/apps/reseller/v1/customers/${foreign.customerId}`);
    expect(r.status).toBe(403);
    const e = LegacyErrorSchema.parse(r.body);
    expect(e.error.errors[0]).toMatchObject({ domain: 'global', reason: 'forbidden' });
    expect(JSON.stringify(r.body)).not.toContain(foreign.customerDomain);
    const unknown = await a.get('/apps/reseller/v1/customers/C0nope');
    expect(unknown.status).toBe(403);
    expect(unknown.body).toEqual(r.body);
    expect((await a.get('/apps/reseller/v1/subscriptions?maxResults=abc')).status).toBe(400);
    expect((await a.get('/apps/reseller/v1/subscriptions?pageToken=zzz')).status).toBe(400);
    const transferred = customerWhere(sb, 'reseller-a.example', (x) => x.transferred);
    expect((await a.get(`/apps/reseller/v1/customers/${transferred.customerId}`)).status).toBe(403);
  });

  it('needs a reseller scope', async () => {
    const noScope = api(
      sb,
      sb.admin.mintTokens('agent1@reseller-a.example', ['openid', 'https://www.googleapis.com/auth/cloud-platform']).accessToken,
    );
    const r = await noScope.get('/apps/reseller/v1/subscriptions');
    expect(r.status).toBe(403);
    expect(r.body.error.errors[0].reason).toBe('insufficientPermissions');
    const noCloud = api(sb, sb.admin.mintTokens('agent1@reseller-a.example', ['openid']).accessToken);
    const c = await noCloud.get('/v2/caseClassifications:search');
    expect(c.status).toBe(403);
    expect(c.body.error.details[0].reason).toBe('ACCESS_TOKEN_SCOPE_INSUFFICIENT');
  });
});

describe('Cloud Resource Manager v3 organizations:search', () => {
  it('finds the reseller domain org and customer orgs by domain: and directorycustomerid:', async () => {
    const own = SearchOrganizationsResponseSchema.parse(
      (await a.get(`/v3/organizations:search?query=${enc('domain:reseller-a.example')}`)).body,
    );
    expect(own.organizations?.[0]?.name).toBe(sb.admin.resellerOrganization('reseller-a.example'));
    const c = customerWhere(sb, 'reseller-a.example', (x) => x.readers.includes('agent1@reseller-a.example'));
    const byId = (await a.get(`/v3/organizations:search?query=${enc(`directorycustomerid:${c.customerId}`)}`)).body;
    expect(byId.organizations).toEqual([
      expect.objectContaining({ name: c.organization, directoryCustomerId: c.customerId, displayName: c.customerDomain, state: 'ACTIVE' }),
    ]);
    const byDomain = (await a.get(`/v3/organizations:search?query=${enc(`domain:${c.customerDomain}`)}`)).body;
    expect(byDomain.organizations[0].name).toBe(c.organization);
    const all = (await a.get('/v3/organizations:search')).body.organizations;
    expect(all.length).toBe(1 + sb.admin.customers().filter((x) => x.readers.includes('agent1@reseller-a.example')).length);
    expect((await a.get(`/v3/${c.organization}`)).body.name).toBe(c.organization);
  });

  it("never shows another domain's organizations", async () => {
    const foreign = customerWhere(sb, 'reseller-b.example', (x) => !x.transferred);
    expect((await a.get(`/v3/organizations:search?query=${enc(`domain:${foreign.customerDomain}`)}`)).body).toEqual({});
    expect((await a.get(`/v3/organizations:search?query=${enc('domain:reseller-b.example')}`)).body).toEqual({});
    expect((await a.get(`/v3/${foreign.organization}`)).status).toBe(403);
    expect((await a.get(`/v3/organizations:search?query=${enc('name:x')}`)).status).toBe(400);
  });
});

describe('status feed and capabilities', () => {
  it('serves current and recent incidents in the status dashboard shape', async () => {
    const r = await http(`${sb.baseUrl}/status/incidents.json`);
    const feed = IncidentFeedSchema.parse(r.body);
    expect(feed.some((i) => i.end === undefined)).toBe(true);
    expect(feed.some((i) => i.end !== undefined)).toBe(true);
    expect(feed.some((i) => i.service_name === 'Gmail')).toBe(true);
  });

  it('declares every extension, all off by default, plus limits and the undocumented choices', async () => {
    const caps = SandboxCapabilitiesSchema.parse((await http(`${sb.baseUrl}/sandbox/capabilities`)).body);
    expect(Object.keys(caps.extensions).sort()).toEqual([
      'adminEndpoint',
      'helpCenter',
      'reopen',
      'resellerAggregatedSearch',
      'supportProfileField',
    ]);
    expect(Object.values(caps.extensions).every((e) => !e.enabled && e.description.length > 20)).toBe(true);
    expect(caps.reopenWindowDays).toBe(14);
    expect(caps.maxAttachmentBytes).toBe(1234);
    expect(caps.searchOrder).toMatch(/updateTime ascending/);
    expect(caps.undocumented.length).toBeGreaterThan(5);
    expect(sb.adminUrl).toBeUndefined();
    // An extension that is off has no route: reopen is Google's 404.
    const org = customerWhere(sb, 'reseller-a.example', (x) => x.writers.includes('agent1@reseller-a.example')).organization;
    const one = (await a.get(`/v2/${org}/cases?pageSize=1`)).body.cases[0];
    expect((await a.post(`/v2/${one.name}:reopen`, {})).status).toBe(404);
  });

  it('keeps the helpCenter extension off unless started with it (Google has no help API)', async () => {
    const caps = SandboxCapabilitiesSchema.parse((await http(`${sb.baseUrl}/sandbox/capabilities`)).body);
    expect(caps.extensions['helpCenter']?.enabled).toBe(false);
    expect((await http(`${sb.baseUrl}${HELP_SEARCH_PATH}?query=gmail`)).status).toBe(404);
  });

  it('has two months of resolved incidents as history', async () => {
    const feed = IncidentFeedSchema.parse((await http(`${sb.baseUrl}/status/incidents.json`)).body);
    const ended = feed.filter((i) => i.end !== undefined);
    expect(ended.length).toBeGreaterThanOrEqual(5);
    expect(new Set(ended.map((i) => i.service_key)).size).toBeGreaterThanOrEqual(4);
  });
});

describe('helpCenter extension (on)', () => {
  let on: SandboxHandle;
  beforeAll(async () => {
    on = await startTestSandbox({ seed: 'help', extensions: ['helpCenter'] });
  });
  afterAll(() => on.close());

  it('finds articles from a description in any of the five languages and answers in the asked one', async () => {
    const search = async (query: string, languageCode: string) =>
      SearchHelpArticlesResponseSchema.parse(
        (await http(`${on.baseUrl}${HELP_SEARCH_PATH}?query=${enc(query)}&languageCode=${languageCode}`)).body,
      ).articles;
    expect((await search('users cannot sign in after a password reset', 'en'))[0]?.id).toBe('sign-in-problems');
    const zh = await search('使用者無法登入', 'zh-TW');
    expect(zh[0]).toMatchObject({ id: 'sign-in-problems', languageCode: 'zh-TW', title: '使用者無法登入' });
    expect((await search('郵件傳送延遲', 'fr'))[0]).toMatchObject({ id: 'mail-delivery-delays', languageCode: 'fr' });
    expect(await search('xyzzy', 'en')).toEqual([]);
    expect((await http(`${on.baseUrl}${HELP_SEARCH_PATH}?query=x&pageSize=99`)).status).toBe(400);
  });
});
