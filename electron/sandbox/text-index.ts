// Free-text matching for cases.search. Latin-script text is folded (NFKC,
// lower case, accents stripped) and split into words; CJK text has no spaces
// and Intl.Segmenter splits technical words unpredictably (打印机 → 打印|机), so
// CJK runs are indexed as single characters plus character bigrams and a query
// run of two or more characters must contain all of its bigrams.

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD = /[\p{L}\p{N}]/u;

export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
}

interface Runs {
  words: string[];
  cjk: string[];
}

function splitRuns(text: string): Runs {
  const words: string[] = [];
  const cjk: string[] = [];
  let word = '';
  let han = '';
  const flush = (): void => {
    if (word !== '') words.push(word);
    if (han !== '') cjk.push(han);
    word = '';
    han = '';
  };
  for (const ch of foldText(text)) {
    if (CJK.test(ch)) {
      if (word !== '') {
        words.push(word);
        word = '';
      }
      han += ch;
    } else if (WORD.test(ch)) {
      if (han !== '') {
        cjk.push(han);
        han = '';
      }
      word += ch;
    } else {
      flush();
    }
  }
  flush();
  return { words, cjk };
}

/** Tokens stored for a document. */
export function documentTokens(text: string, into: Set<string> = new Set()): Set<string> {
  const { words, cjk } = splitRuns(text);
  for (const w of words) into.add(w);
  for (const run of cjk) {
    const chars = Array.from(run);
    for (let i = 0; i < chars.length; i++) {
      into.add(chars[i] as string);
      if (i + 1 < chars.length) into.add((chars[i] as string) + (chars[i + 1] as string));
    }
  }
  return into;
}

/** Tokens that must all be present for a query phrase to match. */
export function queryTokens(text: string): string[] {
  const { words, cjk } = splitRuns(text);
  const out = new Set<string>(words);
  for (const run of cjk) {
    const chars = Array.from(run);
    if (chars.length === 1) out.add(chars[0] as string);
    for (let i = 0; i + 1 < chars.length; i++) out.add((chars[i] as string) + (chars[i + 1] as string));
  }
  return [...out];
}

/** Immutable inverted index over document numbers, built once for the generated world. */
export class PostingIndex {
  private readonly postings = new Map<string, Int32Array>();

  static build(docTokens: Iterable<[number, Iterable<string>]>): PostingIndex {
    const lists = new Map<string, number[]>();
    for (const [doc, tokens] of docTokens) {
      for (const t of tokens) {
        let list = lists.get(t);
        if (list === undefined) lists.set(t, (list = []));
        list.push(doc);
      }
    }
    const index = new PostingIndex();
    for (const [t, list] of lists) {
      const arr = Int32Array.from(list).sort();
      index.postings.set(t, arr);
    }
    return index;
  }

  list(token: string): Int32Array {
    return this.postings.get(token) ?? EMPTY;
  }

  has(token: string, doc: number): boolean {
    const arr = this.postings.get(token);
    if (arr === undefined) return false;
    let lo = 0;
    let hi = arr.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = arr[mid] as number;
      if (v === doc) return true;
      if (v < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /** Documents containing every token (sorted ascending). */
  intersect(tokens: readonly string[]): Int32Array {
    if (tokens.length === 0) return EMPTY;
    const lists = tokens.map((t) => this.list(t)).sort((a, b) => a.length - b.length);
    let acc: Int32Array = lists[0] ?? EMPTY;
    for (let i = 1; i < lists.length && acc.length > 0; i++) {
      const other = lists[i] as Int32Array;
      const out: number[] = [];
      let j = 0;
      for (const v of acc) {
        while (j < other.length && (other[j] as number) < v) j++;
        if (j < other.length && other[j] === v) out.push(v);
      }
      acc = Int32Array.from(out);
    }
    return acc;
  }
}

const EMPTY = new Int32Array(0);
