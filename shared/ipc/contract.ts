import { z } from 'zod';

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
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.output<typeof settingsPatchSchema>;

export const hostKindSchema = z.enum(['electron', 'harness']);

const empty = z.object({}).strict();

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
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

export const eventContract = {
  'app.heartbeat': z.object({ seq: z.number().int(), at: z.string() }).strict(),
  'settings.changed': settingsSchema,
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
