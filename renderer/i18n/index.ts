import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { fr } from './locales/fr';
import { id } from './locales/id';
import { zhCN } from './locales/zh-CN';
import { zhTW } from './locales/zh-TW';

export const catalogues = { en, 'zh-TW': zhTW, 'zh-CN': zhCN, id, fr } as const;
export type UiLanguage = keyof typeof catalogues;
export const uiLanguages = Object.keys(catalogues) as UiLanguage[];

/** Picks the closest UI language for a BCP 47 tag (zh-Hant/zh-HK → zh-TW, zh/zh-Hans → zh-CN, in → id). */
export function matchUiLanguage(tag: string | undefined): UiLanguage {
  const lower = (tag ?? 'en').toLowerCase();
  if (lower.startsWith('zh')) return /hant|tw|hk|mo/.test(lower) ? 'zh-TW' : 'zh-CN';
  if (lower.startsWith('id') || lower.startsWith('in')) return 'id';
  if (lower.startsWith('fr')) return 'fr';
  return 'en';
}

export function createI18n(language: UiLanguage): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: Object.fromEntries(Object.entries(catalogues).map(([lng, translation]) => [lng, { translation }])),
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
