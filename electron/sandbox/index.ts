import { randomBytes } from 'node:crypto';
import { ATTACHMENT_MAX_BYTES } from '../../shared/domain/limits';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Access } from './access';
import { createAdmin, handleAdmin, type SandboxAdmin } from './admin';
import { CasesApi } from './cases-api';
import { SandboxClock } from './clock';
import { CrmApi } from './crm-api';
import { Extensions, buildCapabilities, type SandboxExtension } from './extensions';
import { Faults, type FaultConfig } from './faults';
import { buildIncidents } from './feeds';
import { createHelpCenter } from './help-center';
import { ApiError } from './http';
import { DESKTOP_CLIENT_ID, OidcProvider } from './oidc';
import { ResellerApi } from './reseller-api';
import { buildRouter } from './routes';
import { HOST, apiHandler, closeServer, hardenServer, listen, replyForError, send } from './serve';
import { Simulation } from './simulation';
import { Store } from './store';
import type { SupportDeps } from './support-common';
import { ThreadsApi } from './threads-api';

export type { FaultConfig } from './faults';
export { DEFAULT_FAULTS } from './faults';
export type { CustomerInfo, SandboxAdmin } from './admin';
export type { SandboxExtension } from './extensions';

export interface SandboxOptions {
  /** Default 0 = random; the host is always 127.0.0.1. */
  port?: number;
  /** Absent = in-memory; present = persisted atomically, a restart keeps everything. */
  dataDir?: string;
  /** Deterministic demo world. */
  seed?: number | string;
  /** World size (default 2,000; 100,000 for benchmarks). */
  cases?: number;
  /** Customers per reseller domain (default 12, one per access slot; more repeat the slots, for scale tests). */
  customersPerDomain?: number;
  /** Initial sandbox clock (ignored when restoring a data dir, whose clock resumes). */
  startTime?: Date;
  reopenWindowDays?: number;
  maxAttachmentBytes?: number;
  supportSimulation?: { enabled: boolean; pickUpAfterMs?: number; replyAfterMs?: number };
  faults?: Partial<FaultConfig>;
  /** Behaviour Google does not document; every extension is off unless listed. */
  extensions?: readonly SandboxExtension[];
}

export interface DemoAccount {
  email: string;
  domain: string;
  partner: string;
  displayName: string;
}

export interface SandboxHandle {
  baseUrl: string;
  issuer: string;
  /** Only with the `adminEndpoint` extension. */
  adminUrl: string | undefined;
  adminToken: string;
  demoAccounts: ReadonlyArray<DemoAccount>;
  desktopClientId: string;
  extensions: readonly SandboxExtension[];
  admin: SandboxAdmin;
  close(): Promise<void>;
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<SandboxHandle> {
  const seed = String(opts.seed ?? 'demo');
  const extensions = new Extensions(opts.extensions ?? []);
  const store = new Store(seed, opts.cases ?? 2000, opts.startTime?.getTime() ?? Date.now(), opts.dataDir, opts.customersPerDomain);
  const clock = new SandboxClock(store.savedNow ?? opts.startTime?.getTime() ?? Date.now());
  const persist = (): void => store.save(clock.now());
  const sim = new Simulation(store, clock, simulationOptions(opts), persist);
  const faults = new Faults(seed);
  const stats = new Map<string, number>();

  const apiServer = createServer();
  hardenServer(apiServer);
  await listen(apiServer, opts.port ?? 0);
  const apiPort = (apiServer.address() as AddressInfo).port;
  const baseUrl = `http://${HOST}:${apiPort}`;
  const oidc = await OidcProvider.create(`${baseUrl}/oauth2`, clock, store);
  const access = new Access(store, extensions);
  const tokenSecret = `page-token:${store.world.seed}`;
  const deps: SupportDeps = {
    store,
    clock,
    sim,
    access,
    extensions,
    tokenSecret,
    maxAttachmentBytes: opts.maxAttachmentBytes ?? ATTACHMENT_MAX_BYTES,
    reopenWindowDays: opts.reopenWindowDays ?? 30,
    persist,
  };
  const cases = new CasesApi(deps);
  const router = buildRouter({
    oidc,
    cases,
    threads: new ThreadsApi(deps, cases),
    reseller: new ResellerApi(store, extensions, tokenSecret),
    crm: new CrmApi(store, access, tokenSecret),
    reopenEnabled: extensions.has('reopen'),
    capabilities: () => buildCapabilities({ ...deps, now: clock.now() }),
    incidents: buildIncidents(clock.now()),
    ...(extensions.has('helpCenter') ? { helpCenter: createHelpCenter() } : {}),
  });
  apiServer.on('request', apiHandler({ baseUrl, router, faults, count: (n) => void stats.set(n, (stats.get(n) ?? 0) + 1) }));
  sim.processDue();

  let offline = false;
  const setOffline = async (value: boolean): Promise<void> => {
    faults.config.offline = value;
    if (value === offline) return;
    offline = value;
    if (value) await closeServer(apiServer, true);
    else await listen(apiServer, apiPort);
  };
  const applyFaults = async (partial: Partial<FaultConfig>): Promise<void> => {
    faults.set(partial);
    oidc.accessTokenLifetimeSeconds = faults.config.accessTokenLifetimeSeconds;
    await setOffline(faults.config.offline);
  };
  await applyFaults(opts.faults ?? {});
  const admin = createAdmin({ store, clock, sim, oidc, faults, access, stats, applyFaults, persist });
  const adminToken = randomBytes(24).toString('base64url');
  const adminServer = extensions.has('adminEndpoint') ? await startAdminServer(adminToken, admin) : undefined;

  let closed = false;
  return {
    baseUrl,
    issuer: oidc.issuer,
    adminUrl: adminServer === undefined ? undefined : `http://${HOST}:${(adminServer.address() as AddressInfo).port}/admin`,
    adminToken,
    demoAccounts: store.world.agents.map((a) => ({ email: a.email, domain: a.domain, partner: a.partner, displayName: a.displayName })),
    desktopClientId: DESKTOP_CLIENT_ID,
    extensions: extensions.list(),
    admin,
    close: async () => {
      if (closed) return;
      closed = true;
      sim.stop();
      persist();
      await Promise.all([closeServer(apiServer, !offline), adminServer === undefined ? undefined : closeServer(adminServer, true)]);
    },
  };
}

function simulationOptions(opts: SandboxOptions): ConstructorParameters<typeof Simulation>[2] {
  return {
    enabled: opts.supportSimulation?.enabled ?? true,
    pickUpAfterMs: opts.supportSimulation?.pickUpAfterMs ?? 2 * 60_000,
    replyAfterMs: opts.supportSimulation?.replyAfterMs ?? 10 * 60_000,
  };
}

/** The admin endpoint has its own port, so it keeps working while the API is "offline". */
async function startAdminServer(token: string, admin: SandboxAdmin): Promise<Server> {
  const server = createServer((req, res) => {
    void handleAdmin(req, token, admin)
      .then((reply) => send(res, reply))
      .catch((e: unknown) =>
        send(res, replyForError(e instanceof ApiError ? e : new ApiError('INVALID_ARGUMENT', e instanceof Error ? e.message : String(e)))),
      );
  });
  hardenServer(server);
  await listen(server, 0);
  return server;
}
