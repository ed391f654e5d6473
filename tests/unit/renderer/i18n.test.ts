import { describe, expect, it } from 'vitest';
import { createI18n, matchUiLanguage, namespaces, uiLanguages } from '../../../renderer/i18n';

function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object')
    for (const [key, child] of Object.entries(value)) for (const [k, v] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  return out;
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1] ?? '').sort();
const cases = Object.entries(namespaces).flatMap(([ns, catalogue]) =>
  uiLanguages.filter((lng) => lng !== 'en').map((lng) => ({ ns, lng, catalogue })),
);

/** The namespaces a file's `t` functions may be bound to: its useTranslation calls and the TFunction<'ns'> it takes. */
function namespacesOf(source: string): string[] {
  const named = [...source.matchAll(/(?:useTranslation\(\s*|TFunction<\s*)'(\w+)'/g)].map((m) => m[1] ?? '');
  return /useTranslation\(\s*\)/.test(source) || named.length === 0 ? [...named, 'common'] : named;
}

const rendererSources = import.meta.glob('../../../renderer/**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

describe('translations', () => {
  it.each(cases)('$ns in $lng has every English key, non-empty, with the same placeholders', ({ lng, catalogue }) => {
    const english = leaves(catalogue.en);
    const translated = leaves(catalogue[lng]);
    expect([...english.keys()].filter((key) => !translated.get(key)?.trim())).toEqual([]);
    expect([...translated.keys()].filter((key) => !english.has(key))).toEqual([]);
    for (const [key, text] of english) expect(placeholders(translated.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('every literal key used in the renderer exists in English', () => {
    // t('key') / t('ns:key') calls and i18nKey="…" with a literal key; keys built at run time are checked below.
    const unknown: string[] = [];
    for (const [file, source] of Object.entries(rendererSources)) {
      const defaultNs = namespacesOf(source)[0] ?? 'common';
      for (const match of source.matchAll(/\bt\(\s*'([a-zA-Z0-9_.:-]+)'/g)) {
        const raw = match[1] ?? '';
        const [ns, key] = raw.includes(':') ? (raw.split(':') as [string, string]) : [defaultNs, raw];
        const catalogue = namespaces[ns as keyof typeof namespaces];
        if (!catalogue || !leaves(catalogue.en).has(key)) unknown.push(`${file}: ${raw}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('every key built at run time starts with a group that exists in English', () => {
    // t(`ns:group.${value}`): the group must be an object of the catalogue (a moved group fails here).
    const unknown: string[] = [];
    for (const [file, source] of Object.entries(rendererSources)) {
      for (const match of source.matchAll(/\bt\(\s*`([a-zA-Z0-9_.:-]+)\.\$\{/g)) {
        const raw = match[1] ?? '';
        const [candidates, group] = raw.includes(':') ? [[raw.split(':')[0] ?? ''], raw.split(':')[1] ?? ''] : [namespacesOf(source), raw];
        const exists = candidates.some((ns) => {
          const catalogue = namespaces[ns as keyof typeof namespaces];
          return catalogue !== undefined && [...leaves(catalogue.en).keys()].some((key) => key.startsWith(`${group}.`));
        });
        if (!exists) unknown.push(`${file}: ${raw}`);
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
