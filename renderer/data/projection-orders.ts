// The projection's cached sort orders: each (key, direction) order is built once and then
// kept up to date incrementally from a change log of touched rows, so the default "most
// recently updated" order is a filter, not a sort, on every keystroke.

import { normalizeText } from '../../shared/domain/search-tokens';
import { FLAG_ALIVE, type ColumnStore } from './projection-columns';
import type { ProjectedCase, ProjectionSortKey, SortDir } from './projection-types';

type Compare = (a: number, b: number) => number;

interface CachedOrder {
  ids: Uint32Array;
  logPos: number;
}

export class OrderCache {
  private changeLog: number[] = [];
  private readonly orders = new Map<string, CachedOrder>();
  /** Normalised titles for sorting; built on the first title sort, then kept up to date. */
  private titleKeys: string[] | undefined;
  private slaKeyOf: ((row: ProjectedCase) => number) | undefined;
  /** SLA keys per row, computed when the sla order is (re)built. */
  private slaKeys = new Float64Array(0);
  private readonly collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

  constructor(private readonly cols: ColumnStore) {}

  /** A row changed (added, edited or removed). */
  touch(row: number): void {
    this.changeLog.push(row);
    if (this.titleKeys !== undefined) this.titleKeys[row] = normalizeText(this.cols.titles[row] ?? '');
  }

  /** Drops both directions of an order (its keys changed outside the rows). */
  forget(key: ProjectionSortKey): void {
    this.orders.delete(`${key}:asc`);
    this.orders.delete(`${key}:desc`);
  }

  setSlaKey(keyOf: ((row: ProjectedCase) => number) | undefined): void {
    this.slaKeyOf = keyOf;
    this.forget('sla');
  }

  get(key: ProjectionSortKey, dir: SortDir): Uint32Array {
    const cacheKey = `${key}:${dir}`;
    const cached = this.orders.get(cacheKey);
    let pending = cached === undefined ? Infinity : this.changeLog.length - cached.logPos;
    if (key === 'sla' && pending > 0) {
      // Not maintained incrementally: a changed case moves its clock, so rebuild keys and order.
      this.refreshSlaKeys();
      pending = Infinity;
    }
    if (cached !== undefined && pending === 0) return cached.ids;
    const cmp = this.comparator(key, dir);
    const ids =
      cached === undefined || pending > Math.max(64, this.cols.live / 8) ? this.cols.liveRows().sort(cmp) : this.refreshed(cached, cmp);
    this.orders.set(cacheKey, { ids, logPos: this.changeLog.length });
    this.trimChangeLog();
    return ids;
  }

  /** Incremental: drop touched rows, binary-insert the live ones (O(N + k log N)). */
  private refreshed(cached: CachedOrder, cmp: Compare): Uint32Array {
    const { mark } = this.cols;
    const stamp = this.cols.nextEpoch();
    const touched: number[] = [];
    for (let i = cached.logPos; i < this.changeLog.length; i++) {
      const row = this.changeLog[i] as number;
      if (mark[row] !== stamp) {
        mark[row] = stamp;
        if (this.cols.isAlive(row)) touched.push(row);
      }
    }
    const kept = new Uint32Array(cached.ids.length);
    let keptCount = 0;
    for (const row of cached.ids) if (mark[row] !== stamp) kept[keptCount++] = row;
    touched.sort(cmp);
    const ids = new Uint32Array(keptCount + touched.length);
    let k = 0;
    let from = 0;
    for (const row of touched) {
      let lo = from;
      let hi = keptCount;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cmp(kept[mid] as number, row) < 0) lo = mid + 1;
        else hi = mid;
      }
      ids.set(kept.subarray(from, lo), k);
      k += lo - from;
      from = lo;
      ids[k++] = row;
    }
    ids.set(kept.subarray(from, keptCount), k);
    return ids;
  }

  private comparator(key: ProjectionSortKey, dir: SortDir): Compare {
    const primary = this.primaryCompare(key);
    const sign = dir === 'asc' ? 1 : -1;
    const updateCol = this.cols.updateCol;
    // Ties: most recently updated first, then row id, so every order is total and stable.
    return (a, b) => sign * primary(a, b) || (updateCol[b] as number) - (updateCol[a] as number) || a - b;
  }

  private primaryCompare(key: ProjectionSortKey): Compare {
    const { updateCol, createCol, priorityCol, stateCol, caseNoCol, caseNumbers, customerCol, customerNames } = this.cols;
    const collator = this.collator;
    switch (key) {
      case 'updateTime':
        return (a, b) => (updateCol[a] as number) - (updateCol[b] as number);
      case 'createTime':
        return (a, b) => (createCol[a] as number) - (createCol[b] as number);
      case 'priority':
        return (a, b) => (priorityCol[a] as number) - (priorityCol[b] as number);
      case 'state':
        return (a, b) => (stateCol[a] as number) - (stateCol[b] as number);
      case 'caseNumber':
        return (a, b) => {
          const x = caseNoCol[a] as number;
          const y = caseNoCol[b] as number;
          if (x === x && y === y) return x - y; // both numeric (NaN !== NaN)
          return collator.compare(caseNumbers[a] as string, caseNumbers[b] as string);
        };
      case 'title': {
        // Code-unit order of normalised text: accent- and case-blind, and ~50× cheaper than
        // Intl.Collator over 100k rows (measured: a first title sort went from 1.5 s to ~0.2 s).
        const keys = this.titleSortKeys();
        return (a, b) => {
          const x = keys[a] as string;
          const y = keys[b] as string;
          return x < y ? -1 : x > y ? 1 : 0;
        };
      }
      case 'customer':
        return (a, b) =>
          collator.compare(customerNames[customerCol[a] as number] as string, customerNames[customerCol[b] as number] as string);
      case 'sla': {
        const keys = this.slaKeys;
        // Infinity - Infinity is NaN: cases without a running clock tie (then updateTime decides).
        return (a, b) => ((keys[a] as number) === (keys[b] as number) ? 0 : (keys[a] as number) < (keys[b] as number) ? -1 : 1);
      }
    }
  }

  private titleSortKeys(): string[] {
    if (this.titleKeys === undefined) {
      const { rowCount, titles } = this.cols;
      this.titleKeys = new Array<string>(rowCount);
      for (let row = 0; row < rowCount; row++) this.titleKeys[row] = normalizeText(titles[row] ?? '');
    }
    return this.titleKeys;
  }

  private refreshSlaKeys(): void {
    const { rowCount, flagsCol } = this.cols;
    this.slaKeys = new Float64Array(rowCount).fill(Number.POSITIVE_INFINITY);
    const keyOf = this.slaKeyOf;
    if (!keyOf) return;
    for (let row = 0; row < rowCount; row++) if ((flagsCol[row] as number) & FLAG_ALIVE) this.slaKeys[row] = keyOf(this.cols.rowOf(row));
  }

  private trimChangeLog(): void {
    let min = this.changeLog.length;
    for (const o of this.orders.values()) min = Math.min(min, o.logPos);
    if (min === 0) return;
    this.changeLog = this.changeLog.slice(min);
    for (const o of this.orders.values()) o.logPos -= min;
  }
}
