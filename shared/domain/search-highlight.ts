// Where a search box value matches a text, for highlighting (issue 17 §3). It uses the
// index's own normalisation and tokenisation (search-tokens.ts), so what is highlighted is
// what made the case match: whole words, the prefix being typed, CJK bigrams and lone
// CJK characters, in either Chinese script.

import { forEachToken, isEmptyQuery, normalizeText, parseQuery } from './search-tokens';

/** A UTF-16 range [start, end) of the original text. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** The text normalised character by character, with where each normalised unit came from. */
function normalizeWithOrigins(text: string): { normalized: string; starts: number[]; ends: number[] } {
  let normalized = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (const ch of text) {
    const folded = normalizeText(ch);
    // A character that normalises to nothing (a combining accent) belongs to the one before.
    if (folded === '' && ends.length > 0) ends[ends.length - 1] = at + ch.length;
    for (let k = 0; k < folded.length; k++) {
      starts.push(at);
      ends.push(at + ch.length);
    }
    normalized += folded;
    at += ch.length;
  }
  return { normalized, starts, ends };
}

function merge(ranges: TextRange[]): TextRange[] {
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TextRange[] = [];
  for (const range of ranges) {
    const last = out.at(-1);
    if (last && range.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, range.end) };
    else out.push(range);
  }
  return out;
}

/** Ranges of `text` that match `query`, merged and in order; [] when the query is empty. */
export function matchRanges(text: string, query: string): TextRange[] {
  const parsed = parseQuery(query);
  if (isEmptyQuery(parsed) || text === '') return [];
  const { normalized, starts, ends } = normalizeWithOrigins(text);
  const exact = new Set(parsed.exact);
  const found: TextRange[] = [];
  const mark = (start: number, end: number): void => {
    if (end > start) found.push({ start: starts[start] as number, end: ends[end - 1] as number });
  };
  forEachToken(normalized, (token, start, end) => {
    if (exact.has(token)) mark(start, end);
    else if (parsed.prefix !== undefined && token.startsWith(parsed.prefix)) mark(start, start + parsed.prefix.length);
    for (const ch of parsed.contains) {
      const at = token.indexOf(ch);
      if (at >= 0) mark(start + at, start + at + ch.length);
    }
  });
  return merge(found);
}

/** The text cut into plain and matching pieces, ready to render. */
export function splitByMatches(text: string, query: string): Array<{ readonly text: string; readonly match: boolean }> {
  const pieces: Array<{ text: string; match: boolean }> = [];
  let at = 0;
  for (const range of matchRanges(text, query)) {
    if (range.start > at) pieces.push({ text: text.slice(at, range.start), match: false });
    pieces.push({ text: text.slice(range.start, range.end), match: true });
    at = range.end;
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at), match: false });
  return pieces;
}
