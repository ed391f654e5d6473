// What must never reach a log file or a diagnostics bundle: tokens, OAuth codes,
// opaque tokens in URLs, e-mail addresses and case text. Redaction works by key
// name and by value shape, recurses into arrays and objects, and survives cycles.

const redacted = '[redacted]';

/** Keys whose value is a secret whatever it looks like. */
const secretKeyPattern =
  /token|secret|password|passwd|authorization|code_verifier|assertion|cookie|credential|api[-_]?key|^state$|^nonce$/i;
/** Keys whose value is case or customer text (titles, descriptions, comment bodies, file names). */
const caseTextKeyPattern =
  /^(text|body|description|title|summary|subject|comment|comments|displayname|filename|name_text|content|snippet|query|keyword|q)$/i;
/** An OAuth authorization code: Google's start with "4/". Error codes (snake_case words) are kept. */
const oauthCodeValue = /^4\/[A-Za-z0-9._~+/-]{8,}$/;

const secretValuePatterns: readonly RegExp[] = [
  /\bBearer\s+[A-Za-z0-9._~+/-]+=*/gi,
  /\bBasic\s+[A-Za-z0-9+/]{8,}=*/gi,
  /\bya29\.[A-Za-z0-9._-]+/g, // Google access tokens
  /\b1\/\/[A-Za-z0-9._-]{16,}/g, // Google refresh tokens
  /\b4\/[A-Za-z0-9._-]{16,}/g, // Google authorization codes
  /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, // JWTs (ID tokens)
  /\b(?:sat|srt)_[A-Za-z0-9_-]{16,}/g, // sandbox access / refresh tokens
  /\bGOCSPX-[A-Za-z0-9_-]{8,}/g, // Google OAuth client secrets
];
// Bounded quantifiers keep the e-mail pattern linear on hostile input.
const emailPattern = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/g;
const urlPattern = /\b[a-z][a-z0-9+.-]{1,15}:\/\/[^\s"'<>]{1,4096}/gi;
/** Query parameters that carry secrets or identifiers in OAuth and Google APIs. */
const secretParamPattern =
  /^(code|state|nonce|token|access_token|refresh_token|id_token|key|sig|signature|client_secret|code_verifier|login_hint|auth|password)$/i;
/** A parameter or path segment of 20+ token characters is an opaque token as far as a log is concerned. */
const opaqueToken = /^[A-Za-z0-9._~+/=-]{20,}$/;
/** Path segments that are numbers (case numbers) or short words stay: they help a diagnosis. */
const opaqueSegment = /^(?=[A-Za-z0-9_-]*[A-Za-z])(?=[A-Za-z0-9_-]*\d)[A-Za-z0-9_-]{24,}$/;

const maxDepth = 12;

function redactUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw;
  }
  if (url.username || url.password) {
    url.username = '';
    url.password = '';
  }
  for (const [key, value] of [...url.searchParams]) {
    if (secretParamPattern.test(key) || opaqueToken.test(value)) url.searchParams.set(key, redacted);
    else url.searchParams.set(key, value.replace(emailPattern, '[email]'));
  }
  url.pathname = url.pathname
    .split('/')
    .map((segment) => (opaqueSegment.test(segment) ? redacted : segment))
    .join('/');
  if (url.hash.length > 1) url.hash = redacted;
  // URLSearchParams encodes the brackets; keep the marker readable.
  return url.toString().replaceAll('%5Bredacted%5D', redacted).replaceAll('%5Bemail%5D', '[email]');
}

/** Secrets, codes, URL tokens and e-mail addresses out of free text. */
export function redactText(text: string): string {
  let out = text.replace(urlPattern, (match) => redactUrl(match));
  for (const pattern of secretValuePatterns) out = out.replace(pattern, redacted);
  return out.replace(emailPattern, '[email]');
}

function redactValue(key: string | undefined, value: unknown, seen: WeakSet<object>, depth: number): unknown {
  if (key !== undefined && secretKeyPattern.test(key)) return value === undefined || value === '' ? value : redacted;
  if (typeof value === 'string') {
    if (key !== undefined && caseTextKeyPattern.test(key)) return `[text: ${value.length} chars]`;
    if (key === 'code' && oauthCodeValue.test(value)) return redacted;
    return redactText(value);
  }
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= maxDepth) return '[too deep]';
  seen.add(value);
  try {
    if (value instanceof Error) {
      return {
        name: value.name,
        message: redactText(value.message),
        ...('code' in value && typeof value.code === 'string' ? { code: value.code } : {}),
      };
    }
    if (Array.isArray(value)) return value.map((item) => redactValue(key, item, seen, depth + 1));
    if (value instanceof Uint8Array) return `<${value.byteLength} bytes>`;
    const out: Record<string, unknown> = {};
    for (const [childKey, child] of Object.entries(value)) out[childKey] = redactValue(childKey, child, seen, depth + 1);
    return out;
  } finally {
    seen.delete(value);
  }
}

/** Redacts a log record's fields: by key name (secrets, case text), by value shape, at any depth, cycles included. */
export function redactFields(fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return redactValue(undefined, fields, new WeakSet(), 0) as Record<string, unknown>;
}

/** Any value (a settings object, a status list) made safe for a diagnostics bundle. */
export function redactDeep(value: unknown): unknown {
  return redactValue(undefined, value, new WeakSet(), 0);
}
