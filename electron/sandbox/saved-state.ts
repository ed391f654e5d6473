import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CasePrioritySchema, CaseStateSchema } from '../../shared/api';
import { ROLES } from './iam';
import type { CaseRec } from './world';

// The persisted overlay on top of the generated world (state.json), checked
// with zod when it is loaded: a damaged file is an error, never silently `{}`.

export const STATE_FILE = 'state.json';
/** 2: IAM policies and project parents (the Google resource model). */
const VERSION = 2;

const ActorSchema = z.object({ displayName: z.string(), email: z.string().optional(), googleSupport: z.boolean().optional() });

const ThreadSchema = z.object({
  comments: z.array(z.object({ id: z.string(), body: z.string(), createTime: z.number(), creator: ActorSchema })),
  attachments: z.array(
    z.object({
      id: z.string(),
      filename: z.string(),
      mimeType: z.string(),
      sizeBytes: z.number().int().nonnegative(),
      createTime: z.number(),
      creator: ActorSchema,
      generated: z.enum(['log', 'headers', 'png', 'pdf']).optional(),
    }),
  ),
});

const SerializedCaseSchema = z.object({
  id: z.string(),
  name: z.string(),
  parent: z.string(),
  org: z.string(),
  customerId: z.string(),
  displayName: z.string(),
  description: z.string(),
  classificationId: z.string(),
  timeZone: z.string(),
  subscribers: z.array(z.string()),
  state: CaseStateSchema,
  priority: CasePrioritySchema,
  createTime: z.number(),
  updateTime: z.number(),
  closeTime: z.number().optional(),
  creator: ActorSchema,
  escalated: z.boolean(),
  testCase: z.boolean(),
  languageCode: z.string(),
  contactEmail: z.string().optional(),
  thread: ThreadSchema.optional(),
});
export type SerializedCase = z.infer<typeof SerializedCaseSchema>;

const BindingSchema = z.object({ role: z.enum(Object.values(ROLES) as [string, ...string[]]), members: z.array(z.string()) });

const SavedStateSchema = z.object({
  version: z.literal(VERSION),
  seed: z.string(),
  cases: z.number().int().nonnegative(),
  startMs: z.number(),
  now: z.number(),
  counters: z.object({ case: z.number().int(), comment: z.number().int(), attachment: z.number().int() }),
  customers: z.array(
    z.object({
      id: z.string(),
      authorized: z.boolean(),
      transferred: z.boolean(),
      resellerDomain: z.string(),
      iam: z.array(BindingSchema),
    }),
  ),
  touched: z.array(SerializedCaseSchema),
  extras: z.record(z.string(), z.unknown()),
});
export type SavedState = z.infer<typeof SavedStateSchema>;

export function stateVersion(): typeof VERSION {
  return VERSION;
}

export function serializeCase(rec: CaseRec): SerializedCase {
  const { ix: _ix, seq: _seq, tokens: _tokens, ...rest } = rec;
  return rest;
}

/**
 * The saved state of `dir`, or undefined when there is none. A state of an
 * older world version is moved aside (state.vN.json) and the world starts
 * afresh; a damaged file throws, naming the file.
 */
export function readState(dir: string): SavedState | undefined {
  const file = join(dir, STATE_FILE);
  if (!existsSync(file)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`sandbox state ${file} is not valid JSON: ${(e as Error).message}`, { cause: e });
  }
  const version = (raw as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version < VERSION) {
    renameSync(file, join(dir, `state.v${version}.json`));
    return undefined;
  }
  const parsed = SavedStateSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`sandbox state ${file} is damaged: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
