import type { UpdateStatus } from '../../../shared/ipc';
import type { Clock, Logger, UpdateEngineFactory, UpdateFeed } from '../../ports';

export interface UpdateServiceDeps {
  readonly engines: UpdateEngineFactory | undefined;
  /** False when the machine policy turns updates off. */
  readonly enabled: boolean;
  readonly feedUrl?: string;
  readonly currentVersion: string;
  readonly channel: () => Promise<UpdateFeed['channel']>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** True while any account's outbox is sending changes: a restart now would cut them off. */
  readonly isSendingChanges: () => boolean;
  readonly publish: (status: UpdateStatus) => void;
  /** How often to look for an update; 0 checks only when asked. */
  readonly checkEveryMs?: number;
}

export interface UpdateService {
  status(): UpdateStatus;
  /** Looks for an update and, when there is one, downloads and verifies it. */
  check(): Promise<UpdateStatus>;
  /** The agent's "Restart": installs now, or as soon as no change is in flight (never while a draft is open). */
  restart(options: { draftsOpen: boolean }): Promise<UpdateStatus>;
  /** Call when the sync engine's state changes: a deferred restart may go ahead. */
  syncChanged(): void;
  start(): void;
  stop(): void;
}

/**
 * When to update (plain Node; the host's engine does the HTTP, the sha512 check and the install).
 * A downloaded update waits: it is installed when the agent quits (next start) or clicks
 * "Restart", and a click while changes are being sent waits until they are sent.
 */
export function createUpdateService(deps: UpdateServiceDeps): UpdateService {
  let status: UpdateStatus = {
    state: deps.engines && deps.enabled ? 'idle' : 'disabled',
    channel: 'stable',
    currentVersion: deps.currentVersion,
  };
  let engine: ReturnType<UpdateEngineFactory> | undefined;
  let running: Promise<UpdateStatus> | undefined;
  let restartWanted = false;
  let cancelTimer: (() => void) | undefined;

  const set = (next: Partial<UpdateStatus>): UpdateStatus => {
    const { error: _error, progressPercent: _progress, ...rest } = status;
    status = { ...rest, ...next };
    deps.publish(status);
    return status;
  };

  async function checkAndDownload(): Promise<UpdateStatus> {
    const factory = deps.engines;
    if (!factory || !deps.enabled) return status;
    if (status.state === 'ready' || status.state === 'deferred' || status.state === 'installing') return status;
    const channel = await deps.channel();
    set({ state: 'checking', channel });
    try {
      engine = factory({ channel, ...(deps.feedUrl ? { url: deps.feedUrl } : {}) });
      const found = await engine.check();
      const lastCheckedAt = new Date(deps.clock.now()).toISOString();
      if (!found) return set({ state: 'idle', lastCheckedAt });
      set({ state: 'downloading', availableVersion: found.version, lastCheckedAt, progressPercent: 0 });
      await engine.download((percent) => {
        if (status.state === 'downloading') set({ progressPercent: Math.max(0, Math.min(100, Math.round(percent))) });
      });
      deps.logger.info('update: downloaded and verified', { version: found.version, channel });
      return set({ state: 'ready' });
    } catch (error) {
      // electron-updater puts whole stacks into its messages: keep the first line.
      const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
      deps.logger.warn('update: check or download failed', { error: message });
      engine = undefined;
      return set({
        state: 'error',
        error: /checksum|sha512/i.test(message) ? 'The downloaded update did not match its checksum and was discarded.' : message,
      });
    }
  }

  function installIfQuiet(): void {
    if (!restartWanted || !engine || deps.isSendingChanges()) return;
    restartWanted = false;
    set({ state: 'installing' });
    deps.logger.info('update: restarting into the new version', { version: status.availableVersion });
    engine.installNow();
  }

  const schedule = (): void => {
    const every = deps.checkEveryMs ?? 6 * 60 * 60_000;
    if (every <= 0 || status.state === 'disabled') return;
    cancelTimer = deps.clock.setTimer(every, () => {
      void service.check().finally(schedule);
    });
  };

  const service: UpdateService = {
    status: () => status,
    check() {
      running ??= checkAndDownload().finally(() => (running = undefined));
      return running;
    },
    async restart({ draftsOpen }) {
      if (status.state !== 'ready' && status.state !== 'deferred') return status;
      if (draftsOpen) {
        restartWanted = false;
        return set({ state: 'ready' });
      }
      restartWanted = true;
      if (deps.isSendingChanges()) return set({ state: 'deferred' });
      installIfQuiet();
      return status;
    },
    syncChanged: installIfQuiet,
    start() {
      if (status.state === 'disabled') return;
      void deps.channel().then((channel) => set({ channel }));
      schedule();
    },
    stop() {
      cancelTimer?.();
      cancelTimer = undefined;
    },
  };
  return service;
}
