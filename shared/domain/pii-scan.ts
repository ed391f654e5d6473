// PII check run while the agent types a case, comment or text attachment (issue 7 §4).
// Google asks resellers never to put personal data in a case; this finds likely PII so
// the agent can remove it or keep it with a reason.
//
// Design: one precompiled regex per kind, each a single linear pass (every pattern is
// anchored by a look-behind so matching only starts at token boundaries, which keeps
// long base64 blobs from going quadratic), then a checksum or structure check to drop
// look-alikes (case numbers, dates, times, versions). Overlaps are resolved by a fixed
// kind precedence. Budget: ≤ 5 ms for 10 KB (tests/bench/pii-scan.ts).

import {
  chinaResidentIdValid,
  frenchNirValid,
  ibanValid,
  IBAN_LENGTHS,
  indonesiaNikValid,
  luhnValid,
  taiwanIdValid,
  usSsnValid,
} from './pii-checksums';
import { scanSecrets } from './pii-secrets';

export const PII_KINDS = ['secret', 'national_id', 'payment_card', 'iban', 'email', 'ip_address', 'phone'] as const;
export type PiiKind = (typeof PII_KINDS)[number];

export type PiiSubtype =
  | 'email'
  | 'phone'
  | 'payment_card'
  | 'iban'
  | 'tw_national_id'
  | 'cn_resident_id'
  | 'id_nik'
  | 'fr_nir'
  | 'us_ssn'
  | 'ipv4'
  | 'ipv6'
  | 'google_api_key'
  | 'api_key'
  | 'github_token'
  | 'aws_access_key'
  | 'bearer_token'
  | 'jwt'
  | 'private_key'
  | 'password';

/** i18n id of a finding's label, e.g. `pii.tw_national_id` (texts live in the renderer). */
export function piiLabelKey(subtype: PiiSubtype): string {
  return `pii.${subtype}`;
}

export interface PiiFinding {
  readonly kind: PiiKind;
  readonly subtype: PiiSubtype;
  /** UTF-16 offsets into the scanned text, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly match: string;
}

export interface PiiScanOptions {
  /** Addresses that are expected in a case: the agent's own and the customer's admin contact. */
  readonly allowEmails?: readonly string[];
}

// Lower number wins an overlap: a card number is not also reported as a phone. National
// IDs outrank cards because their checks are stricter (mod 97 / mod 11 vs Luhn's 1 in 10).
const PRECEDENCE: Readonly<Record<PiiKind, number>> = {
  secret: 0,
  national_id: 1,
  payment_card: 2,
  iban: 3,
  email: 4,
  ip_address: 5,
  phone: 6,
};

/** Where each scanner reports a candidate; the caller resolves overlaps. */
export type Sink = (kind: PiiKind, subtype: PiiSubtype, start: number, end: number) => void;

// ---------- numbers with checksums ----------

const CARD_RE = /(?<![\d\-.,])[2-6]\d{1,3}(?:[ -]?\d){11,18}(?![\d-]\d|\d)/g;

function scanCards(text: string, emit: Sink): void {
  for (const m of text.matchAll(CARD_RE)) {
    const raw = m[0];
    const seps = raw.replace(/\d/g, '');
    // Mixed separators ("4111-1111 1111") are not how cards are written.
    if (seps.length > 0 && !/^( +|-+)$/.test(seps)) continue;
    const digits = raw.replace(/\D/g, '');
    if (digits.length < 13 || digits.length > 19) continue;
    if (luhnValid(digits)) emit('payment_card', 'payment_card', m.index, m.index + raw.length);
  }
}

const IBAN_RE = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}/g;
const ALNUM = /[A-Za-z0-9]/;

function scanIbans(text: string, emit: Sink): void {
  for (const m of text.matchAll(IBAN_RE)) {
    // The pattern may run into a following upper-case word ("… 189 OK"); trim to the
    // country's length when known.
    const raw = m[0];
    const expected = IBAN_LENGTHS[raw.slice(0, 2)];
    let end = raw.length;
    if (expected !== undefined) {
      let compactLen = 0;
      end = -1;
      for (let i = 0; i < raw.length; i++) {
        if (raw.charAt(i) !== ' ' && ++compactLen === expected) {
          end = i + 1;
          break;
        }
      }
      if (end < 0) continue;
    }
    if (ALNUM.test(text.charAt(m.index + end))) continue;
    if (ibanValid(raw.slice(0, end).replace(/ /g, ''))) emit('iban', 'iban', m.index, m.index + end);
  }
}

const TW_ID_RE = /(?<![A-Za-z0-9])[A-Z][1289]\d{8}(?![A-Za-z0-9])/g;
const CN_ID_RE = /(?<![A-Za-z0-9])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![A-Za-z0-9])/g;
const NIK_RE = /(?<![A-Za-z0-9.-])[1-9]\d{15}(?![A-Za-z0-9]|[.-]\d)/g;
const NIR_RE = /(?<![A-Za-z0-9])[1-478] ?\d{2} ?\d{2} ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3} ?\d{2}(?![A-Za-z0-9])/g;
const SSN_RE = /(?<![A-Za-z0-9-])\d{3}-\d{2}-\d{4}(?![A-Za-z0-9]|-\d)/g;

function scanNationalIds(text: string, emit: Sink): void {
  for (const m of text.matchAll(TW_ID_RE)) {
    if (taiwanIdValid(m[0])) emit('national_id', 'tw_national_id', m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(CN_ID_RE)) {
    if (chinaResidentIdValid(m[0])) emit('national_id', 'cn_resident_id', m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(NIK_RE)) {
    if (indonesiaNikValid(m[0])) emit('national_id', 'id_nik', m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(NIR_RE)) {
    if (frenchNirValid(m[0].replace(/ /g, ''))) emit('national_id', 'fr_nir', m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(SSN_RE)) {
    if (usSsnValid(m[0])) emit('national_id', 'us_ssn', m.index, m.index + m[0].length);
  }
}

// ---------- e-mail ----------

const EMAIL_RE =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}(?![A-Za-z0-9-])/g;

function scanEmails(text: string, allowed: ReadonlySet<string>, emit: Sink): void {
  if (!text.includes('@')) return;
  for (const m of text.matchAll(EMAIL_RE)) {
    // Trim a leading dot left over from prose like "…end.jane@x.com" is not worth it; just
    // compare case-insensitively as mail systems do for the domain (and Google for the local part).
    if (!allowed.has(m[0].toLowerCase())) emit('email', 'email', m.index, m.index + m[0].length);
  }
}

// ---------- IP addresses ----------

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4_RE = new RegExp(`(?<![\\d.]|[A-Za-z]\\.?)${OCTET}(?:\\.${OCTET}){3}(?![\\d]|\\.\\d)`, 'g');
const VERSION_CONTEXT = /(?:\bversion|\bversi|\bver\.?|\bbuild|版本|\bv)\s*$/i;
const IPV6_RE = /(?<![0-9A-Za-z:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f]{1,4})?(?![0-9A-Za-z:.])/g;

function isIpv6(candidate: string): boolean {
  let s = candidate;
  let total = 0;
  const v4 = /(?:^|:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(s);
  if (v4) {
    const dotted = v4[1] ?? '';
    if (dotted.split('.').some((o) => Number(o) > 255)) return false;
    s = s.slice(0, s.length - dotted.length);
    if (s.endsWith(':') && !s.endsWith('::')) s = s.slice(0, -1);
    total = 2; // an embedded IPv4 fills two 16-bit groups
  }
  const halves = s.split('::');
  if (halves.length > 2) return false;
  for (const h of halves) {
    if (h === '') continue;
    for (const g of h.split(':')) {
      if (!/^[0-9A-Fa-f]{1,4}$/.test(g)) return false;
      total++;
    }
  }
  if (halves.length === 1) return total === 8;
  // "::" stands for at least one zero group; "::1" and "::" are loopback/unspecified, not PII.
  return total < 8 && total >= 2;
}

function scanIps(text: string, emit: Sink): void {
  for (const m of text.matchAll(IPV4_RE)) {
    const ip = m[0];
    if (ip === '255.255.255.255' || ip.startsWith('127.')) continue;
    // "x.y.z.0" without a /prefix is a network or a version ("Drive 95.0.1.0"), not a host.
    if (ip.endsWith('.0') && text.charAt(m.index + ip.length) !== '/') continue;
    // "version 1.2.3.4", "v10.0.0.1" are version strings.
    if (VERSION_CONTEXT.test(text.slice(Math.max(0, m.index - 10), m.index))) continue;
    emit('ip_address', 'ipv4', m.index, m.index + ip.length);
  }
  if (!text.includes(':')) return;
  for (const m of text.matchAll(IPV6_RE)) {
    if (isIpv6(m[0])) emit('ip_address', 'ipv6', m.index, m.index + m[0].length);
  }
}

// ---------- phone numbers ----------

// Digits (ASCII or full-width) joined by single separators; "(0)" and "(212)" allowed.
const PHONE_RE =
  /(?<![A-Za-z0-9０-９_\-/@]|\d[.:,])(?:\+|＋|\b00)?[(（]?[0-9０-９](?:[0-9０-９()（）]|[ .\-‐－](?=[0-9０-９(（])){6,22}(?<=[0-9０-９])/g;
const FULLWIDTH_DIGIT = /[０-９]/g;
const DATE_INSIDE = /\b(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{4})\b/;
const US_LOCAL = /^(?:1[ .-])?(?:\([2-9]\d{2}\) ?|[2-9]\d{2}[ .-])[2-9]\d{2}[ .-]\d{4}$/;
const CN_MOBILE = /^1[3-9]\d(?:[ -]?\d{4}){2}$/;

function toAsciiDigits(s: string): string {
  return s.replace(FULLWIDTH_DIGIT, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48));
}

/**
 * Accepts a candidate only in shapes people use for phone numbers: international
 * (+ or 00 prefix), national with a trunk 0 (UK/FR/ID/TW/CN landlines and mobiles),
 * Chinese mobiles (1[3-9] + 8 digits) and US 3-3-4 with separators. Bare 8-digit case
 * numbers, dates, times and versions fall outside all of these.
 */
function isPhone(raw: string, next: string, next2: string): boolean {
  if (next === ':' && /\d/.test(next2)) return false; // a time follows: "01.02.2026 10:15"
  if (next === '.' && /\d/.test(next2)) return false; // version/IP continues
  const s = toAsciiDigits(raw)
    .replace(/[（）]/g, (c) => (c === '（' ? '(' : ')'))
    .replace(/[‐－]/g, '-')
    .replace('＋', '+');
  if (DATE_INSIDE.test(s)) return false;
  const digits = s.replace(/\D/g, '');
  if (/^(\d)\1+$/.test(digits)) return false;
  if (s.startsWith('+') || s.startsWith('00')) {
    const viaZeros = s.startsWith('00');
    const n = viaZeros ? digits.length - 2 : digits.length;
    // "00" + bare digits is also how order ids look; ask for grouping or a full length.
    if (viaZeros && !/[ .\-()]/.test(s) && n < 10) return false;
    return n >= 8 && n <= 15 && !digits.slice(viaZeros ? 2 : 0).startsWith('0');
  }
  if (s.startsWith('0') || s.startsWith('(0')) {
    // Dotted groups that read like an IP or version ("010.001.002.003") are not phones.
    if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(s)) return false;
    return digits.length >= 9 && digits.length <= 12;
  }
  if (CN_MOBILE.test(s)) return true;
  return US_LOCAL.test(s);
}

function scanPhones(text: string, emit: Sink): void {
  for (const m of text.matchAll(PHONE_RE)) {
    const end = m.index + m[0].length;
    if (isPhone(m[0], text.charAt(end), text.charAt(end + 1))) emit('phone', 'phone', m.index, end);
  }
}

// ---------- public API ----------

const HAS_DIGIT = /[0-9０-９]/;

export function scanPii(text: string, options: PiiScanOptions = {}): PiiFinding[] {
  const raw: { kind: PiiKind; subtype: PiiSubtype; start: number; end: number }[] = [];
  const emit: Sink = (kind, subtype, start, end) => {
    if (end > start) raw.push({ kind, subtype, start, end });
  };
  const allowed = new Set((options.allowEmails ?? []).map((e) => e.trim().toLowerCase()));

  scanSecrets(text, emit);
  scanEmails(text, allowed, emit);
  // Every remaining kind needs a digit; most prose chunks are skipped outright.
  if (HAS_DIGIT.test(text)) {
    scanCards(text, emit);
    scanIbans(text, emit);
    scanNationalIds(text, emit);
    scanIps(text, emit);
    scanPhones(text, emit);
  }
  return resolveOverlaps(raw).map((f) => ({ ...f, match: text.slice(f.start, f.end) }));
}

function resolveOverlaps<T extends { kind: PiiKind; start: number; end: number }>(findings: T[]): T[] {
  const ranked = [...findings].sort(
    (a, b) => PRECEDENCE[a.kind] - PRECEDENCE[b.kind] || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: T[] = [];
  for (const f of ranked) {
    if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}

// ---------- decisions ----------

export type PiiDecision = { readonly action: 'remove' } | { readonly action: 'keep'; readonly reason: string };

/**
 * Stable key for a finding's decision. Keyed by kind + value, not by offset, so a "keep
 * anyway" survives edits elsewhere in the text and applies to repeats of the same value.
 */
export function piiFindingKey(finding: Pick<PiiFinding, 'kind' | 'match'>): string {
  return `${finding.kind}:${finding.match}`;
}

export const PII_PLACEHOLDER = '[removed]';

export interface ApplyPiiDecisionsOptions {
  readonly placeholder?: string | ((finding: PiiFinding) => string);
}

/**
 * Replaces every finding the agent chose to remove with a placeholder; findings with a
 * "keep" decision or no decision are left as they are. Findings must come from scanning
 * this same text.
 */
export function applyPiiDecisions(
  text: string,
  findings: readonly PiiFinding[],
  decisions: Readonly<Record<string, PiiDecision>> | ReadonlyMap<string, PiiDecision>,
  options: ApplyPiiDecisionsOptions = {},
): string {
  const lookup = (key: string): PiiDecision | undefined =>
    decisions instanceof Map ? decisions.get(key) : (decisions as Readonly<Record<string, PiiDecision>>)[key];
  const placeholder = options.placeholder ?? PII_PLACEHOLDER;
  const ordered = [...findings].sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  for (const f of ordered) {
    if (f.start < cursor || text.slice(f.start, f.end) !== f.match) continue; // stale or overlapping
    if (lookup(piiFindingKey(f))?.action !== 'remove') continue;
    out += text.slice(cursor, f.start) + (typeof placeholder === 'function' ? placeholder(f) : placeholder);
    cursor = f.end;
  }
  return out + text.slice(cursor);
}

/** Findings still waiting for a decision (the form blocks submit until this is empty). */
export function undecidedFindings(findings: readonly PiiFinding[], decisions: Readonly<Record<string, PiiDecision>>): PiiFinding[] {
  return findings.filter((f) => decisions[piiFindingKey(f)] === undefined);
}
