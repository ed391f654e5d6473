import { defineCatalogue } from '../define';

export const attachments = defineCatalogue({
  en: { placeholder: '—' },
  'zh-TW': { placeholder: '—' },
  'zh-CN': { placeholder: '—' },
  id: { placeholder: '—' },
  fr: { placeholder: '—' },
});
