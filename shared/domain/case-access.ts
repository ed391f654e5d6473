import { isOpenState, type CaseState, type CustomerAccess } from './case-model';

// Which actions on a case Google would refuse, known before the agent starts typing: from
// the customer's access (as Google's answers showed it), the case's state and the agency's
// support offering. The server still has the last word; this only spares the agent the
// round trip and says why up front.

export const CASE_ACTIONS = ['reply', 'priority', 'close', 'escalate', 'attach', 'share'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export type CaseBlock =
  /** The customer's access forbids changes (read-only, no API access, not authorised, transferred). */
  | { readonly kind: 'access'; readonly access: Exclude<CustomerAccess, 'authorized'> }
  | { readonly kind: 'closed' }
  /** Created here and not filed yet: escalating and attaching wait for the filing. */
  | { readonly kind: 'not_filed' }
  | { readonly kind: 'escalated' }
  /** The agency's data says the customer's Google support offering has no escalation. */
  | { readonly kind: 'not_offered' };

export interface CaseActionFacts {
  readonly state: CaseState;
  readonly local: boolean;
  readonly escalated: boolean;
  /** undefined while the customer is not known yet (the server decides then). */
  readonly access: CustomerAccess | undefined;
  readonly escalationOffered: boolean;
}

/** Why `action` would be refused, or undefined when it is allowed. */
export function caseActionBlock(action: CaseAction, facts: CaseActionFacts): CaseBlock | undefined {
  if (facts.access !== undefined && facts.access !== 'authorized') return { kind: 'access', access: facts.access };
  if (!isOpenState(facts.state)) return { kind: 'closed' };
  if (facts.local && (action === 'escalate' || action === 'attach')) return { kind: 'not_filed' };
  if (action === 'escalate') {
    if (facts.escalated) return { kind: 'escalated' };
    if (!facts.escalationOffered) return { kind: 'not_offered' };
  }
  return undefined;
}

/** Every action's block at once (the case detail's toolbar). */
export function caseActionBlocks(facts: CaseActionFacts): Readonly<Record<CaseAction, CaseBlock | undefined>> {
  return Object.fromEntries(CASE_ACTIONS.map((action) => [action, caseActionBlock(action, facts)])) as Record<
    CaseAction,
    CaseBlock | undefined
  >;
}
