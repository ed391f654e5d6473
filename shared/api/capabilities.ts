import { z } from 'zod';

// What a backend supports beyond (or instead of) Google's documented behaviour.
// Served by the sandbox at /sandbox/capabilities; the client treats a missing
// document as "real Google": no reopen, no support profile, etc.

export const SandboxCapabilitiesSchema = z.object({
  kind: z.literal('sandbox#capabilities'),
  version: z.number().int(),
  reopen: z.object({ supported: z.boolean(), method: z.string(), windowDays: z.number().int() }),
  escalation: z.object({ requiresPremiumSupport: z.boolean(), requiredFields: z.array(z.string()) }),
  attachments: z.object({ maxBytes: z.number().int(), deleteSupported: z.boolean() }),
  search: z.object({
    scope: z.string(),
    resellerOrgSearchIncludesCustomers: z.boolean(),
    listIncludesCustomerCases: z.boolean(),
    sortOrder: z.string(),
    freeText: z.string(),
    operatorPrecedence: z.string(),
    stateValues: z.array(z.string()),
  }),
  comments: z.object({ order: z.string() }),
  closedCases: z.object({ mutable: z.boolean(), note: z.string() }),
  customers: z.object({ supportProfileField: z.string(), unauthorizedCasesReadable: z.boolean() }),
  statusFeed: z.object({ path: z.string(), shape: z.string() }),
  clock: z.object({ now: z.string(), note: z.string() }),
  /** Sandbox-only features Google does not offer; each is off unless the sandbox was started with it. */
  extensions: z
    .object({
      helpCenter: z.object({ enabled: z.boolean(), path: z.string(), languages: z.array(z.string()) }).optional(),
    })
    .optional(),
});
export type SandboxCapabilities = z.infer<typeof SandboxCapabilitiesSchema>;
