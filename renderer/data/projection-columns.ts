// The projection's column store: one row per case ever seen (row ids are never reused),
// compact typed columns for the fields lists filter and sort on, interned customers, and
// scratch marks for query evaluation. Strings are shared with the source records, not copied.

import { CASE_STATES, PRIORITIES, isOpenState, type CaseState, type Priority } from '../../shared/domain/case-model';
import { uniqueTokens } from '../../shared/domain/search-tokens';
import { grow } from './projection-sorted';
import type { ProjectedCase, ProjectionCaseInput } from './projection-types';

export const FLAG_ALIVE = 1;
export const FLAG_ESCALATED = 2;
export const FLAG_OTHER_PRIORITY = 4;
export const CLOSED_INDEX = CASE_STATES.indexOf('CLOSED');

export class ColumnStore {
  capacity: number;
  /** Rows ever allocated (dead ones included) and rows alive. */
  rowCount = 0;
  live = 0;
  readonly names: string[] = [];
  readonly caseNumbers: string[] = [];
  readonly titles: string[] = [];
  customerCol: Uint32Array;
  priorityCol: Uint8Array;
  stateCol: Uint8Array;
  flagsCol: Uint8Array;
  updateCol: Float64Array;
  createCol: Float64Array;
  /** The case number as a number (NaN when it is not all digits), for a numeric sort. */
  caseNoCol: Float64Array;
  /** textHash of the indexed text, to skip re-tokenising unchanged cases. */
  hashCol: Uint32Array;
  readonly nameToRow = new Map<string, number>();

  // Customers, interned: rows hold an index.
  readonly customerIds: string[] = [];
  readonly customerIndex = new Map<string, number>();
  readonly customerNames: string[] = [];
  readonly customerTokens: string[][] = [];
  /** Live rows per customer (a customer-name match covers exactly these). */
  customerRows = new Uint32Array(64);

  /** Scratch marks for query evaluation, reset lazily by epoch. */
  mark: Uint32Array;
  private epoch = 0;

  constructor(initialCapacity: number) {
    this.capacity = Math.max(16, initialCapacity);
    const n = this.capacity;
    this.customerCol = new Uint32Array(n);
    this.priorityCol = new Uint8Array(n);
    this.stateCol = new Uint8Array(n);
    this.flagsCol = new Uint8Array(n);
    this.updateCol = new Float64Array(n);
    this.createCol = new Float64Array(n);
    this.caseNoCol = new Float64Array(n);
    this.hashCol = new Uint32Array(n);
    this.mark = new Uint32Array(n);
  }

  isAlive(row: number): boolean {
    return ((this.flagsCol[row] as number) & FLAG_ALIVE) !== 0;
  }

  /** A fresh row for a new case. */
  addRow(name: string): number {
    const row = this.rowCount++;
    this.ensureCapacity(this.rowCount);
    this.nameToRow.set(name, row);
    this.names[row] = name;
    this.live += 1;
    return row;
  }

  /** Writes the filterable fields of `record` into `row`. */
  writeRow(row: number, record: ProjectionCaseInput, wasAlive: boolean): void {
    if (wasAlive) this.bumpCustomerRows(this.customerCol[row] as number, -1);
    const customer = this.internCustomer(record.customerId);
    this.customerCol[row] = customer;
    this.bumpCustomerRows(customer, 1);
    this.caseNumbers[row] = record.caseNumber;
    this.titles[row] = record.displayName;
    this.priorityCol[row] = Math.max(0, PRIORITIES.indexOf(record.priority));
    this.stateCol[row] = Math.max(0, CASE_STATES.indexOf(record.state));
    this.flagsCol[row] = FLAG_ALIVE | (record.escalated ? FLAG_ESCALATED : 0) | (record.otherPriority ? FLAG_OTHER_PRIORITY : 0);
    this.updateCol[row] = record.updateTimeMs;
    this.createCol[row] = record.createTimeMs;
    this.caseNoCol[row] = /^\d{1,15}$/.test(record.caseNumber) ? Number(record.caseNumber) : Number.NaN;
  }

  /** Marks the case's row dead (its id is never reused: a re-added case gets a fresh row). */
  killRow(name: string): number | undefined {
    const row = this.nameToRow.get(name);
    if (row === undefined) return undefined;
    this.nameToRow.delete(name);
    this.bumpCustomerRows(this.customerCol[row] as number, -1);
    this.flagsCol[row] = 0;
    this.titles[row] = '';
    this.caseNumbers[row] = '';
    this.live -= 1;
    return row;
  }

  /** Sets a customer's name; true when it changed. */
  nameCustomer(customerId: string, displayName: string): boolean {
    const idx = this.internCustomer(customerId);
    if (this.customerNames[idx] === displayName) return false;
    this.customerNames[idx] = displayName;
    this.customerTokens[idx] = [...uniqueTokens(displayName)];
    return true;
  }

  rowOf(id: number): ProjectedCase {
    const state = CASE_STATES[this.stateCol[id] as number] as CaseState;
    const customer = this.customerCol[id] as number;
    const flags = this.flagsCol[id] as number;
    return {
      name: this.names[id] as string,
      caseNumber: this.caseNumbers[id] as string,
      customerId: this.customerIds[customer] as string,
      customerName: this.customerNames[customer] as string,
      title: this.titles[id] as string,
      priority: PRIORITIES[this.priorityCol[id] as number] as Priority,
      state,
      open: isOpenState(state),
      escalated: (flags & FLAG_ESCALATED) !== 0,
      updateTimeMs: this.updateCol[id] as number,
      createTimeMs: this.createCol[id] as number,
      ...(flags & FLAG_OTHER_PRIORITY ? { otherPriority: true as const } : {}),
    };
  }

  /** Live row ids in row order. */
  liveRows(): Uint32Array {
    const ids = new Uint32Array(this.live);
    let k = 0;
    for (let row = 0; row < this.rowCount; row++) if ((this.flagsCol[row] as number) & FLAG_ALIVE) ids[k++] = row;
    return ids;
  }

  nextEpoch(): number {
    if (this.epoch >= 0xfffffff0) {
      this.mark.fill(0);
      this.epoch = 0;
    }
    this.epoch += 1;
    return this.epoch;
  }

  private ensureCapacity(n: number): void {
    if (n <= this.capacity) return;
    while (this.capacity < n) this.capacity *= 2;
    const size = this.capacity;
    this.customerCol = grow(this.customerCol, size);
    this.priorityCol = grow(this.priorityCol, size);
    this.stateCol = grow(this.stateCol, size);
    this.flagsCol = grow(this.flagsCol, size);
    this.updateCol = grow(this.updateCol, size);
    this.createCol = grow(this.createCol, size);
    this.caseNoCol = grow(this.caseNoCol, size);
    this.hashCol = grow(this.hashCol, size);
    this.mark = grow(this.mark, size);
  }

  private internCustomer(customerId: string): number {
    let idx = this.customerIndex.get(customerId);
    if (idx === undefined) {
      idx = this.customerIds.length;
      this.customerIds.push(customerId);
      this.customerIndex.set(customerId, idx);
      this.customerNames.push('');
      this.customerTokens.push([]);
      if (idx >= this.customerRows.length) this.customerRows = grow(this.customerRows, this.customerRows.length * 2);
    }
    return idx;
  }

  private bumpCustomerRows(customer: number, delta: number): void {
    this.customerRows[customer] = (this.customerRows[customer] ?? 0) + delta;
  }
}
