import path from 'node:path';
import type { Account } from '../shared/ipc';
import { createEventBus, type EventBus } from './ipc/event-bus';
import { createHandlers } from './ipc/handlers';
import { createIpcRouter, type IpcRouter, type SenderInfo } from './ipc/router';
import type { Ports } from './ports';
import { createHttpClient } from './services/api/http';
import { createSupportClient, type SupportClient } from './services/api/support-client';
import { createAuthService, type AuthService } from './services/auth/auth-service';
import { createAgencyService, seedDemoPresets, type AgencyService } from './services/agency/agency-service';
import { createAttachmentService } from './services/files/attachment-service';
import { createReportService } from './services/customer-report/report-service';
import { createBackendRegistry, type BackendRegistry, type SandboxSource } from './services/backend/backend-registry';
import { createSettingsService, type SettingsService } from './services/settings/settings-service';
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
}

export interface Core {
  readonly dispatch: IpcRouter;
  readonly events: EventBus;
  readonly settings: SettingsService;
  readonly agency: AgencyService;
  readonly auth: AuthService;
  readonly sync: SyncService;
  readonly backends: BackendRegistry;
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
  const settings = createSettingsService(ports.settings, ports.logger, (next) => events.publish('settings.changed', next));
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

  // auth's callback above uses `sync`; it only runs after a sign-in, long after this line.
  const sync: SyncService = createSyncService({
    dir: path.join(ports.paths.userData, 'outbox'),
    clock: ports.clock,
    logger: ports.logger,
    random: Math.random,
    clientFor,
    orderedByUpdateTime: async (account) =>
      (await backends.capabilities(account.backend))?.search.sortOrder.startsWith('updateTime ascending') ?? false,
    publishBatch: (batch) => events.publish('replica.batch', batch),
    publishStatus: (status) => events.publish('sync.status', status),
    publishOutbox: (accountId, entries) => events.publish('outbox.changed', { accountId, entries }),
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

  const attachments = createAttachmentService({
    tempDir: path.join(ports.paths.userData, 'uploads-in-progress'),
    logger: ports.logger,
    dialogs: ports.dialogs,
    maxBytesFor: async (accountId) => (await backends.info((await auth.account(accountId)).backend)).maxAttachmentBytes,
    stagingFor: (accountId) => sync.stagingFor(accountId),
    clientFor: async (accountId) => clientFor(await auth.account(accountId)),
    enqueueUpload: (accountId, upload) => sync.enqueue(accountId, { kind: 'upload_attachment', ...upload }),
  });

  const reports = createReportService({ printer: ports.printer, dialogs: ports.dialogs, logger: ports.logger });

  const handlers = createHandlers({
    ports,
    settings,
    agency,
    reports,
    auth,
    sync,
    backends,
    attachments,
    emitHeartbeat,
    statusFeed: async (accountId) => (await clientFor(await auth.account(accountId))).statusFeed(),
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
    async start() {
      await settings.get();
      const { accounts } = await auth.state();
      await sync.reconcileAccounts(accounts);
      await seedDemo(accounts);
      scheduleHeartbeat();
      ports.logger.info('core started', { host: ports.host.kind, accounts: accounts.length });
    },
    async stop() {
      cancelHeartbeat?.();
      cancelHeartbeat = undefined;
      await sync.stop();
      await backends.stop();
    },
  };
}
