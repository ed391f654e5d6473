import { ConverterFactory } from 'opencc-js/core';
import { describe, expect, it } from 'vitest';
import { FOLD_DICTIONARIES, foldChinese } from '../../../../shared/domain/chinese-fold';

describe('foldChinese', () => {
  it('agrees with OpenCC itself on every character of its tables', () => {
    const opencc = ConverterFactory(...FOLD_DICTIONARIES.map((dictionary) => [dictionary]));
    const characters = new Set(FOLD_DICTIONARIES.flatMap((dictionary) => dictionary.split('|').map((entry) => entry.split(' ')[0] ?? '')));
    let checked = 0;
    for (const character of characters) {
      if ([...character].length !== 1) continue;
      expect(foldChinese(character), character).toBe(opencc(character));
      checked += 1;
    }
    expect(checked).toBeGreaterThan(3000);
  });

  it('leaves text without Traditional characters as it is (same string)', () => {
    const text = 'Mail delivery delayed 邮件延迟';
    expect(foldChinese(text)).toBe(text);
    expect(foldChinese('')).toBe('');
  });

  it('folds inside mixed text and keeps everything else', () => {
    expect(foldChinese('Gmail 郵件無法傳送 (error 500)')).toBe('Gmail 邮件无法传送 (error 500)');
  });
});
