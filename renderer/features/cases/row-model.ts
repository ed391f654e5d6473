// What one list row shows, built from the projection (server data), the outbox overlay
// (pending local changes) and the agency's SLA plan of the customer (SLA clock). Pure.

import type { CaseState, Priority } from '../../../shared/domain';
import type { OutboxEntry } from '../../../shared/ipc';
import { overlayCase, type CaseRecord, type ProjectedCase, type ViewCase } from '../../data';
import type { SlaCell, SlaRowInput } from '../sla-plans';

export type PendingMark = 'queued' | 'failed' | 'local' | undefined;

export type { SlaCell } from '../sla-plans';

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
  /** The SLA column under the agency's plans (features/sla-plans: the one clock function). */
  readonly slaOf: (row: SlaRowInput) => SlaCell | undefined;
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
    sla: ctx.slaOf({ ...row, state, priority }),
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
    sla: view.local ? undefined : ctx.slaOf(view),
  };
}

/**
 * `build` memoised per index, keeping the newest `limit` rows: rows on screen keep their
 * identity (memoised list rows skip rendering) without holding every row ever scrolled past;
 * those all reached the old generation and brought major GC pauses into scrolling (issue 21).
 */
export function cachedRows(build: (index: number) => ListRow | undefined, limit = 512): (index: number) => ListRow | undefined {
  const cache = new Map<number, ListRow>();
  return (index) => {
    const hit = cache.get(index);
    if (hit) return hit;
    const row = build(index);
    if (row === undefined) return undefined;
    if (cache.size >= limit) cache.delete(cache.keys().next().value as number);
    cache.set(index, row);
    return row;
  };
}
