import { z } from 'zod';
import { CASE_STATES, CUSTOMER_ACCESS_STATES, PRIORITIES, SUPPORT_TIERS } from '../domain/case-model';

// What main sends the renderer's replica: server-confirmed records only, already
// normalised from the wire format (shared/api) into the app's own shapes.

export const accountIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/);

export const replicaCaseSchema = z.object({
  /** Server resource name, e.g. organizations/123/cases/43595344. */
  name: z.string().min(1).max(512),
  /** The case number agents quote (last segment of the name). */
  caseNumber: z.string().max(64),
  customerId: z.string().max(128),
  displayName: z.string().max(4096),
  description: z.string().max(200_000),
  priority: z.enum(PRIORITIES),
  state: z.enum(CASE_STATES),
  classificationId: z.string().max(1024).optional(),
  classificationName: z.string().max(1024).optional(),
  languageCode: z.string().max(32).optional(),
  timeZone: z.string().max(64).optional(),
  subscriberEmails: z.array(z.string().max(320)).max(500),
  contactEmail: z.string().max(320).optional(),
  creatorEmail: z.string().max(320).optional(),
  creatorName: z.string().max(512).optional(),
  escalated: z.boolean(),
  createTime: z.string(),
  updateTime: z.string(),
});
export type ReplicaCase = z.infer<typeof replicaCaseSchema>;

export const replicaCommentSchema = z.object({
  name: z.string().min(1).max(600),
  caseName: z.string().min(1).max(512),
  body: z.string().max(200_000),
  createTime: z.string(),
  creatorName: z.string().max(512).optional(),
  creatorEmail: z.string().max(320).optional(),
  /** Written by Google Support (else by the reseller's agent or the customer). */
  googleSupport: z.boolean(),
});
export type ReplicaComment = z.infer<typeof replicaCommentSchema>;

export const replicaAttachmentSchema = z.object({
  name: z.string().min(1).max(600),
  caseName: z.string().min(1).max(512),
  filename: z.string().max(1024),
  mimeType: z.string().max(256),
  sizeBytes: z.number().int().nonnegative(),
  createTime: z.string(),
  creatorEmail: z.string().max(320).optional(),
});
export type ReplicaAttachment = z.infer<typeof replicaAttachmentSchema>;

export const replicaCustomerSchema = z.object({
  customerId: z.string().min(1).max(128),
  domain: z.string().max(256),
  /** Case parent, e.g. organizations/123 (absent when the org could not be resolved). */
  orgName: z.string().max(256).optional(),
  displayName: z.string().max(512),
  access: z.enum(CUSTOMER_ACCESS_STATES),
  tier: z.enum(SUPPORT_TIERS),
  adminContactEmail: z.string().max(320).optional(),
  skuNames: z.array(z.string().max(256)).max(100),
});
export type ReplicaCustomer = z.infer<typeof replicaCustomerSchema>;

export const replicaCategorySchema = z.object({ id: z.string().min(1).max(1024), displayName: z.string().max(1024) });
export type ReplicaCategory = z.infer<typeof replicaCategorySchema>;

/** One unit of replication: applied with its cursor in one transaction, then acked. */
export const replicaBatchSchema = z.object({
  accountId: accountIdSchema,
  batchId: z.string().min(1).max(64),
  /** Opaque to the renderer; stored with the data, handed back at start. */
  cursor: z.string().max(65_536),
  upserts: z.object({
    cases: z.array(replicaCaseSchema).optional(),
    comments: z.array(replicaCommentSchema).optional(),
    attachments: z.array(replicaAttachmentSchema).optional(),
    customers: z.array(replicaCustomerSchema).optional(),
    categories: z.array(replicaCategorySchema).optional(),
  }),
  deletes: z.object({
    /** Case names gone from the server's view (with their comments and attachments). */
    cases: z.array(z.string().max(512)).optional(),
    /** Customers that vanished (transferred, access revoked): purge them with all their cases. */
    customers: z.array(z.string().max(128)).optional(),
  }),
  /** Comments/attachments listed here are complete for that case: local ones not in the batch are removed. */
  completeThreads: z.array(z.string().max(512)).optional(),
});
export type ReplicaBatch = z.infer<typeof replicaBatchSchema>;
