import {
  isEventChannel,
  isInvokeChannel,
  type EventChannel,
  type InvokeChannel,
  type PayloadOf,
  type RequestOf,
  type ResponseOf,
} from './contract';
import { fail, type Result } from './errors';

/** How a host moves bridge messages: ipcRenderer in Electron, a Playwright binding in the harness. */
export interface BridgeTransport {
  invoke(channel: string, request: unknown): Promise<unknown>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

/** The one object the page sees (as `window.consoleBridge`). */
export interface ConsoleBridge {
  invoke<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  on<E extends EventChannel>(event: E, listener: (payload: PayloadOf<E>) => void): () => void;
}

export const bridgeGlobalName = 'consoleBridge';

/**
 * Builds the frozen bridge both hosts expose. Channels outside the contract are
 * refused here already; the main side validates everything again, since a
 * compromised page could call the transport directly.
 */
export function createBridge(transport: BridgeTransport): ConsoleBridge {
  const bridge: ConsoleBridge = {
    async invoke(channel, request) {
      if (!isInvokeChannel(channel)) return fail('unknown_channel', `Unknown channel: ${String(channel)}`);
      try {
        return (await transport.invoke(channel, request)) as Result<never>;
      } catch (error) {
        // A transport failure (e.g. the page is being torn down) is not the caller's fault.
        return fail('unavailable', error instanceof Error ? error.message : String(error));
      }
    },
    on(event, listener) {
      if (!isEventChannel(event)) throw new TypeError(`Unknown event: ${String(event)}`);
      return transport.subscribe(event, (payload) => listener(payload as never));
    },
  };
  return Object.freeze(bridge);
}
