import { z } from 'zod';

// Mirrors the incidents.json published by Google's status dashboards (Cloud and
// Workspace share it): snake_case keys, RFC 3339 times, newest update first.

export const INCIDENT_STATUSES = ['SERVICE_INFORMATION', 'SERVICE_DISRUPTION', 'SERVICE_OUTAGE', 'AVAILABLE'] as const;

export const IncidentUpdateSchema = z.object({
  created: z.string(),
  modified: z.string(),
  when: z.string(),
  text: z.string(),
  status: z.enum(INCIDENT_STATUSES),
});

export const IncidentSchema = z.object({
  id: z.string(),
  number: z.string(),
  begin: z.string(),
  created: z.string(),
  end: z.string().optional(),
  modified: z.string(),
  external_desc: z.string(),
  updates: z.array(IncidentUpdateSchema),
  most_recent_update: IncidentUpdateSchema,
  status_impact: z.enum(INCIDENT_STATUSES),
  severity: z.enum(['low', 'medium', 'high']),
  service_key: z.string(),
  service_name: z.string(),
  affected_products: z.array(z.object({ title: z.string(), id: z.string() })),
  uri: z.string(),
});
export type Incident = z.infer<typeof IncidentSchema>;
export type IncidentUpdate = z.infer<typeof IncidentUpdateSchema>;

/** The feed is a bare JSON array, newest incident first. */
export const IncidentFeedSchema = z.array(IncidentSchema);
