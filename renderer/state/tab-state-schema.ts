import { z } from 'zod';
import { CASE_STATES, PRIORITIES } from '../../shared/domain';
import { listOf } from '../platform/storage';
import { CASE_SCOPES, emptyFilters, type CaseFilters, type SavedView } from './case-views';
import type { DomainView, TabState } from './tab-store';

// What a saved tab state may look like. Every field is optional and falls back to the
// store's default on its own when damaged (`.catch(undefined)`): one bad field costs that
// field, not the tab.

const views = ['cases', 'customers', 'pending', 'new-case', 'settings', 'dashboard'] as const satisfies readonly DomainView[];
const sortKeys = ['updateTime', 'priority', 'state', 'caseNumber', 'title', 'customer', 'createTime', 'sla'] as const;
const field = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const names = z.array(z.string());

const filtersSchema: z.ZodType<CaseFilters> = z.object({
  keyword: z.string().catch(''),
  states: z.array(z.enum(CASE_STATES)).catch([]),
  priorities: z.array(z.enum(PRIORITIES)).catch([]),
  customerIds: names.catch([]),
  categoryIds: names.catch([]),
  escalatedOnly: z.boolean().catch(false),
  pendingOnly: z.boolean().catch(false),
});

const savedViewSchema: z.ZodType<SavedView> = z.object({
  id: z.string(),
  name: z.string(),
  scope: z.enum(CASE_SCOPES),
  filters: filtersSchema.catch({ ...emptyFilters }),
});

export const tabStateSchema: z.ZodType<Partial<TabState>> = z.object({
  view: field(z.enum(views)),
  caseView: field(z.string()),
  scope: field(z.enum(CASE_SCOPES)),
  filters: field(filtersSchema),
  sort: field(z.object({ key: z.enum(sortKeys), dir: z.enum(['asc', 'desc']) })),
  selectedCase: field(z.string()),
  selection: field(names),
  scrollTops: field(z.record(z.string(), z.number())),
  customerId: field(z.string()),
  caseTab: field(z.string()),
  // A damaged saved view is dropped; the others stay.
  savedViews: field(listOf(savedViewSchema)),
  detailWidth: field(z.number().positive()),
  detailCollapsed: field(z.boolean()),
});
