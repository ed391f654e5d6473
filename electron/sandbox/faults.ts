import { z } from 'zod';
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

const rate = z.number().min(0).max(1);

/** An admin-supplied partial config (the admin endpoint takes JSON); unknown settings are refused. */
export const FaultPatchSchema = z.strictObject({
  latencyMs: z.number().min(0).max(600_000).optional(),
  errorRates: z.strictObject({ 429: rate.optional(), 500: rate.optional(), 503: rate.optional() }).optional(),
  retryAfterSeconds: z.number().min(0).max(86_400).optional(),
  resetRate: rate.optional(),
  dropResponseRate: rate.optional(),
  accessTokenLifetimeSeconds: z.number().min(1).max(86_400).optional(),
  offline: z.boolean().optional(),
  methods: z.array(z.string()).optional(),
  pathPrefixes: z.array(z.string()).optional(),
});

export function parseFaultPatch(raw: unknown): Partial<FaultConfig> {
  const parsed = FaultPatchSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`invalid fault settings: ${z.prettifyError(parsed.error)}`);
  const out: Partial<FaultConfig> = {};
  for (const [k, v] of Object.entries(parsed.data)) if (v !== undefined) Object.assign(out, { [k]: v });
  if (parsed.data.errorRates !== undefined) {
    const rates: FaultConfig['errorRates'] = {};
    for (const [status, r] of Object.entries(parsed.data.errorRates)) if (r !== undefined) rates[Number(status) as 429 | 500 | 503] = r;
    out.errorRates = rates;
  }
  return out;
}
