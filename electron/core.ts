import path from 'node:path';
import { extensionEnabled } from '../shared/api';
import type { Account } from '../shared/ipc';
import { createEventBus, type EventBus } from './ipc/event-bus';
import { createHandlers } from './ipc/handlers';
import { createIpcRouter, type IpcRouter, type SenderInfo } from './ipc/router';
import type { Ports } from './ports';
import { createHttpClient } from './services/api/http';
import { createPublicFeedClient } from './services/api/public-feeds';
import { createSupportClient, type SupportClient } from './services/api/support-client';
import { createAuthService, type AuthService } from './services/auth/auth-service';
import { createAgencyService, seedDemoPresets, type AgencyService } from './services/agency/agency-service';
import { createAttachmentService } from './services/files/attachment-service';
import { createReportService } from './services/customer-report/report-service';
import { createDraftFileStore } from './services/files/draft-files';
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

/**
 * The composition root in plain Node: services, IPC handlers and the event bus
 * built from ports. electron/main.ts and the harness both call it, so the app
 * under test is the app that ships.
 */
export function createCore(ports: Ports, options: CoreOptions): Core {
  const events = createEventBus();
  const policy = createPolicyService(options.policy ?? noPolicy);
  if (policy.loaded.policy.logLevel) ports.logger.setLevel(policy.loaded.policy.logLevel);
  const settings = createSettingsService(
    ports.settings,
    ports.logger,
    (next) => events.publish('settings.changed', next),
    policy.settingsOverrides(),
  );
  const agency = createAgencyService(ports.agency, ports.logger, (next) => events.publish('agency.changed', next));
  const backends = createBackendRegistry({
    sandbox: options.sandbox ?? { mode: 'embedded', dataDir: path.join(ports.paths.userData, 'sandbox') },
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

  const clients = new Map<string, Promise<SupportClient>>();
  const clientFor = (account: Account): Promise<SupportClient> => {
    let client = clients.get(account.id);
    if (!client) {
      client = backends.endpoints(account.backend).then((endpoints) =>
        createSupportClient(
          createHttpClient({
            fetch: ports.fetch,
            tokens: auth.tokensFor(account.id),
            ...(options.httpTimeoutMs ? { timeoutMs: options.httpTimeoutMs } : {}),
          }),
          endpoints,
        ),
      );
      clients.set(account.id, client);
    }
    return client;
  };

  /** Accounts with a change on the wire right now (from the outbox's own events). */
  const sending = new Map<string, boolean>();
  const isSendingChanges = (): boolean =>
    [...sending.values()].some(Boolean) || sync.statuses().some((status) => status.syncing && status.pending > 0);
  // auth's callback above uses `sync`; it only runs after a sign-in, long after this line.
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
      updates.syncChanged();
    },
    publishOutbox: (accountId, entries) => {
      events.publish('outbox.changed', { accountId, entries });
      sending.set(
        accountId,
        entries.some((entry) => entry.status === 'in_flight'),
      );
      updates.syncChanged();
    },
    publishUploadProgress: (accountId, entryId, sentBytes, totalBytes) =>
      events.publish('attachments.uploadProgress', { accountId, entryId, sentBytes, totalBytes }),
    options: { ...defaultSyncOptions, ...options.sync, pull: { ...defaultSyncOptions.pull, ...options.sync?.pull } },
  });

  // A first sign-in to a sandbox domain seeds the agency's demo preset (plans, offerings) once.
  const seedDemo = (accounts: readonly Account[]): Promise<void> =>
    seedDemoPresets(agency, accounts, (domain) => backends.demoCustomers('sandbox', domain), ports.logger);

  let heartbeatSeq = 0;
  const emitHeartbeat = (): number => {
    heartbeatSeq += 1;
    events.publish('app.heartbeat', { seq: heartbeatSeq, at: new Date(ports.clock.now()).toISOString() });
    return heartbeatSeq;
  };

  const drafts = createDraftFileStore({ dir: path.join(ports.paths.userData, 'drafts'), logger: ports.logger });
  const attachments = createAttachmentService({
    drafts,
    tempDir: path.join(ports.paths.userData, 'uploads-in-progress'),
    logger: ports.logger,
    dialogs: ports.dialogs,
    maxBytesFor: async (accountId) => (await backends.info((await auth.account(accountId)).backend)).maxAttachmentBytes,
    stagingFor: (accountId) => sync.stagingFor(accountId),
    clientFor: async (accountId) => clientFor(await auth.account(accountId)),
    enqueueUpload: (accountId, upload) => sync.enqueue(accountId, { kind: 'upload_attachment', ...upload }),
  });

  const reports = createReportService({ printer: ports.printer, dialogs: ports.dialogs, logger: ports.logger });
  // Public documents (status feed, help search) go through a client that has no token at all.
  const feeds = createPublicFeedClient(ports.fetch, options.httpTimeoutMs);
  const updates: UpdateService = createUpdateService({
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

  const diagnostics = createDiagnosticsService({
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
    emitHeartbeat,
    statusFeed: async (accountId) => feeds.incidents((await backends.endpoints((await auth.account(accountId)).backend)).statusFeed),
    helpSearch: async (accountId, query, languageCode) => {
      const { backend } = await auth.account(accountId);
      const [endpoints, caps] = await Promise.all([backends.endpoints(backend), backends.capabilities(backend)]);
      if (!extensionEnabled(caps, 'helpCenter') || !endpoints.helpCenter) return undefined;
      return feeds.searchHelp(endpoints.helpCenter, query, languageCode);
    },
  });
  const dispatch = createIpcRouter(handlers, {
    isTrustedSender: options.isTrustedSender,
    logger: ports.logger,
    validateResponses: options.validateResponses ?? false,
  });

  let cancelHeartbeat: (() => void) | undefined;
  const scheduleHeartbeat = (): void => {
    const interval = options.heartbeatMs ?? 30_000;
    if (interval <= 0) return;
    cancelHeartbeat = ports.clock.setTimer(interval, () => {
      emitHeartbeat();
      scheduleHeartbeat();
    });
  };

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
    async start() {
      for (const problem of policy.loaded.problems)
        ports.logger.error('policy: problem in the policy file', { file: policy.loaded.file, problem });
      if (policy.loaded.state === 'applied')
        ports.logger.info('policy: applied', { file: policy.loaded.file, fields: Object.keys(policy.loaded.policy) });
      await settings.get();
      const { accounts } = await auth.state();
      await sync.reconcileAccounts(accounts);
      await seedDemo(accounts);
      scheduleHeartbeat();
      updates.start();
      ports.logger.info('core started', { host: ports.host.kind, accounts: accounts.length });
    },
    async stop() {
      cancelHeartbeat?.();
      cancelHeartbeat = undefined;
      updates.stop();
      await sync.stop();
      await backends.stop();
    },
  };
}
