import { z } from 'zod';
import { CASE_STATES, CUSTOMER_ACCESS_STATES, PRIORITIES } from '../domain/case-model';

// What main sends the renderer's replica: server-confirmed records only, already
// normalised from the wire format (shared/api) into the app's own shapes.

/**
 * The replica's size limits, one source for the schemas below and for the mapping that
 * trims wire records to them (electron/services/sync/mapping.ts): an over-size field from
 * the server is cut, never a reason to refuse the page it came in.
 */
export const REPLICA_LIMITS = {
  name: 512,
  childName: 600,
  caseNumber: 64,
  customerId: 128,
  title: 4096,
  text: 200_000,
  label: 1024,
  languageCode: 32,
  timeZone: 64,
  email: 320,
  subscribers: 500,
  personName: 512,
  filename: 1024,
  mimeType: 256,
  domain: 256,
  displayName: 512,
  skuNames: 100,
  skuName: 256,
  /** An enum value the app does not know yet, kept to show as "Other". */
  wireValue: 64,
  /** Scopes of one customer (its organization, projects where the agency uses them). */
  scopes: 50,
} as const;
const L = REPLICA_LIMITS;

export const accountIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/);

export const replicaCaseSchema = z.object({
  /** Server resource name, e.g. organizations/123/cases/43595344 or projects/456/cases/43595344. */
  name: z.string().min(1).max(L.name),
  /** The case number agents quote (last segment of the name). */
  caseNumber: z.string().max(L.caseNumber),
  customerId: z.string().max(L.customerId),
  displayName: z.string().max(L.title),
  description: z.string().max(L.text),
  /** For the app's rules; an unknown wire value maps to P4 with `otherPriority` holding what Google sent. */
  priority: z.enum(PRIORITIES),
  /** For the app's rules; an unknown wire value maps to STATE_UNSPECIFIED with `otherState` holding what Google sent. */
  state: z.enum(CASE_STATES),
  /** A state value this version does not know (shown as "Other"). */
  otherState: z.string().max(L.wireValue).optional(),
  /** A priority value this version does not know (shown as "Other"). */
  otherPriority: z.string().max(L.wireValue).optional(),
  classificationId: z.string().max(L.label).optional(),
  classificationName: z.string().max(L.label).optional(),
  languageCode: z.string().max(L.languageCode).optional(),
  timeZone: z.string().max(L.timeZone).optional(),
  subscriberEmails: z.array(z.string().max(L.email)).max(L.subscribers),
  contactEmail: z.string().max(L.email).optional(),
  creatorEmail: z.string().max(L.email).optional(),
  creatorName: z.string().max(L.personName).optional(),
  escalated: z.boolean(),
  createTime: z.string(),
  updateTime: z.string(),
});
export type ReplicaCase = z.infer<typeof replicaCaseSchema>;

export const replicaCommentSchema = z.object({
  name: z.string().min(1).max(L.childName),
  caseName: z.string().min(1).max(L.name),
  body: z.string().max(L.text),
  createTime: z.string(),
  creatorName: z.string().max(L.personName).optional(),
  creatorEmail: z.string().max(L.email).optional(),
  /** Written by Google Support (else by the reseller's agent or the customer). */
  googleSupport: z.boolean(),
});
export type ReplicaComment = z.infer<typeof replicaCommentSchema>;

export const replicaAttachmentSchema = z.object({
  name: z.string().min(1).max(L.childName),
  caseName: z.string().min(1).max(L.name),
  filename: z.string().max(L.filename),
  mimeType: z.string().max(L.mimeType),
  sizeBytes: z.number().int().nonnegative(),
  createTime: z.string(),
  creatorEmail: z.string().max(L.email).optional(),
});
export type ReplicaAttachment = z.infer<typeof replicaAttachmentSchema>;

/**
 * A customer of the reseller domain and what this agent can do for it, as Google's answers
 * say (docs/architecture.md "Case scopes"): `authorized` (its organization is visible and
 * cases can be worked), `read_only` (cases list, changes are refused), `no_api_access` (its
 * organization is not visible to this agent, or answers 403), `not_authorized` (the Reseller
 * API refuses the customer: reseller access is off) or `transferred` (gone from the Reseller API).
 */
export const replicaCustomerSchema = z.object({
  customerId: z.string().min(1).max(L.customerId),
  domain: z.string().max(L.domain),
  /** The customer's organization, `organizations/N`: the parent new cases are filed under (absent when not visible). */
  orgName: z.string().max(L.domain).optional(),
  /** Case scopes synced for this customer (its organization; projects where the agency uses them). */
  scopes: z.array(z.string().max(L.domain)).max(L.scopes).optional(),
  displayName: z.string().max(L.displayName),
  access: z.enum(CUSTOMER_ACCESS_STATES),
  /** A subscription of the customer is suspended (Reseller API `status`). */
  suspended: z.boolean().optional(),
  /** When this access state was last confirmed by the server (RFC 3339). */
  accessCheckedAt: z.string().max(64).optional(),
  adminContactEmail: z.string().max(L.email).optional(),
  skuNames: z.array(z.string().max(L.skuName)).max(L.skuNames),
});
export type ReplicaCustomer = z.infer<typeof replicaCustomerSchema>;

export const replicaCategorySchema = z.object({ id: z.string().min(1).max(L.label), displayName: z.string().max(L.label) });
export type ReplicaCategory = z.infer<typeof replicaCategorySchema>;

/** One unit of replication: applied with its cursor in one transaction, then acked. */
export const replicaBatchSchema = z.object({
  accountId: accountIdSchema,
  batchId: z.string().min(1).max(64),
  /** Opaque to the renderer; stored with the data, handed back at start. */
  cursor: z.string().max(1_048_576),
  upserts: z.object({
    cases: z.array(replicaCaseSchema).optional(),
    comments: z.array(replicaCommentSchema).optional(),
    attachments: z.array(replicaAttachmentSchema).optional(),
    customers: z.array(replicaCustomerSchema).optional(),
    categories: z.array(replicaCategorySchema).optional(),
  }),
  deletes: z.object({
    /** Case names gone from the server's view (with their comments and attachments). */
    cases: z.array(z.string().max(L.name)).optional(),
    /** Customers to forget, with all their cases. */
    customers: z.array(z.string().max(L.customerId)).optional(),
    /** Customers whose cases must go while the customer stays listed (transferred to another reseller). */
    casesOfCustomers: z.array(z.string().max(L.customerId)).optional(),
  }),
  /**
   * Access changes of customers the replica already holds, applied to their stored record (a
   * transfer is noticed by absence, so there is no fresh record to send).
   */
  customerAccess: z
    .array(z.object({ customerId: z.string().max(L.customerId), access: z.enum(CUSTOMER_ACCESS_STATES), checkedAt: z.string().max(64) }))
    .optional(),
  /** Comments/attachments listed here are complete for that case: local ones not in the batch are removed. */
  completeThreads: z.array(z.string().max(L.name)).optional(),
});
export type ReplicaBatch = z.infer<typeof replicaBatchSchema>;
