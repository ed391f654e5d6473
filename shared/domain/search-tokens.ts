// Keyword search tokens, shared by the inverted index (built in the renderer) and the
// query parser so both sides always tokenise the same way (issue 6 §3).
//
// Latin-script words (English, French, Indonesian) are split on anything that is not a
// letter or digit. Chinese has no spaces and Intl.Segmenter's dictionary splits are not
// stable across ICU versions, so CJK runs become overlapping character bigrams:
// 打印机 → 打印, 印机 — a query is bigrammed the same way, so 打印机 matches and so does
// 打印. Traditional characters fold to Simplified ones (OpenCC's character table, see
// chinese-fold.ts), so 郵件 finds 邮件; different words for one thing (印表機 / 打印机)
// stay different — that is vocabulary, not script.

import { foldChinese } from './chinese-fold';

// Combining diacritics only: NFKD also splits Japanese dakuten (U+3099/309A) and Hangul
// syllables, which must survive, so we cannot drop every \p{M}.
// eslint-disable-next-line no-misleading-character-class -- removing marks one by one is the point
const COMBINING_DIACRITICS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
// Ligatures NFKD leaves alone but people type both ways ("cœur" / "coeur").
const LIGATURES: Readonly<Record<string, string>> = { œ: 'oe', æ: 'ae', ß: 'ss' };
const LIGATURE_RE = /[œæß]/g;

const WORD_RUN = /[\p{L}\p{N}]+/gu;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const SCRIPT_RUN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;

/**
 * Canonical form for both index and query: NFKD (full-width → ASCII, compatibility forms
 * unfolded), Latin diacritics stripped, lower-cased, Traditional Chinese folded to
 * Simplified, then NFC so Hangul recomposes.
 */
export function normalizeText(text: string): string {
  return foldChinese(
    text
      .normalize('NFKD')
      .replace(COMBINING_DIACRITICS, '')
      .toLowerCase()
      .replace(LIGATURE_RE, (c) => LIGATURES[c] ?? c)
      .normalize('NFC'),
  );
}

export function isCjkChar(ch: string): boolean {
  return CJK_CHAR.test(ch);
}

/** Receives each token with its UTF-16 span in the normalised text. */
export type TokenVisitor = (token: string, start: number, end: number) => void;

function visitCjkBigrams(run: string, offset: number, visit: TokenVisitor): void {
  const chars = Array.from(run);
  if (chars.length === 1) {
    visit(run, offset, offset + run.length);
    return;
  }
  let at = offset;
  for (let i = 0; i + 1 < chars.length; i++) {
    const first = chars[i] as string;
    const bigram = `${first}${chars[i + 1] as string}`;
    visit(bigram, at, at + bigram.length);
    at += first.length;
  }
}

/** Walks the tokens of already-normalised text, in order (duplicates kept). */
export function forEachToken(normalized: string, visit: TokenVisitor): void {
  for (const match of normalized.matchAll(WORD_RUN)) {
    const word = match[0];
    const start = match.index;
    if (!CJK_CHAR.test(word)) {
      visit(word, start, start + word.length);
      continue;
    }
    // Mixed runs like "gmail无法登录" split at the script boundary.
    for (const part of word.matchAll(SCRIPT_RUN)) {
      const partStart = start + part.index;
      if (CJK_CHAR.test(part[0])) visitCjkBigrams(part[0], partStart, visit);
      else visit(part[0], partStart, partStart + part[0].length);
    }
  }
}

/** Tokens of already-normalised text, in order (duplicates kept). */
function tokenizeNormalized(normalized: string): string[] {
  const out: string[] = [];
  forEachToken(normalized, (token) => out.push(token));
  return out;
}

/** Index-side tokenisation: normalise, split words, bigram CJK runs. Order kept, duplicates kept. */
export function tokenize(text: string): string[] {
  return tokenizeNormalized(normalizeText(text));
}

/** Distinct tokens of a document, ready to feed an inverted index. */
export function uniqueTokens(text: string): Set<string> {
  return new Set(tokenize(text));
}

/** Query-side tokens (distinct, in order of appearance); every one must match. */
export function queryTokens(query: string): string[] {
  return [...new Set(tokenize(query))];
}

export interface ParsedQuery {
  /** Tokens that must be present as whole index tokens. */
  readonly exact: readonly string[];
  /**
   * The last Latin/digit word while the user is still typing it (no trailing space or
   * punctuation): matches any index token starting with it, e.g. "deliv" → "delivery".
   */
  readonly prefix?: string;
  /**
   * Lone CJK characters (a CJK run of one character in the query). The index stores only
   * bigrams for longer runs, so these match any index token that contains the character.
   */
  readonly contains: readonly string[];
}

const ENDS_WITH_WORD_CHAR = /[\p{L}\p{N}]$/u;

/** Splits a search box value into exact, prefix and contains parts for an inverted index. */
export function parseQuery(query: string): ParsedQuery {
  const normalized = normalizeText(query);
  const tokens = tokenizeNormalized(normalized);
  const contains: string[] = [];
  const exact: string[] = [];
  let prefix: string | undefined;
  const last = tokens.at(-1);
  // Only a Latin/digit word can be "still being typed"; CJK bigrams already match partially.
  if (last !== undefined && !CJK_CHAR.test(last) && ENDS_WITH_WORD_CHAR.test(normalized)) {
    prefix = last;
    tokens.pop();
  }
  for (const t of tokens) {
    const isLoneCjk = Array.from(t).length === 1 && CJK_CHAR.test(t);
    const target = isLoneCjk ? contains : exact;
    if (!target.includes(t)) target.push(t);
  }
  // If the prefix also occurs as a finished word, the exact requirement already covers it.
  if (prefix !== undefined && exact.includes(prefix)) prefix = undefined;
  return prefix === undefined ? { exact, contains } : { exact, prefix, contains };
}

export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.exact.length === 0 && query.prefix === undefined && query.contains.length === 0;
}

/** True when every query token is one of the document's tokens. */
export function matchesAllTokens(docTokens: ReadonlySet<string>, tokens: readonly string[]): boolean {
  for (const t of tokens) if (!docTokens.has(t)) return false;
  return true;
}

/**
 * Reference matcher for a single document (the inverted index must agree with it):
 * all exact tokens present, some token starts with the prefix, some token contains
 * each lone CJK character.
 */
export function matchesQuery(docTokens: ReadonlySet<string>, query: ParsedQuery): boolean {
  if (!matchesAllTokens(docTokens, query.exact)) return false;
  const needPrefix = query.prefix;
  let prefixOk = needPrefix === undefined;
  const pending = new Set(query.contains);
  if (prefixOk && pending.size === 0) return true;
  for (const t of docTokens) {
    if (!prefixOk && needPrefix !== undefined && t.startsWith(needPrefix)) prefixOk = true;
    if (pending.size > 0) for (const c of pending) if (t.includes(c)) pending.delete(c);
    if (prefixOk && pending.size === 0) return true;
  }
  return false;
}
