import { z } from 'zod';
import { lenient, lenientList, openEnum } from './lenient';
import { Int64StringSchema, Rfc3339Schema } from './proto-json';

// Cloud Support API v2 wire types (docs/wire-facts.md). Output schemas
// are lenient, the way Google asks clients to be: unknown fields are dropped, enum
// values Google may add pass as plain strings (the app shows them as "Other"), a
// field of the wrong shape is read as absent, and one unusable item never fails a
// page. The *Input schemas are strict because the real API rejects unknown fields.

export const CASE_STATES = [
  'STATE_UNSPECIFIED',
  'NEW',
  'IN_PROGRESS_GOOGLE_SUPPORT',
  'ACTION_REQUIRED',
  'SOLUTION_PROVIDED',
  'CLOSED',
] as const;
export const CaseStateSchema = z.enum(CASE_STATES);
export type CaseState = z.infer<typeof CaseStateSchema>;

export const CASE_PRIORITIES = ['PRIORITY_UNSPECIFIED', 'P0', 'P1', 'P2', 'P3', 'P4'] as const;
export const CasePrioritySchema = z.enum(CASE_PRIORITIES);
export type CasePriority = z.infer<typeof CasePrioritySchema>;

export const ESCALATION_REASONS = ['REASON_UNSPECIFIED', 'RESOLUTION_TIME', 'TECHNICAL_EXPERTISE', 'BUSINESS_IMPACT'] as const;
export const EscalationReasonSchema = z.enum(ESCALATION_REASONS);
export type EscalationReason = z.infer<typeof EscalationReasonSchema>;

type Fields = Record<string, z.ZodType>;

/** A resource as Google sends it: every field lenient. */
function outputOf<F extends Fields>(fields: F) {
  const shape = Object.fromEntries(Object.entries(fields).map(([key, schema]) => [key, lenient(schema)]));
  return z.object(shape as { [K in keyof F]: ReturnType<typeof lenient<F[K]>> });
}

/** A named resource as Google sends it: lenient fields, but a `name` it cannot be stored without (pages skip such items). */
function namedOutputOf<F extends Fields>(fields: F) {
  return outputOf(fields).extend({ name: z.string() });
}

/** The same resource as a request body: every field optional, unknown fields refused. */
function inputOf<F extends Fields>(fields: F) {
  const shape = Object.fromEntries(Object.entries(fields).map(([key, schema]) => [key, schema.optional()]));
  return z.strictObject(shape as { [K in keyof F]: z.ZodOptional<F[K]> });
}

// Each resource's fields are written once, with their strict wire types; the output and the
// request-body schemas below are derived from them.
const ACTOR_FIELDS = {
  displayName: z.string(),
  /** Deprecated by Google in favour of `username`; read as a fallback. */
  email: z.string(),
  username: z.string(),
  googleSupport: z.boolean(),
};
export const ActorSchema = outputOf(ACTOR_FIELDS);
export type Actor = z.infer<typeof ActorSchema>;

/** The actor's e-mail: `username` first (Google's current field), `email` as the deprecated fallback. */
export function actorEmail(actor: Actor | undefined): string | undefined {
  return actor?.username || actor?.email || undefined;
}

const CLASSIFICATION_FIELDS = { id: z.string(), displayName: z.string() };
export const CaseClassificationSchema = outputOf(CLASSIFICATION_FIELDS);
export type CaseClassification = z.infer<typeof CaseClassificationSchema>;

const CASE_FIELDS = {
  name: z.string(),
  displayName: z.string(),
  description: z.string(),
  timeZone: z.string(),
  subscriberEmailAddresses: z.array(z.string()),
  state: CaseStateSchema,
  createTime: Rfc3339Schema,
  updateTime: Rfc3339Schema,
  contactEmail: z.string(),
  escalated: z.boolean(),
  testCase: z.boolean(),
  languageCode: z.string(),
  priority: CasePrioritySchema,
};

export const CaseSchema = namedOutputOf({
  ...CASE_FIELDS,
  // Enum values a newer API version adds pass as strings (shown as "Other").
  state: openEnum(CASE_STATES),
  priority: openEnum(CASE_PRIORITIES),
  classification: CaseClassificationSchema,
  creator: ActorSchema,
});
export type Case = z.infer<typeof CaseSchema>;

const COMMENT_FIELDS = {
  name: z.string(),
  body: z.string(),
  plainTextBody: z.string(),
  createTime: Rfc3339Schema,
};
export const CommentSchema = namedOutputOf({ ...COMMENT_FIELDS, creator: ActorSchema });
export type Comment = z.infer<typeof CommentSchema>;

const ATTACHMENT_FIELDS = {
  name: z.string(),
  filename: z.string(),
  mimeType: z.string(),
  sizeBytes: Int64StringSchema,
  createTime: Rfc3339Schema,
};
export const AttachmentSchema = namedOutputOf({ ...ATTACHMENT_FIELDS, creator: ActorSchema });
export type Attachment = z.infer<typeof AttachmentSchema>;

const ESCALATION_FIELDS = { reason: EscalationReasonSchema, justification: z.string() };
export const EscalationSchema = inputOf(ESCALATION_FIELDS);
export type Escalation = z.infer<typeof EscalationSchema>;

const pageOf = <K extends string, T extends z.ZodType>(key: K, item: T) =>
  z.object({ [key]: lenientList(item), nextPageToken: lenient(z.string()) } as { [P in K]: ReturnType<typeof lenientList<T>> } & {
    nextPageToken: ReturnType<typeof lenient<z.ZodString>>;
  });

export const ListCasesResponseSchema = pageOf('cases', CaseSchema);
export const SearchCasesResponseSchema = pageOf('cases', CaseSchema);
export const ListCommentsResponseSchema = pageOf('comments', CommentSchema);
export const ListAttachmentsResponseSchema = pageOf('attachments', AttachmentSchema);
export const SearchCaseClassificationsResponseSchema = pageOf('caseClassifications', CaseClassificationSchema);
export type ListCasesResponse = z.infer<typeof ListCasesResponseSchema>;
export type SearchCasesResponse = z.infer<typeof SearchCasesResponseSchema>;
export type ListCommentsResponse = z.infer<typeof ListCommentsResponseSchema>;
export type ListAttachmentsResponse = z.infer<typeof ListAttachmentsResponseSchema>;
export type SearchCaseClassificationsResponse = z.infer<typeof SearchCaseClassificationsResponseSchema>;

// ---- request bodies (strict: unknown fields → INVALID_ARGUMENT) ----

/** A `Case` as a request body. Output-only fields are accepted and ignored, as proto3 servers do. */
export const CaseInputSchema = inputOf({
  ...CASE_FIELDS,
  classification: inputOf(CLASSIFICATION_FIELDS),
  creator: inputOf(ACTOR_FIELDS),
});
export type CaseInput = z.infer<typeof CaseInputSchema>;

export const COMMENT_BODY_MAX_CHARS = 12_800;

export const CommentInputSchema = inputOf({ ...COMMENT_FIELDS, creator: inputOf(ACTOR_FIELDS) });
export type CommentInput = z.infer<typeof CommentInputSchema>;

export const EscalateCaseRequestSchema = z.strictObject({
  escalation: EscalationSchema.optional(),
});
export type EscalateCaseRequest = z.infer<typeof EscalateCaseRequestSchema>;

export const CloseCaseRequestSchema = z.strictObject({});

/** Output-only Attachment fields are accepted and ignored, as proto3 servers do. */
export const CreateAttachmentRequestSchema = z.strictObject({
  attachment: inputOf({ ...ATTACHMENT_FIELDS, creator: inputOf(ACTOR_FIELDS) }).optional(),
});
export type CreateAttachmentRequest = z.infer<typeof CreateAttachmentRequestSchema>;

/** Mask paths `cases.patch` supports (snake_case as documented; camelCase is accepted too). */
export const CASE_UPDATE_MASK_PATHS = ['priority', 'display_name', 'subscriber_email_addresses'] as const;
export type CaseUpdateMaskPath = (typeof CASE_UPDATE_MASK_PATHS)[number];

/** `cases.search` free text and filter grammar fields (docs §1.6). */
export const CASE_QUERY_FIELDS = ['state', 'priority', 'creator.email', 'update_time', 'updateTime'] as const;
