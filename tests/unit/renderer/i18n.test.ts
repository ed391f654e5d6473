import { describe, expect, it } from 'vitest';
import { catalogues, createI18n, matchUiLanguage, uiLanguages } from '../../../renderer/i18n';

function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object')
    for (const [key, child] of Object.entries(value)) for (const [k, v] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  return out;
}

const english = leaves(catalogues.en);
const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

describe('translations', () => {
  it.each(uiLanguages.filter((language) => language !== 'en'))('%s has every English key, non-empty, with the same placeholders', (language) => {
    const translated = leaves(catalogues[language]);
    const missing = [...english.keys()].filter((key) => !translated.get(key)?.trim());
    expect(missing).toEqual([]);
    const extra = [...translated.keys()].filter((key) => !english.has(key));
    expect(extra).toEqual([]);
    for (const [key, text] of english) expect(placeholders(translated.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('every UI string used in source exists in the English catalogue', async () => {
    // t('some.key') calls with a literal key; dynamic keys are checked by the catalogue shape tests.
    const sources = import.meta.glob('../../../renderer/**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
    const unknown: string[] = [];
    for (const [file, source] of Object.entries(sources)) {
      for (const match of source.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) {
        if (!english.has(match[1] ?? '')) unknown.push(`${file}: ${match[1]}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('maps OS languages to UI languages', () => {
    expect(matchUiLanguage('zh-Hant-TW')).toBe('zh-TW');
    expect(matchUiLanguage('zh-HK')).toBe('zh-TW');
    expect(matchUiLanguage('zh-CN')).toBe('zh-CN');
    expect(matchUiLanguage('zh')).toBe('zh-CN');
    expect(matchUiLanguage('id-ID')).toBe('id');
    expect(matchUiLanguage('fr-CA')).toBe('fr');
    expect(matchUiLanguage('de-DE')).toBe('en');
  });

  it('interpolates in every language', () => {
    for (const language of uiLanguages) expect(createI18n(language).t('app.version', { version: '9.9' })).toContain('9.9');
  });
});
