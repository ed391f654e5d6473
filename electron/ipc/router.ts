import {
  fail,
  invokeContract,
  isInvokeChannel,
  maxRequestBytes,
  ok,
  type InvokeChannel,
  type ParsedRequestOf,
  type ResponseOf,
  type Result,
} from '../../shared/ipc';
import { types } from 'node:util';
import type { Logger } from '../ports';
import { toBridgeError } from './error-translator';

/** Who sent a request: the frame's URL and whether it is the top frame. */
export interface SenderInfo {
  readonly url: string | undefined;
  readonly isMainFrame: boolean;
}

export interface CallContext {
  readonly sender: SenderInfo;
}

/** One handler per channel: a channel without a handler does not compile. */
export type Handlers = {
  [C in InvokeChannel]: (request: ParsedRequestOf<C>, context: CallContext) => Promise<ResponseOf<C>>;
};

export interface RouterOptions {
  readonly isTrustedSender: (sender: SenderInfo) => boolean;
  readonly logger: Logger;
  /** Check responses against their schema too (tests and harness): a handler bug becomes a typed error, not bad data. */
  readonly validateResponses?: boolean;
}

export type IpcRouter = (channel: unknown, rawRequest: unknown, sender: SenderInfo) => Promise<Result<unknown>>;

/**
 * The pure IPC router: refuses unknown channels, untrusted senders, oversized
 * and malformed requests with a typed error, runs the handler, and maps
 * anything thrown to an error code (error-translator.ts). It never throws.
 */
export function createIpcRouter(handlers: Handlers, options: RouterOptions): IpcRouter {
  return async (channel, rawRequest, sender) => {
    if (!isInvokeChannel(channel)) return fail('unknown_channel', `Unknown channel: ${describe(channel)}`);
    if (!options.isTrustedSender(sender)) {
      options.logger.warn('ipc: request from untrusted sender refused', { channel, url: sender.url ?? '(none)' });
      return fail('untrusted_sender', 'This page may not use the app bridge.');
    }
    const scanned = scanPayload(rawRequest, maxRequestBytes);
    if (!scanned.plain) return fail('invalid_request', 'The request holds something other than plain data.');
    if (scanned.size > maxRequestBytes) return fail('payload_too_large', `Request exceeds ${maxRequestBytes} bytes.`);

    const contract = invokeContract[channel];
    const parsed = contract.request.safeParse(rawRequest);
    if (!parsed.success) return fail('invalid_request', `Invalid request for ${channel}: ${summarizeIssues(parsed.error.issues)}`);

    try {
      const handler = handlers[channel] as (request: unknown, context: CallContext) => Promise<unknown>;
      const value = await handler(parsed.data, { sender });
      if (options.validateResponses) {
        const checked = contract.response.safeParse(value);
        if (!checked.success) {
          options.logger.error('ipc: handler answered outside its schema', { channel, issues: summarizeIssues(checked.error.issues) });
          return fail('internal', `The app answered ${channel} with malformed data.`);
        }
      }
      return ok(value);
    } catch (error) {
      const translated = toBridgeError(error, channel);
      if (!translated.known) {
        options.logger.error('ipc: handler failed', { channel, error: error instanceof Error ? error.message : String(error) });
      }
      return { ok: false, error: translated.error };
    }
  };
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 64)) : typeof value;
}

function summarizeIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/**
 * A cheap upper bound of a structured-clone payload's size, stopping as soon as
 * it passes `limit` so a huge request costs no more than the limit to inspect.
 */
export function estimateSize(value: unknown, limit: number): number {
  return scanPayload(value, limit).size;
}

/**
 * Size plus a plain-data check: structured clone only ever delivers plain objects, arrays,
 * primitives and real typed arrays. Anything else (an object whose prototype was set to a
 * Uint8Array, say) is refused before a schema or handler touches it. Typed arrays are
 * recognised by their internal slot, never by `instanceof`.
 */
export function scanPayload(value: unknown, limit: number): { size: number; plain: boolean } {
  let total = 0;
  const stack: unknown[] = [value];
  const seen = new Set<object>();
  while (stack.length > 0 && total <= limit) {
    const item = stack.pop();
    if (typeof item === 'string') total += item.length * 2;
    else if (ArrayBuffer.isView(item)) total += item.byteLength;
    else if (types.isArrayBuffer(item)) total += item.byteLength;
    else if (item !== null && typeof item === 'object') {
      const proto: unknown = Object.getPrototypeOf(item);
      if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return { size: total, plain: false };
      if (seen.has(item)) continue;
      seen.add(item);
      for (const key in item) {
        if (!Object.hasOwn(item, key)) continue;
        total += key.length * 2 + 8;
        if (total > limit) break;
        stack.push((item as Record<string, unknown>)[key]);
      }
    } else total += 8;
  }
  return { size: total, plain: true };
}
