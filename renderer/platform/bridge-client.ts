import {
  AppError,
  bridgeGlobalName,
  type ConsoleBridge,
  type EventChannel,
  type InvokeChannel,
  type PayloadOf,
  type RequestOf,
  type ResponseOf,
} from '../../shared/ipc';

/** The typed client over the bridge: unwraps envelopes into values or AppErrors. */
export interface BridgeClient {
  invoke<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  on<E extends EventChannel>(event: E, listener: (payload: PayloadOf<E>) => void): () => void;
}

export function createBridgeClient(bridge: ConsoleBridge): BridgeClient {
  return {
    async invoke(channel, request) {
      const result = await bridge.invoke(channel, request);
      if (result.ok) return result.value;
      throw new AppError(result.error.code, result.error.message, result.error.retryable);
    },
    on: (event, listener) => bridge.on(event, listener),
  };
}

let client: BridgeClient | undefined;

/** The only place that reads the bridge global (set by the preload or the harness). */
export function getBridgeClient(): BridgeClient {
  if (client) return client;
  const bridge = (globalThis as unknown as Record<string, ConsoleBridge | undefined>)[bridgeGlobalName];
  if (!bridge) throw new Error('The app bridge is missing: the renderer must run inside the app or the harness.');
  client = createBridgeClient(bridge);
  return client;
}
