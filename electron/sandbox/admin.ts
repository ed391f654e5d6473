import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { toRfc3339, type Case, type Comment } from '../../shared/api';
import type { Access } from './access';
import type { SandboxClock } from './clock';
import type { Faults, FaultConfig } from './faults';
import { parseFaultPatch } from './faults';
import { ApiError, errorReply, json, readJsonBody, type Reply } from './http';
import { PERMISSIONS, allows, identitiesOf, supportGrant } from './iam';
import type { OidcProvider } from './oidc';
import type { Simulation } from './simulation';
import type { Store } from './store';
import { caseJson, commentJson } from './wire';
import { withoutMembers } from './world-customers';
import type { CustomerRec } from './world';

// The test-control plane: in-process on handle.admin, over HTTP only with the
// `adminEndpoint` extension (its own port, bearer adminToken).

export interface CustomerInfo {
  customerId: string;
  customerDomain: string;
  resellerDomain: string;
  organization: string;
  /** `projects/N` under the organization. */
  projects: string[];
  /** Reseller access in the customer's Admin console (off = Reseller API 403). */
  authorized: boolean;
  transferred: boolean;
  /** The customer's Google support offering includes escalations (the world's secret, never on the wire). */
  premium: boolean;
  suspended: boolean;
  /** IAM policy of the customer's organization. */
  iam: { role: string; members: string[] }[];
  /** Demo accounts that may list (read) the organization's cases. */
  readers: string[];
  /** Demo accounts that may change them. */
  writers: string[];
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
  /** Reseller access in the customer's Admin console. */
  setCustomerAuthorized(customerId: string, authorized: boolean): void;
  /** The customer's organization grants `member` (user:/group:/domain:) Tech Support Editor (or Viewer) and Organization Viewer. */
  grantOrganizationAccess(customerId: string, member: string, readOnly?: boolean): void;
  /** Removes `member` (or everyone) from the customer organization's IAM policy. */
  revokeOrganizationAccess(customerId: string, member?: string): void;
  /** Moves a customer to a reseller outside the sandbox: it leaves the Reseller API and its organization drops the reseller's members. */
  transferCustomer(customerId: string): void;
  getCase(caseName: string): Case | undefined;
  listAllComments(caseName: string): Comment[];
  caseCount(): number;
}

export interface AdminDeps {
  store: Store;
  clock: SandboxClock;
  sim: Simulation;
  oidc: OidcProvider;
  faults: Faults;
  access: Access;
  stats: Map<string, number>;
  applyFaults: (partial: Partial<FaultConfig>) => Promise<void>;
  persist: () => void;
}

export function createAdmin(d: AdminDeps): SandboxAdmin {
  const { store } = d;
  const changed = <T>(run: () => T): T => {
    const out = run();
    d.persist();
    return out;
  };
  return {
    setFaults: d.applyFaults,
    clearFaults: async () => {
      d.faults.clear();
      await d.applyFaults({});
    },
    faults: () => structuredClone(d.faults.config),
    setOffline: (v) => d.applyFaults({ offline: v }),
    advanceClock: (ms) =>
      changed(() => {
        d.clock.advance(ms);
        d.sim.processDue();
      }),
    now: () => new Date(d.clock.now()),
    revokeGrantsFor: (email) => changed(() => d.oidc.revokeGrantsFor(email)),
    expireAccessTokens: (email) => d.oidc.expireAccessTokens(email),
    mintTokens: (email, scopes) => changed(() => d.oidc.mint(email, scopes)),
    stats: () => Object.fromEntries(d.stats),
    resetStats: () => d.stats.clear(),
    customers: () => store.world.customers.map((c) => customerInfo(store, c)),
    resellerOrganization: (domain) => {
      const rec = store.domainsByName.get(domain);
      return rec === undefined ? undefined : `organizations/${rec.org}`;
    },
    setCustomerAuthorized: (id, authorized) => changed(() => void (requireCustomer(store, id).authorized = authorized)),
    grantOrganizationAccess: (id, member, readOnly = false) =>
      changed(() => {
        const c = requireCustomer(store, id);
        c.iam = [...withoutMembers(c.iam, new Set([member])), ...supportGrant([member], readOnly)];
      }),
    revokeOrganizationAccess: (id, member) =>
      changed(() => {
        const c = requireCustomer(store, id);
        c.iam = member === undefined ? [] : withoutMembers(c.iam, new Set([member]));
      }),
    transferCustomer: (id) =>
      changed(() => {
        const c = requireCustomer(store, id);
        c.transferred = true;
        const domain = c.resellerDomain;
        c.iam = c.iam
          .map((b) => ({ ...b, members: b.members.filter((m) => !m.endsWith(`@${domain}`) && m !== `domain:${domain}`) }))
          .filter((b) => b.members.length > 0);
      }),
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
}

function customerInfo(store: Store, c: CustomerRec): CustomerInfo {
  const can = (permission: (typeof PERMISSIONS)[keyof typeof PERMISSIONS]): string[] =>
    store.world.agents.filter((a) => allows(c.iam, identitiesOf(a, store.world.groups), permission)).map((a) => a.email);
  return {
    customerId: c.customerId,
    customerDomain: c.customerDomain,
    resellerDomain: c.resellerDomain,
    organization: `organizations/${c.org}`,
    projects: c.projects.map((p) => `projects/${p.number}`),
    authorized: c.authorized,
    transferred: c.transferred,
    premium: c.tier === 'PREMIUM',
    suspended: c.subscriptions.some((s) => s.status === 'SUSPENDED'),
    iam: c.iam.map((b) => ({ role: b.role, members: [...b.members] })),
    readers: can(PERMISSIONS.casesList),
    writers: can(PERMISSIONS.casesUpdate),
  };
}

function requireCustomer(store: Store, id: string): CustomerRec {
  const c = store.customersById.get(id);
  if (c === undefined) throw new Error(`unknown customer ${id}`);
  return c;
}

// ---------- HTTP (adminEndpoint extension) ----------

const Email = z.object({ email: z.string().min(1) });
const CustomerId = z.object({ customerId: z.string().min(1) });
const AdminBodies = {
  offline: z.object({ offline: z.boolean() }),
  advance: z.object({ ms: z.number().finite().nonnegative() }),
  email: Email,
  optionalEmail: z.object({ email: z.string().min(1).optional() }),
  customer: CustomerId,
  authorized: CustomerId.extend({ authorized: z.boolean() }),
  grant: CustomerId.extend({ member: z.string().regex(/^(user|group|domain):\S+$/), readOnly: z.boolean().optional() }),
  revoke: CustomerId.extend({ member: z.string().min(1).optional() }),
  caseName: z.object({ name: z.string().min(1) }),
  commentsOf: z.object({ case: z.string().min(1) }),
};

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new ApiError('INVALID_ARGUMENT', z.prettifyError(r.error));
  return r.data;
}

export async function handleAdmin(req: IncomingMessage, token: string, admin: SandboxAdmin): Promise<Reply> {
  if (req.headers.authorization !== `Bearer ${token}`) return errorReply(new ApiError('UNAUTHENTICATED', 'admin token required'));
  const url = new URL(req.url ?? '/', 'http://admin');
  const path = url.pathname.replace(/^\/admin/, '');
  const method = req.method ?? 'GET';
  const body: unknown = method === 'GET' ? Object.fromEntries(url.searchParams) : await readJsonBody(req);
  const B = AdminBodies;
  switch (`${method} ${path}`) {
    case 'GET /faults':
      return json(200, admin.faults());
    case 'POST /faults':
    case 'PATCH /faults':
      try {
        await admin.setFaults(parseFaultPatch(body));
      } catch (e) {
        throw new ApiError('INVALID_ARGUMENT', (e as Error).message);
      }
      return json(200, admin.faults());
    case 'DELETE /faults':
      await admin.clearFaults();
      return json(200, admin.faults());
    case 'POST /offline': {
      const { offline } = parse(B.offline, body);
      await admin.setOffline(offline);
      return json(200, { offline });
    }
    case 'GET /clock':
      return json(200, { now: toRfc3339(admin.now().getTime()) });
    case 'POST /clock:advance':
      admin.advanceClock(parse(B.advance, body).ms);
      return json(200, { now: toRfc3339(admin.now().getTime()) });
    case 'POST /grants:revoke':
      return json(200, { revoked: admin.revokeGrantsFor(parse(B.email, body).email) });
    case 'POST /tokens:expire':
      admin.expireAccessTokens(parse(B.optionalEmail, body).email);
      return json(200, {});
    case 'POST /tokens:mint':
      return json(200, admin.mintTokens(parse(B.email, body).email));
    case 'GET /stats':
      return json(200, admin.stats());
    case 'POST /stats:reset':
      admin.resetStats();
      return json(200, {});
    default:
      return handleAdminWorld(method, path, body, admin);
  }
}

function handleAdminWorld(method: string, path: string, body: unknown, admin: SandboxAdmin): Reply {
  const B = AdminBodies;
  switch (`${method} ${path}`) {
    case 'GET /customers':
      return json(200, { customers: admin.customers() });
    case 'POST /customers:transfer':
      admin.transferCustomer(parse(B.customer, body).customerId);
      return json(200, {});
    case 'POST /customers:setAuthorized': {
      const b = parse(B.authorized, body);
      admin.setCustomerAuthorized(b.customerId, b.authorized);
      return json(200, {});
    }
    case 'POST /customers:grantOrganizationAccess': {
      const b = parse(B.grant, body);
      admin.grantOrganizationAccess(b.customerId, b.member, b.readOnly);
      return json(200, {});
    }
    case 'POST /customers:revokeOrganizationAccess': {
      const b = parse(B.revoke, body);
      admin.revokeOrganizationAccess(b.customerId, b.member);
      return json(200, {});
    }
    case 'GET /comments':
      return json(200, { comments: admin.listAllComments(parse(B.commentsOf, body).case) });
    case 'GET /case': {
      const c = admin.getCase(parse(B.caseName, body).name);
      return c === undefined ? errorReply(new ApiError('NOT_FOUND', 'no such case')) : json(200, c);
    }
    default:
      return errorReply(new ApiError('NOT_FOUND', `unknown admin route ${method} ${path}`));
  }
}
