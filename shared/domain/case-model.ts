// Case vocabulary: the Cloud Support API v2 enums plus the reseller-side facts the
// console needs (customer access, support tier). Wire strings are kept verbatim so
// API payloads and the local replica need no mapping.

import { CASE_STATES, EscalationReasonSchema, type CaseState } from '../api/cloud-support';

// The wire enums are declared once in shared/api; the domain re-exports them or a narrowed subset.
export { CASE_STATES, type CaseState };

/** States an agent can filter on; STATE_UNSPECIFIED is "unknown" and never chosen. */
export const SELECTABLE_CASE_STATES: readonly CaseState[] = CASE_STATES.filter((s) => s !== 'STATE_UNSPECIFIED');

export function isCaseState(value: unknown): value is CaseState {
  return typeof value === 'string' && (CASE_STATES as readonly string[]).includes(value);
}

/** The API's `state=OPEN` filter means "anything but CLOSED"; mirror that exactly. */
export function isOpenState(state: CaseState): boolean {
  return state !== 'CLOSED';
}

/** It is the agent's turn: Google waits for the customer. */
export function isAgentsTurn(state: CaseState): boolean {
  return state === 'ACTION_REQUIRED';
}

// PRIORITY_UNSPECIFIED exists on the wire but is never a valid choice; P0 exists in the
// API but the Workspace reseller portal only offers P1–P4.
export const PRIORITIES = ['P0', 'P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const SELECTABLE_PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const satisfies readonly Priority[];
export type SelectablePriority = (typeof SELECTABLE_PRIORITIES)[number];

export function isPriority(value: unknown): value is Priority {
  return typeof value === 'string' && (PRIORITIES as readonly string[]).includes(value);
}

/** Sort key: lower is more urgent. */
export function priorityRank(priority: Priority): number {
  return PRIORITIES.indexOf(priority);
}

export interface PriorityDefinition {
  readonly priority: Priority;
  /** i18n key of the definition text, e.g. `priority.P1.meaning`. */
  readonly meaningKey: string;
  /** i18n key of the worked example, e.g. `priority.P1.example`. */
  readonly exampleKey: string;
  /** i18n key of the short label, e.g. `priority.P1.label`. */
  readonly labelKey: string;
  /** Whether a workaround exists by definition (helps the guided form ask the right question). */
  readonly workaround: 'none' | 'exists' | 'not_needed';
}

// Texts live in the renderer's catalogs; the domain only fixes the ids so every layer
// shows the same definition (docs/domain-rules.md "Priority").
function priorityDefinition(priority: Priority, workaround: PriorityDefinition['workaround']): PriorityDefinition {
  return {
    priority,
    meaningKey: `priority.${priority}.meaning`,
    exampleKey: `priority.${priority}.example`,
    labelKey: `priority.${priority}.label`,
    workaround,
  };
}

export const PRIORITY_DEFINITIONS: Readonly<Record<SelectablePriority, PriorityDefinition>> = {
  P1: priorityDefinition('P1', 'none'),
  P2: priorityDefinition('P2', 'none'),
  P3: priorityDefinition('P3', 'exists'),
  P4: priorityDefinition('P4', 'not_needed'),
};

/**
 * What an agent can do for a customer, from Google's own answers (never from a field Google
 * does not have): `authorized` — its organization is visible and its cases can be worked;
 * `read_only` — its cases list but changes are refused (Tech Support Viewer only);
 * `no_api_access` — its organization is not visible to this agent or answers 403 (Cloud access
 * not granted); `not_authorized` — the Reseller API refuses the customer (reseller access off in
 * the customer's Admin console); `transferred` — gone from the Reseller API.
 */
export const CUSTOMER_ACCESS_STATES = ['authorized', 'read_only', 'no_api_access', 'not_authorized', 'transferred'] as const;
export type CustomerAccess = (typeof CUSTOMER_ACCESS_STATES)[number];

/** Only customers with full access may have cases created or changed for them. */
export function canManageCases(access: CustomerAccess): boolean {
  return access === 'authorized';
}

/** Cases of the customer can be listed and read through the API. */
export function canReadCases(access: CustomerAccess): boolean {
  return access === 'authorized' || access === 'read_only';
}

/**
 * Support tier of a customer. 'premium' = the customer has Google Premium support (and
 * the reseller's top service tier); 'standard' = everyone else. Only premium cases can
 * be escalated.
 */
export const SUPPORT_TIERS = ['standard', 'premium'] as const;
export type SupportTier = (typeof SUPPORT_TIERS)[number];

export function canEscalate(tier: SupportTier, state: CaseState): boolean {
  return tier === 'premium' && isOpenState(state);
}

/** The reasons an agent can choose: the wire's, without REASON_UNSPECIFIED. */
export const EscalationReasonChoiceSchema = EscalationReasonSchema.exclude(['REASON_UNSPECIFIED']);
export const ESCALATION_REASONS = EscalationReasonChoiceSchema.options;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];
