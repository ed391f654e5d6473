// Secrets for the PII check (pii-scan.ts): private keys, vendor tokens, bearer/basic
// credentials and "password: x" in the five UI languages. Same design as pii-scan.ts: one
// linear pass per pattern, then checks that drop ordinary prose.

import type { PiiSubtype, Sink } from './pii-scan';

const PRIVATE_KEY_RE =
  /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|\n[ \t]*\n|$)/g;

// Each alternative is a token with a recognisable vendor prefix; named groups tell which.
const TOKEN_RE = new RegExp(
  [
    '(?<![A-Za-z0-9_\\-])(?:',
    '(?<google>AIza[0-9A-Za-z_\\-]{35})',
    '|(?<github>(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255}))',
    '|(?<aws>(?:AKIA|ASIA)[0-9A-Z]{16})',
    '|(?<jwt>eyJ[A-Za-z0-9_\\-]{8,}\\.eyJ[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{8,})',
    '|(?<apikey>(?:sk-(?:proj-|ant-)?[A-Za-z0-9_\\-]{20,}|(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{16,}|xox[abprs]-[A-Za-z0-9\\-]{10,}|ya29\\.[0-9A-Za-z_\\-]{20,}|glpat-[0-9A-Za-z_\\-]{20,}))',
    ')(?![A-Za-z0-9_\\-])',
  ].join(''),
  'g',
);

const BEARER_RE = /\b(?:Bearer|Basic|Token)[ \t]+([A-Za-z0-9\-._~+/]{16,}=*)/gi;

// "password: x", "pwd=x", "密碼：x", "密码：x", "kata sandi: x", "mot de passe : x".
// Group 1 = label, group 2 = connector, group 3 = value.
const PASSWORD_RE = new RegExp(
  '(?<![A-Za-z])(' +
    'passwords?|passwd|pwd|passcode|passphrase|mdp|mots? de passe|kata[ \\t]?sandi(?:nya)?|sandi(?:nya)?|' +
    'client[_ -]?secret|secret[_ -]?key|api[_ -]?key|app[_ -]?password|' +
    '密碼|密码|口令|通行碼' +
    ')(?![A-Za-z])' +
    '[ \\t]*(?:\\([^)\\n]{0,20}\\)[ \\t]*)?' + // "password (new): x"
    '(:|：|=|(?:\\bis\\b|\\badalah\\b|\\best\\b|是|為|为)(?:[ \\t]*[:：])?)[ \\t]*' +
    '["\'「“‘]?([^\\s"\'」”’&,;，。；、]{3,128})',
  'giu',
);

// Words that follow "password:" in ordinary support prose and are not a secret.
const PASSWORD_NON_VALUES = new Set([
  'reset',
  'changed',
  'change',
  'expired',
  'expire',
  'incorrect',
  'wrong',
  'invalid',
  'required',
  'hidden',
  'redacted',
  'removed',
  'none',
  'n/a',
  'unknown',
  'policy',
  'field',
  'manager',
  'protected',
  'updated',
  'oublié',
  'oublie',
  'expiré',
  'expire',
  'incorrecte',
  'incorrect',
  'réinitialisé',
  'reinitialise',
  'modifié',
  'salah',
  'kedaluwarsa',
  'diubah',
  'direset',
  'lupa',
  'baru',
  'lama',
  '[removed]',
  '[redacted]',
  '<redacted>',
  '***',
  '****',
  '*****',
  '******',
  '********',
  'xxxx',
  'xxxxxx',
  'xxxxxxxx',
]);
const VERB_CONNECTORS = new Set(['is', 'adalah', 'est', '是', '為', '为']);
const HAS_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
// Digits, symbols or an inner capital ("hUnter"): a capitalised word alone is prose.
const LOOKS_RANDOM = /\d|[^\p{L}\p{N}]|\p{Ll}\p{Lu}/u;
const MASKED = /^[*x•●]+$/i;
// Sentence punctuation after the value; '!' and '?' stay, they are common in passwords.
const TRAILING_PUNCT = /[.:)\]}>]+$/;

export function scanSecrets(text: string, emit: Sink): void {
  if (text.includes('PRIVATE KEY')) {
    for (const m of text.matchAll(PRIVATE_KEY_RE)) emit('secret', 'private_key', m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(TOKEN_RE)) {
    const g = m.groups ?? {};
    const subtype: PiiSubtype =
      g['google'] !== undefined
        ? 'google_api_key'
        : g['github'] !== undefined
          ? 'github_token'
          : g['aws'] !== undefined
            ? 'aws_access_key'
            : g['jwt'] !== undefined
              ? 'jwt'
              : 'api_key';
    emit('secret', subtype, m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(BEARER_RE)) {
    const value = m[1] ?? '';
    const start = m.index + m[0].length - value.length;
    emit('secret', 'bearer_token', start, start + value.length);
  }
  for (const m of text.matchAll(PASSWORD_RE)) {
    const connector = (m[2] ?? '').toLowerCase().replace(/[\s:：]/g, '');
    let value = m[3] ?? '';
    value = value.replace(TRAILING_PUNCT, '');
    if (value.length < 3) continue;
    const lower = value.toLowerCase();
    if (PASSWORD_NON_VALUES.has(lower) || MASKED.test(value)) continue;
    // A Chinese word after 密碼： is prose ("已重設"), not a password.
    if (HAS_CJK.test(value)) continue;
    // "password is incorrect": after a verb only secret-looking values count.
    if (VERB_CONNECTORS.has(connector) && !LOOKS_RANDOM.test(value)) continue;
    const start = m.index + m[0].length - (m[3] ?? '').length;
    emit('secret', 'password', start, start + value.length);
  }
}
