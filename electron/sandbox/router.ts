import type { IncomingMessage } from 'node:http';
import type { Reply } from './http';

// The route table: each route is a method and a path template such as
// `/v2/{collection}/{parent}/cases/{case}:close`. Templates are matched against
// the raw path split on "/", each segment decoded on its own, so an encoded
// slash (%2F) never turns into a path separator (Google does not route it).

export interface RouteContext {
  req: IncomingMessage;
  url: URL;
  params: Readonly<Record<string, string>>;
}

export interface Route {
  method: string;
  template: string;
  /** Counted in admin stats, e.g. "cases.search". */
  name: string;
  handle: (ctx: RouteContext) => Reply | Promise<Reply>;
}

type Part = { literal: string } | { param: string; verb: string | undefined };

interface Compiled {
  route: Route;
  parts: Part[];
}

function compile(template: string): Part[] {
  return template
    .split('/')
    .slice(1)
    .map((seg) => {
      const m = /^\{(\w+)\}(?::(\w+))?$/.exec(seg);
      return m === null ? { literal: seg } : { param: m[1] as string, verb: m[2] };
    });
}

export type Match =
  { kind: 'route'; route: Route; params: Record<string, string> } | { kind: 'method' } | { kind: 'none' } | { kind: 'malformed' };

export class Router {
  private readonly routes: Compiled[] = [];

  add(...routes: Route[]): this {
    for (const route of routes) this.routes.push({ route, parts: compile(route.template) });
    return this;
  }

  /** `rawPath` is the URL's pathname as sent (still percent-encoded). */
  match(method: string, rawPath: string): Match {
    const segments = rawPath.split('/').slice(1);
    let decoded: string[];
    try {
      decoded = segments.map((s) => decodeURIComponent(s));
    } catch {
      return { kind: 'malformed' };
    }
    let pathMatched = false;
    for (const { route, parts } of this.routes) {
      const params = matchParts(parts, decoded);
      if (params === undefined) continue;
      if (route.method === method) return { kind: 'route', route, params };
      pathMatched = true;
    }
    return pathMatched ? { kind: 'method' } : { kind: 'none' };
  }
}

function matchParts(parts: readonly Part[], segments: readonly string[]): Record<string, string> | undefined {
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as Part;
    const seg = segments[i] as string;
    if (seg.includes('/')) return undefined;
    if ('literal' in part) {
      if (seg !== part.literal) return undefined;
      continue;
    }
    let value = seg;
    if (part.verb !== undefined) {
      if (!seg.endsWith(`:${part.verb}`)) return undefined;
      value = seg.slice(0, -(part.verb.length + 1));
    } else if (seg.includes(':')) {
      return undefined;
    }
    if (value === '') return undefined;
    params[part.param] = value;
  }
  return params;
}
