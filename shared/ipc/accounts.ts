import { z } from 'zod';
import { accountIdSchema } from './replica';

export const backendKindSchema = z.enum(['sandbox', 'google']);

/** What the renderer knows of an account: never a token. */
export const accountSchema = z.object({
  id: accountIdSchema,
  email: z.string().max(320),
  displayName: z.string().max(256).optional(),
  /** The reseller domain this account belongs to (the ID token's `hd`). */
  domain: z.string().max(256),
  backend: backendKindSchema,
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  /** `reauth_required`: the grant was revoked or expired; queued changes are kept until the agent signs in again. */
  status: z.enum(['active', 'reauth_required']),
  addedAt: z.string(),
});
export type Account = z.infer<typeof accountSchema>;
export type BackendKind = z.infer<typeof backendKindSchema>;

export const accountsStateSchema = z.object({
  accounts: z.array(accountSchema),
  /** False where the OS offers no encrypted storage: refresh tokens then live in memory only. */
  secretsPersisted: z.boolean(),
});
export type AccountsState = z.infer<typeof accountsStateSchema>;
