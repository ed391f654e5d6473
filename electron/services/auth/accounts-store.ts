import { z } from 'zod';
import { accountSchema, type Account } from '../../../shared/ipc';
import type { DocumentStore, Logger } from '../../ports';

const documentSchema = z.object({ accounts: z.array(z.unknown()) });

/** The account list (no secrets): id, email, domain, backend, colour, status. */
export interface AccountsStore {
  list(): Promise<readonly Account[]>;
  /** `forgetPrevious` on sign-out: the removed account must not stay in a backup of the list. */
  save(accounts: readonly Account[], options?: { readonly forgetPrevious?: boolean }): Promise<void>;
}

export function createAccountsStore(store: DocumentStore, logger: Logger): AccountsStore {
  let cached: Account[] | undefined;
  return {
    async list() {
      if (cached) return cached;
      const parsed = documentSchema.safeParse(await store.read());
      cached = [];
      for (const raw of parsed.success ? parsed.data.accounts : []) {
        const account = accountSchema.safeParse(raw);
        if (account.success) cached.push(account.data);
        else logger.warn('accounts: dropping a damaged account record');
      }
      return cached;
    },
    async save(accounts, options) {
      cached = [...accounts];
      await store.write({ accounts: cached }, options);
    },
  };
}

/** Distinct, readable tab colours (AA against white text is not needed: used as dots and bars). */
export const accountColors = ['#1a73e8', '#d93025', '#188038', '#e37400', '#9334e6', '#007b83', '#b06000', '#c5221f'] as const;

export function nextColor(existing: readonly Account[]): string {
  const used = new Set(existing.map((account) => account.color));
  return accountColors.find((color) => !used.has(color)) ?? accountColors[existing.length % accountColors.length] ?? '#1a73e8';
}
