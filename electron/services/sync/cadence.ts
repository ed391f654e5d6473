// Which case scopes a sync cycle pulls. A reseller domain may have hundreds of customers,
// most of them quiet on any given day: polling each one every cycle would spend the
// account's request budget on "nothing changed". So a scope is due after a wait that grows
// with how long it has been quiet — a quarter of its quiet time — never less than one
// cycle and never more than `maxIntervalMs`, so every scope is seen within a bounded time.

export interface CadenceOptions {
  /** The sync cycle (the agent's sync-interval setting). */
  readonly cycleMs: number;
  /** The longest any scope waits between two pulls. */
  readonly maxIntervalMs: number;
}

export interface ScopeActivity {
  /** When the scope was last pulled in this run (undefined: not yet). */
  readonly pulledAt: number | undefined;
  /** The latest sign of life: newest case update seen, or a change the agent made there. */
  readonly activeAt: number | undefined;
}

/** A stable number in [0, 1) per scope name (FNV-1a), so quiet scopes fall due at different times. */
function spreadOf(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i += 1) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return hash / 0x1_0000_0000;
}

/**
 * How long the scope may wait after its last pull. The bound is spread over its last quarter
 * per scope: scopes first pulled together do not all fall due in the same minute again.
 */
export function scopeInterval(activity: ScopeActivity, now: number, options: CadenceOptions, name = ''): number {
  const cap = Math.max(options.cycleMs, options.maxIntervalMs * (0.75 + 0.25 * spreadOf(name)));
  if (activity.activeAt === undefined) return cap;
  const quietFor = Math.max(0, now - activity.activeAt);
  return Math.min(cap, Math.max(options.cycleMs, quietFor / 4));
}

/**
 * The scopes due now, most overdue first. `all` (start, "Sync now", re-discovery) makes
 * every scope due: the full sweep on demand. A small slack keeps a scope that is due a few
 * seconds after this cycle from waiting a whole extra cycle.
 */
export function dueScopes<T extends { readonly name: string }>(
  scopes: readonly T[],
  activityOf: (name: string) => ScopeActivity,
  now: number,
  options: CadenceOptions & { readonly all: boolean },
): T[] {
  const slack = options.cycleMs / 10;
  const ranked = scopes.map((scope) => {
    const activity = activityOf(scope.name);
    const overdue =
      activity.pulledAt === undefined
        ? Number.POSITIVE_INFINITY
        : now - activity.pulledAt - scopeInterval(activity, now, options, scope.name);
    return { scope, overdue };
  });
  return ranked
    .filter((entry) => options.all || entry.overdue >= -slack)
    .sort((a, b) => b.overdue - a.overdue)
    .map((entry) => entry.scope);
}
