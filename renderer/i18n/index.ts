import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { accounts } from './catalogues/accounts';
import { attachments } from './catalogues/attachments';
import { caseDetail } from './catalogues/caseDetail';
import { cases } from './catalogues/cases';
import { common } from './catalogues/common';
import { customerAccess } from './catalogues/customerAccess';
import { dashboard } from './catalogues/dashboard';
import { newCase } from './catalogues/newCase';
import { settings } from './catalogues/settings';
import { shell } from './catalogues/shell';
import { slaPlans } from './catalogues/slaPlans';
import { status } from './catalogues/status';
import { history } from './catalogues/history';
import { pending } from './catalogues/pending';
import { views } from './catalogues/views';
import { uiLanguages, type UiLanguage } from './define';

export { uiLanguages, type UiLanguage } from './define';

/** Every namespace (one per feature) in every language; the completeness test walks this. */
export const namespaces = {
  common,
  shell,
  accounts,
  cases,
  caseDetail,
  newCase,
  attachments,
  settings,
  status,
  views,
  pending,
  history,
  customerAccess,
  slaPlans,
  dashboard,
} as const;
export type Namespace = keyof typeof namespaces;

/** Picks the closest UI language for a BCP 47 tag (zh-Hant/zh-HK → zh-TW, zh/zh-Hans → zh-CN, in → id). */
export function matchUiLanguage(tag: string | undefined): UiLanguage {
  const lower = (tag ?? 'en').toLowerCase();
  if (lower.startsWith('zh')) return /hant|tw|hk|mo/.test(lower) ? 'zh-TW' : 'zh-CN';
  if (lower.startsWith('id') || lower.startsWith('in')) return 'id';
  if (lower.startsWith('fr')) return 'fr';
  return 'en';
}

export function createI18n(language: UiLanguage): i18n {
  const resources = Object.fromEntries(
    uiLanguages.map((lng) => [lng, Object.fromEntries(Object.entries(namespaces).map(([ns, catalogue]) => [ns, catalogue[lng]]))]),
  );
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    ns: Object.keys(namespaces),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
