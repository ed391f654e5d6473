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

export const ActorSchema = z.object({
  displayName: lenient(z.string()),
  /** Deprecated by Google in favour of `username`; read as a fallback. */
  email: lenient(z.string()),
  username: lenient(z.string()),
  googleSupport: lenient(z.boolean()),
});
export type Actor = z.infer<typeof ActorSchema>;

/** The actor's e-mail: `username` first (Google's current field), `email` as the deprecated fallback. */
export function actorEmail(actor: Actor | undefined): string | undefined {
  return actor?.username || actor?.email || undefined;
}

export const CaseClassificationSchema = z.object({
  id: lenient(z.string()),
  displayName: lenient(z.string()),
});
export type CaseClassification = z.infer<typeof CaseClassificationSchema>;

export const CaseSchema = z.object({
  name: z.string(),
  displayName: lenient(z.string()),
  description: lenient(z.string()),
  classification: lenient(CaseClassificationSchema),
  timeZone: lenient(z.string()),
  subscriberEmailAddresses: lenient(z.array(z.string())),
  state: lenient(openEnum(CASE_STATES)),
  createTime: lenient(Rfc3339Schema),
  updateTime: lenient(Rfc3339Schema),
  creator: lenient(ActorSchema),
  contactEmail: lenient(z.string()),
  escalated: lenient(z.boolean()),
  testCase: lenient(z.boolean()),
  languageCode: lenient(z.string()),
  priority: lenient(openEnum(CASE_PRIORITIES)),
});
export type Case = z.infer<typeof CaseSchema>;

export const CommentSchema = z.object({
  name: z.string(),
  body: lenient(z.string()),
  plainTextBody: lenient(z.string()),
  createTime: lenient(Rfc3339Schema),
  creator: lenient(ActorSchema),
});
export type Comment = z.infer<typeof CommentSchema>;

export const AttachmentSchema = z.object({
  name: z.string(),
  filename: lenient(z.string()),
  mimeType: lenient(z.string()),
  sizeBytes: lenient(Int64StringSchema),
  createTime: lenient(Rfc3339Schema),
  creator: lenient(ActorSchema),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

export const EscalationSchema = z.object({
  reason: EscalationReasonSchema.optional(),
  justification: z.string().optional(),
});
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

const ActorInputSchema = z.strictObject({
  displayName: z.string().optional(),
  email: z.string().optional(),
  username: z.string().optional(),
  googleSupport: z.boolean().optional(),
});

/** A `Case` as a request body. Output-only fields are accepted and ignored, as proto3 servers do. */
export const CaseInputSchema = z.strictObject({
  name: z.string().optional(),
  displayName: z.string().optional(),
  description: z.string().optional(),
  classification: z.strictObject({ id: z.string().optional(), displayName: z.string().optional() }).optional(),
  timeZone: z.string().optional(),
  subscriberEmailAddresses: z.array(z.string()).optional(),
  state: CaseStateSchema.optional(),
  createTime: z.string().optional(),
  updateTime: z.string().optional(),
  creator: ActorInputSchema.optional(),
  contactEmail: z.string().optional(),
  escalated: z.boolean().optional(),
  testCase: z.boolean().optional(),
  languageCode: z.string().optional(),
  priority: CasePrioritySchema.optional(),
});
export type CaseInput = z.infer<typeof CaseInputSchema>;

export const COMMENT_BODY_MAX_CHARS = 12_800;

export const CommentInputSchema = z.strictObject({
  name: z.string().optional(),
  body: z.string().optional(),
  plainTextBody: z.string().optional(),
  createTime: z.string().optional(),
  creator: ActorInputSchema.optional(),
});
export type CommentInput = z.infer<typeof CommentInputSchema>;

export const EscalateCaseRequestSchema = z.strictObject({
  escalation: z.strictObject({ reason: EscalationReasonSchema.optional(), justification: z.string().optional() }).optional(),
});
export type EscalateCaseRequest = z.infer<typeof EscalateCaseRequestSchema>;

export const CloseCaseRequestSchema = z.strictObject({});

/** Output-only Attachment fields are accepted and ignored, as proto3 servers do. */
export const CreateAttachmentRequestSchema = z.strictObject({
  attachment: z
    .strictObject({
      filename: z.string().optional(),
      name: z.string().optional(),
      mimeType: z.string().optional(),
      sizeBytes: z.string().optional(),
      createTime: z.string().optional(),
      creator: ActorInputSchema.optional(),
    })
    .optional(),
});
export type CreateAttachmentRequest = z.infer<typeof CreateAttachmentRequestSchema>;

/** Mask paths `cases.patch` supports (snake_case as documented; camelCase is accepted too). */
export const CASE_UPDATE_MASK_PATHS = ['priority', 'display_name', 'subscriber_email_addresses'] as const;
export type CaseUpdateMaskPath = (typeof CASE_UPDATE_MASK_PATHS)[number];

/** `cases.search` free text and filter grammar fields (docs §1.6). */
export const CASE_QUERY_FIELDS = ['state', 'priority', 'creator.email', 'update_time', 'updateTime'] as const;
