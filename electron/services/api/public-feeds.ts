import type { z } from 'zod';
import { IncidentFeedSchema, SearchHelpArticlesResponseSchema, type HelpArticle, type Incident } from '../../../shared/api';
import type { HttpFetch } from '../../ports';
import { ApiError, apiErrorFromResponse } from './api-error';

// Public documents: the status dashboard's incidents.json and the sandbox's help search.
// They are read without credentials on purpose: a token of the agent's account must never
// travel to a URL that does not need it (issue 14 §5), so this client has no TokenSource.

export interface PublicFeedClient {
  incidents(url: string): Promise<Incident[]>;
  searchHelp(url: string, query: string, languageCode: string, pageSize?: number): Promise<HelpArticle[]>;
}

export function createPublicFeedClient(fetch: HttpFetch, timeoutMs = 15_000): PublicFeedClient {
  async function getJson<T>(url: string, schema: z.ZodType<T>): Promise<T> {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'GET',
        headers: { accept: 'application/json' },
        credentials: 'omit',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new ApiError({ kind: 'network', message: `GET failed: ${error instanceof Error ? error.message : String(error)}` });
    }
    if (!response.ok) throw await apiErrorFromResponse(response);
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success)
      throw new ApiError({ kind: 'http', httpStatus: 502, message: `Unexpected response shape from ${new URL(url).pathname}` });
    return parsed.data;
  }

  return {
    incidents: (url) => getJson(url, IncidentFeedSchema),
    async searchHelp(url, query, languageCode, pageSize = 5) {
      const search = new URLSearchParams({ query, languageCode, pageSize: String(pageSize) });
      return (await getJson(`${url}?${search.toString()}`, SearchHelpArticlesResponseSchema)).articles;
    },
  };
}
