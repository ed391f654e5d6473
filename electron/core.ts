import path from 'node:path';
import { extensionEnabled } from '../shared/api';
import type { Account, Settings } from '../shared/ipc';
import { createEventBus, type EventBus } from './ipc/event-bus';
import { createHandlers } from './ipc/handlers';
import { createIpcRouter, type IpcRouter, type SenderInfo } from './ipc/router';
import type { Ports } from './ports';
import { startSandbox } from './sandbox';
import { createHttpClient } from './services/api/http';
import { createPublicFeedClient } from './services/api/public-feeds';
import { RequestBudget } from './services/api/request-budget';
import { createSupportClient, type SupportClient } from './services/api/support-client';
import { createAuthService, type AuthService } from './services/auth/auth-service';
import { createAgencyService, seedDemoPresets, type AgencyService } from './services/agency/agency-service';
import { createAttachmentService } from './services/files/attachment-service';
import { createReportService } from './services/customer-report/report-service';
import { createDraftFileStore } from './services/files/draft-files';
import type { UploadFs } from './services/files/upload-staging';
import { createBackendRegistry, type BackendRegistry, type SandboxSource } from './services/backend/backend-registry';
import { createDiagnosticsService } from './services/diagnostics/diagnostics-service';
import { createRendererLog } from './services/logging/renderer-log';
import { noPolicy, type LoadedPolicy } from './services/policy/policy-file';
import { createPolicyService, type PolicyService } from './services/policy/policy-service';
import { createSettingsService, type SettingsService } from './services/settings/settings-service';
import { createUpdateService, type UpdateService } from './services/update/update-service';
import type { AccountSyncOptions } from './services/sync/account-sync';
import { createSyncService, defaultSyncOptions, type SyncService } from './services/sync/sync-service';

export interface CoreOptions {
  /** Decides which frames may use the bridge (the app origin, top frame only). */
  readonly isTrustedSender: (sender: SenderInfo) => boolean;
  /** Interval of the `app.heartbeat` event; 0 turns the timer off. */
  readonly heartbeatMs?: number;
  readonly validateResponses?: boolean;
  /** The sandbox backend: embedded (default, in the user data folder) or an already running one. */
  readonly sandbox?: SandboxSource;
  readonly sync?: Partial<AccountSyncOptions>;
  readonly httpTimeoutMs?: number;
  /** The machine policy, read by the host before the ports were built (it decides the proxy). */
  readonly policy?: LoadedPolicy;
  /** How often to look for an update (default 6 h; 0: only when asked). */
  readonly updateCheckEveryMs?: number;
  /** File calls of upload staging (tests inject a full or read-only disk). */
  readonly uploadFs?: UploadFs;
}

export interface Core {
  readonly dispatch: IpcRouter;
  readonly events: EventBus;
  readonly settings: SettingsService;
  readonly agency: AgencyService;
  readonly auth: AuthService;
  readonly sync: SyncService;
  readonly backends: BackendRegistry;
  readonly policy: PolicyService;
  readonly updates: UpdateService;
  /** Resolves once every log line so far is on disk. */
  flushLogs(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** One Support API client per account, built once its backend is known; a failed build is not remembered. */
function supportClients(
  ports: Ports,
  auth: AuthService,
  backends: BackendRegistry,
  httpTimeoutMs: number | undefined,
  requestsPerMinute: number,
): (account: Account) => Promise<SupportClient> {
  const clients = new Map<string, Promise<SupportClient>>();
  return (account) => {
    let client = clients.get(account.id);
    if (!client) {
      client = backends.endpoints(account.backend).then((endpoints) =>
        createSupportClient(
          createHttpClient({
            fetch: ports.fetch,
            tokens: auth.tokensFor(account.id),
            // One budget per account: every request of that account, sync or agent, counts.
            budget: new RequestBudget({ perMinute: requestsPerMinute }, ports.clock),
            ...(httpTimeoutMs ? { timeoutMs: httpTimeoutMs } : {}),
          }),
          endpoints,
        ),
      );
      clients.set(account.id, client);
      // A backend that did not come up is not remembered: the retry asks again.
      client.catch(() => {
        if (clients.get(account.id) === client) clients.delete(account.id);
      });
    }
    return client;
  };
}

/** One sync service for all accounts, publishing on the bus; also says whether changes are on the wire (updates wait). */
function createCoreSync(
  ports: Ports,
  syncOptions: AccountSyncOptions,
  events: EventBus,
  backends: BackendRegistry,
  clientFor: (account: Account) => Promise<SupportClient>,
  changed: () => void,
): { sync: SyncService; isSendingChanges: () => boolean } {
  /** Accounts with a change on the wire right now (from the outbox's own events). */
  const sending = new Map<string, boolean>();
  const sync: SyncService = createSyncService({
    dir: path.join(ports.paths.userData, 'outbox'),
    clock: ports.clock,
    logger: ports.logger,
    random: Math.random,
    clientFor,
    orderedByUpdateTime: async (account) =>
      (await backends.capabilities(account.backend))?.searchOrder.startsWith('updateTime ascending') ?? false,
    publishBatch: (batch) => events.publish('replica.batch', batch),
    publishStatus: (status) => {
      events.publish('sync.status', status);
      changed();
    },
    publishOutbox: (accountId, entries) => {
      events.publish('outbox.changed', { accountId, entries });
      sending.set(
        accountId,
        entries.some((entry) => entry.status === 'in_flight'),
      );
      changed();
    },
    publishUploadProgress: (accountId, entryId, sentBytes, totalBytes) =>
      events.publish('attachments.uploadProgress', { accountId, entryId, sentBytes, totalBytes }),
    options: syncOptions,
  });
  const isSendingChanges = (): boolean =>
    [...sending.values()].some(Boolean) || sync.statuses().some((status) => status.syncing && status.pending > 0);
  return { sync, isSendingChanges };
}

/** The `app.heartbeat` event: on a timer (0 = off) and on request. */
function createHeartbeat(events: EventBus, clock: Ports['clock'], intervalMs: number) {
  let seq = 0;
  let cancel: (() => void) | undefined;
  const emit = (): number => {
    seq += 1;
    events.publish('app.heartbeat', { seq, at: new Date(clock.now()).toISOString() });
    return seq;
  };
  const schedule = (): void => {
    if (intervalMs <= 0) return;
    cancel = clock.setTimer(intervalMs, () => {
      emit();
      schedule();
    });
  };
  return {
    emit,
    start: schedule,
    stop: () => {
      cancel?.();
      cancel = undefined;
    },
  };
}

/** Update checks as the policy allows; a restart waits while changes are being sent. */
function createCoreUpdates(
  ports: Ports,
  options: CoreOptions,
  policy: PolicyService,
  settings: SettingsService,
  events: EventBus,
  isSendingChanges: () => boolean,
): UpdateService {
  return createUpdateService({
    engines: ports.updates,
    enabled: policy.loaded.policy.update?.enabled !== false,
    ...(policy.loaded.policy.update?.feedUrl ? { feedUrl: policy.loaded.policy.update.feedUrl } : {}),
    currentVersion: ports.host.appVersion,
    channel: async () => (await settings.get()).updateChannel,
    clock: ports.clock,
    logger: ports.logger,
    isSendingChanges,
    publish: (status) => events.publish('update.status', status),
    ...(options.updateCheckEveryMs === undefined ? {} : { checkEveryMs: options.updateCheckEveryMs }),
  });
}

/** The diagnostics bundle: logs, settings, policy, accounts and queues — redacted by the service. */
function createCoreDiagnostics(ports: Ports, settings: SettingsService, policy: PolicyService, auth: AuthService, sync: SyncService) {
  return createDiagnosticsService({
    host: ports.host,
    paths: ports.paths,
    dialogs: ports.dialogs,
    logger: ports.logger,
    now: () => ports.clock.now(),
    settings: () => settings.get(),
    policy: () => policy.view(),
    accounts: async () => (await auth.state()).accounts,
    syncStatuses: () => sync.statuses(),
    outbox: (accountId) => sync.list(accountId),
  });
}

/** Attachments: staged in the user data folder, sized by the account's backend, sent through its outbox. */
function createCoreAttachments(
  ports: Ports,
  options: CoreOptions,
  deps: {
    drafts: ReturnType<typeof createDraftFileStore>;
    backends: BackendRegistry;
    auth: AuthService;
    sync: SyncService;
    clientFor: (account: Account) => Promise<SupportClient>;
  },
) {
  const { drafts, backends, auth, sync, clientFor } = deps;
  return createAttachmentService({
    drafts,
    tempDir: path.join(ports.paths.userData, 'uploads-in-progress'),
    logger: ports.logger,
    clock: ports.clock,
    ...(options.uploadFs ? { fs: options.uploadFs } : {}),
    dialogs: ports.dialogs,
    maxBytesFor: async (accountId) => (await backends.info((await auth.account(accountId)).backend)).maxAttachmentBytes,
    stagingFor: (accountId) => sync.stagingFor(accountId),
    clientFor: async (accountId) => clientFor(await auth.account(accountId)),
    enqueueUpload: (accountId, upload) => sync.enqueue(accountId, { kind: 'upload_attachment', ...upload }),
  });
}

/** Public documents (status feed, help search) of an account's backend, through a client that has no token at all. */
function publicDocuments(ports: Ports, options: CoreOptions, backends: BackendRegistry, auth: AuthService) {
  const feeds = createPublicFeedClient(ports.fetch, options.httpTimeoutMs);
  return {
    statusFeed: async (accountId: string) =>
      feeds.incidents((await backends.endpoints((await auth.account(accountId)).backend)).statusFeed),
    helpSearch: async (accountId: string, query: string, languageCode: string) => {
      const { backend } = await auth.account(accountId);
      const [endpoints, caps] = await Promise.all([backends.endpoints(backend), backends.capabilities(backend)]);
      if (!extensionEnabled(caps, 'helpCenter') || !endpoints.helpCenter) return undefined;
      return feeds.searchHelp(endpoints.helpCenter, query, languageCode);
    },
  };
}

function logPolicy(policy: PolicyService, logger: Ports['logger']): void {
  for (const problem of policy.loaded.problems) logger.error('policy: problem in the policy file', { file: policy.loaded.file, problem });
  if (policy.loaded.state === 'applied')
    logger.info('policy: applied', { file: policy.loaded.file, fields: Object.keys(policy.loaded.policy) });
}

/**
 * The composition root in plain Node: services, IPC handlers and the event bus
 * built from ports. electron/main.ts and the harness both call it, so the app
 * under test is the app that ships.
 */
export function createCore(ports: Ports, options: CoreOptions): Core {
  const events = createEventBus(ports.logger);
  const policy = createPolicyService(options.policy ?? noPolicy);
  if (policy.loaded.policy.logLevel) ports.logger.setLevel(policy.loaded.policy.logLevel);
  // The agent's sync-interval setting drives the cycle, unless the host fixed it (tests).
  const syncIntervalMs = (current: Settings): number => options.sync?.intervalMs ?? current.syncIntervalMinutes * 60_000;
  const settings = createSettingsService(
    ports.settings,
    ports.logger,
    (next) => {
      events.publish('settings.changed', next);
      sync.setInterval(syncIntervalMs(next));
    },
    policy.settingsOverrides(),
  );
  const agency = createAgencyService(ports.agency, ports.logger, (next) => events.publish('agency.changed', next));
  const backends = createBackendRegistry({
    sandbox: options.sandbox ?? { mode: 'embedded', dataDir: path.join(ports.paths.userData, 'sandbox') },
    startEmbedded: startSandbox,
    settings,
    fetch: ports.fetch,
    logger: ports.logger,
  });

  const auth = createAuthService({
    vault: ports.vault,
    accountsDocument: ports.accounts,
    fetch: ports.fetch,
    clock: ports.clock,
    logger: ports.logger,
    browser: ports.browser,
    policy,
    clientFor: (backend) => backends.oidcClient(backend),
    onAccountsChanged: (state) => {
      events.publish('accounts.changed', state);
      void seedDemo(state.accounts);
      void sync
        .reconcileAccounts(state.accounts)
        .catch((error: unknown) => ports.logger.error('sync: could not follow the account list', { error: String(error) }));
    },
  });

  const syncOptions: AccountSyncOptions = {
    ...defaultSyncOptions,
    ...options.sync,
    pull: { ...defaultSyncOptions.pull, ...options.sync?.pull },
  };
  const clientFor = supportClients(ports, auth, backends, options.httpTimeoutMs, syncOptions.requestsPerMinute);

  // auth's callback above uses `sync`; it only runs after a sign-in, long after this line.
  const { sync, isSendingChanges } = createCoreSync(ports, syncOptions, events, backends, clientFor, () => updates.syncChanged());

  const heartbeat = createHeartbeat(events, ports.clock, options.heartbeatMs ?? 30_000);
  // A first sign-in to a sandbox domain seeds the agency's demo preset (plans, offerings) once.
  const seedDemo = (accounts: readonly Account[]): Promise<void> =>
    seedDemoPresets(agency, accounts, (domain) => backends.demoCustomers('sandbox', domain), ports.logger);

  const drafts = createDraftFileStore({ dir: path.join(ports.paths.userData, 'drafts'), logger: ports.logger });
  const attachments = createCoreAttachments(ports, options, { drafts, backends, auth, sync, clientFor });
  const reports = createReportService({ printer: ports.printer, dialogs: ports.dialogs, logger: ports.logger });
  const updates = createCoreUpdates(ports, options, policy, settings, events, isSendingChanges);

  const diagnostics = createCoreDiagnostics(ports, settings, policy, auth, sync);

  const handlers = createHandlers({
    ports,
    settings,
    agency,
    reports,
    auth,
    sync,
    backends,
    attachments,
    drafts,
    policy,
    updates,
    diagnostics,
    rendererLog: createRendererLog(ports.logger.child({ src: 'renderer' }), ports.clock),
    emitHeartbeat: heartbeat.emit,
    ...publicDocuments(ports, options, backends, auth),
  });
  const dispatch = createIpcRouter(handlers, {
    isTrustedSender: options.isTrustedSender,
    logger: ports.logger,
    validateResponses: options.validateResponses ?? false,
  });

  return {
    dispatch,
    events,
    settings,
    agency,
    auth,
    sync,
    backends,
    policy,
    updates,
    flushLogs: () => ports.logger.flush(),
    /** Never rejects: the window must open whatever state the disk is in; accounts that fail show their error. */
    async start() {
      logPolicy(policy, ports.logger);
      heartbeat.start();
      updates.start();
      try {
        await attachments.sweepStaging();
        sync.setInterval(syncIntervalMs(await settings.get()));
        const { accounts } = await auth.state();
        await sync.reconcileAccounts(accounts);
        await seedDemo(accounts);
        ports.logger.info('core started', { host: ports.host.kind, accounts: accounts.length });
      } catch (error) {
        ports.logger.error('core: start incomplete', { error: error instanceof Error ? error.message : String(error) });
      }
    },
    async stop() {
      heartbeat.stop();
      updates.stop();
      await sync.stop();
      await backends.stop();
      // The log is written in the background: on disk before the app (or a test) lets go of its folder.
      await ports.logger.flush();
    },
  };
}
