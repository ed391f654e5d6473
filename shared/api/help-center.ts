import { z } from 'zod';

// Help articles searched by the words of a problem description. Google offers no such API
// (its help center is a web site): this is a sandbox extension, declared in
// /sandbox/capabilities as `extensions.helpCenter` and off by default. Without it the app
// links to the help center's own search page in the browser.

/** The five languages the console ships in; the corpus has every article in each. */
export const HELP_LANGUAGES = ['en', 'zh-TW', 'zh-CN', 'id', 'fr'] as const;
export type HelpLanguage = (typeof HELP_LANGUAGES)[number];

export const HelpArticleSchema = z.object({
  /** Stable across languages: one article, five translations. */
  id: z.string().min(1).max(64),
  languageCode: z.enum(HELP_LANGUAGES),
  title: z.string().max(300),
  snippet: z.string().max(1000),
  /** Where the agent reads it, in the browser (an https help-center address). */
  uri: z.url().max(2000),
  /** Status-feed service keys the article is about (gmail, drive, …). */
  products: z.array(z.string().max(64)).max(20),
});
export type HelpArticle = z.infer<typeof HelpArticleSchema>;

export const SearchHelpArticlesResponseSchema = z.object({
  articles: z.array(HelpArticleSchema).max(50),
});
export type SearchHelpArticlesResponse = z.infer<typeof SearchHelpArticlesResponseSchema>;

/** Path of the search, relative to the backend's base URL. Query: query, languageCode, pageSize (1–20, default 5). */
export const HELP_SEARCH_PATH = '/sandbox/help/articles:search';

/** Google's help center search for the same words, for backends without the extension (Google itself). */
export function helpCenterSearchUrl(query: string, languageCode: string): string {
  const q = query.trim().replace(/\s+/g, ' ').slice(0, 200);
  return `https://support.google.com/a/search?q=${encodeURIComponent(q)}&hl=${encodeURIComponent(languageCode)}`;
}
