// The agency's own service plans and what it knows of each customer (issue 14 §4). None of
// this comes from Google: an agency sells support plans (e.g. 8×5 e-mail for small
// customers, 24×7 with a 4-hour answer on critical problems, a 15-minute emergency answer)
// and records which Google support offering each customer bought. Kept by main as a
// document; the renderer reads it through the bridge.

import { isOpenState, type CaseState, type Priority, type SelectablePriority } from './case-model';
import { ALWAYS_ON_24X7, BUSINESS_HOURS_8X5, type SlaSchedule } from './sla-calendar';
import { HOUR_MS, MINUTE_MS } from './time';

/** When a plan's clocks run. A business-hours plan counts in `timeZone`, or in the case's own zone when it is absent. */
export type SlaCoverage =
  { readonly kind: '24x7' } | (Extract<SlaSchedule, { kind: 'business_hours' }> & { readonly timeZone?: string | undefined });

export interface SlaTargets {
  /** Creation → Google's first response, in coverage minutes. */
  readonly firstResponseMinutes: number;
  /** Longest wait between two updates on the case thread after the first response, in coverage minutes. */
  readonly updateMinutes: number;
}

export interface SlaPlan {
  readonly id: string;
  readonly name: string;
  readonly coverage: SlaCoverage;
  readonly targets: Readonly<Record<SelectablePriority, SlaTargets>>;
  /** Seeded by the demo preset for a sandbox domain; cleared once the agency edits the plan. */
  readonly demo?: boolean | undefined;
}

/**
 * Google's support offerings for Google Workspace. The agency records which one a customer
 * bought; Google's API says nothing about it. Only Premium support allows escalation
 * (docs/domain-rules.md "Escalation"; the brief: "Some customers have Premium support; only their cases can be escalated").
 */
export const GOOGLE_SUPPORT_OFFERINGS = ['standard', 'enhanced', 'premium'] as const;
export type GoogleSupportOffering = (typeof GOOGLE_SUPPORT_OFFERINGS)[number];

export function offeringAllowsEscalation(offering: GoogleSupportOffering | undefined): boolean {
  return offering === 'premium';
}

/** Escalation is offered for an open case of a customer whose offering allows it. */
export function canEscalateWith(offering: GoogleSupportOffering | undefined, state: CaseState): boolean {
  return offeringAllowsEscalation(offering) && isOpenState(state);
}

/** The languages a customer report can be written in (the UI languages). */
export const REPORT_LANGUAGES = ['en', 'zh-TW', 'zh-CN', 'id', 'fr'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export interface AgencyCustomer {
  /** The Reseller API customer id (unique across reseller domains). */
  readonly customerId: string;
  /** For people reading an export: the customer's primary domain and name when it was set. */
  readonly customerDomain?: string | undefined;
  readonly displayName?: string | undefined;
  /** The agency's plan for this customer; the default plan when absent. */
  readonly planId?: string | undefined;
  readonly offering?: GoogleSupportOffering | undefined;
  /** Language the customer's service report is written in (a UI language). */
  readonly reportLanguage?: ReportLanguage | undefined;
  readonly demo?: boolean | undefined;
}

export interface AgencyData {
  readonly version: 1;
  readonly plans: readonly SlaPlan[];
  readonly defaultPlanId: string;
  readonly customers: readonly AgencyCustomer[];
  /** Sandbox reseller domains whose demo preset was seeded (once each). */
  readonly demoDomains: readonly string[];
}

function targets(first: readonly number[], update: readonly number[]): Record<SelectablePriority, SlaTargets> {
  const at = (list: readonly number[], i: number): number => Math.round((list[i] as number) / MINUTE_MS);
  return {
    P1: { firstResponseMinutes: at(first, 0), updateMinutes: at(update, 0) },
    P2: { firstResponseMinutes: at(first, 1), updateMinutes: at(update, 1) },
    P3: { firstResponseMinutes: at(first, 2), updateMinutes: at(update, 2) },
    P4: { firstResponseMinutes: at(first, 3), updateMinutes: at(update, 3) },
  };
}

const H = HOUR_MS;

/** The plan a new install starts with: 8×5 in the case's zone, first response within a business day at worst. */
export const STARTER_PLAN: SlaPlan = {
  id: 'standard-8x5',
  name: 'Standard 8×5',
  coverage: { ...BUSINESS_HOURS_8X5, holidays: [] } as SlaCoverage,
  targets: targets([2 * H, 4 * H, 8 * H, 16 * H], [4 * H, 8 * H, 16 * H, 40 * H]),
};

export const EMPTY_AGENCY_DATA: AgencyData = {
  version: 1,
  plans: [STARTER_PLAN],
  defaultPlanId: STARTER_PLAN.id,
  customers: [],
  demoDomains: [],
};

/** The demo preset's plans (issue 19's examples): small, mid-size and large customers. */
export const DEMO_PLANS: readonly SlaPlan[] = [
  {
    id: 'demo-essentials',
    name: 'Essentials 8×5',
    coverage: { ...BUSINESS_HOURS_8X5, holidays: [] } as SlaCoverage,
    targets: targets([4 * H, 8 * H, 16 * H, 24 * H], [8 * H, 16 * H, 24 * H, 40 * H]),
    demo: true,
  },
  {
    id: 'demo-business',
    name: 'Business 24×7',
    coverage: ALWAYS_ON_24X7,
    targets: targets([4 * H, 8 * H, 24 * H, 48 * H], [4 * H, 12 * H, 24 * H, 72 * H]),
    demo: true,
  },
  {
    id: 'demo-enterprise',
    name: 'Enterprise 24×7, 15-minute emergency answer',
    coverage: ALWAYS_ON_24X7,
    targets: targets([15 * 60_000, 1 * H, 4 * H, 8 * H], [1 * H, 4 * H, 12 * H, 24 * H]),
    demo: true,
  },
];

/** P0 exists in the API but not in the reseller portal: it gets P1's (tightest) targets. */
export function targetsFor(plan: SlaPlan, priority: Priority): SlaTargets {
  return plan.targets[priority === 'P0' ? 'P1' : priority];
}

export function planById(data: AgencyData, planId: string | undefined): SlaPlan | undefined {
  return planId === undefined ? undefined : data.plans.find((plan) => plan.id === planId);
}

/** The plan whose clocks apply to a customer's cases: its own, else the default, else the starter plan. */
export function planForCustomer(data: AgencyData, customerId: string): SlaPlan {
  const customer = data.customers.find((c) => c.customerId === customerId);
  return planById(data, customer?.planId) ?? planById(data, data.defaultPlanId) ?? data.plans[0] ?? STARTER_PLAN;
}

/** Fast lookups over the agency document for code that resolves many cases (lists, the dashboard). */
export interface AgencyIndex {
  readonly data: AgencyData;
  planOf(customerId: string): SlaPlan;
  offeringOf(customerId: string): GoogleSupportOffering | undefined;
  customer(customerId: string): AgencyCustomer | undefined;
}

export function indexAgency(data: AgencyData): AgencyIndex {
  const customers = new Map(data.customers.map((c) => [c.customerId, c]));
  const plans = new Map(data.plans.map((p) => [p.id, p]));
  const fallback = plans.get(data.defaultPlanId) ?? data.plans[0] ?? STARTER_PLAN;
  return {
    data,
    planOf: (customerId) => {
      const planId = customers.get(customerId)?.planId;
      return (planId !== undefined ? plans.get(planId) : undefined) ?? fallback;
    },
    offeringOf: (customerId) => customers.get(customerId)?.offering,
    customer: (customerId) => customers.get(customerId),
  };
}
