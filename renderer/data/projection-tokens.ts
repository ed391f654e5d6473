// The projection's token index: a dictionary of tokens, a sorted posting list (row ids) per
// token, a sorted token list for prefix search and a CJK character index for lone-character
// queries. Each row keeps the token ids of its own text and of its comments (not the text),
// so an edited title can be re-indexed exactly. Those per-row lists are plain arrays of
// small integers, not typed arrays: two typed arrays per case were 36,000 ArrayBuffers at
// 20,000 cases, each with an extension every GC sweeps and a backing store counted as
// external memory, which brought major GCs sooner (issue 21).

import { isCjkChar, uniqueTokens } from '../../shared/domain/search-tokens';
import { difference, lowerBound, mergeSorted } from './projection-sorted';

interface SortedTokens {
  readonly strings: string[];
  readonly ids: number[];
}

/** The merge of two sorted token lists (tokens are unique, so no ties). */
function mergeTokens(a: SortedTokens, b: SortedTokens): SortedTokens {
  const total = a.strings.length + b.strings.length;
  const strings = new Array<string>(total);
  const ids = new Array<number>(total);
  let i = 0;
  let j = 0;
  for (let k = 0; k < total; k++) {
    const x = a.strings[i];
    const y = b.strings[j];
    if (y === undefined || (x !== undefined && x < y)) {
      strings[k] = x as string;
      ids[k] = a.ids[i++] as number;
    } else {
      strings[k] = y;
      ids[k] = b.ids[j++] as number;
    }
  }
  return { strings, ids };
}

export class TokenIndex {
  readonly ids = new Map<string, number>();
  readonly strings: string[] = [];
  readonly postings: number[][] = [];
  /** CJK char → ids of tokens containing it. */
  readonly cjkCharTokens = new Map<string, number[]>();
  postingCount = 0;
  rowTokenCount = 0;
  private readonly ownTokens: (readonly number[] | undefined)[] = [];
  private readonly commentTokens: (readonly number[] | undefined)[] = [];
  // Sorted token lists for prefix search, in two levels so no single merge is long: new
  // tokens wait in `unsorted`, are sorted in small batches into `recent`, and `recent` is
  // merged into `sorted` once it holds a quarter as many (each merge is linear, no re-sort).
  private sorted: SortedTokens = { strings: [], ids: [] };
  private recent: SortedTokens = { strings: [], ids: [] };
  private unsorted: number[] = [];

  /** Indexes a row's own text (title, description, number), replacing what it had. */
  indexOwnText(row: number, text: string): void {
    const next = this.tokenIdsOf(text);
    const prev = this.ownTokens[row];
    const comments = this.commentTokens[row];
    if (prev !== undefined) {
      // A token leaving the title stays indexed if a comment still has it.
      for (const t of difference(difference(prev, next), comments)) this.removePosting(t, row);
    }
    for (const t of difference(next, prev)) this.addPosting(t, row);
    this.rowTokenCount += next.length - (prev?.length ?? 0);
    this.ownTokens[row] = next;
  }

  addCommentText(row: number, text: string): boolean {
    const ids = this.tokenIdsOf(text);
    const prev = this.commentTokens[row];
    const newToRow = difference(ids, prev);
    if (newToRow.length === 0) return false;
    // Record every comment token (even ones the title has) so a later title edit knows
    // which words must stay indexed; post only those the row is not yet listed under.
    for (const t of difference(newToRow, this.ownTokens[row])) this.addPosting(t, row);
    this.commentTokens[row] = prev === undefined ? newToRow : mergeSorted(prev, newToRow);
    this.rowTokenCount += newToRow.length;
    return true;
  }

  /** Drops every posting of a removed row. */
  dropRow(row: number): void {
    for (const list of [this.ownTokens[row], this.commentTokens[row]]) {
      if (list === undefined) continue;
      for (const t of list) this.removePosting(t, row);
      this.rowTokenCount -= list.length;
    }
    this.ownTokens[row] = undefined;
    this.commentTokens[row] = undefined;
  }

  /** Sorts waiting tokens in batches (called after every indexing step; cheap unless many are waiting). */
  settle(): void {
    if (this.unsorted.length >= 256) this.absorb();
    if (this.recent.strings.length > Math.max(1024, this.sorted.strings.length / 4)) this.mergeRecent();
  }

  /** Every token in the sorted lists (end of hydration, or before a prefix search). */
  flush(): void {
    this.absorb();
    this.mergeRecent();
  }

  prefixTokenIds(prefix: string): number[] {
    this.absorb();
    const out: number[] = [];
    for (const list of [this.sorted, this.recent]) {
      const { strings, ids } = list;
      for (let i = lowerBound(strings, prefix); i < strings.length && (strings[i] as string).startsWith(prefix); i++)
        out.push(ids[i] as number);
    }
    return out;
  }

  private absorb(): void {
    if (this.unsorted.length === 0) return;
    const ids = this.unsorted.sort((a, b) => {
      const x = this.strings[a] as string;
      const y = this.strings[b] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    });
    this.recent = mergeTokens(this.recent, { strings: ids.map((id) => this.strings[id] as string), ids });
    this.unsorted = [];
  }

  private mergeRecent(): void {
    if (this.recent.strings.length === 0) return;
    this.sorted = mergeTokens(this.sorted, this.recent);
    this.recent = { strings: [], ids: [] };
  }

  private internToken(token: string): number {
    let id = this.ids.get(token);
    if (id === undefined) {
      id = this.strings.length;
      this.ids.set(token, id);
      this.strings.push(token);
      this.postings.push([]);
      this.unsorted.push(id);
      for (const ch of token) {
        if (!isCjkChar(ch)) continue;
        const list = this.cjkCharTokens.get(ch);
        if (list === undefined) this.cjkCharTokens.set(ch, [id]);
        else if (list[list.length - 1] !== id) list.push(id);
      }
    }
    return id;
  }

  /** The text's token ids, ascending. */
  private tokenIdsOf(text: string): number[] {
    const ids: number[] = [];
    for (const t of uniqueTokens(text)) ids.push(this.internToken(t));
    return ids.sort((a, b) => a - b);
  }

  private addPosting(tokenId: number, row: number): void {
    const list = this.postings[tokenId] as number[];
    const n = list.length;
    // Hydration appends rows in increasing id order, so this is almost always a push.
    if (n === 0 || (list[n - 1] as number) < row) list.push(row);
    else {
      const at = lowerBound(list, row);
      if (list[at] === row) return;
      list.splice(at, 0, row);
    }
    this.postingCount += 1;
  }

  private removePosting(tokenId: number, row: number): void {
    const list = this.postings[tokenId] as number[];
    const at = lowerBound(list, row);
    if (list[at] !== row) return;
    list.splice(at, 1);
    this.postingCount -= 1;
  }
}
