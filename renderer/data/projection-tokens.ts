// The projection's token index: a dictionary of tokens, a sorted posting list (row ids) per
// token, a sorted token list for prefix search and a CJK character index for lone-character
// queries. Each row keeps the token ids of its own text and of its comments (not the text),
// so an edited title can be re-indexed exactly.

import { isCjkChar, uniqueTokens } from '../../shared/domain/search-tokens';
import { difference, lowerBound, mergeSorted } from './projection-sorted';

export class TokenIndex {
  readonly ids = new Map<string, number>();
  readonly strings: string[] = [];
  readonly postings: number[][] = [];
  /** CJK char → ids of tokens containing it. */
  readonly cjkCharTokens = new Map<string, number[]>();
  postingCount = 0;
  rowTokenCount = 0;
  private readonly ownTokens: (Uint32Array | undefined)[] = [];
  private readonly commentTokens: (Uint32Array | undefined)[] = [];
  // Sorted token list for prefix search; new tokens wait in `unsorted` until needed.
  private sorted: string[] = [];
  private sortedIds: number[] = [];
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
    this.commentTokens[row] = prev === undefined ? Uint32Array.from(newToRow) : mergeSorted(prev, newToRow);
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

  /** Merges new tokens into the sorted list once they are many, so no prefix keystroke pays for sorting them all. */
  flushIfMany(): void {
    if (this.unsorted.length > Math.max(1024, this.sorted.length / 4)) this.flush();
  }

  flush(): void {
    if (this.unsorted.length === 0) return;
    const fresh = this.unsorted.map((id) => ({ id, s: this.strings[id] as string }));
    fresh.sort((a, b) => (a.s < b.s ? -1 : a.s > b.s ? 1 : 0));
    const total = this.sorted.length + fresh.length;
    const outS: string[] = new Array<string>(total);
    const outI: number[] = new Array<number>(total);
    let i = 0;
    let j = 0;
    for (let k = 0; k < total; k++) {
      const a = this.sorted[i];
      const b = fresh[j];
      if (b === undefined || (a !== undefined && a < b.s)) {
        outS[k] = a as string;
        outI[k] = this.sortedIds[i++] as number;
      } else {
        outS[k] = b.s;
        outI[k] = b.id;
        j++;
      }
    }
    this.sorted = outS;
    this.sortedIds = outI;
    this.unsorted = [];
  }

  prefixTokenIds(prefix: string): number[] {
    this.flush();
    const sorted = this.sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < sorted.length && (sorted[i] as string).startsWith(prefix); i++) out.push(this.sortedIds[i] as number);
    return out;
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

  private tokenIdsOf(text: string): Uint32Array {
    const set = uniqueTokens(text);
    const ids = new Uint32Array(set.size);
    let i = 0;
    for (const t of set) ids[i++] = this.internToken(t);
    return ids.sort();
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
