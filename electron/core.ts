import { createEventBus, type EventBus } from './ipc/event-bus';
import { createHandlers } from './ipc/handlers';
import { createIpcRouter, type IpcRouter, type SenderInfo } from './ipc/router';
import type { Ports } from './ports';
import { createSettingsService, type SettingsService } from './services/settings/settings-service';

export interface CoreOptions {
  /** Decides which frames may use the bridge (the app origin, top frame only). */
  readonly isTrustedSender: (sender: SenderInfo) => boolean;
  /** Interval of the `app.heartbeat` event; 0 turns the timer off. */
  readonly heartbeatMs?: number;
  readonly validateResponses?: boolean;
}

export interface Core {
  readonly dispatch: IpcRouter;
  readonly events: EventBus;
  readonly settings: SettingsService;
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

  let heartbeatSeq = 0;
  const emitHeartbeat = (): number => {
    heartbeatSeq += 1;
    events.publish('app.heartbeat', { seq: heartbeatSeq, at: new Date(ports.clock.now()).toISOString() });
    return heartbeatSeq;
  };

  const handlers = createHandlers({ ports, settings, emitHeartbeat });
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
    async start() {
      await settings.get();
      scheduleHeartbeat();
      ports.logger.info('core started', { host: ports.host.kind });
    },
    async stop() {
      cancelHeartbeat?.();
      cancelHeartbeat = undefined;
    },
  };
}
