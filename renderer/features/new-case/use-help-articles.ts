import { useEffect, useState } from 'react';
import type { HelpArticle } from '../../../shared/api';
import { HELP_QUERY_MAX_LENGTH } from '../../../shared/domain';
import { getBridgeClient } from '../../platform';

export type HelpSuggestions =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'articles'; readonly articles: readonly HelpArticle[] }
  /** No help search on this backend (Google), or it could not be reached: link to the help center instead. */
  | { readonly status: 'link' };

const DEBOUNCE_MS = 350;
const MIN_CHARS = 8;

/** Help articles for the words typed so far, asked a moment after the agent stops typing. */
export function useHelpArticles(accountId: string, text: string, languageCode: string): HelpSuggestions {
  const [state, setState] = useState<HelpSuggestions>({ status: 'idle' });
  const query = text.trim();
  useEffect(() => {
    if (query.length < MIN_CHARS) {
      setState({ status: 'idle' });
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      setState((current) => (current.status === 'articles' ? current : { status: 'loading' }));
      getBridgeClient()
        .invoke('help.search', { accountId, query: query.slice(0, HELP_QUERY_MAX_LENGTH), languageCode })
        .then(
          (answer) =>
            live && setState(answer.source === 'backend' ? { status: 'articles', articles: answer.articles } : { status: 'link' }),
        )
        .catch(() => live && setState({ status: 'link' }));
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [accountId, query, languageCode]);
  return state;
}
