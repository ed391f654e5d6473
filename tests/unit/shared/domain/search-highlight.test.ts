import { describe, expect, it } from 'vitest';
import { matchRanges, splitByMatches } from '../../../../shared/domain';

const marked = (text: string, query: string): string[] => matchRanges(text, query).map((r) => text.slice(r.start, r.end));

describe('matchRanges', () => {
  it('marks whole words and the prefix being typed, accent- and case-blind', () => {
    expect(marked('Mail delivery delayed for Échec users', 'mail echec')).toEqual(['Mail', 'Échec']);
    expect(marked('Mail delivery delayed', 'deliv')).toEqual(['deliv']);
    // A finished word does not mark a longer one.
    expect(marked('Mail delivery delayed', 'deliv ')).toEqual([]);
  });

  it('marks Chinese in either script, whole runs from overlapping bigrams', () => {
    expect(marked('使用者回報郵件延遲送達', '邮件延迟')).toEqual(['郵件延遲']);
    expect(marked('邮件延迟送达外部收件者', '郵件')).toEqual(['邮件']);
    expect(marked('Gmail 郵件無法傳送', '件')).toEqual(['件']);
  });

  it('maps back through characters that normalise to several (ß → ss) or to none', () => {
    expect(marked('Straße gesperrt', 'strasse')).toEqual(['Straße']);
    expect(marked('Cafe\u0301 ouvert', 'cafe')).toEqual(['Cafe\u0301']);
  });

  it('returns nothing for an empty query', () => {
    expect(matchRanges('anything', '  ')).toEqual([]);
  });
});

describe('splitByMatches', () => {
  it('cuts the text into plain and matching pieces that join back to it', () => {
    const pieces = splitByMatches('Error 500 in Gmail', 'gmail');
    expect(pieces).toEqual([
      { text: 'Error 500 in ', match: false },
      { text: 'Gmail', match: true },
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe('Error 500 in Gmail');
  });
});
