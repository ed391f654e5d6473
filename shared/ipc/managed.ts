import { z } from 'zod';
import { backendKindSchema } from './accounts';

// Wire types of the managed-workstation features: IT policy, diagnostics, updates, renderer logs.

export const policyStateSchema = z.enum(['none', 'applied', 'invalid']);
export type PolicyState = z.infer<typeof policyStateSchema>;

/** Settings keys a policy can lock (the renderer shows them read-only, "set by your organisation"). */
export const lockableSettingSchema = z.enum(['googleClientId', 'googleClientSecret', 'attachmentCacheCapMb', 'updateChannel']);
export type LockableSetting = z.infer<typeof lockableSettingSchema>;

/** What the renderer may know of the machine's policy: never a secret. */
export const policyViewSchema = z
  .object({
    state: policyStateSchema,
    file: z.string().max(4096),
    problems: z.array(z.string().max(2000)).max(100),
    organisation: z.object({ name: z.string(), contact: z.string().optional() }).optional(),
    locked: z.array(lockableSettingSchema),
    /** Backends the agent may sign in with. */
    backends: z.array(backendKindSchema),
    allowedDomains: z.array(z.string()).optional(),
    signInRefusedMessage: z.string().optional(),
  })
  .strict();
export type PolicyView = z.infer<typeof policyViewSchema>;

export const rendererLogSchema = z
  .object({
    level: z.enum(['error', 'warn', 'info', 'debug']),
    message: z.string().max(2000),
    fields: z.record(z.string().max(100), z.unknown()).optional(),
  })
  .strict();

export const diagnosticsFileSchema = z.object({
  name: z.string(),
  bytes: z.number().int(),
  /** What the file holds, in a few words (English; the UI says it in the agent's language by `name`). */
  summary: z.string(),
  /** How many items it holds (lines, domains, dumps), for the UI's own words. */
  count: z.number().int().optional(),
  /** The first part of the file, as saved (already redacted). */
  preview: z.string(),
});
export const diagnosticsPreviewSchema = z.object({ files: z.array(diagnosticsFileSchema) }).strict();
export type DiagnosticsPreview = z.infer<typeof diagnosticsPreviewSchema>;

export const updateStatusSchema = z
  .object({
    /** `deferred`: downloaded, waiting until no change is being sent and no draft is open. */
    state: z.enum(['disabled', 'idle', 'checking', 'downloading', 'ready', 'deferred', 'installing', 'error']),
    channel: z.enum(['stable', 'beta']),
    currentVersion: z.string(),
    availableVersion: z.string().optional(),
    progressPercent: z.number().min(0).max(100).optional(),
    lastCheckedAt: z.string().optional(),
    error: z.string().max(2000).optional(),
  })
  .strict();
export type UpdateStatus = z.infer<typeof updateStatusSchema>;
