import { z } from 'zod';
import { SELECTABLE_PRIORITIES } from '../domain/case-model';
import { GOOGLE_SUPPORT_OFFERINGS, REPORT_LANGUAGES, type AgencyCustomer, type AgencyData, type SlaPlan } from '../domain/sla-plans';

// The agency's own data (SLA plans, per-customer plan and Google support offering) as it
// crosses the bridge and as main stores it. Types come from shared/domain; these schemas
// check them at the boundary.

const minutes = z
  .number()
  .int()
  .min(1)
  .max(60 * 24 * 90);
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a local date YYYY-MM-DD');
const ianaZone = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'unknown time zone');

export const slaCoverageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('24x7') }).strict(),
  z
    .object({
      kind: z.literal('business_hours'),
      weekdays: z.array(z.number().int().min(0).max(6)).max(7).readonly(),
      openMinute: z
        .number()
        .int()
        .min(0)
        .max(24 * 60),
      closeMinute: z
        .number()
        .int()
        .min(0)
        .max(24 * 60),
      holidays: z.array(localDate).max(400).readonly().optional(),
      /** Absent: the case's own time zone. */
      timeZone: ianaZone.optional(),
    })
    .strict()
    .refine((c) => c.closeMinute > c.openMinute, 'closing time must be after opening time'),
]);

const targetsSchema = z.object({ firstResponseMinutes: minutes, updateMinutes: minutes }).strict();

export const planIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

export const slaPlanSchema = z
  .object({
    id: planIdSchema,
    name: z.string().trim().min(1).max(120),
    coverage: slaCoverageSchema,
    targets: z
      .object(
        Object.fromEntries(SELECTABLE_PRIORITIES.map((p) => [p, targetsSchema])) as Record<'P1' | 'P2' | 'P3' | 'P4', typeof targetsSchema>,
      )
      .strict(),
    demo: z.boolean().optional(),
  })
  .strict() satisfies z.ZodType<SlaPlan>;

export const googleOfferingSchema = z.enum(GOOGLE_SUPPORT_OFFERINGS);
export const customerIdSchema = z.string().min(1).max(128);

export const agencyCustomerSchema = z
  .object({
    customerId: customerIdSchema,
    customerDomain: z.string().max(256).optional(),
    displayName: z.string().max(512).optional(),
    planId: planIdSchema.optional(),
    offering: googleOfferingSchema.optional(),
    reportLanguage: z.enum(REPORT_LANGUAGES).optional(),
    demo: z.boolean().optional(),
  })
  .strict() satisfies z.ZodType<AgencyCustomer>;

export const agencyDataSchema = z
  .object({
    version: z.literal(1),
    plans: z.array(slaPlanSchema).min(1).max(200).readonly(),
    defaultPlanId: planIdSchema,
    customers: z.array(agencyCustomerSchema).max(20_000).readonly(),
    demoDomains: z.array(z.string().max(256)).max(100).readonly(),
  })
  .strict()
  .refine(
    (d) => d.plans.some((p) => p.id === d.defaultPlanId),
    'the default plan must be one of the plans',
  ) satisfies z.ZodType<AgencyData>;

export const agencyCsvKindSchema = z.enum(['plans', 'customers']);
export type AgencyCsvKind = z.infer<typeof agencyCsvKindSchema>;

/** A CSV row that could not be imported, with its 1-based line number in the file. */
export const csvProblemSchema = z.object({ line: z.number().int(), message: z.string().max(500) }).strict();
export type CsvProblem = z.infer<typeof csvProblemSchema>;

export const agencyCustomerPatchSchema = z
  .object({
    customerId: customerIdSchema,
    customerDomain: z.string().max(256).optional(),
    displayName: z.string().max(512).optional(),
    /** null: back to the default plan. */
    planId: planIdSchema.nullable().optional(),
    /** null: not recorded. */
    offering: googleOfferingSchema.nullable().optional(),
    reportLanguage: z.enum(REPORT_LANGUAGES).nullable().optional(),
  })
  .strict();
export type AgencyCustomerPatch = z.infer<typeof agencyCustomerPatchSchema>;

/** Largest CSV file the import accepts (well under the bridge's request limit). */
export const MAX_AGENCY_CSV_BYTES = 1024 * 1024;
