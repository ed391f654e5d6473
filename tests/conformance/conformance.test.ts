import { CodeChallengeMethod, OAuth2Client } from 'google-auth-library';
import { cloudresourcemanager } from 'googleapis/build/src/apis/cloudresourcemanager';
import { cloudsupport, type cloudsupport_v2 } from 'googleapis/build/src/apis/cloudsupport';
import { reseller } from 'googleapis/build/src/apis/reseller';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../electron/sandbox/index';
import { loadDiscovery, validate, validateErrorEnvelope, type DiscoveryDoc } from './discovery';

// The sandbox, driven black-box by Google's own Node client (googleapis +
// google-auth-library), with every extension off. Every response is checked
// against the schemas of Google's discovery documents: an unknown field, a
// wrong type or an enum value Google does not list fails the suite.

const REVISIONS = { 'cloudsupport:v2': '20240303', 'reseller:v1': '20230618', 'cloudresourcemanager:v3': '20230806' };
const CS = loadDiscovery('cloudsupport-v2');
const RS = loadDiscovery('reseller-v1');
const CRM = loadDiscovery('cloudresourcemanager-v3');
const REDIRECT = 'http://127.0.0.1:53999/callback';
const SCOPES = ['openid', 'email', 'https://www.googleapis.com/auth/cloud-platform', 'https://www.googleapis.com/auth/apps.order.readonly'];
const AGENT = 'agent1@reseller-a.example';

let sb: SandboxHandle;
let auth: OAuth2Client;
let cs: cloudsupport_v2.Cloudsupport;
let rs: ReturnType<typeof reseller>;
let crm: ReturnType<typeof cloudresourcemanager>;

function oauthClient(): OAuth2Client {
  return new OAuth2Client({
    clientId: sb.desktopClientId,
    redirectUri: REDIRECT,
    issuers: [sb.issuer],
    endpoints: {
      oauth2AuthBaseUrl: `${sb.issuer}/auth`,
      oauth2TokenUrl: `${sb.issuer}/token`,
      oauth2RevokeUrl: `${sb.issuer}/revoke`,
      oauth2FederatedSignonPemCertsUrl: `${sb.issuer}/v1/certs`,
      oauth2FederatedSignonJwkCertsUrl: `${sb.issuer}/certs`,
    },
  });
}

/** The browser's part of the sign-in: open the URL, pick the account, follow the redirect. */
async function browserSignIn(url: string, email: string): Promise<URL> {
  const page = await fetch(url);
  const html = await page.text();
  const requestId = /name="request_id" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const back = await fetch(`${sb.issuer}/auth`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ request_id: requestId, login_email: email }).toString(),
  });
  return new URL(back.headers.get('location') ?? '');
}

async function signedInClient(email: string): Promise<OAuth2Client> {
  const client = oauthClient();
  const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
  const url = client.generateAuthUrl({
    scope: SCOPES,
    access_type: 'offline',
    code_challenge_method: CodeChallengeMethod.S256,
    ...(codeChallenge === undefined ? {} : { code_challenge: codeChallenge }),
    state: 'conformance',
    login_hint: email,
    hd: email.split('@')[1] ?? '',
  });
  const code = (await browserSignIn(url, email)).searchParams.get('code') ?? '';
  const { tokens } = await client.getToken({ code, codeVerifier });
  client.setCredentials(tokens);
  return client;
}

function expectValid(doc: DiscoveryDoc, schema: string, value: unknown): void {
  expect(validate(doc, schema, value)).toEqual([]);
}

/** The error a googleapis call failed with: its HTTP status and body, the body checked as Google's envelope. */
async function failure(call: Promise<unknown>): Promise<{ status: number; body: { error: Record<string, unknown> } }> {
  try {
    await call;
  } catch (e) {
    const res = (e as { response?: { status: number; data: unknown } }).response;
    if (res === undefined) throw e;
    expect(validateErrorEnvelope(res.data, res.status)).toEqual([]);
    return { status: res.status, body: res.data as { error: Record<string, unknown> } };
  }
  throw new Error('the call succeeded');
}

const customer = (pred: (c: ReturnType<SandboxHandle['admin']['customers']>[number]) => boolean) => {
  const found = sb.admin.customers().find((c) => c.resellerDomain === 'reseller-a.example' && pred(c));
  if (found === undefined) throw new Error('no such customer in the demo world');
  return found;
};

beforeAll(async () => {
  sb = await startSandbox({ seed: 'conformance', cases: 3000, supportSimulation: { enabled: false } });
  auth = await signedInClient(AGENT);
  const rootUrl = `${sb.baseUrl}/`;
  cs = cloudsupport({ version: 'v2', auth, rootUrl });
  rs = reseller({ version: 'v1', auth, rootUrl });
  crm = cloudresourcemanager({ version: 'v3', auth, rootUrl });
});
afterAll(() => sb?.close());

describe('discovery documents', () => {
  it('are the recorded revisions (an update is a visible change)', () => {
    expect({ [CS.id]: CS.revision, [RS.id]: RS.revision, [CRM.id]: CRM.revision }).toEqual(REVISIONS);
  });

  it('are no older than what googleapis was generated from: every schema field exists in its types', async () => {
    const { readFile } = await import('node:fs/promises');
    for (const [doc, api] of [
      [CS, 'cloudsupport/v2'],
      [RS, 'reseller/v1'],
      [CRM, 'cloudresourcemanager/v3'],
    ] as const) {
      const dts = await readFile(`node_modules/googleapis/build/src/apis/${api}.d.ts`, 'utf8');
      for (const [name, schema] of Object.entries(doc.schemas)) {
        const body = new RegExp(`interface Schema\\$${name} \\{([\\s\\S]*?)\\n {4}\\}`).exec(dts)?.[1] ?? '';
        const fields = new Set([...body.matchAll(/^\s{8}(\w+)\?:/gm)].map((m) => m[1]));
        for (const prop of Object.keys(schema.properties ?? {})) expect(fields.has(prop), `${doc.id} ${name}.${prop}`).toBe(true);
      }
    }
  });
});

describe('OAuth and OpenID Connect with google-auth-library', () => {
  it('PKCE sign-in gives tokens; the ID token verifies against the PEM certificates and against the JWKS', async () => {
    const creds = auth.credentials;
    expect(creds.refresh_token).toMatch(/^1\/\//);
    expect(creds.scope?.split(' ')).toEqual(expect.arrayContaining(SCOPES));
    const ticket = await auth.verifyIdToken({ idToken: creds.id_token ?? '', audience: sb.desktopClientId });
    expect(ticket.getPayload()).toMatchObject({ email: AGENT, hd: 'reseller-a.example', iss: sb.issuer });
    // google-auth-library reads the JWKS only in browsers; jose checks the same token against it.
    const viaJwks = await jwtVerify(creds.id_token ?? '', createRemoteJWKSet(new URL(`${sb.issuer}/certs`)), {
      issuer: sb.issuer,
      audience: sb.desktopClientId,
    });
    expect(viaJwks.payload.sub).toBe(ticket.getPayload()?.sub);
    const pem = (await (await fetch(`${sb.issuer}/v1/certs`)).json()) as Record<string, string>;
    expect(Object.values(pem)[0]).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });

  it('refreshes an expired access token, reads userinfo, and revocation ends the grant', async () => {
    const client = await signedInClient('agent2@reseller-a.example');
    const first = client.credentials.access_token;
    client.setCredentials({ ...client.credentials, expiry_date: Date.now() - 1000 });
    const { token } = await client.getAccessToken();
    expect(token).toBeDefined();
    expect(token).not.toBe(first);
    const info = await client.request<{ email: string; sub: string }>({ url: `${sb.issuer}/userinfo` });
    expect(info.data.email).toBe('agent2@reseller-a.example');
    await client.revokeToken(client.credentials.refresh_token ?? '');
    const again = oauthClient();
    again.setCredentials({ refresh_token: client.credentials.refresh_token ?? '' });
    await expect(again.getAccessToken()).rejects.toThrow(/invalid_grant/);
  });
});

describe('Cloud Support v2 through googleapis', () => {
  let org: string;
  let classificationId: string;
  beforeAll(async () => {
    org = customer((c) => c.writers.includes(AGENT) && c.premium).organization;
    const cls = await cs.caseClassifications.search({ query: 'display_name:"*Gmail*"', pageSize: 5 });
    expectValid(CS, 'SearchCaseClassificationsResponse', cls.data);
    classificationId = cls.data.caseClassifications?.[0]?.id ?? '';
  });

  it('lists and searches with filters and paging; every page validates', async () => {
    const seen = new Set<string>();
    let pageToken: string | undefined;
    do {
      const page = await cs.cases.list({ parent: org, filter: 'state=OPEN', pageSize: 3, ...(pageToken ? { pageToken } : {}) });
      expectValid(CS, 'ListCasesResponse', page.data);
      for (const c of page.data.cases ?? []) seen.add(c.name ?? '');
      pageToken = page.data.nextPageToken ?? undefined;
    } while (pageToken);
    expect(seen.size).toBeGreaterThan(3);
    const filtered = await cs.cases.list({ parent: org, filter: 'state=OPEN AND (priority=P1 OR priority=P2)' });
    expectValid(CS, 'ListCasesResponse', filtered.data);
    const search = await cs.cases.search({ parent: org, query: '"mail" AND state=OPEN', pageSize: 50 });
    expectValid(CS, 'SearchCasesResponse', search.data);
    const since = await cs.cases.search({ parent: org, query: `update_time>"2000-01-01T00:00:00Z"`, pageSize: 3 });
    expect(since.data.cases?.length).toBe(3);
    const partial = await cs.cases.search({ parent: org, pageSize: 3, fields: 'cases(name,updateTime),nextPageToken' });
    expectValid(CS, 'SearchCasesResponse', partial.data);
    for (const c of partial.data.cases ?? []) expect(Object.keys(c).sort()).toEqual(['name', 'updateTime']);
  });

  it('creates, gets, patches with and without updateMask, comments, uploads and downloads, escalates and closes', async () => {
    const created = await cs.cases.create({
      parent: org,
      requestBody: {
        displayName: 'Conformance case',
        description: 'Made by googleapis.',
        classification: { id: classificationId },
        priority: 'P3',
        timeZone: 'Europe/Paris',
      },
    });
    expectValid(CS, 'Case', created.data);
    const name = created.data.name ?? '';
    expect(created.data.creator?.username).toBe(AGENT);
    expectValid(CS, 'Case', (await cs.cases.get({ name })).data);
    const masked = await cs.cases.patch({ name, updateMask: 'priority', requestBody: { priority: 'P2', displayName: 'ignored' } });
    expect(masked.data).toMatchObject({ priority: 'P2', displayName: 'Conformance case' });
    const unmasked = await cs.cases.patch({ name, requestBody: { priority: 'P1', displayName: 'Renamed' } });
    expectValid(CS, 'Case', unmasked.data);
    expect(unmasked.data).toMatchObject({ priority: 'P1', displayName: 'Renamed' });

    const comment = await cs.cases.comments.create({ parent: name, requestBody: { body: 'Hello from googleapis.' } });
    expectValid(CS, 'Comment', comment.data);
    const comments = await cs.cases.comments.list({ parent: name, pageSize: 10 });
    expectValid(CS, 'ListCommentsResponse', comments.data);
    expect(comments.data.comments?.[0]?.body).toBe('Hello from googleapis.');
    const oneComment = await cs.cases.comments.get({ name: comment.data.name ?? '' });
    expectValid(CS, 'Comment', oneComment.data);
    expect(oneComment.data).toEqual(comment.data);

    const rootUrl = `${sb.baseUrl}/`;
    const multipart = await cs.media.upload(
      {
        parent: name,
        requestBody: { attachment: { filename: 'headers.txt' } },
        media: { mimeType: 'text/plain', body: Readable.from(['Received: by mx']) },
      },
      { rootUrl },
    );
    expectValid(CS, 'Attachment', multipart.data);
    expect(multipart.data).toMatchObject({ filename: 'headers.txt', mimeType: 'text/plain', sizeBytes: '15' });
    const simple = await cs.media.upload(
      {
        parent: name,
        media: { mimeType: 'image/png', body: Readable.from([Buffer.from([137, 80, 78, 71])]) },
        'attachment.filename': 'shot.png',
      } as never,
      { rootUrl },
    );
    expectValid(CS, 'Attachment', simple.data);
    const list = await cs.cases.attachments.list({ parent: name });
    expectValid(CS, 'ListAttachmentsResponse', list.data);
    expect(list.data.attachments?.map((a) => a.filename).sort()).toEqual(['headers.txt', 'shot.png']);
    const oneAttachment = await cs.cases.attachments.get({ name: simple.data.name ?? '' });
    expectValid(CS, 'Attachment', oneAttachment.data);
    expect(oneAttachment.data).toEqual(simple.data);
    const bytes = await cs.media.download({ name: multipart.data.name ?? '', alt: 'media' }, { responseType: 'arraybuffer' });
    expect(Buffer.from(bytes.data as unknown as ArrayBuffer).toString()).toBe('Received: by mx');

    const escalated = await cs.cases.escalate({
      name,
      requestBody: { escalation: { reason: 'BUSINESS_IMPACT', justification: 'Payroll blocked.' } },
    });
    expectValid(CS, 'Case', escalated.data);
    expect(escalated.data.escalated).toBe(true);
    const closed = await cs.cases.close({ name, requestBody: {} });
    expectValid(CS, 'Case', closed.data);
    expect(closed.data.state).toBe('CLOSED');
  });

  it('answers errors in Google envelopes: 400, 403 (no grant), 404, 401', async () => {
    const bad = await failure(cs.cases.list({ parent: org, filter: 'colour=blue' }));
    expect(bad.status).toBe(400);
    const none = customer((c) => c.authorized && !c.transferred && c.readers.length === 0);
    const denied = await failure(cs.cases.list({ parent: none.organization }));
    expect(denied).toMatchObject({ status: 403, body: { error: { status: 'PERMISSION_DENIED' } } });
    const missing = await failure(cs.cases.get({ name: `${org}/cases/1` }));
    expect(missing.status).toBe(404);
    const anon = cloudsupport({ version: 'v2', rootUrl: `${sb.baseUrl}/` });
    expect((await failure(anon.caseClassifications.search({}))).status).toBe(401);
  });
});

describe('Reseller v1 and Resource Manager v3 through googleapis', () => {
  it('subscriptions.list pages; customers.get and subscriptions.get validate', async () => {
    const first = await rs.subscriptions.list({ maxResults: 5 });
    expectValid(RS, 'Subscriptions', first.data);
    expect(first.data.nextPageToken).toBeTruthy();
    const sub =
      first.data.subscriptions?.find((s) => s.customerId === customer((c) => c.authorized && !c.transferred).customerId) ??
      first.data.subscriptions?.[0];
    const c = customer((x) => x.authorized && !x.transferred);
    const got = await rs.customers.get({ customerId: c.customerId });
    expectValid(RS, 'Customer', got.data);
    const subs = await rs.subscriptions.list({ customerId: c.customerId });
    const one = await rs.subscriptions.get({
      customerId: c.customerId,
      subscriptionId: subs.data.subscriptions?.[0]?.subscriptionId ?? '',
    });
    expectValid(RS, 'Subscription', one.data);
    expect(sub).toBeDefined();
  });

  it('organizations.search and get validate and show only granted organizations', async () => {
    const all = await crm.organizations.search({ pageSize: 100 });
    expectValid(CRM, 'SearchOrganizationsResponse', all.data);
    const granted = customer((c) => c.readers.includes(AGENT));
    const one = await crm.organizations.get({ name: granted.organization });
    expectValid(CRM, 'Organization', one.data);
    const hidden = customer((c) => c.readers.length === 0 && !c.transferred);
    expect((await failure(crm.organizations.get({ name: hidden.organization }))).status).toBe(403);
  });
});
