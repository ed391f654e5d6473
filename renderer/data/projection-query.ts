// One query over the projection: the cached order of the requested sort, filtered by the
// keyword's candidates (stamped into the scratch marks) and the structured filters.

import { CASE_STATES, PRIORITIES } from '../../shared/domain/case-model';
import { CLOSED_INDEX, FLAG_ESCALATED, type ColumnStore } from './projection-columns';
import { keywordCandidates } from './projection-keyword';
import type { OrderCache } from './projection-orders';
import type { TokenIndex } from './projection-tokens';
import type { ProjectionQuery, ProjectionResult } from './projection-types';

const EMPTY_IDS = new Uint32Array(0);

interface RowFilter {
  readonly keywordStamp: number;
  readonly stateMask: number;
  readonly priorityMask: number;
  readonly customerMask: Uint8Array | undefined;
  readonly escalatedWanted: number;
  readonly pendingRows: Set<number> | undefined;
  readonly onlyRows: Set<number> | undefined;
  readonly openOnly: boolean;
  readonly closedOnly: boolean;
}

function rowsOf(cols: ColumnStore, list: ReadonlySet<string> | undefined): Set<number> | undefined {
  if (list === undefined) return undefined;
  const rows = new Set<number>();
  for (const name of list) {
    const row = cols.nameToRow.get(name);
    if (row !== undefined) rows.add(row);
  }
  return rows;
}

function filterOf(cols: ColumnStore, q: ProjectionQuery, keywordStamp: number): RowFilter {
  let stateMask = 0;
  for (const s of q.states ?? []) stateMask |= 1 << CASE_STATES.indexOf(s);
  let priorityMask = 0;
  for (const p of q.priorities ?? []) priorityMask |= 1 << PRIORITIES.indexOf(p);
  let customerMask: Uint8Array | undefined;
  if (q.customerIds !== undefined && q.customerIds.length > 0) {
    customerMask = new Uint8Array(cols.customerIds.length);
    for (const id of q.customerIds) {
      const idx = cols.customerIndex.get(id);
      if (idx !== undefined) customerMask[idx] = 1;
    }
  }
  return {
    keywordStamp,
    stateMask,
    priorityMask,
    customerMask,
    escalatedWanted: q.escalated === undefined ? -1 : q.escalated ? FLAG_ESCALATED : 0,
    pendingRows: rowsOf(cols, q.pendingCaseNames),
    onlyRows: rowsOf(cols, q.onlyNames),
    openOnly: q.openOnly === true,
    closedOnly: q.closedOnly === true,
  };
}

function filterOrder(cols: ColumnStore, order: Uint32Array, f: RowFilter, room: number): Uint32Array {
  const { mark, stateCol, priorityCol, customerCol, flagsCol } = cols;
  const out = new Uint32Array(room);
  let k = 0;
  for (let i = 0; i < order.length; i++) {
    const row = order[i] as number;
    if (f.keywordStamp !== 0 && mark[row] !== f.keywordStamp) continue;
    const state = stateCol[row] as number;
    if (f.stateMask !== 0 && (f.stateMask & (1 << state)) === 0) continue;
    if (f.openOnly && state === CLOSED_INDEX) continue;
    if (f.closedOnly && state !== CLOSED_INDEX) continue;
    if (f.priorityMask !== 0 && (f.priorityMask & (1 << (priorityCol[row] as number))) === 0) continue;
    if (f.customerMask !== undefined && f.customerMask[customerCol[row] as number] !== 1) continue;
    if (f.escalatedWanted !== -1 && ((flagsCol[row] as number) & FLAG_ESCALATED) !== f.escalatedWanted) continue;
    if (f.pendingRows !== undefined && !f.pendingRows.has(row)) continue;
    if (f.onlyRows !== undefined && !f.onlyRows.has(row)) continue;
    out[k++] = row;
  }
  return out.subarray(0, k);
}

export function runQuery(cols: ColumnStore, tokens: TokenIndex, orders: OrderCache, q: ProjectionQuery): ProjectionResult {
  // The order first: its incremental refresh uses the scratch marks the keyword needs.
  const sort = q.sort ?? { key: 'updateTime', dir: 'desc' };
  const order = orders.get(sort.key, sort.dir);
  const keyword = q.keyword?.trim() ? keywordCandidates(cols, tokens, q.keyword) : undefined;
  if (keyword !== undefined && keyword.length === 0) return { ids: EMPTY_IDS, total: 0 };
  let keywordStamp = 0;
  if (keyword !== undefined) {
    keywordStamp = cols.nextEpoch();
    for (const row of keyword) cols.mark[row] = keywordStamp;
  }
  const room = keyword !== undefined ? Math.min(keyword.length, order.length) : order.length;
  const ids = filterOrder(cols, order, filterOf(cols, q, keywordStamp), room);
  return { ids, total: ids.length };
}
