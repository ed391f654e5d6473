// Tokens must never reach a log file. Redact by key name and by value shape.

const secretKeyPattern = /token|secret|password|authorization|code_verifier|assertion|cookie/i;
const secretValuePatterns: readonly RegExp[] = [
  /\bBearer\s+[A-Za-z0-9._~+/-]+=*/gi,
  /\bya29\.[A-Za-z0-9._-]+/g, // Google access tokens
  /\b1\/\/[A-Za-z0-9._-]{20,}/g, // Google refresh tokens
  /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, // JWTs (ID tokens)
  /\b(?:sat|srt)_[A-Za-z0-9_-]{16,}/g, // sandbox access / refresh tokens
];

export function redactText(text: string): string {
  return secretValuePatterns.reduce((acc, pattern) => acc.replace(pattern, '[redacted]'), text);
}

export function redactFields(fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (secretKeyPattern.test(key)) out[key] = '[redacted]';
    else if (typeof value === 'string') out[key] = redactText(value);
    else if (value !== null && typeof value === 'object' && !Array.isArray(value))
      out[key] = redactFields(value as Record<string, unknown>);
    else out[key] = value;
  }
  return out;
}
