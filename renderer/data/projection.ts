// In-memory projection of one account's cases for interactive lists (issue 6 §3–§4):
// compact columns (typed arrays, interned customer strings) plus an inverted token index.
// A keystroke never scans text: the query's tokens select posting lists, the structured
// filters run over the small candidate set, and the order comes from cached, incrementally
// maintained sort orders (so the default "most recently updated" is a filter, not a sort).
//
// Tokenisation is shared/domain's (accent/case folding, CJK bigrams) on both sides, so the
// index and the search box can never disagree. Descriptions and comments are not kept:
// only their token ids, per row, so an edited title can be re-indexed exactly.

import { createCaseFacets } from './case-facets';
import { ColumnStore } from './projection-columns';
import { OrderCache } from './projection-orders';
import { runQuery } from './projection-query';
import { textHash } from './projection-sorted';
import { TokenIndex } from './projection-tokens';
import type { Projection, ProjectionCaseInput } from './projection-types';

export type {
  ProjectedCase,
  Projection,
  ProjectionCaseInput,
  ProjectionCustomerInput,
  ProjectionQuery,
  ProjectionResult,
  ProjectionSortKey,
  ProjectionStats,
  SortDir,
} from './projection-types';

/** The parts: columns (projection-columns), token index (-tokens), sort orders (-orders), queries (-query, -keyword). */
export function createProjection(initialCapacity = 1024): Projection {
  const facets = createCaseFacets();
  const cols = new ColumnStore(initialCapacity);
  const tokens = new TokenIndex();
  const orders = new OrderCache(cols);
  let version = 0;
  /** Comment text that arrived before its case (hydration order is not guaranteed). */
  const orphanComments = new Map<string, string[]>();

  function touch(row: number): void {
    orders.touch(row);
    version += 1;
  }

  function upsertOne(record: ProjectionCaseInput): void {
    const known = cols.nameToRow.get(record.name);
    const row = known ?? cols.addRow(record.name);
    cols.writeRow(row, record, known !== undefined);
    const hash = textHash([record.displayName, record.description, record.caseNumber]);
    if (known === undefined || cols.hashCol[row] !== hash) {
      tokens.indexOwnText(row, `${record.displayName}\n${record.description}\n${record.caseNumber}`);
      cols.hashCol[row] = hash;
    }
    const waiting = orphanComments.get(record.name);
    if (waiting !== undefined) {
      orphanComments.delete(record.name);
      for (const text of waiting) tokens.addCommentText(row, text);
    }
    touch(row);
  }

  function removeOne(name: string): void {
    orphanComments.delete(name);
    const row = cols.killRow(name);
    if (row === undefined) return;
    tokens.dropRow(row);
    touch(row);
  }

  const projection: Projection = {
    get size() {
      return cols.live;
    },
    get version() {
      return version;
    },
    facets,
    upsertCases(records) {
      for (const r of records) upsertOne(r);
      facets.upsert(records);
      // Sort new tokens as they come so the first prefix keystroke after hydration never
      // pays for sorting the whole dictionary.
      tokens.settle();
    },
    removeCases(list) {
      const names = [...list];
      for (const name of names) removeOne(name);
      facets.remove(names);
    },
    addCommentText(caseName, text, meta) {
      if (meta) facets.addComment(caseName, meta);
      const row = cols.nameToRow.get(caseName);
      if (row === undefined) {
        const waiting = orphanComments.get(caseName);
        if (waiting === undefined) orphanComments.set(caseName, [text]);
        else waiting.push(text);
        return;
      }
      tokens.addCommentText(row, text);
      version += 1;
    },
    setCustomers(customers) {
      for (const c of customers) {
        if (!cols.nameCustomer(c.customerId, c.displayName)) continue;
        // Only the customer-name order depends on the names.
        orders.forget('customer');
        version += 1;
      }
    },
    has(name) {
      return cols.nameToRow.has(name);
    },
    warm() {
      tokens.flush();
      orders.get('updateTime', 'desc');
    },
    refreshOrder() {
      orders.get('updateTime', 'desc');
    },
    query(q) {
      return runQuery(cols, tokens, orders, q);
    },
    nameOf(id) {
      return cols.names[id] as string;
    },
    rowOf(id) {
      return cols.rowOf(id);
    },
    names(result, start = 0, end = result.total) {
      const out: string[] = [];
      for (let i = Math.max(0, start); i < Math.min(end, result.total); i++) out.push(cols.names[result.ids[i] as number] as string);
      return out;
    },
    setSlaKey(keyOf) {
      orders.setSlaKey(keyOf);
    },
    stats() {
      return {
        rows: cols.rowCount,
        liveRows: cols.live,
        tokens: tokens.strings.length,
        postings: tokens.postingCount,
        rowTokenIds: tokens.rowTokenCount,
      };
    },
  };
  return projection;
}
