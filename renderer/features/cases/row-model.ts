// What one list row shows, built from the projection (server data), the outbox overlay
// (pending local changes) and the customer's support tier (SLA clock). Pure.

import {
  actionRequiredClock,
  firstResponseClock,
  type CaseState,
  type Priority,
  type SlaLevel,
  type SupportTier,
} from '../../../shared/domain';
import type { OutboxEntry } from '../../../shared/ipc';
import { overlayCase, type CaseRecord, type ProjectedCase, type ViewCase } from '../../data';

export type PendingMark = 'queued' | 'failed' | 'local' | undefined;

export interface SlaCell {
  readonly level: SlaLevel;
  /** Time left, or time overdue when breached. */
  readonly ms: number;
  readonly targetAt: string;
}

export interface ListRow {
  /** Unique across accounts: `${accountId}|${name}`. */
  readonly key: string;
  readonly accountId: string;
  readonly name: string;
  readonly caseNumber: string;
  readonly title: string;
  readonly customerName: string;
  readonly customerId: string;
  readonly priority: Priority;
  readonly state: CaseState;
  readonly escalated: boolean;
  readonly updateTimeMs: number;
  readonly pending: PendingMark;
  readonly sla: SlaCell | undefined;
  /** Google sent a priority this version does not know: shown as "Other". */
  readonly otherPriority?: boolean;
}

export interface RowContext {
  readonly accountId: string;
  readonly outbox: readonly OutboxEntry[];
  /** Refs with an unconfirmed change (pendingCaseRefs of the outbox). */
  readonly pendingRefs: ReadonlySet<string>;
  readonly tierOf: (customerId: string) => SupportTier;
  readonly nowMs: number;
}

/** A record shaped enough for overlayCase (it reads only the changeable fields). */
function recordOf(row: ProjectedCase): CaseRecord {
  return {
    name: row.name,
    caseNumber: row.caseNumber,
    customerId: row.customerId,
    displayName: row.title,
    description: '',
    priority: row.priority,
    state: row.state,
    subscriberEmails: [],
    escalated: row.escalated,
    createTime: new Date(row.createTimeMs).toISOString(),
    updateTime: new Date(row.updateTimeMs).toISOString(),
    createTimeMs: row.createTimeMs,
    updateTimeMs: row.updateTimeMs,
  };
}

export function pendingMarkOf(view: Pick<ViewCase, 'pending' | 'failed' | 'local'>): PendingMark {
  if (view.failed && view.failed.length > 0) return 'failed';
  if (view.local) return 'local';
  return view.pending ? 'queued' : undefined;
}

/**
 * The running SLA clock that matters for the list: Google's first response while the case
 * is new, the agent's reply while action is required; nothing otherwise.
 */
export function slaCellOf(
  input: { state: CaseState; priority: Priority; createTimeMs: number; updateTimeMs: number; timeZone?: string | undefined },
  tier: SupportTier,
  nowMs: number,
): SlaCell | undefined {
  const slaCase = {
    createTime: new Date(input.createTimeMs).toISOString(),
    updateTime: new Date(input.updateTimeMs).toISOString(),
    priority: input.priority,
    state: input.state,
    timeZone: input.timeZone,
  };
  const opts = { tier, now: nowMs };
  const clock =
    input.state === 'NEW'
      ? firstResponseClock(slaCase, [], opts)
      : input.state === 'ACTION_REQUIRED'
        ? actionRequiredClock(slaCase, [], opts)
        : null;
  if (!clock?.running) return undefined;
  const { status } = clock;
  return { level: status.level, ms: status.level === 'breached' ? status.overdueMs : status.remainingMs, targetAt: status.targetAt };
}

export function rowFromProjection(row: ProjectedCase, ctx: RowContext): ListRow {
  let priority = row.priority;
  let state = row.state;
  let escalated = row.escalated;
  let pending: PendingMark;
  if (ctx.pendingRefs.has(row.name)) {
    const view = overlayCase(recordOf(row), ctx.outbox);
    ({ priority, state, escalated } = view);
    pending = pendingMarkOf(view);
  }
  return {
    key: `${ctx.accountId}|${row.name}`,
    accountId: ctx.accountId,
    name: row.name,
    caseNumber: row.caseNumber,
    title: row.title,
    customerName: row.customerName,
    customerId: row.customerId,
    priority,
    state,
    escalated,
    updateTimeMs: row.updateTimeMs,
    pending,
    ...(row.otherPriority && priority === row.priority ? { otherPriority: true } : {}),
    sla: slaCellOf(
      { state, priority, createTimeMs: row.createTimeMs, updateTimeMs: row.updateTimeMs },
      ctx.tierOf(row.customerId),
      ctx.nowMs,
    ),
  };
}

/** A replica record (head rows before hydration, local creates), overlaid. */
export function rowFromRecord(record: CaseRecord | ViewCase, customerName: string, ctx: RowContext): ListRow {
  const view: ViewCase = 'pendingKinds' in record ? record : overlayCase(record, ctx.outbox);
  return {
    key: `${ctx.accountId}|${view.name}`,
    accountId: ctx.accountId,
    name: view.name,
    caseNumber: view.caseNumber,
    title: view.displayName,
    customerName,
    customerId: view.customerId,
    priority: view.priority,
    state: view.state,
    escalated: view.escalated,
    updateTimeMs: view.updateTimeMs,
    pending: pendingMarkOf(view),
    ...(view.otherPriority ? { otherPriority: true } : {}),
    sla: view.local ? undefined : slaCellOf({ ...view, timeZone: view.timeZone }, ctx.tierOf(view.customerId), ctx.nowMs),
  };
}
