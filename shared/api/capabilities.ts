import { z } from 'zod';

// What a backend offers beyond Google's documented behaviour. Served by the
// sandbox at /sandbox/capabilities; Google publishes no such document, so a
// client treats a missing document (or a missing extension) as "off".

/** Names of the sandbox's extensions; each is off unless the sandbox was started with it. */
export const SANDBOX_EXTENSIONS = ['reopen', 'resellerAggregatedSearch', 'supportProfileField', 'adminEndpoint', 'helpCenter'] as const;
export type SandboxExtension = (typeof SANDBOX_EXTENSIONS)[number];

export const ExtensionStateSchema = z.object({ enabled: z.boolean(), description: z.string() });

/** A behaviour Google does not document, and the reading the sandbox chose. */
export const UndocumentedChoiceSchema = z.object({ topic: z.string(), choice: z.string() });

export const SandboxCapabilitiesSchema = z.object({
  kind: z.literal('sandbox#capabilities'),
  version: z.number().int(),
  /** Keyed by extension name; names a client does not know are ignored. */
  extensions: z.record(z.string(), ExtensionStateSchema),
  reopenWindowDays: z.number().int(),
  maxAttachmentBytes: z.number().int(),
  /** Order of cases.search/list results (Google documents none; see `undocumented`). */
  searchOrder: z.string(),
  undocumented: z.array(UndocumentedChoiceSchema),
  statusFeed: z.object({ path: z.string(), shape: z.string() }),
  clock: z.object({ now: z.string(), note: z.string() }),
});
export type SandboxCapabilities = z.infer<typeof SandboxCapabilitiesSchema>;

export function extensionEnabled(caps: SandboxCapabilities | undefined, name: SandboxExtension): boolean {
  return caps?.extensions[name]?.enabled === true;
}
