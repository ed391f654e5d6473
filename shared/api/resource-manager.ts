import { z } from 'zod';
import { Rfc3339Schema } from './proto-json';

// Cloud Resource Manager v3: how a customer maps to its `organizations/{n}` case parent.

export const OrganizationSchema = z.object({
  name: z.string(),
  displayName: z.string().optional(),
  directoryCustomerId: z.string().optional(),
  state: z.enum(['STATE_UNSPECIFIED', 'ACTIVE', 'DELETE_REQUESTED']).optional(),
  createTime: Rfc3339Schema.optional(),
  updateTime: Rfc3339Schema.optional(),
  etag: z.string().optional(),
});
export type Organization = z.infer<typeof OrganizationSchema>;

export const SearchOrganizationsResponseSchema = z.object({
  organizations: z.array(OrganizationSchema).optional(),
  nextPageToken: z.string().optional(),
});
export type SearchOrganizationsResponse = z.infer<typeof SearchOrganizationsResponseSchema>;
