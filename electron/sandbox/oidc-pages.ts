import type { AgentRec } from './world';
import { escapeHtml, html, json, type Reply } from './http';

// The OpenID provider's small pages and replies: redirects, token errors and
// the sandbox's account chooser (no passwords).

/** The account chooser needs to know only what the sign-in request asked for. */
export interface SignInRequest {
  hd: string | undefined;
}

export function isLoopbackRedirect(uri: string): boolean {
  let u: URL;
  try {
    u = new URL(uri);
  } catch {
    return false;
  }
  return (
    u.protocol === 'http:' &&
    ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname) &&
    u.username === '' &&
    u.password === '' &&
    u.hash === ''
  );
}

export function redirect(uri: string, params: Record<string, string | undefined>): Reply {
  const u = new URL(uri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) u.searchParams.set(k, v);
  return { status: 302, headers: { location: u.toString(), 'cache-control': 'no-store' }, body: '' };
}

export function tokenError(status: number, error: string, description: string): Reply {
  return json(status, { error, error_description: description }, { 'cache-control': 'no-store' });
}

const PAGE_STYLE =
  'body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;color:#202124}button{display:block;width:100%;margin:.4rem 0;padding:.7rem;font-size:1rem;text-align:left;border:1px solid #dadce0;border-radius:8px;background:#fff;cursor:pointer}button:hover,button:focus{background:#e8f0fe}.cancel{text-align:center;color:#1a73e8}';

export function signInPage(requestId: string, users: AgentRec[], p: SignInRequest): Reply {
  const buttons = users
    .map((u) => {
      // Exact markup is relied on by UI tests; the hinted account is simply listed first.
      return `<button type="submit" name="login_email" value="${escapeHtml(u.email)}">${escapeHtml(u.email)}</button>`;
    })
    .join('\n');
  const scope = p.hd === undefined ? 'any demo domain' : escapeHtml(p.hd);
  return html(
    200,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in – Sandbox</title><style>${PAGE_STYLE}</style></head><body>
<h1>Choose an account</h1><p>Sandbox sign-in for ${scope}. No password needed.</p>
<form method="post" action="auth"><input type="hidden" name="request_id" value="${requestId}">
${users.length === 0 ? '<p>No demo accounts in this domain.</p>' : buttons}
<button type="submit" name="action" value="cancel" class="cancel">Cancel</button></form></body></html>`,
  );
}

export function errorPage(title: string, message: string): Reply {
  return html(
    400,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${PAGE_STYLE}</style></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></body></html>`,
  );
}
