import { z } from 'zod';

// The OAuth client file Google Cloud console downloads for a "Desktop app" client:
// {"installed":{"client_id":…,"client_secret":…,"auth_uri":…,"token_uri":…,"redirect_uris":[…]}}

export type OAuthClientProblem = 'notJson' | 'web' | 'notDesktop' | 'badId' | 'badEndpoints';
export type OAuthClientParse = { ok: true; clientId: string; clientSecret: string } | { ok: false; problem: OAuthClientProblem };

const clientIdPattern = /^[0-9]+-[a-z0-9]+\.apps\.googleusercontent\.com$/;

export const isGoogleClientId = (value: string): boolean => clientIdPattern.test(value.trim());

const installedSchema = z.object({
  client_id: z.string().max(512),
  client_secret: z.string().max(512).optional(),
  auth_uri: z.string().optional(),
  token_uri: z.string().optional(),
  redirect_uris: z.array(z.string()).optional(),
});

export function parseOAuthClientFile(text: string): OAuthClientParse {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'notJson' };
  }
  if (raw && typeof raw === 'object' && 'web' in raw) return { ok: false, problem: 'web' };
  const installed = installedSchema.safeParse((raw as { installed?: unknown } | null)?.installed);
  if (!installed.success) return { ok: false, problem: 'notDesktop' };
  const client = installed.data;
  if (!isGoogleClientId(client.client_id)) return { ok: false, problem: 'badId' };
  const googleHost = (uri: string | undefined): boolean =>
    uri === undefined || /^https:\/\/(accounts\.google\.com|oauth2\.googleapis\.com|www\.googleapis\.com)\//.test(uri);
  if (!googleHost(client.auth_uri) || !googleHost(client.token_uri)) return { ok: false, problem: 'badEndpoints' };
  return { ok: true, clientId: client.client_id.trim(), clientSecret: client.client_secret?.trim() ?? '' };
}
