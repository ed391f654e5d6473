/* eslint-disable @typescript-eslint/no-explicit-any -- the suite navigates arbitrary JSON responses */
import { createHash, randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { GoogleErrorSchema } from '../../../shared/api';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../../electron/sandbox/index';

// Shared helpers for the sandbox conformance suite: everything goes over real
// HTTP on 127.0.0.1 with global fetch.

export const REDIRECT_URI = 'http://127.0.0.1:53123/callback';
export const ALL_SCOPES =
  'openid email profile https://www.googleapis.com/auth/cloud-platform https://www.googleapis.com/auth/apps.order.readonly';

export async function startTestSandbox(opts: SandboxOptions = {}): Promise<SandboxHandle> {
  return startSandbox({ seed: 'conformance', supportSimulation: { enabled: false }, ...opts });
}

export interface HttpResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export async function http<T = any>(url: string, init: RequestInit = {}): Promise<HttpResult<T>> {
  const res = await fetch(url, { redirect: 'manual', ...init });
  const text = await res.text();
  let body: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('json') && text !== '') body = JSON.parse(text);
  return { status: res.status, headers: res.headers, body: body as T, text };
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authUrl(sb: SandboxHandle, params: Record<string, string>): string {
  const u = new URL(`${sb.issuer}/auth`);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.toString();
}

export function requestIdOf(html: string): string {
  const m = /name="request_id" value="([^"]+)"/.exec(html);
  if (m?.[1] === undefined) throw new Error(`no request_id in sign-in page: ${html.slice(0, 200)}`);
  return m[1];
}

export async function submitSignIn(sb: SandboxHandle, requestId: string, fields: Record<string, string>): Promise<HttpResult<string>> {
  return http<string>(`${sb.issuer}/auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ request_id: requestId, ...fields }).toString(),
  });
}

export async function tokenRequest(sb: SandboxHandle, form: Record<string, string>): Promise<HttpResult<any>> {
  return http(`${sb.issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: sb.desktopClientId, ...form }).toString(),
  });
}

export interface SignInResult {
  code: string;
  verifier: string;
  tokens: any;
}

/** The full browser flow: authorization page, pick the account, exchange the code with PKCE. */
export async function signIn(sb: SandboxHandle, email: string, extra: Record<string, string> = {}): Promise<SignInResult> {
  const { verifier, challenge } = pkcePair();
  const page = await http<string>(
    authUrl(sb, {
      client_id: sb.desktopClientId,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: ALL_SCOPES,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state: 'st-1',
      ...extra,
    }),
  );
  if (page.status !== 200) throw new Error(`auth page answered ${page.status}: ${page.text.slice(0, 200)}`);
  const redirect = await submitSignIn(sb, requestIdOf(page.body), { login_email: email });
  const location = new URL(redirect.headers.get('location') ?? '');
  const code = location.searchParams.get('code') ?? '';
  const tokens = await tokenRequest(sb, { grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: REDIRECT_URI });
  if (tokens.status !== 200) throw new Error(`token exchange failed: ${tokens.text}`);
  return { code, verifier, tokens: tokens.body };
}

export interface Api {
  token: string;
  get<T = any>(path: string): Promise<HttpResult<T>>;
  post<T = any>(path: string, body?: unknown): Promise<HttpResult<T>>;
  patch<T = any>(path: string, body: unknown): Promise<HttpResult<T>>;
  raw<T = any>(path: string, init: RequestInit): Promise<HttpResult<T>>;
}

export function api(sb: SandboxHandle, token: string): Api {
  const auth = { authorization: `Bearer ${token}` };
  const call = <T>(path: string, init: RequestInit): Promise<HttpResult<T>> =>
    http<T>(`${sb.baseUrl}${path}`, { ...init, headers: { ...auth, ...(init.headers as Record<string, string> | undefined) } });
  const withBody =
    (method: string) =>
    <T>(path: string, body?: unknown): Promise<HttpResult<T>> =>
      call<T>(
        path,
        body === undefined
          ? { method }
          : { method, headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) },
      );
  return { token, get: (path) => call(path, {}), post: withBody('POST'), patch: withBody('PATCH'), raw: call };
}

/** Signs in without the browser (the browser flow has its own tests). */
export function apiFor(sb: SandboxHandle, email: string): Api {
  return api(sb, sb.admin.mintTokens(email).accessToken);
}

export function customerWhere(
  sb: SandboxHandle,
  domain: string,
  pred: (c: ReturnType<SandboxHandle['admin']['customers']>[number]) => boolean,
) {
  const c = sb.admin.customers().find((x) => x.resellerDomain === domain && pred(x));
  if (c === undefined) throw new Error(`no matching customer in ${domain}`);
  return c;
}

export const enc = (q: string): string => encodeURIComponent(q);

/** A valid classification id, looked up through the API itself. */
export async function someClassificationId(a: Api): Promise<string> {
  const r = await a.get('/v2/caseClassifications:search?pageSize=1');
  return r.body.caseClassifications[0].id as string;
}

export async function createCase(a: Api, org: string, overrides: Record<string, unknown> = {}): Promise<HttpResult<any>> {
  return a.post(`/v2/${org}/cases`, {
    displayName: 'Printer not showing on managed Chromebooks',
    description: 'The printer configured in the Admin console is missing on 12 devices.',
    classification: { id: await someClassificationId(a) },
    priority: 'P3',
    timeZone: 'Europe/Paris',
    ...overrides,
  });
}

/** Asserts Google's error envelope with the given HTTP status and canonical code; returns its `error`. */
export function expectError(r: { status: number; body: unknown }, status: number, canonical: string): any {
  expect(r.status).toBe(status);
  const e = GoogleErrorSchema.parse(r.body);
  expect(e.error.status).toBe(canonical);
  expect(e.error.code).toBe(status);
  return e.error;
}
