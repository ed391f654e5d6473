import { defineCatalogue } from '../define';

export const caseDetail = defineCatalogue({
  en: { placeholder: '—' },
  'zh-TW': { placeholder: '—' },
  'zh-CN': { placeholder: '—' },
  id: { placeholder: '—' },
  fr: { placeholder: '—' },
});
