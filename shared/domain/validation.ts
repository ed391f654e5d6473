// Input rules shared by the new-case form, the outbox and the sandbox, so bad input is
// refused next to the field and never queued (issue 7, "Bad input").

import { z } from 'zod';
import {
  CASE_DESCRIPTION_MAX_LENGTH,
  CASE_TITLE_MAX_LENGTH,
  COMMENT_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  ESCALATION_JUSTIFICATION_MAX_LENGTH,
  FILE_NAME_MAX_BYTES,
  MAX_SUBSCRIBERS,
} from './limits';

export type FieldProblem =
  | { readonly code: 'required' }
  | { readonly code: 'too_long'; readonly max: number; readonly actual: number }
  | { readonly code: 'invalid_email' }
  | { readonly code: 'duplicate' }
  | { readonly code: 'too_many'; readonly max: number }
  | { readonly code: 'invalid_time_zone' };

// Pragmatic address check (what a person can type into a share box), not full RFC 5322:
// dot-atom local part, at least one dot in the domain, TLD of letters (or punycode).
const EMAIL_RE =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;

/** The one e-mail check: forms, bulk actions and the outbox's mutation schema all use it. */
export function isValidEmail(value: string): boolean {
  if (value.length > EMAIL_MAX_LENGTH) return false;
  const at = value.lastIndexOf('@');
  if (at < 1 || at > 64) return false;
  return EMAIL_RE.test(value);
}

export const emailSchema = z.string().refine(isValidEmail, 'an e-mail address');

/** The addresses typed into one box, split at spaces, commas, semicolons and line breaks. */
export function parseEmailList(raw: string): string[] {
  return raw.split(/[\s,;]+/).filter((s) => s !== '');
}

let zoneSet: ReadonlySet<string> | undefined;

function supportedZones(): ReadonlySet<string> {
  if (!zoneSet) {
    const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
    zoneSet = new Set(intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : []);
  }
  return zoneSet;
}

/**
 * IANA names only ("Asia/Taipei", "UTC"): offsets like "-07:00" or abbreviations like
 * "PST" are refused even where Intl would accept them, because the SLA clocks need
 * a zone with DST rules. Aliases (e.g. "Asia/Calcutta") are accepted.
 */
export function isValidIanaTimeZone(value: string): boolean {
  if (!/^(?:[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*|UTC|Etc\/[A-Za-z0-9+-]+)$/.test(value)) return false;
  if (supportedZones().has(value)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    // Intl also accepts legacy abbreviations such as "EST"; require an area/location name.
    return value.includes('/') || value === 'UTC';
  } catch {
    return false;
  }
}

function checkText(value: string, max: number, required: boolean): FieldProblem | null {
  if (required && value.trim().length === 0) return { code: 'required' };
  if (value.length > max) return { code: 'too_long', max, actual: value.length };
  return null;
}

export function validateCaseTitle(title: string): FieldProblem | null {
  return checkText(title, CASE_TITLE_MAX_LENGTH, true);
}

export function validateCaseDescription(description: string): FieldProblem | null {
  return checkText(description, CASE_DESCRIPTION_MAX_LENGTH, true);
}

export function validateCommentBody(body: string): FieldProblem | null {
  return checkText(body, COMMENT_MAX_LENGTH, true);
}

/** The escalation dialog's check; the outbox's schema uses the same limit. */
export function validateEscalationJustification(justification: string): FieldProblem | null {
  return checkText(justification, ESCALATION_JUSTIFICATION_MAX_LENGTH, true);
}

export function validateTimeZone(value: string): FieldProblem | null {
  return isValidIanaTimeZone(value) ? null : { code: 'invalid_time_zone' };
}

/** Problems per entry (same order as the input) plus a list-level problem, if any. */
export function validateSubscriberEmails(emails: readonly string[]): {
  readonly entries: readonly (FieldProblem | null)[];
  readonly list: FieldProblem | null;
} {
  const seen = new Set<string>();
  const entries = emails.map((raw): FieldProblem | null => {
    const e = raw.trim();
    if (!isValidEmail(e)) return { code: 'invalid_email' };
    const key = e.toLowerCase();
    if (seen.has(key)) return { code: 'duplicate' };
    seen.add(key);
    return null;
  });
  return { entries, list: emails.length > MAX_SUBSCRIBERS ? { code: 'too_many', max: MAX_SUBSCRIBERS } : null };
}

// ---------- file names and types ----------

/**
 * A media type as `type/subtype` (RFC 6838 restricted names), no parameters: it goes into a
 * multipart header, so no spaces, semicolons or line breaks.
 */
export const MIME_TYPE_PATTERN = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i;

export function isMimeType(value: string): boolean {
  return MIME_TYPE_PATTERN.test(value);
}

// Device names Windows opens instead of a file, whatever the extension; `CON .txt` too, as
// Windows drops the trailing space of the base name.
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;
const isReservedBase = (base: string): boolean =>
  WINDOWS_RESERVED.test(base.trimEnd()) || WINDOWS_RESERVED.test((base.split('.')[0] ?? '').trimEnd());
// Control chars, path separators and the characters Windows refuses in names.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f<>:"/\\|?*\u202a-\u202e\u2066-\u2069]/g;

function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

function truncateUtf8(s: string, maxBytes: number): string {
  let out = '';
  let n = 0;
  for (const ch of s) {
    const len = utf8Length(ch);
    if (n + len > maxBytes) break;
    out += ch;
    n += len;
  }
  return out;
}

/**
 * A file name safe to save on Windows, macOS and Linux: last path segment only, no
 * control or reserved characters (bidi overrides too — they disguise extensions), no
 * reserved device names, no trailing dots/spaces, at most 255 UTF-8 bytes with the
 * extension kept when shortening.
 */
export function sanitizeFileName(name: string, fallback = 'attachment'): string {
  const lastSegment = name.split(/[/\\]/).pop() ?? '';
  let s = lastSegment
    .normalize('NFC')
    .replace(UNSAFE_CHARS, '_')
    .trim()
    .replace(/[. ]+$/, '');
  if (s === '' || /^[._]+$/.test(s)) s = fallback;
  const dot = s.lastIndexOf('.');
  let base = dot > 0 ? s.slice(0, dot) : s;
  let ext = dot > 0 ? s.slice(dot) : '';
  if (isReservedBase(base)) base = `_${base}`;
  if (utf8Length(ext) > 32) {
    // An absurd "extension" is part of the name, not something to preserve.
    base += ext;
    ext = '';
  }
  if (utf8Length(base) + utf8Length(ext) > FILE_NAME_MAX_BYTES) {
    base = truncateUtf8(base, FILE_NAME_MAX_BYTES - utf8Length(ext)).replace(/[. ]+$/, '');
  }
  return base + ext;
}

export type BlockedAttachmentReason = 'executable' | 'script' | 'installer' | 'shortcut' | 'macro_document';

const BLOCKED_EXTENSIONS: Readonly<Record<string, BlockedAttachmentReason>> = {
  exe: 'executable',
  com: 'executable',
  scr: 'executable',
  pif: 'executable',
  cpl: 'executable',
  dll: 'executable',
  sys: 'executable',
  drv: 'executable',
  ocx: 'executable',
  app: 'executable',
  bin: 'executable',
  elf: 'executable',
  jar: 'executable',
  gadget: 'executable',
  hta: 'executable',
  msc: 'executable',
  xbap: 'executable',
  bat: 'script',
  cmd: 'script',
  ps1: 'script',
  psm1: 'script',
  psd1: 'script',
  ps1xml: 'script',
  vbs: 'script',
  vbe: 'script',
  js: 'script',
  jse: 'script',
  mjs: 'script',
  cjs: 'script',
  ws: 'script',
  wsf: 'script',
  wsc: 'script',
  wsh: 'script',
  sh: 'script',
  bash: 'script',
  zsh: 'script',
  csh: 'script',
  ksh: 'script',
  command: 'script',
  py: 'script',
  pyw: 'script',
  pl: 'script',
  rb: 'script',
  php: 'script',
  scpt: 'script',
  applescript: 'script',
  workflow: 'script',
  reg: 'script',
  inf: 'script',
  sct: 'script',
  msi: 'installer',
  msp: 'installer',
  mst: 'installer',
  appx: 'installer',
  msix: 'installer',
  appxbundle: 'installer',
  msixbundle: 'installer',
  dmg: 'installer',
  pkg: 'installer',
  mpkg: 'installer',
  deb: 'installer',
  rpm: 'installer',
  apk: 'installer',
  ipa: 'installer',
  run: 'installer',
  appimage: 'installer',
  crx: 'installer',
  vsix: 'installer',
  lnk: 'shortcut',
  url: 'shortcut',
  scf: 'shortcut',
  desktop: 'shortcut',
  website: 'shortcut',
  settingcontent: 'shortcut',
  docm: 'macro_document',
  dotm: 'macro_document',
  xlsm: 'macro_document',
  xltm: 'macro_document',
  xlam: 'macro_document',
  pptm: 'macro_document',
  potm: 'macro_document',
  ppam: 'macro_document',
  ppsm: 'macro_document',
  sldm: 'macro_document',
};

export interface BlockedAttachment {
  readonly extension: string;
  readonly reason: BlockedAttachmentReason;
}

/**
 * Executables, scripts, installers, shortcuts and macro documents are refused (Gmail and
 * the support portal block the same families). Returns null for allowed files. Trailing
 * dots/spaces are ignored because Windows ignores them too ("evil.exe. ").
 */
export function blockedAttachmentType(name: string): BlockedAttachment | null {
  const trimmed = (name.split(/[/\\]/).pop() ?? '').replace(/[. ]+$/, '');
  const dot = trimmed.lastIndexOf('.');
  if (dot < 0) return null;
  const extension = trimmed.slice(dot + 1).toLowerCase();
  // Own keys only: "a.constructor" must not find Object.prototype.constructor.
  const reason = Object.hasOwn(BLOCKED_EXTENSIONS, extension) ? BLOCKED_EXTENSIONS[extension] : undefined;
  return reason === undefined ? null : { extension, reason };
}
