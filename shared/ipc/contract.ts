import { z } from 'zod';
import { HelpArticleSchema } from '../api/help-center';
import { IncidentFeedSchema } from '../api/status-feed';
import { HELP_QUERY_MAX_LENGTH } from '../domain/limits';
import { MIME_TYPE_PATTERN } from '../domain/validation';
import { accountSchema, accountsStateSchema, backendKindSchema } from './accounts';
import {
  agencyCsvKindSchema,
  agencyCustomerPatchSchema,
  agencyDataSchema,
  csvProblemSchema,
  MAX_AGENCY_CSV_BYTES,
  planIdSchema,
  slaPlanSchema,
} from './agency';
import { diagnosticsPreviewSchema, policyViewSchema, rendererLogSchema, updateStatusSchema } from './managed';
import { mutationSchema, outboxEntrySchema } from './outbox';
import { accountIdSchema, replicaBatchSchema } from './replica';

// The one table of the bridge: every invoke channel with its request and
// response schema, every event with its payload schema. Types are derived
// from it; the router, the preload and the harness enumerate it at run time.

export const languageSchema = z.enum(['system', 'en', 'zh-TW', 'zh-CN', 'id', 'fr']);
export const themeSchema = z.enum(['system', 'light', 'dark']);

export const settingsSchema = z
  .object({
    language: languageSchema,
    theme: themeSchema,
    /** Minutes between background syncs. */
    syncIntervalMinutes: z.number().int().min(1).max(240),
    /** Attachment cache cap across accounts, in MiB. */
    attachmentCacheCapMb: z.number().int().min(16).max(65_536),
    /** Attachments of open cases below this size are downloaded eagerly, in MiB. */
    eagerDownloadMaxMb: z.number().int().min(0).max(1024),
    /** OAuth client of the Google backend (a desktop client: the secret is not confidential). */
    googleClientId: z.string().max(512),
    googleClientSecret: z.string().max(512),
    /** Which update channel this computer follows. */
    updateChannel: z.enum(['stable', 'beta']),
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;

/** Settings of a fresh install (main applies them; here so both sides name them once). */
export const defaultSettings: Settings = {
  language: 'system',
  theme: 'system',
  syncIntervalMinutes: 5,
  attachmentCacheCapMb: 1024,
  eagerDownloadMaxMb: 10,
  googleClientId: '',
  googleClientSecret: '',
  updateChannel: 'stable',
};

export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.output<typeof settingsPatchSchema>;

export const hostKindSchema = z.enum(['electron', 'harness']);

const empty = z.object({}).strict();
const accountRequest = z.object({ accountId: accountIdSchema }).strict();

export const syncStatusSchema = z.object({
  accountId: accountIdSchema,
  /**
   * `offline`: the backend cannot be reached; `reauth`: the account must sign in again;
   * `error`: the account could not start (see lastError) — "Sync now" retries, sign-out works.
   */
  connection: z.enum(['online', 'offline', 'reauth', 'error']),
  syncing: z.boolean(),
  /**
   * The sync under way: `done` of `total` steps (changes pushed, then customers' case scopes
   * pulled) and how many cases it has brought so far.
   */
  progress: z.object({ done: z.number().int(), total: z.number().int().optional(), cases: z.number().int().optional() }).optional(),
  lastSyncedAt: z.string().optional(),
  offlineSince: z.string().optional(),
  pending: z.number().int(),
  failed: z.number().int(),
  lastError: z.string().max(2000).optional(),
  /** When the loop tries again after a failed sync (a countdown for the agent). */
  nextAttemptAt: z.string().optional(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

const uploadId = z.string().uuid();
const downloadId = z.string().uuid();

export const attachmentMetaSchema = z.object({
  filename: z.string().min(1).max(255),
  mimeType: z.string().max(256),
  sizeBytes: z.number().int().positive(),
});

/** A file staged for a new-case draft (in main, durably) before the case exists. */
export const draftFileSchema = z.object({
  fileId: uploadId,
  filename: z.string().min(1).max(255),
  mimeType: z.string().max(256),
  sizeBytes: z.number().int().positive(),
  sha256: z.string().max(64),
  addedAt: z.string(),
  /** The agent saw PII findings in it and chose to keep it. */
  piiKept: z.boolean(),
});
export type DraftFile = z.infer<typeof draftFileSchema>;
const draftId = z.string().uuid();

export const backendInfoSchema = z.object({
  backend: backendKindSchema,
  reopenSupported: z.boolean(),
  reopenWindowDays: z.number().int(),
  maxAttachmentBytes: z.number().int(),
  escalationRequiresPremium: z.boolean(),
});
export type BackendInfo = z.infer<typeof backendInfoSchema>;

const savedFileSchema = z.object({ saved: z.boolean(), path: z.string().optional() }).strict();
/** A customer report's CSV (one row per case of one customer) stays far below this. */
export const MAX_REPORT_CSV_CHARS = 1_500_000;

export const invokeContract = {
  'app.info': {
    request: empty,
    response: z.object({ name: z.string(), version: z.string(), host: hostKindSchema, platform: z.string() }).strict(),
  },
  /** Echoes its payload; used to measure and test the bridge itself. */
  'app.echo': {
    request: z.object({ text: z.string().max(1024).optional(), bytes: z.instanceof(Uint8Array).optional() }).strict(),
    response: z.object({ text: z.string().optional(), byteLength: z.number().int() }).strict(),
  },
  /** Asks main to emit one `app.heartbeat` event now (besides the timer). */
  'app.emitHeartbeat': {
    request: empty,
    response: z.object({ seq: z.number().int() }).strict(),
  },
  'settings.get': { request: empty, response: settingsSchema },
  'settings.set': { request: settingsPatchSchema, response: settingsSchema },
  'accounts.list': { request: empty, response: accountsStateSchema },
  /** Opens the sign-in page in the browser and resolves when the redirect comes back. */
  'accounts.signIn': {
    request: z
      .object({ backend: backendKindSchema, domain: z.string().max(256).optional(), loginHint: z.string().max(320).optional() })
      .strict(),
    response: accountSchema,
  },
  'accounts.cancelSignIn': { request: empty, response: empty },
  /** Revokes, forgets the tokens and wipes the account's queue and staged files; the renderer wipes its replica. */
  'accounts.signOut': { request: accountRequest, response: z.object({ discardedChanges: z.number().int() }).strict() },
  /** The renderer's replica is open: here is its cursor (null = empty replica). Starts pulling. */
  'replica.hello': {
    request: z.object({ accountId: accountIdSchema, cursor: z.string().max(65_536).nullable() }).strict(),
    response: empty,
  },
  /** A `replica.batch` was committed with its cursor. */
  'replica.ack': { request: z.object({ accountId: accountIdSchema, batchId: z.string().max(64) }).strict(), response: empty },
  /** A `replica.batch` could not be committed (e.g. the disk is full): main fails that sync at once, with the reason, and retries later. */
  'replica.nack': {
    request: z.object({ accountId: accountIdSchema, batchId: z.string().max(64), reason: z.string().max(500) }).strict(),
    response: empty,
  },
  /** Appends a change to the durable outbox; resolves once it is on disk. */
  'mutations.enqueue': {
    request: z.object({ accountId: accountIdSchema, mutation: mutationSchema }).strict(),
    response: outboxEntrySchema,
  },
  'mutations.list': { request: accountRequest, response: z.array(outboxEntrySchema) },
  'mutations.retry': { request: z.object({ accountId: accountIdSchema, id: z.string().max(64) }).strict(), response: outboxEntrySchema },
  'mutations.edit': {
    request: z.object({ accountId: accountIdSchema, id: z.string().max(64), mutation: mutationSchema }).strict(),
    response: outboxEntrySchema,
  },
  /** Drops a queued or failed change; the entry comes back so its text can still be copied. */
  'mutations.discard': { request: z.object({ accountId: accountIdSchema, id: z.string().max(64) }).strict(), response: outboxEntrySchema },
  'sync.now': { request: z.object({ accountId: accountIdSchema.optional() }).strict(), response: empty },
  'sync.statuses': { request: empty, response: z.array(syncStatusSchema) },
  'backend.info': { request: accountRequest, response: backendInfoSchema },
  /** Starts staging a file for upload; main checks name, size and type before any byte is accepted. */
  'attachments.stageBegin': {
    request: z
      .object({
        accountId: accountIdSchema,
        filename: z.string().min(1).max(1024),
        /** '' when the browser does not know the type (sent as application/octet-stream). */
        mimeType: z.union([z.literal(''), z.string().max(256).regex(MIME_TYPE_PATTERN, 'a type/subtype media type')]),
        sizeBytes: z.number().int(),
      })
      .strict(),
    response: z.object({ uploadId, filename: z.string() }).strict(),
  },
  /** One chunk (≤ 1 MiB) of a staged file, in order. */
  'attachments.stageChunk': {
    request: z
      .object({ accountId: accountIdSchema, uploadId, offset: z.number().int().nonnegative(), bytes: z.instanceof(Uint8Array) })
      .strict(),
    response: z.object({ received: z.number().int() }).strict(),
  },
  /** The file is complete and on disk: queue its upload to the case (a server name or a local id). */
  'attachments.stageCommit': {
    request: z.object({ accountId: accountIdSchema, uploadId, caseRef: z.string().min(1).max(512) }).strict(),
    response: outboxEntrySchema,
  },
  'attachments.stageAbort': { request: z.object({ accountId: accountIdSchema, uploadId }).strict(), response: empty },
  /** The file is complete: keep it with a new-case draft (durably, across restarts) instead of queueing it. */
  'attachments.stageForDraft': {
    request: z.object({ accountId: accountIdSchema, uploadId, draftId, piiKept: z.boolean() }).strict(),
    response: draftFileSchema,
  },
  'attachments.draftFiles': { request: z.object({ accountId: accountIdSchema, draftId }).strict(), response: z.array(draftFileSchema) },
  /** The first bytes of a draft's file (≤ 2 MiB), for the PII re-check at submit. */
  'attachments.draftFileHead': {
    request: z.object({ accountId: accountIdSchema, draftId, fileId: uploadId }).strict(),
    response: z.object({ bytes: z.instanceof(Uint8Array) }).strict(),
  },
  /** Re-checks a draft's file (name, type, the backend's size limit) and queues its upload to caseRef. */
  'attachments.commitDraftFile': {
    request: z.object({ accountId: accountIdSchema, draftId, fileId: uploadId, caseRef: z.string().min(1).max(512) }).strict(),
    response: outboxEntrySchema,
  },
  /** Deletes some files of a draft, or all of them (no fileIds): the draft was discarded. */
  'attachments.discardDraftFiles': {
    request: z.object({ accountId: accountIdSchema, draftId, fileIds: z.array(uploadId).max(100).optional() }).strict(),
    response: empty,
  },
  /** Opens a download from the backend; the renderer then pulls chunks. */
  'attachments.openDownload': {
    request: z.object({ accountId: accountIdSchema, attachmentName: z.string().min(1).max(600) }).strict(),
    response: z.object({ downloadId, sizeBytes: z.number().int().optional(), mimeType: z.string() }).strict(),
  },
  /** The next ≤ 1 MiB of an open download; `done` after the last one. */
  'attachments.readChunk': {
    request: z.object({ accountId: accountIdSchema, downloadId }).strict(),
    response: z.object({ bytes: z.instanceof(Uint8Array), done: z.boolean(), received: z.number().int() }).strict(),
  },
  'attachments.cancelDownload': { request: z.object({ accountId: accountIdSchema, downloadId }).strict(), response: empty },
  /** "Save as…": main asks where (a dialog in Electron; the profile's downloads folder in the harness) and downloads there. */
  'attachments.saveAs': {
    request: z
      .object({ accountId: accountIdSchema, attachmentName: z.string().min(1).max(600), filename: z.string().min(1).max(255) })
      .strict(),
    response: z.object({ saved: z.boolean(), path: z.string().optional() }).strict(),
  },
  /** Opens Google's support portal for the account's domain in a window with that domain's own session. */
  'portal.open': {
    request: z
      .object({
        accountId: accountIdSchema,
        caseNumber: z
          .string()
          .regex(/^\d{1,20}$/)
          .optional(),
      })
      .strict(),
    response: empty,
  },
  /** Loads the comments and attachment list of one case now (older cases are not synced eagerly). */
  'cases.fetchThread': {
    request: z.object({ accountId: accountIdSchema, caseName: z.string().min(1).max(512) }).strict(),
    response: empty,
  },
  /** The backend's public status feed (incidents.json), read without the account's token. */
  'backend.incidents': { request: accountRequest, response: IncidentFeedSchema },
  /** The agency's SLA plans and what it recorded per customer (plan, Google support offering, report language). */
  'agency.get': { request: empty, response: agencyDataSchema },
  /** Adds or replaces a plan (by id). */
  'agency.savePlan': { request: z.object({ plan: slaPlanSchema }).strict(), response: agencyDataSchema },
  /** Deletes a plan; its customers fall back to the default plan. The default plan cannot be deleted. */
  'agency.deletePlan': { request: z.object({ planId: planIdSchema }).strict(), response: agencyDataSchema },
  'agency.setDefaultPlan': { request: z.object({ planId: planIdSchema }).strict(), response: agencyDataSchema },
  'agency.setCustomer': { request: agencyCustomerPatchSchema, response: agencyDataSchema },
  /** Removes the demo preset's plans and customer entries. */
  'agency.clearDemo': { request: empty, response: agencyDataSchema },
  'agency.importCsv': {
    request: z.object({ kind: agencyCsvKindSchema, text: z.string().max(MAX_AGENCY_CSV_BYTES) }).strict(),
    response: z.object({ data: agencyDataSchema, imported: z.number().int(), problems: z.array(csvProblemSchema) }).strict(),
  },
  /** Writes the plans or customers CSV where the agent chooses (a dialog in Electron; the profile's downloads folder in the harness). */
  'agency.exportCsv': { request: z.object({ kind: agencyCsvKindSchema }).strict(), response: savedFileSchema },
  /** Prints the open customer report (the app window with print CSS) to a PDF the agent saves. */
  'reports.savePdf': {
    request: z.object({ suggestedName: z.string().min(1).max(200) }).strict(),
    response: savedFileSchema.extend({ pages: z.number().int() }),
  },
  /** Saves the customer report's CSV, built by the renderer from the replica. */
  'reports.saveCsv': {
    request: z.object({ suggestedName: z.string().min(1).max(200), text: z.string().max(MAX_REPORT_CSV_CHARS) }).strict(),
    response: savedFileSchema,
  },
  /** Help articles for a problem description: the backend's help search where it has one (`source: 'none'` = link to Google's help center). */
  'help.search': {
    request: z
      .object({ accountId: accountIdSchema, query: z.string().max(HELP_QUERY_MAX_LENGTH), languageCode: z.string().min(2).max(32) })
      .strict(),
    response: z.discriminatedUnion('source', [
      z.object({ source: z.literal('backend'), articles: z.array(HelpArticleSchema).max(20) }).strict(),
      z.object({ source: z.literal('none') }).strict(),
    ]),
  },
  /** The machine-wide policy as far as the UI needs it (locked settings, allowed domains, problems with the file). */
  'policy.get': { request: empty, response: policyViewSchema },
  /** One renderer log line; main redacts it and rate-limits the renderer. */
  'log.write': { request: rendererLogSchema, response: empty },
  /** Builds the diagnostics bundle and lists what it holds, before anything is saved. */
  'diagnostics.preview': { request: empty, response: diagnosticsPreviewSchema },
  /** Asks where to save the bundle (a dialog in Electron) and writes the zip there. */
  'diagnostics.save': { request: empty, response: z.object({ saved: z.boolean(), path: z.string().optional() }).strict() },
  'update.status': { request: empty, response: updateStatusSchema },
  'update.check': { request: empty, response: updateStatusSchema },
  /** Restarts into the downloaded update; refused while changes are being sent or a draft is open. */
  'update.restart': { request: z.object({ draftsOpen: z.boolean() }).strict(), response: updateStatusSchema },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

export const eventContract = {
  'app.heartbeat': z.object({ seq: z.number().int(), at: z.string() }).strict(),
  'settings.changed': settingsSchema,
  'agency.changed': agencyDataSchema,
  'accounts.changed': accountsStateSchema,
  'replica.batch': replicaBatchSchema,
  'outbox.changed': z.object({ accountId: accountIdSchema, entries: z.array(outboxEntrySchema) }),
  'sync.status': syncStatusSchema,
  /** Upload progress of a queued attachment while the sync engine sends it. */
  'attachments.uploadProgress': z.object({
    accountId: accountIdSchema,
    entryId: z.string(),
    sentBytes: z.number().int(),
    totalBytes: z.number().int(),
  }),
  'update.status': updateStatusSchema,
} as const satisfies Record<string, z.ZodType>;

export type InvokeChannel = keyof typeof invokeContract;
export type EventChannel = keyof typeof eventContract;
export type RequestOf<C extends InvokeChannel> = z.input<(typeof invokeContract)[C]['request']>;
export type ParsedRequestOf<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['request']>;
export type ResponseOf<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['response']>;
export type PayloadOf<E extends EventChannel> = z.output<(typeof eventContract)[E]>;

export const invokeChannels = Object.keys(invokeContract) as InvokeChannel[];
export const eventChannels = Object.keys(eventContract) as EventChannel[];

export function isInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && Object.hasOwn(invokeContract, name);
}

export function isEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && Object.hasOwn(eventContract, name);
}

/** Largest request the router accepts (attachment bytes travel in ≤ 1 MiB chunks). */
export const maxRequestBytes = 2 * 1024 * 1024;
