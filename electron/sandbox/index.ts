import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toRfc3339, type Case, type Comment } from '../../shared/api';
import { SandboxClock } from './clock';
import { Faults, parseFaultPatch, type FaultConfig } from './faults';
import { CAPABILITIES_PATH, STATUS_FEED_PATH, buildCapabilities, buildIncidents } from './feeds';
import { ApiError, LegacyApiError, errorInfo, errorReply, json, legacyErrorReply, readJsonBody, type Reply } from './http';
import { createHelpCenter, HELP_SEARCH_PATH } from './help-center';
import { DESKTOP_CLIENT_ID, OidcProvider } from './oidc';
import { ResellerApi } from './reseller-api';
import { Simulation } from './simulation';
import { Store } from './store';
import { SupportApi } from './support-api';
import { caseJson, commentJson } from './wire';

export type { FaultConfig } from './faults';
export { DEFAULT_FAULTS } from './faults';

export interface SandboxOptions {
  /** Default 0 = random; the host is always 127.0.0.1. */
  port?: number;
  /** Absent = in-memory; present = persisted atomically, a restart keeps everything. */
  dataDir?: string;
  /** Deterministic demo world. */
  seed?: number | string;
  /** World size (default 2,000; 100,000 for benchmarks). */
  cases?: number;
  /** Initial sandbox clock (ignored when restoring a data dir, whose clock resumes). */
  startTime?: Date;
  reopenWindowDays?: number;
  maxAttachmentBytes?: number;
  supportSimulation?: { enabled: boolean; pickUpAfterMs?: number; replyAfterMs?: number };
  faults?: Partial<FaultConfig>;
  extensions?: { helpCenter?: boolean }; // beyond Google's APIs; off by default (see /sandbox/capabilities)
}

export interface DemoAccount {
  email: string;
  domain: string;
  partner: string;
  displayName: string;
}

export interface CustomerInfo {
  customerId: string;
  customerDomain: string;
  resellerDomain: string;
  organization: string;
  authorized: boolean;
  transferred: boolean;
  premium: boolean;
}

export interface SandboxAdmin {
  setFaults(partial: Partial<FaultConfig>): Promise<void>;
  clearFaults(): Promise<void>;
  faults(): FaultConfig;
  setOffline(offline: boolean): Promise<void>;
  advanceClock(ms: number): void;
  now(): Date;
  /** Revokes every grant (refresh and access tokens) of a demo account; returns how many. */
  revokeGrantsFor(email: string): number;
  /** Forgets issued access tokens (all, or one account's) so clients must refresh. */
  expireAccessTokens(email?: string): void;
  /** Signs a demo account in without the browser (scopes default to everything the app needs). */
  mintTokens(email: string, scopes?: readonly string[]): { accessToken: string; refreshToken: string };
  /** Request counts per route name, e.g. "cases.search", "oauth2.token". */
  stats(): Record<string, number>;
  resetStats(): void;
  customers(): CustomerInfo[];
  resellerOrganization(domain: string): string | undefined;
  setCustomerAuthorized(customerId: string, authorized: boolean): void;
  /** Moves a customer to a reseller outside the sandbox: it disappears with its cases. */
  transferCustomer(customerId: string): void;
  getCase(caseName: string): Case | undefined;
  listAllComments(caseName: string): Comment[];
  caseCount(): number;
}

export interface SandboxHandle {
  baseUrl: string;
  issuer: string;
  adminUrl: string;
  adminToken: string;
  demoAccounts: ReadonlyArray<DemoAccount>;
  desktopClientId: string;
  admin: SandboxAdmin;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

export async function startSandbox(opts: SandboxOptions = {}): Promise<SandboxHandle> {
  const seed = String(opts.seed ?? 'demo');
  const startMs = opts.startTime?.getTime() ?? Date.now();
  const store = new Store(seed, opts.cases ?? 2000, startMs, opts.dataDir);
  const clock = new SandboxClock(store.savedNow ?? startMs);
  const reopenWindowDays = opts.reopenWindowDays ?? 30;
  const maxAttachmentBytes = opts.maxAttachmentBytes ?? 50 * 1024 * 1024;
  const persist = (): void => store.save(clock.now());
  const sim = new Simulation(
    store,
    clock,
    {
      enabled: opts.supportSimulation?.enabled ?? true,
      pickUpAfterMs: opts.supportSimulation?.pickUpAfterMs ?? 2 * 60_000,
      replyAfterMs: opts.supportSimulation?.replyAfterMs ?? 10 * 60_000,
    },
    persist,
  );
  const faults = new Faults(seed);
  const tokenSecret = `page-token:${store.world.seed}`;
  const stats = new Map<string, number>();
  const count = (name: string): void => void stats.set(name, (stats.get(name) ?? 0) + 1);

  const apiServer = createServer();
  const adminServer = createServer();
  hardenServer(apiServer);
  hardenServer(adminServer);
  await listen(apiServer, opts.port ?? 0);
  await listen(adminServer, 0);
  const apiPort = (apiServer.address() as AddressInfo).port;
  const baseUrl = `http://${HOST}:${apiPort}`;
  const issuer = `${baseUrl}/oauth2`;
  const adminUrl = `http://${HOST}:${(adminServer.address() as AddressInfo).port}/admin`;
  const adminToken = randomBytes(24).toString('base64url');
  const oidc = await OidcProvider.create(issuer, clock, store);
  const support = new SupportApi({ store, clock, sim, tokenSecret, maxAttachmentBytes, reopenWindowDays, persist });
  const reseller = new ResellerApi(store, tokenSecret);
  const incidents = buildIncidents(clock.now());
  const helpCenter = opts.extensions?.helpCenter === true ? createHelpCenter() : undefined;
  sim.processDue();

  let offline = false;
  const setOffline = async (value: boolean): Promise<void> => {
    faults.config.offline = value;
    if (value === offline) return;
    offline = value;
    if (value) {
      await new Promise<void>((resolve) => {
        apiServer.close(() => resolve());
        apiServer.closeAllConnections();
      });
    } else {
      await listen(apiServer, apiPort);
    }
  };

  const applyFaults = async (partial: Partial<FaultConfig>): Promise<void> => {
    faults.set(partial);
    oidc.accessTokenLifetimeSeconds = faults.config.accessTokenLifetimeSeconds;
    await setOffline(faults.config.offline);
  };
  await applyFaults(opts.faults ?? {});

  const route = async (req: IncomingMessage, url: URL, path: string, name: (n: string) => void): Promise<Reply> => {
    if (path === CAPABILITIES_PATH && req.method === 'GET') {
      name('sandbox.capabilities');
      return json(200, buildCapabilities({ reopenWindowDays, maxAttachmentBytes, now: clock.now(), helpCenter: helpCenter !== undefined }));
    }
    if (path === STATUS_FEED_PATH && req.method === 'GET') {
      name('status.incidents');
      return json(200, incidents);
    }
    if (path === HELP_SEARCH_PATH && req.method === 'GET' && helpCenter) return helpCenter.handle(url, name);
    if (path.startsWith('/oauth2/')) {
      const sub = path.slice('/oauth2'.length);
      name(`oauth2.${sub.slice(1).replace(/^\.well-known\/.*/, 'discovery')}`);
      return oidc.handle(req, url, sub);
    }
    const segs = (prefix: string): string[] =>
      path
        .slice(prefix.length)
        .split('/')
        .filter((s) => s !== '');
    if (path.startsWith('/v2/')) return support.handle(req, url, segs('/v2/'), oidc.authenticate(req, url), false, name);
    if (path.startsWith('/upload/v2/')) return support.handle(req, url, segs('/upload/v2/'), oidc.authenticate(req, url), true, name);
    if (path.startsWith('/v3/')) return reseller.handleCrm(req, url, segs('/v3/'), oidc.authenticate(req, url), name);
    if (path.startsWith('/apps/reseller/v1/')) {
      let principal;
      try {
        principal = oidc.authenticate(req, url);
      } catch {
        throw new LegacyApiError(401, 'authError', 'Invalid Credentials', 'UNAUTHENTICATED');
      }
      return reseller.handleReseller(req, url, segs('/apps/reseller/v1/'), principal, name);
    }
    throw new ApiError('NOT_FOUND', `The requested URL ${url.pathname} was not found on this server.`);
  };

  apiServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const method = req.method ?? 'GET';
      let routeName = `${method} (unmatched)`;
      let url: URL;
      let path: string;
      try {
        url = new URL(req.url ?? '/', baseUrl);
        path = decodeURIComponent(url.pathname);
      } catch {
        count(routeName);
        send(res, errorReply(new ApiError('INVALID_ARGUMENT', 'Malformed request URL.')));
        return;
      }
      const faultable = faults.matches(method, path);
      try {
        if (faultable && faults.config.latencyMs > 0) await new Promise((r) => setTimeout(r, faults.config.latencyMs));
        const decision = faultable ? faults.before() : { kind: 'none' as const };
        if (decision.kind === 'reset') {
          count('fault.reset');
          req.socket.destroy();
          return;
        }
        let reply: Reply;
        if (decision.kind === 'error') {
          count(`fault.${decision.status}`);
          reply = faultReply(decision.status, faults.config.retryAfterSeconds);
        } else {
          reply = await route(req, url, path, (n) => (routeName = n));
        }
        if (decision.kind === 'none' && faultable && faults.dropAfter()) {
          count('fault.drop');
          count(routeName);
          req.socket.destroy();
          return;
        }
        count(routeName);
        send(res, reply);
      } catch (e) {
        count(routeName);
        // A client that went away mid-request needs no answer.
        if (req.destroyed && !(e instanceof ApiError)) return;
        if (e instanceof ApiError) send(res, errorReply(e));
        else if (e instanceof LegacyApiError) send(res, legacyErrorReply(e));
        else {
          console.error('[sandbox] internal error', e);
          send(res, errorReply(new ApiError('INTERNAL', 'Internal error encountered.')));
        }
      }
    })();
  });

  const admin: SandboxAdmin = {
    setFaults: applyFaults,
    clearFaults: async () => {
      faults.clear();
      await applyFaults({});
    },
    faults: () => structuredClone(faults.config),
    setOffline: (v) => applyFaults({ offline: v }),
    advanceClock: (ms) => {
      clock.advance(ms);
      sim.processDue();
      persist();
    },
    now: () => new Date(clock.now()),
    revokeGrantsFor: (email) => {
      const n = oidc.revokeGrantsFor(email);
      persist();
      return n;
    },
    expireAccessTokens: (email) => oidc.expireAccessTokens(email),
    mintTokens: (email, scopes) => {
      const t = oidc.mint(email, scopes);
      persist();
      return t;
    },
    stats: () => Object.fromEntries(stats),
    resetStats: () => stats.clear(),
    customers: () =>
      store.world.customers.map((c) => ({
        customerId: c.customerId,
        customerDomain: c.customerDomain,
        resellerDomain: c.resellerDomain,
        organization: `organizations/${c.org}`,
        authorized: c.authorized,
        transferred: c.transferred,
        premium: c.tier === 'PREMIUM',
      })),
    resellerOrganization: (domain) => {
      const d = store.domainsByName.get(domain);
      return d === undefined ? undefined : `organizations/${d.org}`;
    },
    setCustomerAuthorized: (id, authorized) => {
      const c = requireCustomer(store, id);
      c.authorized = authorized;
      persist();
    },
    transferCustomer: (id) => {
      requireCustomer(store, id).transferred = true;
      persist();
    },
    getCase: (name) => {
      const rec = store.caseById(name.split('/').pop() ?? '');
      return rec === undefined || rec.name !== name ? undefined : caseJson(store, rec);
    },
    listAllComments: (name) => {
      const rec = store.caseById(name.split('/').pop() ?? '');
      if (rec === undefined || rec.name !== name) return [];
      return store.thread(rec).comments.map((c) => commentJson(rec, c));
    },
    caseCount: () => store.caseCount,
  };

  adminServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void handleAdmin(req, adminToken, admin)
      .then((reply) => send(res, reply))
      .catch((e: unknown) =>
        send(res, errorReply(e instanceof ApiError ? e : new ApiError('INVALID_ARGUMENT', e instanceof Error ? e.message : String(e)))),
      );
  });

  let closed = false;
  return {
    baseUrl,
    issuer,
    adminUrl,
    adminToken,
    demoAccounts: store.world.agents.map((a) => ({ email: a.email, domain: a.domain, partner: a.partner, displayName: a.displayName })),
    desktopClientId: DESKTOP_CLIENT_ID,
    admin,
    close: async () => {
      if (closed) return;
      closed = true;
      sim.stop();
      persist();
      await Promise.all([closeServer(apiServer, !offline), closeServer(adminServer, true)]);
    },
  };
}

function requireCustomer(store: Store, id: string): NonNullable<ReturnType<Store['customersById']['get']>> {
  const c = store.customersById.get(id);
  if (c === undefined) throw new Error(`unknown customer ${id}`);
  return c;
}

function faultReply(status: 429 | 500 | 503, retryAfter: number): Reply {
  if (status === 500) return errorReply(new ApiError('INTERNAL', 'Internal error encountered. (injected fault)'));
  const headers = { 'retry-after': String(retryAfter) };
  const retry = { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${retryAfter}s` };
  if (status === 429)
    return errorReply(
      new ApiError(
        'RESOURCE_EXHAUSTED',
        'Quota exceeded for quota metric and limit (injected fault).',
        [errorInfo('RATE_LIMIT_EXCEEDED', { service: 'cloudsupport.googleapis.com' }, 'googleapis.com'), retry],
        headers,
      ),
    );
  return errorReply(new ApiError('UNAVAILABLE', 'The service is currently unavailable. (injected fault)', [retry], headers));
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(reply.status, reply.headers);
  res.end(reply.body);
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server: Server, listening: boolean): Promise<void> {
  server.closeAllConnections();
  if (!listening) return Promise.resolve();
  return new Promise((resolve) => server.close(() => resolve()));
}

// Guard against protocol garbage: answer 400 and move on instead of crashing.
function hardenServer(server: Server): void {
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
}

async function handleAdmin(req: IncomingMessage, token: string, admin: SandboxAdmin): Promise<Reply> {
  if (req.headers.authorization !== `Bearer ${token}`)
    return json(401, { error: { code: 401, message: 'admin token required', status: 'UNAUTHENTICATED' } });
  const url = new URL(req.url ?? '/', 'http://admin');
  const path = url.pathname.replace(/^\/admin/, '');
  const method = req.method ?? 'GET';
  const body = method === 'GET' ? {} : ((await readJsonBody(req)) as Record<string, unknown>);
  const str = (k: string): string => {
    const v = body[k] ?? url.searchParams.get(k);
    if (typeof v !== 'string' || v === '') throw new ApiError('INVALID_ARGUMENT', `${k} is required`);
    return v;
  };
  switch (`${method} ${path}`) {
    case 'GET /faults':
      return json(200, admin.faults());
    case 'POST /faults':
    case 'PATCH /faults':
      await admin.setFaults(parseFaultPatch(body));
      return json(200, admin.faults());
    case 'DELETE /faults':
      await admin.clearFaults();
      return json(200, admin.faults());
    case 'POST /offline':
      if (typeof body['offline'] !== 'boolean') throw new ApiError('INVALID_ARGUMENT', 'offline must be a boolean');
      await admin.setOffline(body['offline']);
      return json(200, { offline: body['offline'] });
    case 'GET /clock':
      return json(200, { now: toRfc3339(admin.now().getTime()) });
    case 'POST /clock:advance': {
      const ms = body['ms'];
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
        throw new ApiError('INVALID_ARGUMENT', 'ms must be a non-negative number');
      admin.advanceClock(ms);
      return json(200, { now: toRfc3339(admin.now().getTime()) });
    }
    case 'POST /grants:revoke':
      return json(200, { revoked: admin.revokeGrantsFor(str('email')) });
    case 'POST /tokens:expire':
      admin.expireAccessTokens(typeof body['email'] === 'string' ? body['email'] : undefined);
      return json(200, {});
    case 'POST /tokens:mint':
      return json(200, admin.mintTokens(str('email')));
    case 'GET /stats':
      return json(200, admin.stats());
    case 'POST /stats:reset':
      admin.resetStats();
      return json(200, {});
    case 'GET /customers':
      return json(200, { customers: admin.customers() });
    case 'POST /customers:transfer':
      admin.transferCustomer(str('customerId'));
      return json(200, {});
    case 'POST /customers:setAuthorized':
      if (typeof body['authorized'] !== 'boolean') throw new ApiError('INVALID_ARGUMENT', 'authorized must be a boolean');
      admin.setCustomerAuthorized(str('customerId'), body['authorized']);
      return json(200, {});
    case 'GET /comments':
      return json(200, { comments: admin.listAllComments(str('case')) });
    case 'GET /case': {
      const c = admin.getCase(str('name'));
      return c === undefined ? json(404, { error: { code: 404, message: 'no such case', status: 'NOT_FOUND' } }) : json(200, c);
    }
    default:
      return json(404, { error: { code: 404, message: `unknown admin route ${method} ${path}`, status: 'NOT_FOUND' } });
  }
}
