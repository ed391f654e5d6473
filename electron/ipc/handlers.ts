import type { Ports } from '../ports';
import type { SettingsService } from '../services/settings/settings-service';
import type { Handlers } from './router';

export interface HandlerDeps {
  readonly ports: Ports;
  readonly settings: SettingsService;
  readonly emitHeartbeat: () => number;
}

/** Contract channel → service call. Thin on purpose: logic lives in services. */
export function createHandlers({ ports, settings, emitHeartbeat }: HandlerDeps): Handlers {
  return {
    'app.info': async () => ({
      name: ports.host.appName,
      version: ports.host.appVersion,
      host: ports.host.kind,
      platform: ports.host.platform,
    }),
    'app.echo': async (request) => ({
      ...(request.text === undefined ? {} : { text: request.text }),
      byteLength: request.bytes?.byteLength ?? 0,
    }),
    'app.emitHeartbeat': async () => ({ seq: emitHeartbeat() }),
    'settings.get': () => settings.get(),
    'settings.set': (patch) => settings.update(patch),
  };
}
