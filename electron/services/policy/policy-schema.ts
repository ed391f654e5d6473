import { z } from 'zod';

// The machine-wide policy file IT departments deploy (JSON). Every field is optional;
// a field that is set beats the agent's own setting and shows as locked in Settings.

const httpsUrl = z
  .string()
  .max(2048)
  .url()
  .refine((value) => value.startsWith('https://'), 'must be an https:// URL');
const proxyUrl = z
  .string()
  .max(2048)
  .url()
  .refine((value) => /^https?:\/\//.test(value), 'must be an http:// or https:// URL');
const domainName = z
  .string()
  .min(3)
  .max(253)
  .regex(/^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/, 'must be a lower-case domain name');

export const policyFields = {
  /** Shown beside locked values and in refusals ("set by Northwind IT"). */
  organisation: z.object({ name: z.string().min(1).max(120), contact: z.string().max(300).optional() }).strict(),
  /** Only this backend is offered for sign-in. */
  backend: z.enum(['google', 'sandbox']),
  /** Whether the demo sandbox may be used at all. */
  sandboxOffered: z.boolean(),
  /** The Google OAuth client (a "Desktop app" client) every agent uses. */
  oauthClient: z.object({ clientId: z.string().min(1).max(512), clientSecret: z.string().max(512).optional() }).strict(),
  /** Reseller domains agents may sign in to; others are refused. */
  allowedDomains: z.array(domainName).min(1).max(500),
  /** The organisation's own words when a sign-in is refused by this policy. */
  signInRefusedMessage: z.string().min(1).max(500),
  /** An HTTP(S) proxy for every request of the app; hosts in noProxy go direct. */
  proxy: z.object({ url: proxyUrl, noProxy: z.array(z.string().min(1).max(253)).max(200).optional() }).strict(),
  /** Attachment cache cap, in MiB. */
  attachmentCacheCapMb: z.number().int().min(16).max(65_536),
  update: z
    .object({
      enabled: z.boolean().optional(),
      channel: z.enum(['stable', 'beta']).optional(),
      /** A generic update server (latest.yml, beta.yml and the installers). */
      feedUrl: httpsUrl.optional(),
    })
    .strict(),
  logLevel: z.enum(['error', 'warn', 'info', 'debug']),
  /** Crash dumps stay on this computer unless this is set. */
  crashReportUrl: httpsUrl,
} as const;

export type PolicyFieldName = keyof typeof policyFields;
export type Policy = { -readonly [K in PolicyFieldName]?: z.output<(typeof policyFields)[K]> };
