import { z } from 'zod';
import { createJSONStorage, type PersistOptions } from 'zustand/middleware';

// The one owner of Web Storage. Every key the renderer keeps is named in `storageKeys`
// below (with whose data it is, so sign-out can wipe an account), and every value is
// read through a zod schema: a damaged or older value is migrated or dropped, never
// handed to a component (a bad saved tab state used to crash the tab on every start).
// A full or disabled storage must never break typing, so every access is guarded.

/** Whose data a key holds: 'account' keys end in (or contain) an account id and go with it at sign-out. */
export type KeyScope = 'app' | 'account';

export interface KeyFamily {
  /** The key itself ('app') or the part before the account id ('account'). */
  readonly prefix: string;
  readonly scope: KeyScope;
  /** Where the value lives; sessionStorage for what belongs to this window's session only. */
  readonly area: 'local' | 'session';
}

const app = (prefix: string): KeyFamily => ({ prefix, scope: 'app', area: 'local' });
const account = (prefix: string, area: KeyFamily['area'] = 'local'): KeyFamily => ({ prefix, scope: 'account', area });

/** Every key the renderer writes. A test fails when a source file spells an `rsc-` key elsewhere. */
export const storageKeys = {
  // Zustand stores holding per-account maps: wipeAccount calls their forget (see wipe-account.ts).
  appStore: app('rsc-app'),
  unreadStore: app('rsc-unread'),
  takenStore: app('rsc-taken'),
  dashboardPrefs: app('rsc-dashboard-prefs'),
  templates: app('rsc-templates'),
  vaultNotice: app('rsc-vault-notice-dismissed'),
  /** SLA notifications already shown; entries start with `accountId|`. */
  slaNotified: app('rsc-sla-notified'),
  /** One per top-level tab: an account id, or 'all' for the all-domains queue. */
  tab: account('rsc-tab-'),
  commentDraft: account('rsc-comment-draft-'),
  newCaseDraft: account('rsc-new-case-draft-'),
  keptPii: account('rsc-pii-kept-'),
  reopenRefused: account('rsc-reopen-refused-'),
  headSnapshot: account('rsc-head-'),
  followUp: account('rsc-follow-up-', 'session'),
} as const satisfies Record<string, KeyFamily>;

/** A list whose damaged items are dropped one by one (the rest stays). */
export function listOf<T>(item: z.ZodType<T>): z.ZodType<T[]> {
  return z.array(z.unknown()).transform((list) =>
    list.flatMap((value) => {
      const parsed = item.safeParse(value);
      return parsed.success ? [parsed.data] : [];
    }),
  );
}

export interface SlotSpec<T> {
  /** Bumped when the shape changes; older values go through `migrate` first. */
  readonly version: number;
  readonly schema: z.ZodType<T>;
  /**
   * Turns a value saved by an older version into one the schema may accept. Version 0 is a
   * value written before values carried a version (plain JSON). Default: unchanged.
   */
  readonly migrate?: (old: unknown, fromVersion: number) => unknown;
}

/** One typed value in Web Storage: `{ v, value }` under its key. */
export interface Slot<T> {
  read(storage: Storage, key: string): T | undefined;
  write(storage: Storage, key: string, value: T): void;
  remove(storage: Storage, key: string): void;
}

function unwrap(raw: unknown): { version: number; value: unknown } {
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'v' in raw && 'value' in raw) {
    const version = (raw as { v: unknown }).v;
    if (typeof version === 'number') return { version, value: (raw as { value: unknown }).value };
  }
  return { version: 0, value: raw };
}

export function defineSlot<T>(spec: SlotSpec<T>): Slot<T> {
  return {
    read(storage, key) {
      try {
        const raw = storage.getItem(key);
        if (raw === null) return undefined;
        const { version, value } = unwrap(JSON.parse(raw));
        // A value from a newer version is not understood here: leave it alone, use the default.
        if (version > spec.version) return undefined;
        const current = version < spec.version && spec.migrate ? spec.migrate(value, version) : value;
        const parsed = spec.schema.safeParse(current);
        if (parsed.success) return parsed.data;
        storage.removeItem(key); // damaged: dropped, so it does not fail again
        return undefined;
      } catch {
        return undefined;
      }
    },
    write(storage, key, value) {
      try {
        storage.setItem(key, JSON.stringify({ v: spec.version, value }));
      } catch {
        // Quota or privacy mode: the value stays in memory for this session.
      }
    },
    remove(storage, key) {
      try {
        storage.removeItem(key);
      } catch {
        // ignore: nothing to keep
      }
    },
  };
}

/** The key of an account-scoped family for one account, with an optional tail (a case name). */
export function accountKey(family: KeyFamily, accountId: string, tail?: string): string {
  return tail === undefined ? `${family.prefix}${accountId}` : `${family.prefix}${accountId}-${tail}`;
}

/** The browser's storage areas (tests of pure code pass their own). */
export const browserStorage = {
  local: (): Storage => globalThis.localStorage,
  session: (): Storage => globalThis.sessionStorage,
};

/**
 * Persist options for a zustand store: the key from `storageKeys`, a version, a migration,
 * and a merge that keeps only what the schema accepts (a damaged field falls back to the
 * store's default instead of reaching the UI). Schemas use `.catch()` per field, so one
 * damaged field does not cost the others.
 */
export function persistOptions<S, P>(
  family: KeyFamily,
  spec: SlotSpec<Partial<P>> & { readonly key?: string; readonly storage?: () => Storage; readonly partialize?: (state: S) => P },
): PersistOptions<S, P> {
  return {
    name: spec.key ?? family.prefix,
    version: spec.version,
    storage: createJSONStorage(spec.storage ?? browserStorage.local),
    ...(spec.partialize ? { partialize: spec.partialize } : {}),
    migrate: (persisted, version) => (spec.migrate ? spec.migrate(persisted, version) : persisted) as P,
    merge: (persisted, current) => {
      const parsed = spec.schema.safeParse(persisted);
      if (!parsed.success || typeof parsed.data !== 'object' || parsed.data === null) return current;
      // A field the schema dropped (undefined) keeps the store's default.
      const kept = Object.entries(parsed.data).filter(([, value]) => value !== undefined);
      return { ...current, ...Object.fromEntries(kept) };
    },
  };
}

/** Every key of one account in one storage area (the account's families, plus the tab named after it). */
export function accountKeysIn(storage: Storage, accountId: string): string[] {
  const families = Object.values(storageKeys).filter((family) => family.scope === 'account');
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index);
    if (key === null) continue;
    if (families.some((family) => key === accountKey(family, accountId) || key.startsWith(`${accountKey(family, accountId)}-`))) {
      keys.push(key);
    }
  }
  return keys;
}

/** Removes every key of the account from both storage areas. */
export function removeAccountKeys(accountId: string, areas: readonly Storage[] = [browserStorage.local(), browserStorage.session()]): void {
  for (const storage of areas) {
    for (const key of accountKeysIn(storage, accountId)) {
      try {
        storage.removeItem(key);
      } catch {
        // ignore
      }
    }
  }
}
