import { createRng, type Rng } from './rng';

// Fault injection for the API port. Rates are probabilities per matching
// request, drawn from a seeded RNG so a run can be replayed.

export interface FaultConfig {
  /** Added to every matching request, in wall-clock milliseconds. */
  latencyMs: number;
  /** Probability per HTTP status of answering with that error instead. */
  errorRates: { 429?: number; 500?: number; 503?: number };
  /** Sent as Retry-After (and RetryInfo) with 429 and 503. */
  retryAfterSeconds: number;
  /** Probability of destroying the connection before handling. */
  resetRate: number;
  /** Probability of applying the request and then destroying the connection without a response. */
  dropResponseRate: number;
  /** Lifetime of newly issued access tokens. */
  accessTokenLifetimeSeconds: number;
  /** The API port refuses connections; the admin port keeps working. */
  offline: boolean;
  /** Only requests with these methods are affected (empty = all). */
  methods: string[];
  /** Only requests whose path starts with one of these are affected. */
  pathPrefixes: string[];
}

export const DEFAULT_FAULTS: Readonly<FaultConfig> = {
  latencyMs: 0,
  errorRates: {},
  retryAfterSeconds: 1,
  resetRate: 0,
  dropResponseRate: 0,
  accessTokenLifetimeSeconds: 3600,
  offline: false,
  methods: [],
  pathPrefixes: ['/v2/', '/upload/', '/apps/', '/v3/'],
};

export type FaultDecision = { kind: 'none' } | { kind: 'reset' } | { kind: 'error'; status: 429 | 500 | 503 } | { kind: 'drop' };

export class Faults {
  config: FaultConfig = structuredClone(DEFAULT_FAULTS) as FaultConfig;
  private readonly rng: Rng;

  constructor(seed: string) {
    this.rng = createRng(`${seed}:faults`);
  }

  set(partial: Partial<FaultConfig>): void {
    this.config = { ...this.config, ...structuredClone(partial) } as FaultConfig;
  }

  clear(): void {
    this.config = structuredClone(DEFAULT_FAULTS) as FaultConfig;
  }

  matches(method: string, path: string): boolean {
    const c = this.config;
    return (c.methods.length === 0 || c.methods.includes(method)) && c.pathPrefixes.some((p) => path.startsWith(p));
  }

  /** Decides before handling: reset or error (drop is decided separately after the write). */
  before(): FaultDecision {
    const c = this.config;
    if (c.resetRate > 0 && this.rng.next() < c.resetRate) return { kind: 'reset' };
    for (const status of [429, 500, 503] as const) {
      const rate = c.errorRates[status] ?? 0;
      if (rate > 0 && this.rng.next() < rate) return { kind: 'error', status };
    }
    return { kind: 'none' };
  }

  dropAfter(): boolean {
    const rate = this.config.dropResponseRate;
    return rate > 0 && this.rng.next() < rate;
  }
}

/** Validates an admin-supplied partial config (the admin endpoint takes JSON). */
export function parseFaultPatch(raw: unknown): Partial<FaultConfig> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('faults must be a JSON object');
  const out: Partial<FaultConfig> = {};
  const r = raw as Record<string, unknown>;
  const num = (k: string, min: number, max: number): number => {
    const v = r[k];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw new Error(`${k} must be a number in [${min}, ${max}]`);
    return v;
  };
  for (const k of Object.keys(r)) {
    switch (k) {
      case 'latencyMs':
        out.latencyMs = num(k, 0, 600_000);
        break;
      case 'retryAfterSeconds':
        out.retryAfterSeconds = num(k, 0, 86_400);
        break;
      case 'resetRate':
        out.resetRate = num(k, 0, 1);
        break;
      case 'dropResponseRate':
        out.dropResponseRate = num(k, 0, 1);
        break;
      case 'accessTokenLifetimeSeconds':
        out.accessTokenLifetimeSeconds = num(k, 1, 86_400);
        break;
      case 'offline':
        if (typeof r[k] !== 'boolean') throw new Error('offline must be a boolean');
        out.offline = r[k] as boolean;
        break;
      case 'methods':
      case 'pathPrefixes': {
        const v = r[k];
        if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new Error(`${k} must be an array of strings`);
        out[k] = v as string[];
        break;
      }
      case 'errorRates': {
        const v = r[k];
        if (v === null || typeof v !== 'object') throw new Error('errorRates must be an object');
        const rates: FaultConfig['errorRates'] = {};
        for (const [status, rate] of Object.entries(v as Record<string, unknown>)) {
          if (status !== '429' && status !== '500' && status !== '503')
            throw new Error(`errorRates supports 429, 500 and 503, not ${status}`);
          if (typeof rate !== 'number' || rate < 0 || rate > 1) throw new Error(`errorRates.${status} must be in [0, 1]`);
          rates[Number(status) as 429 | 500 | 503] = rate;
        }
        out.errorRates = rates;
        break;
      }
      default:
        throw new Error(`unknown fault setting "${k}"`);
    }
  }
  return out;
}
