import { describe, expect, it } from 'vitest';
import {
  isEmptyQuery,
  matchesAllTokens,
  matchesQuery,
  normalizeText,
  parseQuery,
  queryTokens,
  tokenize,
  uniqueTokens,
} from '../../../../shared/domain';

function docMatches(doc: string, query: string): boolean {
  return matchesQuery(uniqueTokens(doc), parseQuery(query));
}

describe('normalizeText', () => {
  it('strips accents and case, folds full-width forms and ligatures', () => {
    expect(normalizeText('Échec À l’ÉDITEUR')).toBe('echec a l’editeur');
    expect(normalizeText('ＧＭＡＩＬ　１２３')).toBe('gmail 123');
    expect(normalizeText('Cœur Straße')).toBe('coeur strasse');
  });

  it('keeps Hangul syllables and Japanese voiced kana intact', () => {
    expect(normalizeText('비밀번호')).toBe('비밀번호');
    expect(normalizeText('データ')).toBe('データ');
  });

  it('folds Traditional (and Taiwan-variant) Chinese into Simplified, character by character', () => {
    expect(normalizeText('無法連線')).toBe('无法连线');
    expect(normalizeText('郵件')).toBe(normalizeText('邮件'));
    expect(normalizeText('裡')).toBe(normalizeText('里'));
    // Length is kept, so spans in folded text map back to the original one to one.
    expect(normalizeText('客服案件說明：郵件無法傳送').length).toBe('客服案件說明：郵件無法傳送'.length);
  });
});

describe('tokenize', () => {
  it('splits English on non-letters and keeps numbers', () => {
    expect(tokenize('Mail delivery delayed — error 500! Case #43595344.')).toEqual([
      'mail',
      'delivery',
      'delayed',
      'error',
      '500',
      'case',
      '43595344',
    ]);
  });

  it('folds French accents so queries without accents match', () => {
    expect(tokenize("Échec de connexion à l'éditeur")).toEqual(['echec', 'de', 'connexion', 'a', 'l', 'editeur']);
    expect(docMatches('Les e-mails ne sont pas délivrés', 'delivres')).toBe(true);
    expect(docMatches('Réinitialiser le mot de passe', 'RÉINITIALISER')).toBe(true);
  });

  it('handles Indonesian words, reduplication and suffixes as plain words', () => {
    expect(tokenize('Pengguna tidak bisa masuk ke Gmail, kata-kata sandinya salah')).toEqual([
      'pengguna',
      'tidak',
      'bisa',
      'masuk',
      'ke',
      'gmail',
      'kata',
      'kata',
      'sandinya',
      'salah',
    ]);
    expect(docMatches('Email tidak terkirim ke domain eksternal', 'terkirim eksternal')).toBe(true);
  });

  it('turns Simplified Chinese runs into overlapping bigrams', () => {
    expect(tokenize('打印机无法连接')).toEqual(['打印', '印机', '机无', '无法', '法连', '连接']);
    expect(queryTokens('打印机')).toEqual(['打印', '印机']);
    expect(matchesAllTokens(uniqueTokens('用户的打印机无法连接'), queryTokens('打印机'))).toBe(true);
    expect(matchesAllTokens(uniqueTokens('用户的打印无法连接'), queryTokens('打印机'))).toBe(false);
  });

  it('bigrams Traditional Chinese after folding, so either script finds the other', () => {
    expect(tokenize('印表機無法連線')).toEqual(['印表', '表机', '机无', '无法', '法连', '连线']);
    expect(docMatches('使用者回報印表機無法連線', '印表機')).toBe(true);
    expect(docMatches('使用者回報印表機無法連線', '无法连线')).toBe(true);
    expect(docMatches('用户反映打印机无法连接', '無法連接')).toBe(true);
    expect(docMatches('郵件延遲送達外部收件者', '邮件')).toBe(true);
    expect(docMatches('邮件延迟', '郵件')).toBe(true);
    // Different words for one thing stay different: that is vocabulary, not script.
    expect(docMatches('用户反映打印机无法连接', '印表機')).toBe(false);
  });

  it('keeps a single CJK character as its own token and splits mixed runs by script', () => {
    expect(tokenize('第 2 步')).toEqual(['第', '2', '步']);
    expect(tokenize('Gmail无法登录')).toEqual(['gmail', '无法', '法登', '登录']);
  });

  it('indexes and queries full-width input identically', () => {
    expect(docMatches('ｅｒｒｏｒ　５００ on login', 'ERROR 500')).toBe(true);
  });
});

describe('parseQuery', () => {
  it('treats the last Latin word as a prefix while it is being typed', () => {
    expect(parseQuery('mail deliv')).toEqual({ exact: ['mail'], prefix: 'deliv', contains: [] });
    expect(docMatches('Mail delivery delayed', 'mail deliv')).toBe(true);
    expect(docMatches('Mail delayed', 'mail deliv')).toBe(false);
  });

  it('makes the word exact once a space or punctuation follows', () => {
    expect(parseQuery('mail deliv ')).toEqual({ exact: ['mail', 'deliv'], contains: [] });
    expect(docMatches('Mail delivery delayed', 'mail deliv ')).toBe(false);
  });

  it('never uses a CJK bigram as a prefix', () => {
    expect(parseQuery('打印机')).toEqual({ exact: ['打印', '印机'], contains: [] });
  });

  it('matches a lone CJK character anywhere inside the bigrams', () => {
    const q = parseQuery('机');
    expect(q).toEqual({ exact: [], contains: ['机'] });
    expect(docMatches('打印机无法连接', '机')).toBe(true);
    expect(docMatches('打印无法连接', '机')).toBe(false);
  });

  it('reports empty queries', () => {
    expect(isEmptyQuery(parseQuery('  — ! '))).toBe(true);
    expect(isEmptyQuery(parseQuery('a'))).toBe(false);
  });

  it('drops a prefix that is already required exactly', () => {
    expect(parseQuery('mail mail')).toEqual({ exact: ['mail'], contains: [] });
  });
});
