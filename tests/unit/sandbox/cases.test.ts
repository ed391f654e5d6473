/* eslint-disable @typescript-eslint/no-explicit-any -- the suite navigates arbitrary JSON responses */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CaseSchema, SearchCaseClassificationsResponseSchema, isRfc3339 } from '../../../shared/api';
import type { SandboxHandle } from '../../../electron/sandbox/index';
import { apiFor, createCase, customerWhere, enc, expectError, type Api, startTestSandbox } from './helpers';

const AGENT = 'agent1@reseller-a.example';
let sb: SandboxHandle;
let a: Api; // agent of reseller-a.example
let premiumOrg: string;
let standardOrg: string;

beforeAll(async () => {
  sb = await startTestSandbox({ extensions: ['reopen'] });
  a = apiFor(sb, AGENT);
  premiumOrg = customerWhere(sb, 'reseller-a.example', (c) => c.writers.includes(AGENT) && c.premium).organization;
  standardOrg = customerWhere(sb, 'reseller-a.example', (c) => c.writers.includes(AGENT) && !c.premium).organization;
});
afterAll(() => sb.close());
// Access tokens expire on the sandbox clock, which some tests push forward by weeks.
beforeEach(() => {
  a = apiFor(sb, AGENT);
});

describe('cases.get / list / create (proto3-JSON)', () => {
  it('creates a case under a customer organization and returns proto3-JSON', async () => {
    const r = await createCase(a, standardOrg, { subscriberEmailAddresses: ['it@customer.example'] });
    expect(r.status).toBe(200);
    const c = CaseSchema.parse(r.body);
    expect(c.name).toMatch(new RegExp(`^${standardOrg}/cases/\\d{8}$`));
    expect(c.state).toBe('NEW');
    expect(c.priority).toBe('P3');
    expect(c.creator).toMatchObject({ email: 'agent1@reseller-a.example', username: 'agent1@reseller-a.example' });
    expect(isRfc3339(c.createTime ?? '')).toBe(true);
    expect(c.createTime?.endsWith('Z')).toBe(true);
    expect(c.classification?.displayName).toContain('Google Workspace');
    // Defaults are omitted, not sent as false / "".
    expect('escalated' in r.body).toBe(false);
    expect('testCase' in r.body).toBe(false);
    expect('languageCode' in r.body).toBe(false);
    const got = await a.get(`/v2/${c.name}`);
    expect(got.body).toEqual(r.body);
  });

  it('accepts snake_case input keys like Google samples send', async () => {
    const cls = (await a.get('/v2/caseClassifications:search?pageSize=1')).body.caseClassifications[0].id;
    const r = await a.post(`/v2/${standardOrg}/cases`, {
      display_name: 'Snake case',
      description: 'd',
      classification: { id: cls },
      priority: 'P4',
      subscriber_email_addresses: ['x@y.example'],
      testCase: true,
      time_zone: '-07:00',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      displayName: 'Snake case',
      subscriberEmailAddresses: ['x@y.example'],
      testCase: true,
      timeZone: '-07:00',
    });
  });

  it('rejects unknown fields, wrong types and missing required fields with INVALID_ARGUMENT and field violations', async () => {
    const unknown = await createCase(a, standardOrg, { colour: 'blue' });
    expect(expectError(unknown, 400, 'INVALID_ARGUMENT').message).toContain('colour');
    const wrongType = await createCase(a, standardOrg, { priority: 3 });
    expectError(wrongType, 400, 'INVALID_ARGUMENT');
    const badEnum = await createCase(a, standardOrg, { priority: 'P9' });
    expectError(badEnum, 400, 'INVALID_ARGUMENT');
    const missing = await a.post(`/v2/${standardOrg}/cases`, { description: 'only a description' });
    const err = expectError(missing, 400, 'INVALID_ARGUMENT');
    const fields = err.details[0].fieldViolations.map((v: any) => v.field);
    expect(fields).toEqual(expect.arrayContaining(['case.display_name', 'case.classification.id', 'case.priority']));
    expectError(await createCase(a, standardOrg, { classification: { id: 'NOPE' } }), 400, 'INVALID_ARGUMENT');
    expectError(await a.post(`/v2/${standardOrg}/cases`, '{"displayName": '), 400, 'INVALID_ARGUMENT');
    expectError(await a.post(`/v2/${standardOrg}/cases`, '[1,2]'), 400, 'INVALID_ARGUMENT');
    expectError(await a.get(`/v2/${standardOrg}/cases?bogus=1`), 400, 'INVALID_ARGUMENT');
  });

  it('cases.list returns direct cases of a customer; empty results are {}', async () => {
    const r = await a.get(`/v2/${premiumOrg}/cases?pageSize=5`);
    expect(r.status).toBe(200);
    expect(r.body.cases.length).toBe(5);
    expect(r.body.cases.every((c: any) => c.name.startsWith(`${premiumOrg}/cases/`))).toBe(true);
    expect(typeof r.body.nextPageToken).toBe('string');
    const none = await a.get(`/v2/${premiumOrg}/cases?filter=${enc('creator.email="nobody@nowhere.example"')}`);
    expect(none.body).toEqual({});
  });

  it('unknown case → 404 NOT_FOUND', async () => {
    expectError(await a.get(`/v2/${standardOrg}/cases/99999999`), 404, 'NOT_FOUND');
  });
});

describe('cases.patch update-mask rules', () => {
  it('applies only the masked fields (snake_case or camelCase paths)', async () => {
    const c = (await createCase(a, standardOrg, { subscriberEmailAddresses: ['keep@x.example'] })).body;
    const r = await a.patch(`/v2/${c.name}?updateMask=priority`, { priority: 'P1', displayName: 'ignored' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ priority: 'P1', displayName: c.displayName, subscriberEmailAddresses: ['keep@x.example'] });
    expect(Date.parse(r.body.updateTime)).toBeGreaterThan(Date.parse(c.updateTime));
    const r2 = await a.patch(`/v2/${c.name}?updateMask=displayName,subscriber_email_addresses`, {
      displayName: 'Renamed',
      subscriberEmailAddresses: ['a@b.example', 'c@d.example'],
    });
    expect(r2.body).toMatchObject({ displayName: 'Renamed', priority: 'P1', subscriberEmailAddresses: ['a@b.example', 'c@d.example'] });
  });

  it('a patch without a mask clears the patchable fields missing from the body', async () => {
    const c = (await createCase(a, standardOrg, { subscriberEmailAddresses: ['gone@x.example'] })).body;
    const r = await a.patch(`/v2/${c.name}`, { priority: 'P2', displayName: 'Still here' });
    expect(r.status).toBe(200);
    expect(r.body.priority).toBe('P2');
    expect(r.body.displayName).toBe('Still here');
    expect(r.body.subscriberEmailAddresses).toBeUndefined();
  });

  it('rejects unsupported mask paths and leaves the case untouched', async () => {
    const c = (await createCase(a, standardOrg)).body;
    const r = await a.patch(`/v2/${c.name}?updateMask=description`, { description: 'new' });
    expectError(r, 400, 'INVALID_ARGUMENT');
    expect(sb.admin.getCase(c.name)).toEqual(c);
  });
});

describe('close, reopen and escalate', () => {
  it('closes once; closing again fails clearly with FAILED_PRECONDITION', async () => {
    const c = (await createCase(a, standardOrg)).body;
    const closed = await a.post(`/v2/${c.name}:close`);
    expect(closed.body.state).toBe('CLOSED');
    const again = await a.post(`/v2/${c.name}:close`, {});
    expect(expectError(again, 400, 'FAILED_PRECONDITION').message).toMatch(/already closed/);
    expectError(await a.patch(`/v2/${c.name}?updateMask=priority`, { priority: 'P1' }), 400, 'FAILED_PRECONDITION');
    expectError(await a.post(`/v2/${c.name}:close`, { reason: 'x' }), 400, 'INVALID_ARGUMENT');
  });

  it('reopens within the window and refuses after it (sandbox clock)', async () => {
    const c = (await createCase(a, standardOrg)).body;
    expectError(await a.post(`/v2/${c.name}:reopen`), 400, 'FAILED_PRECONDITION');
    await a.post(`/v2/${c.name}:close`);
    sb.admin.advanceClock(29 * 86_400_000);
    a = apiFor(sb, AGENT);
    const reopened = await a.post(`/v2/${c.name}:reopen`);
    expect(reopened.status).toBe(200);
    expect(reopened.body.state).toBe('NEW');
    await a.post(`/v2/${c.name}:close`);
    sb.admin.advanceClock(31 * 86_400_000);
    a = apiFor(sb, AGENT);
    const late = await a.post(`/v2/${c.name}:reopen`);
    expect(expectError(late, 400, 'FAILED_PRECONDITION').message).toMatch(/more than 30 days/);
  });

  it('escalates only Premium customers, and only with reason and justification', async () => {
    const premium = (await createCase(a, premiumOrg)).body;
    const standard = (await createCase(a, standardOrg)).body;
    const body = { escalation: { reason: 'BUSINESS_IMPACT', justification: 'Payroll run blocked.' } };
    const noReason = await a.post(`/v2/${premium.name}:escalate`, { escalation: { justification: 'x' } });
    expect(expectError(noReason, 400, 'INVALID_ARGUMENT').details[0].fieldViolations[0].field).toBe('escalation.reason');
    expectError(await a.post(`/v2/${premium.name}:escalate`, { escalation: { reason: 'RESOLUTION_TIME' } }), 400, 'INVALID_ARGUMENT');
    expectError(
      await a.post(`/v2/${premium.name}:escalate`, { escalation: { reason: 'SOMETHING', justification: 'x' } }),
      400,
      'INVALID_ARGUMENT',
    );
    const ok = await a.post(`/v2/${premium.name}:escalate`, body);
    expect(ok.status).toBe(200);
    expect(ok.body.escalated).toBe(true);
    const std = await a.post(`/v2/${standard.name}:escalate`, body);
    expect(expectError(std, 400, 'FAILED_PRECONDITION').message).toMatch(/support offering/);
    expect(sb.admin.getCase(standard.name)?.escalated).toBeUndefined();
  });
});

describe('caseClassifications.search', () => {
  it('lists about 30 Workspace categories and filters with display_name:"*…*"', async () => {
    const all = SearchCaseClassificationsResponseSchema.parse((await a.get('/v2/caseClassifications:search?pageSize=100')).body);
    expect(all.caseClassifications?.length).toBeGreaterThanOrEqual(28);
    const mail = await a.get(`/v2/caseClassifications:search?query=${enc('display_name:"*Gmail*"')}`);
    expect(mail.body.caseClassifications.length).toBeGreaterThan(2);
    expect(mail.body.caseClassifications.every((c: any) => c.displayName.includes('Gmail'))).toBe(true);
    const page1 = await a.get('/v2/caseClassifications:search');
    expect(page1.body.caseClassifications.length).toBe(10);
    const page2 = await a.get(`/v2/caseClassifications:search?pageToken=${enc(page1.body.nextPageToken)}`);
    expect(page2.body.caseClassifications[0].id).not.toBe(page1.body.caseClassifications[0].id);
    expectError(await a.get(`/v2/caseClassifications:search?query=${enc('colour:"x"')}`), 400, 'INVALID_ARGUMENT');
  });
});
