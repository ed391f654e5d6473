import {
  caseSla,
  slaDueMs,
  type AgencyIndex,
  type CaseSla,
  type CaseState,
  type Priority,
  type SlaCaseInput,
  type SlaLevel,
  type SlaThread,
} from '../../../shared/domain';
import type { CaseFacts, CaseFactsStore } from '../../data';

// The case list, the case detail and notifications all reach caseSla() through here, with
// the same inputs (the case, its thread, its time zone, the customer's plan), so the list
// and the detail can never show different clocks for one case.

/** The fields of a list row (projection or replica record) the clocks read. */
export interface SlaRowInput {
  readonly name: string;
  readonly customerId: string;
  readonly state: CaseState;
  readonly priority: Priority;
  readonly createTimeMs: number;
  readonly updateTimeMs: number;
}

export function slaInputOf(
  row: Omit<SlaRowInput, 'name' | 'customerId'>,
  facts: Pick<CaseFacts, 'timeZone' | 'thread'> | undefined,
): SlaCaseInput {
  return {
    priority: row.priority,
    state: row.state,
    createTimeMs: row.createTimeMs,
    updateTimeMs: row.updateTimeMs,
    timeZone: facts?.timeZone,
    thread: facts?.thread,
  };
}

/** A thread from comment records (the detail reads them live from the replica). */
export function threadOf(comments: ReadonlyArray<{ createTimeMs: number; googleSupport: boolean }>): SlaThread {
  const google: number[] = [];
  const others: number[] = [];
  for (const c of comments) (c.googleSupport ? google : others).push(c.createTimeMs);
  return { google: google.sort((a, b) => a - b), others: others.sort((a, b) => a - b) };
}

export interface SlaCell {
  readonly level: SlaLevel;
  /** Time left, or time overdue when breached. */
  readonly ms: number;
  readonly targetAt: string;
  readonly kind: 'first_response' | 'update';
}

/** What the list's SLA column shows: the running clock, or nothing. */
export function slaCellOf(sla: CaseSla): SlaCell | undefined {
  const clock = sla.current;
  if (!clock) return undefined;
  const { status } = clock;
  return {
    level: status.level,
    ms: status.level === 'breached' ? status.overdueMs : status.remainingMs,
    targetAt: Number.isFinite(status.targetMs) ? new Date(status.targetMs).toISOString() : '',
    kind: clock.kind,
  };
}

/** The list's SLA cell for any row of one account, under the agency's plans. */
export function slaCellsFor(facts: CaseFactsStore, agency: AgencyIndex, nowMs: number): (row: SlaRowInput) => SlaCell | undefined {
  return (row) => slaCellOf(caseSla(slaInputOf(row, facts.get(row.name)), agency.planOf(row.customerId), nowMs));
}

/** Sort key for the SLA column: when the running clock runs out (Infinity: none runs). */
export function slaDueFor(facts: CaseFactsStore, agency: AgencyIndex, nowMs: number): (row: SlaRowInput) => number {
  return (row) => slaDueMs(caseSla(slaInputOf(row, facts.get(row.name)), agency.planOf(row.customerId), nowMs));
}
