// Keyword evaluation over the token index: every part of the query (exact words, the
// prefix being typed, lone CJK characters) selects posting lists and matching customers;
// the smallest group seeds the candidates, the others narrow them by probing or stamping.

import { isEmptyQuery, parseQuery } from '../../shared/domain/search-tokens';
import { FLAG_ALIVE, type ColumnStore } from './projection-columns';
import { contains } from './projection-sorted';
import type { TokenIndex } from './projection-tokens';

interface Group {
  lists: number[][];
  /** Customer indexes whose name satisfies this query part (matches all their cases). */
  customers: number[];
  size: number;
}

function makeGroup(
  cols: ColumnStore,
  tokens: TokenIndex,
  tokenIdList: readonly number[],
  customerMatch: (t: readonly string[]) => boolean,
): Group {
  const lists: number[][] = [];
  let size = 0;
  for (const id of tokenIdList) {
    const list = tokens.postings[id] as number[];
    if (list.length === 0) continue;
    lists.push(list);
    size += list.length;
  }
  const customers: number[] = [];
  for (let c = 0; c < cols.customerTokens.length; c++) {
    const rows = cols.customerRows[c] as number;
    if (rows > 0 && customerMatch(cols.customerTokens[c] as string[])) {
      customers.push(c);
      size += rows;
    }
  }
  return { lists, customers, size };
}

function stampGroup(cols: ColumnStore, group: Group, visit: (row: number) => void): void {
  for (const list of group.lists) for (let i = 0; i < list.length; i++) visit(list[i] as number);
  if (group.customers.length === 0) return;
  const wanted = new Uint8Array(cols.customerIds.length);
  for (const c of group.customers) wanted[c] = 1;
  const { flagsCol, customerCol } = cols;
  for (let row = 0; row < cols.rowCount; row++) {
    if ((flagsCol[row] as number) & FLAG_ALIVE && wanted[customerCol[row] as number] === 1) visit(row);
  }
}

function groupsOf(cols: ColumnStore, tokens: TokenIndex, keyword: string): Group[] | undefined {
  const parsed = parseQuery(keyword);
  if (isEmptyQuery(parsed)) return undefined;
  const groups: Group[] = [];
  for (const t of parsed.exact) {
    const id = tokens.ids.get(t);
    groups.push(makeGroup(cols, tokens, id === undefined ? [] : [id], (ct) => ct.includes(t)));
  }
  if (parsed.prefix !== undefined) {
    const p = parsed.prefix;
    groups.push(makeGroup(cols, tokens, tokens.prefixTokenIds(p), (ct) => ct.some((x) => x.startsWith(p))));
  }
  for (const ch of parsed.contains) {
    groups.push(makeGroup(cols, tokens, tokens.cjkCharTokens.get(ch) ?? [], (ct) => ct.some((x) => x.includes(ch))));
  }
  return groups.sort((a, b) => a.size - b.size);
}

/** Row ids matching every part of the keyword, or undefined when there is no keyword. */
export function keywordCandidates(cols: ColumnStore, tokens: TokenIndex, keyword: string): number[] | undefined {
  const groups = groupsOf(cols, tokens, keyword);
  if (groups === undefined) return undefined;
  if ((groups[0]?.size ?? 0) === 0) return [];
  const mark = cols.mark;
  let candidates: number[] = [];
  let current = cols.nextEpoch();
  stampGroup(cols, groups[0] as Group, (row) => {
    if (mark[row] !== current) {
      mark[row] = current;
      candidates.push(row);
    }
  });
  for (let g = 1; g < groups.length; g++) {
    const group = groups[g] as Group;
    // Either probe each candidate in the group's lists (few candidates) or walk the group.
    const probeCost = candidates.length * (group.lists.length * 16 + 1);
    if (probeCost < group.size) {
      const customerSet = group.customers.length > 0 ? new Set(group.customers) : undefined;
      const customerCol = cols.customerCol;
      candidates = candidates.filter(
        (row) => customerSet?.has(customerCol[row] as number) === true || group.lists.some((list) => contains(list, row)),
      );
    } else {
      const prev = current;
      const next = cols.nextEpoch();
      stampGroup(cols, group, (row) => {
        if (mark[row] === prev) mark[row] = next;
      });
      current = next;
      candidates = candidates.filter((row) => mark[row] === next);
    }
    if (candidates.length === 0) return candidates;
  }
  return candidates;
}
