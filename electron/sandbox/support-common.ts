import type { z } from 'zod';
import { describeIssues, parseInbound } from '../../shared/api';
import type { Access } from './access';
import type { SandboxClock } from './clock';
import type { Extensions } from './extensions';
import { badRequest } from './http';
import type { Principal } from './oidc';
import type { Simulation } from './simulation';
import type { Store } from './store';
import type { ActorRec } from './world';

// What the Cloud Support handlers share: their dependencies and the request
// checks every method makes the same way.

export interface SupportDeps {
  store: Store;
  clock: SandboxClock;
  sim: Simulation;
  access: Access;
  extensions: Extensions;
  tokenSecret: string;
  maxAttachmentBytes: number;
  reopenWindowDays: number;
  persist: () => void;
}

/** Google's standard system parameters (docs §1.8): allowed on every method. */
export const SYSTEM_PARAMS: ReadonlySet<string> = new Set([
  'alt',
  'fields',
  'prettyPrint',
  '$.xgafv',
  'quotaUser',
  'key',
  'access_token',
  'oauth_token',
  'uploadType',
  'upload_protocol',
  'callback',
]);

// Google's server check, not the app's (shared/domain isValidEmail, stricter): Google documents no
// rule, so the sandbox refuses only what cannot be an address, and the app's own check stays the one tested.
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Unknown query parameters are refused the way Google's front end refuses them. */
export function allowParams(url: URL, ...allowed: string[]): void {
  for (const key of url.searchParams.keys()) {
    if (!SYSTEM_PARAMS.has(key) && !allowed.includes(key))
      throw badRequest(
        `Invalid JSON payload received. Unknown name "${key}": Cannot bind query parameter. Field '${key}' could not be found in request message.`,
        [{ field: key, description: 'unknown query parameter' }],
      );
  }
}

/** Camel and snake spellings of each name, as proto3 query binding accepts. */
export function spellings(...camel: string[]): string[] {
  return camel.flatMap((c) => {
    const snake = c.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);
    return snake === c ? [c] : [c, snake];
  });
}

/** Reads a query parameter under its camelCase or snake_case spelling. */
export function param(url: URL, camel: string): string | null {
  const snake = camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return url.searchParams.get(camel) ?? url.searchParams.get(snake);
}

export function parseBody<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = parseInbound(schema, raw);
  if (!result.success) throw badRequest(`Invalid JSON payload received. ${describeIssues(result.error)}`);
  return result.data;
}

export function agentActor(p: Principal): ActorRec {
  return { displayName: p.agent.displayName, email: p.agent.email };
}
