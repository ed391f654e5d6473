import { z } from 'zod';
import { lenient, lenientList, openEnum } from './lenient';
import { Rfc3339Schema } from './proto-json';

// Cloud Resource Manager v3: how a customer maps to its `organizations/{n}` case parent.

export const OrganizationSchema = z.object({
  name: z.string(),
  displayName: lenient(z.string()),
  directoryCustomerId: lenient(z.string()),
  state: lenient(openEnum(['STATE_UNSPECIFIED', 'ACTIVE', 'DELETE_REQUESTED'] as const)),
  createTime: lenient(Rfc3339Schema),
  updateTime: lenient(Rfc3339Schema),
  etag: lenient(z.string()),
});
export type Organization = z.infer<typeof OrganizationSchema>;

export const SearchOrganizationsResponseSchema = z.object({
  organizations: lenientList(OrganizationSchema),
  nextPageToken: lenient(z.string()),
});
export type SearchOrganizationsResponse = z.infer<typeof SearchOrganizationsResponseSchema>;

/** `organizations.testIamPermissions`: the subset of the asked permissions the caller holds (none needed to ask). */
export const TestIamPermissionsRequestSchema = z.strictObject({ permissions: z.array(z.string()).max(100) });
export type TestIamPermissionsRequest = z.infer<typeof TestIamPermissionsRequestSchema>;
export const TestIamPermissionsResponseSchema = z.object({ permissions: lenient(z.array(z.string())) });
export type TestIamPermissionsResponse = z.infer<typeof TestIamPermissionsResponseSchema>;

/** IAM permissions of Cloud Support cases (Tech Support Editor holds all; Tech Support Viewer only list/get). */
export const CASE_PERMISSIONS = {
  list: 'cloudsupport.techCases.list',
  create: 'cloudsupport.techCases.create',
  update: 'cloudsupport.techCases.update',
  escalate: 'cloudsupport.techCases.escalate',
} as const;
