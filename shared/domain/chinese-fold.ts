// Traditional → Simplified folding for search (issue 17 §3): 郵件 and 邮件 must find the
// same cases. The conversion table is OpenCC's (opencc-js): its Taiwan-variant table, then
// its Traditional → Simplified character table. Only characters are folded, never phrases:
// search needs one projection applied identically to the index and the query, and every
// entry maps one character to one character, so folded text keeps its length (highlighting
// maps positions back 1:1). A flat lookup table keeps hydration fast (~100k case texts).

import tsCharacters from 'opencc-js/dict/TSCharacters';
import twVariantsRev from 'opencc-js/dict/TWVariantsRev';

/** OpenCC dictionaries in the order they apply: Taiwan variants first, then T → S. */
export const FOLD_DICTIONARIES: readonly string[] = [twVariantsRev, tsCharacters];

function parseDictionary(dictionary: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of dictionary.split('|')) {
    // "source target [alternatives]": OpenCC takes the first target.
    const [source, target] = entry.split(' ');
    if (source && target) map.set(source, target);
  }
  return map;
}

interface FoldTable {
  /** BMP code unit → folded code unit (0: unchanged; ASTRAL: look in `astral`). */
  readonly bmp: Uint16Array;
  /** Characters whose source or target is outside the BMP (a few rare ideographs). */
  readonly astral: ReadonlyMap<string, string>;
}

const ASTRAL = 0xffff;

let table: FoldTable | undefined;

function buildTable(): FoldTable {
  const steps = FOLD_DICTIONARIES.map(parseDictionary);
  const sources = new Set(steps.flatMap((step) => [...step.keys()]));
  const bmp = new Uint16Array(0x10000);
  const astral = new Map<string, string>();
  for (const source of sources) {
    let folded = source;
    for (const step of steps) folded = step.get(folded) ?? folded;
    if (folded === source || [...folded].length !== 1) continue;
    if (source.length === 1 && folded.length === 1) bmp[source.charCodeAt(0)] = folded.charCodeAt(0);
    else {
      astral.set(source, folded);
      if (source.length === 1) bmp[source.charCodeAt(0)] = ASTRAL;
    }
  }
  return { bmp, astral };
}

const HAN = /\p{Script=Han}/u;

/** Simplified form of every Traditional (or Taiwan-variant) character; other text unchanged. */
export function foldChinese(text: string): string {
  if (!HAN.test(text)) return text;
  table ??= buildTable();
  const { bmp, astral } = table;
  const parts: string[] = [];
  let copiedUpTo = 0;
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
    const mapped = width === 1 ? (bmp[code] as number) : ASTRAL;
    const replacement = mapped === ASTRAL ? astral.get(text.slice(i, i + width)) : mapped !== 0 ? String.fromCharCode(mapped) : undefined;
    if (replacement !== undefined) {
      parts.push(text.slice(copiedUpTo, i), replacement);
      copiedUpTo = i + width;
    }
    i += width;
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(copiedUpTo));
  return parts.join('');
}
