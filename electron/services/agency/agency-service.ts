import {
  DEMO_PLANS,
  EMPTY_AGENCY_DATA,
  type AgencyCustomer,
  type AgencyData,
  type GoogleSupportOffering,
  type SlaPlan,
} from '../../../shared/domain';
import { AppError } from '../../../shared/ipc';
import {
  agencyCustomerSchema,
  agencyDataSchema,
  slaPlanSchema,
  type AgencyCsvKind,
  type AgencyCustomerPatch,
  type CsvProblem,
} from '../../../shared/ipc/agency';
import type { DocumentStore, Logger } from '../../ports';
import { customersFromCsv, customersToCsv, plansFromCsv, plansToCsv } from './agency-csv';

/** A customer of a sandbox domain, as the demo preset needs it. */
export interface DemoCustomer {
  readonly customerId: string;
  readonly customerDomain: string;
  readonly premium: boolean;
}

export interface CsvImportResult {
  readonly data: AgencyData;
  readonly imported: number;
  readonly problems: CsvProblem[];
}

export interface AgencyService {
  get(): Promise<AgencyData>;
  savePlan(plan: SlaPlan): Promise<AgencyData>;
  deletePlan(planId: string): Promise<AgencyData>;
  setDefaultPlan(planId: string): Promise<AgencyData>;
  setCustomer(patch: AgencyCustomerPatch): Promise<AgencyData>;
  /** Removes the demo preset's plans and customer entries (the domain is not seeded again). */
  clearDemo(): Promise<AgencyData>;
  importCsv(kind: AgencyCsvKind, text: string): Promise<CsvImportResult>;
  exportCsv(kind: AgencyCsvKind): Promise<string>;
  /** First sign-in to a sandbox domain: demo plans and per-customer offerings, once per domain. */
  seedDemo(domain: string, customers: readonly DemoCustomer[]): Promise<void>;
}

/** Salvages what a damaged document still holds: every valid plan and customer survives. */
function salvage(raw: unknown, logger: Logger): AgencyData {
  const whole = agencyDataSchema.safeParse(raw);
  if (whole.success) return whole.data;
  const doc = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  if (Object.keys(doc).length === 0) return EMPTY_AGENCY_DATA;
  const pick = <T>(list: unknown, parse: (item: unknown) => { success: boolean; data?: T }): T[] =>
    (Array.isArray(list) ? list : []).flatMap((item) => {
      const result = parse(item);
      return result.success ? [result.data as T] : [];
    });
  const plans = pick<SlaPlan>(doc.plans, (item) => slaPlanSchema.safeParse(item));
  const customers = pick<AgencyCustomer>(doc.customers, (item) => agencyCustomerSchema.safeParse(item));
  const usable = plans.length > 0 ? plans : EMPTY_AGENCY_DATA.plans;
  const defaultPlanId = usable.some((p) => p.id === doc.defaultPlanId) ? String(doc.defaultPlanId) : (usable[0] as SlaPlan).id;
  const demoDomains = Array.isArray(doc.demoDomains) ? doc.demoDomains.filter((d): d is string => typeof d === 'string') : [];
  logger.warn('agency: the stored document was damaged; kept the valid entries', { plans: plans.length, customers: customers.length });
  return { version: 1, plans: usable, defaultPlanId, customers: dropUnknownPlans(customers, usable), demoDomains };
}

function dropUnknownPlans(customers: readonly AgencyCustomer[], plans: readonly SlaPlan[]): AgencyCustomer[] {
  const ids = new Set(plans.map((p) => p.id));
  return customers.map((c) => {
    if (c.planId === undefined || ids.has(c.planId)) return c;
    const { planId: _dropped, ...rest } = c;
    return rest;
  });
}

function withoutDemoFlag<T extends { demo?: boolean | undefined }>(value: T): T {
  const { demo: _demo, ...rest } = value;
  return rest as T;
}

/** Demo offerings: every Premium customer of the sandbox, and a mix of Standard and Enhanced for the rest. */
function demoCustomerEntry(customer: DemoCustomer, index: number): AgencyCustomer {
  const offering: GoogleSupportOffering = customer.premium ? 'premium' : index % 3 === 0 ? 'enhanced' : 'standard';
  const planId = customer.premium ? 'demo-enterprise' : index % 2 === 0 ? 'demo-business' : 'demo-essentials';
  return { customerId: customer.customerId, customerDomain: customer.customerDomain, planId, offering, demo: true };
}

/** The agency's plans and customer records, in a document store behind a port; every change is validated and written in order. */
export function createAgencyService(store: DocumentStore, logger: Logger, onChange: (data: AgencyData) => void): AgencyService {
  let cached: AgencyData | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<AgencyData> {
    cached ??= salvage(await store.read(), logger);
    return cached;
  }

  /** One change at a time: read, change, validate, write, publish. */
  function change(apply: (data: AgencyData) => AgencyData): Promise<AgencyData> {
    const run = queue.then(async () => {
      const next = agencyDataSchema.parse(apply(await load()));
      await store.write(next);
      cached = next;
      onChange(next);
      return next;
    });
    queue = run.catch(() => undefined);
    return run;
  }

  const upsertCustomer = (data: AgencyData, entry: AgencyCustomer): AgencyData => ({
    ...data,
    customers: [...data.customers.filter((c) => c.customerId !== entry.customerId), entry],
  });

  return {
    get: load,
    savePlan: (plan) =>
      change((data) => {
        const edited = withoutDemoFlag(plan);
        const exists = data.plans.some((p) => p.id === plan.id);
        return { ...data, plans: exists ? data.plans.map((p) => (p.id === plan.id ? edited : p)) : [...data.plans, edited] };
      }),
    deletePlan: (planId) =>
      change((data) => {
        if (planId === data.defaultPlanId)
          throw new AppError('failed_precondition', 'The default plan cannot be deleted: choose another default plan first.');
        const plans = data.plans.filter((p) => p.id !== planId);
        return { ...data, plans, customers: dropUnknownPlans(data.customers, plans) };
      }),
    setDefaultPlan: (planId) =>
      change((data) => {
        if (!data.plans.some((p) => p.id === planId)) throw new AppError('not_found', `No plan "${planId}".`);
        return { ...data, defaultPlanId: planId };
      }),
    setCustomer: (patch) =>
      change((data) => {
        const previous = data.customers.find((c) => c.customerId === patch.customerId);
        if (patch.planId && !data.plans.some((p) => p.id === patch.planId)) throw new AppError('not_found', `No plan "${patch.planId}".`);
        const merged: Record<string, unknown> = { ...(previous ? withoutDemoFlag(previous) : {}), customerId: patch.customerId };
        for (const key of ['customerDomain', 'displayName', 'planId', 'offering', 'reportLanguage'] as const) {
          const value = patch[key];
          if (value === null) delete merged[key];
          else if (value !== undefined) merged[key] = value;
        }
        return upsertCustomer(data, agencyCustomerSchema.parse(merged));
      }),
    clearDemo: () =>
      change((data) => {
        const plans = data.plans.filter((p) => !p.demo);
        const kept = plans.length > 0 ? plans : EMPTY_AGENCY_DATA.plans;
        const defaultPlanId = kept.some((p) => p.id === data.defaultPlanId) ? data.defaultPlanId : (kept[0] as SlaPlan).id;
        return {
          ...data,
          plans: kept,
          defaultPlanId,
          customers: dropUnknownPlans(
            data.customers.filter((c) => !c.demo),
            kept,
          ),
        };
      }),
    async importCsv(kind, text) {
      let imported = 0;
      let problems: CsvProblem[] = [];
      const data = await change((current) => {
        if (kind === 'plans') {
          const parsed = plansFromCsv(text);
          problems = parsed.problems;
          imported = parsed.plans.length;
          let next: AgencyData = current;
          for (const { plan, isDefault } of parsed.plans) {
            const exists = next.plans.some((p) => p.id === plan.id);
            next = { ...next, plans: exists ? next.plans.map((p) => (p.id === plan.id ? plan : p)) : [...next.plans, plan] };
            if (isDefault) next = { ...next, defaultPlanId: plan.id };
          }
          return next;
        }
        const parsed = customersFromCsv(text, new Set(current.plans.map((p) => p.id)));
        problems = parsed.problems;
        imported = parsed.customers.length;
        return parsed.customers.reduce(upsertCustomer, current);
      });
      return { data, imported, problems };
    },
    async exportCsv(kind) {
      const data = await load();
      return kind === 'plans' ? plansToCsv(data) : customersToCsv(data);
    },
    async seedDemo(domain, customers) {
      if ((await load()).demoDomains.includes(domain)) return;
      await change((data) => {
        if (data.demoDomains.includes(domain)) return data;
        const missingPlans = DEMO_PLANS.filter((demo) => !data.plans.some((p) => p.id === demo.id));
        const known = new Set(data.customers.map((c) => c.customerId));
        const entries = customers.filter((c) => !known.has(c.customerId)).map(demoCustomerEntry);
        logger.info('agency: seeded the demo preset', { domain, customers: entries.length });
        return {
          ...data,
          plans: [...data.plans, ...missingPlans],
          customers: [...data.customers, ...entries],
          demoDomains: [...data.demoDomains, domain],
        };
      });
    },
  };
}

/** Seeds the demo preset for every sandbox account in the list (once per domain; failures are logged, never thrown). */
export async function seedDemoPresets(
  agency: AgencyService,
  accounts: ReadonlyArray<{ backend: string; domain: string }>,
  demoCustomers: (domain: string) => Promise<DemoCustomer[]>,
  logger: Logger,
): Promise<void> {
  for (const account of accounts) {
    if (account.backend !== 'sandbox') continue;
    try {
      await agency.seedDemo(account.domain, await demoCustomers(account.domain));
    } catch (error) {
      logger.warn('agency: could not seed the demo preset', { domain: account.domain, error: String(error) });
    }
  }
}
