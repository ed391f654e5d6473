import { z } from 'zod';
import { lenient, lenientList } from './lenient';

// Workspace Reseller API v1 read path (docs §3): `kind` strings, epoch-ms strings, maxResults paging.

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
  kind: lenient(z.string()),
  customerId: z.string(),
  customerDomain: z.string(),
  customerDomainVerified: lenient(z.boolean()),
  customerType: lenient(z.string()),
  alternateEmail: lenient(z.string()),
  phoneNumber: lenient(z.string()),
  postalAddress: lenient(PostalAddressSchema),
  primaryAdmin: lenient(z.object({ primaryEmail: z.string().optional() })),
  resourceUiUrl: lenient(z.string()),
});
export type Customer = z.infer<typeof CustomerSchema>;

const EpochMsSchema = z.string().regex(/^\d+$/, 'expected epoch milliseconds as a string');

export const SubscriptionSchema = z.object({
  kind: lenient(z.string()),
  customerId: z.string(),
  customerDomain: lenient(z.string()),
  subscriptionId: z.string(),
  skuId: z.string(),
  skuName: lenient(z.string()),
  plan: lenient(
    z.object({
      planName: z.string().optional(),
      isCommitmentPlan: z.boolean().optional(),
      commitmentInterval: z.object({ startTime: EpochMsSchema.optional(), endTime: EpochMsSchema.optional() }).optional(),
    }),
  ),
  seats: lenient(
    z.object({
      kind: z.string().optional(),
      numberOfSeats: z.number().int().optional(),
      maximumNumberOfSeats: z.number().int().optional(),
      licensedNumberOfSeats: z.number().int().optional(),
    }),
  ),
  renewalSettings: lenient(z.object({ kind: z.string().optional(), renewalType: z.string().optional() })),
  trialSettings: lenient(z.object({ isInTrial: z.boolean().optional(), trialEndTime: EpochMsSchema.optional() })),
  billingMethod: lenient(z.string()),
  creationTime: lenient(EpochMsSchema),
  status: lenient(z.string()),
  suspensionReasons: lenient(z.array(z.string())),
  purchaseOrderId: lenient(z.string()),
  dealCode: lenient(z.string()),
  resourceUiUrl: lenient(z.string()),
});
export type Subscription = z.infer<typeof SubscriptionSchema>;

export const SubscriptionsResponseSchema = z.object({
  kind: lenient(z.string()),
  subscriptions: lenientList(SubscriptionSchema),
  nextPageToken: lenient(z.string()),
});
export type SubscriptionsResponse = z.infer<typeof SubscriptionsResponseSchema>;
