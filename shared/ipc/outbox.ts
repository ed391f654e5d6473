import { z } from 'zod';
import { EscalationReasonChoiceSchema, SELECTABLE_PRIORITIES } from '../domain/case-model';
import {
  CASE_DESCRIPTION_MAX_LENGTH,
  CASE_REF_MAX_LENGTH,
  CASE_TITLE_MAX_LENGTH,
  CLASSIFICATION_ID_MAX_LENGTH,
  COMMENT_MAX_LENGTH,
  CUSTOMER_ID_MAX_LENGTH,
  ESCALATION_JUSTIFICATION_MAX_LENGTH,
  FILE_NAME_MAX_BYTES,
  LANGUAGE_CODE_MAX_LENGTH,
  MAX_SUBSCRIBERS,
  TIME_ZONE_MAX_LENGTH,
} from '../domain/limits';
import { emailSchema, MIME_TYPE_PATTERN } from '../domain/validation';
import { accountIdSchema } from './replica';

// Local intent: every change an agent makes is a mutation in the durable outbox
// (main) until the server confirms it. The UI overlays pending mutations on the replica.

/** A server case name, or `local:<uuid>` for a case created offline and not filed yet. */
export const caseRefSchema = z.string().min(1).max(CASE_REF_MAX_LENGTH);
export const localCasePrefix = 'local:';
export function isLocalCaseRef(ref: string): boolean {
  return ref.startsWith(localCasePrefix);
}

// The limits are the forms' (shared/domain/limits.ts): whatever a form accepts parses here.
const subscribers = z.array(emailSchema).max(MAX_SUBSCRIBERS);

export const mutationSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('create_case'),
      localId: caseRefSchema,
      customerId: z.string().min(1).max(CUSTOMER_ID_MAX_LENGTH),
      displayName: z.string().trim().min(1).max(CASE_TITLE_MAX_LENGTH),
      description: z.string().trim().min(1).max(CASE_DESCRIPTION_MAX_LENGTH),
      classificationId: z.string().min(1).max(CLASSIFICATION_ID_MAX_LENGTH),
      classificationName: z.string().max(CLASSIFICATION_ID_MAX_LENGTH).optional(),
      priority: z.enum(SELECTABLE_PRIORITIES),
      languageCode: z.string().min(2).max(LANGUAGE_CODE_MAX_LENGTH),
      timeZone: z.string().min(1).max(TIME_ZONE_MAX_LENGTH),
      subscriberEmails: subscribers,
      /** Case this one follows up on (a closed case past its reopen window). */
      followUpOf: caseRefSchema.optional(),
    })
    .strict(),
  z.object({ kind: z.literal('comment'), caseRef: caseRefSchema, body: z.string().trim().min(1).max(COMMENT_MAX_LENGTH) }).strict(),
  z.object({ kind: z.literal('set_priority'), caseRef: caseRefSchema, priority: z.enum(SELECTABLE_PRIORITIES) }).strict(),
  z.object({ kind: z.literal('set_subscribers'), caseRef: caseRefSchema, subscriberEmails: subscribers }).strict(),
  z.object({ kind: z.literal('close'), caseRef: caseRefSchema }).strict(),
  z.object({ kind: z.literal('reopen'), caseRef: caseRefSchema }).strict(),
  z
    .object({
      kind: z.literal('escalate'),
      caseRef: caseRefSchema,
      reason: EscalationReasonChoiceSchema,
      justification: z.string().trim().min(1).max(ESCALATION_JUSTIFICATION_MAX_LENGTH),
    })
    .strict(),
  z
    .object({
      kind: z.literal('upload_attachment'),
      caseRef: caseRefSchema,
      /** Id of the bytes staged on disk by main before the entry was queued. */
      stagedFileId: z.string().min(1).max(128),
      filename: z.string().min(1).max(FILE_NAME_MAX_BYTES),
      mimeType: z.string().max(256).regex(MIME_TYPE_PATTERN, 'a type/subtype media type'),
      sizeBytes: z.number().int().positive(),
    })
    .strict(),
]);
export type Mutation = z.infer<typeof mutationSchema>;
export type MutationKind = Mutation['kind'];

export const outboxStatusSchema = z.enum(['queued', 'in_flight', 'failed', 'done']);
export type OutboxStatus = z.infer<typeof outboxStatusSchema>;

export const outboxErrorSchema = z.object({
  code: z.string().max(64),
  message: z.string().max(2000),
  /** Permanent failures stop the entry until the agent retries, edits or discards it. */
  permanent: z.boolean(),
});

export const outboxEntrySchema = z.object({
  id: z.string().min(1).max(64),
  accountId: accountIdSchema,
  /** Order of enqueueing within the account. */
  seq: z.number().int().nonnegative(),
  createdAt: z.string(),
  mutation: mutationSchema,
  status: outboxStatusSchema,
  attempts: z.number().int().nonnegative(),
  lastError: outboxErrorSchema.optional(),
  /** Server name of what the mutation created (case, comment, attachment), once known. */
  resultName: z.string().max(600).optional(),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;
