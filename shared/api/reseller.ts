import { z } from 'zod';

// Workspace Reseller API v1 read path (docs §3): `kind` strings, epoch-ms strings, maxResults paging.

export const SUPPORT_TIERS = ['STANDARD', 'PREMIUM'] as const;
export const SupportTierSchema = z.enum(SUPPORT_TIERS);
export type SupportTier = z.infer<typeof SupportTierSchema>;

/**
 * Sandbox extension on `Customer`: Google exposes neither "reseller access
 * authorised" nor the support tier in the Reseller API, but the console must
 * show both, so the sandbox adds this object (advertised in the capabilities document).
 */
export const SandboxSupportProfileSchema = z.object({
  resellerAccessAuthorized: z.boolean(),
  supportTier: SupportTierSchema,
});
export type SandboxSupportProfile = z.infer<typeof SandboxSupportProfileSchema>;

export const PostalAddressSchema = z.object({
  kind: z.string().optional(),
  contactName: z.string().optional(),
  organizationName: z.string().optional(),
  addressLine1: z.string().optional(),
  addressLine2: z.string().optional(),
  addressLine3: z.string().optional(),
  locality: z.string().optional(),
  region: z.string().optional(),
  postalCode: z.string().optional(),
  countryCode: z.string().optional(),
});

export const CustomerSchema = z.object({
  kind: z.string().optional(),
  customerId: z.string(),
  customerDomain: z.string(),
  customerDomainVerified: z.boolean().optional(),
  customerType: z.string().optional(),
  alternateEmail: z.string().optional(),
  phoneNumber: z.string().optional(),
  postalAddress: PostalAddressSchema.optional(),
  primaryAdmin: z.object({ primaryEmail: z.string().optional() }).optional(),
  resourceUiUrl: z.string().optional(),
  sandboxSupportProfile: SandboxSupportProfileSchema.optional(),
});
export type Customer = z.infer<typeof CustomerSchema>;

const EpochMsSchema = z.string().regex(/^\d+$/, 'expected epoch milliseconds as a string');

export const SubscriptionSchema = z.object({
  kind: z.string().optional(),
  customerId: z.string(),
  customerDomain: z.string().optional(),
  subscriptionId: z.string(),
  skuId: z.string(),
  skuName: z.string().optional(),
  plan: z
    .object({
      planName: z.string().optional(),
      isCommitmentPlan: z.boolean().optional(),
      commitmentInterval: z.object({ startTime: EpochMsSchema.optional(), endTime: EpochMsSchema.optional() }).optional(),
    })
    .optional(),
  seats: z
    .object({
      kind: z.string().optional(),
      numberOfSeats: z.number().int().optional(),
      maximumNumberOfSeats: z.number().int().optional(),
      licensedNumberOfSeats: z.number().int().optional(),
    })
    .optional(),
  renewalSettings: z.object({ kind: z.string().optional(), renewalType: z.string().optional() }).optional(),
  trialSettings: z.object({ isInTrial: z.boolean().optional(), trialEndTime: EpochMsSchema.optional() }).optional(),
  billingMethod: z.string().optional(),
  creationTime: EpochMsSchema.optional(),
  status: z.string().optional(),
  suspensionReasons: z.array(z.string()).optional(),
  purchaseOrderId: z.string().optional(),
  dealCode: z.string().optional(),
  resourceUiUrl: z.string().optional(),
});
export type Subscription = z.infer<typeof SubscriptionSchema>;

export const SubscriptionsResponseSchema = z.object({
  kind: z.string().optional(),
  subscriptions: z.array(SubscriptionSchema).optional(),
  nextPageToken: z.string().optional(),
});
export type SubscriptionsResponse = z.infer<typeof SubscriptionsResponseSchema>;
