import { defineCatalogue } from '../define';

export const cases = defineCatalogue({
  en: { placeholder: '—' },
  'zh-TW': { placeholder: '—' },
  'zh-CN': { placeholder: '—' },
  id: { placeholder: '—' },
  fr: { placeholder: '—' },
});
