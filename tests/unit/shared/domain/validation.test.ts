import { describe, expect, it } from 'vitest';
import {
  CASE_DESCRIPTION_MAX_LENGTH,
  CASE_TITLE_MAX_LENGTH,
  COMMENT_MAX_LENGTH,
  blockedAttachmentType,
  isMimeType,
  isValidEmail,
  isValidIanaTimeZone,
  sanitizeFileName,
  validateCaseDescription,
  validateCaseTitle,
  validateCommentBody,
  validateSubscriberEmails,
  validateTimeZone,
} from '../../../../shared/domain';

const utf8 = (s: string) => new TextEncoder().encode(s).length;

describe('isValidEmail', () => {
  it('accepts ordinary and plus addresses', () => {
    for (const e of [
      'ana@reseller.example',
      'it+cases@customer.co.id',
      "o'neil@example.fr",
      'x@sub.domain.example',
      'a@xn--fiqs8s.example',
    ]) {
      expect(isValidEmail(e), e).toBe(true);
    }
  });

  it('rejects malformed addresses', () => {
    for (const e of [
      '',
      'ana',
      'ana@',
      '@example.com',
      'ana@localhost',
      'ana@@example.com',
      'ana@example..com',
      'a b@example.com',
      'ana.@example.com',
      `${'a'.repeat(65)}@example.com`,
    ]) {
      expect(isValidEmail(e), e).toBe(false);
    }
  });
});

describe('isValidIanaTimeZone', () => {
  it('accepts IANA names of the UI languages’ countries and UTC', () => {
    for (const z of [
      'Asia/Taipei',
      'Asia/Shanghai',
      'Asia/Jakarta',
      'Europe/Paris',
      'America/New_York',
      'UTC',
      'America/Argentina/Buenos_Aires',
    ]) {
      expect(isValidIanaTimeZone(z), z).toBe(true);
    }
  });

  it('rejects offsets, abbreviations and made-up zones', () => {
    for (const z of ['', '-07:00', '+08:00', 'PST', 'EST', 'Mars/Olympus_Mons', 'Europe/Pariss', 'asia taipei']) {
      expect(isValidIanaTimeZone(z), z).toBe(false);
    }
    expect(validateTimeZone('Europe/Pariss')).toEqual({ code: 'invalid_time_zone' });
    expect(validateTimeZone('Asia/Jakarta')).toBeNull();
  });
});

describe('text limits', () => {
  it('requires a title and caps it', () => {
    expect(validateCaseTitle('   ')).toEqual({ code: 'required' });
    expect(validateCaseTitle('Users cannot sign in')).toBeNull();
    expect(validateCaseTitle('x'.repeat(CASE_TITLE_MAX_LENGTH))).toBeNull();
    expect(validateCaseTitle('x'.repeat(CASE_TITLE_MAX_LENGTH + 1))).toEqual({ code: 'too_long', max: 200, actual: 201 });
  });

  it('refuses a 1 MB description and an empty one', () => {
    expect(CASE_DESCRIPTION_MAX_LENGTH).toBe(30_000);
    expect(validateCaseDescription('x'.repeat(1_000_000))).toMatchObject({ code: 'too_long', max: CASE_DESCRIPTION_MAX_LENGTH });
    expect(validateCaseDescription('')).toEqual({ code: 'required' });
  });

  it('uses the API’s 12 800-character comment limit', () => {
    expect(COMMENT_MAX_LENGTH).toBe(12_800);
    expect(validateCommentBody('x'.repeat(12_800))).toBeNull();
    expect(validateCommentBody('x'.repeat(12_801))).toMatchObject({ code: 'too_long' });
  });

  it('validates subscribers entry by entry, with duplicates ignoring case', () => {
    const r = validateSubscriberEmails(['it@customer.example', 'not-an-email', 'IT@customer.example ']);
    expect(r.entries).toEqual([null, { code: 'invalid_email' }, { code: 'duplicate' }]);
    expect(r.list).toBeNull();
    expect(validateSubscriberEmails(Array.from({ length: 51 }, (_, i) => `u${i}@x.example`)).list).toEqual({ code: 'too_many', max: 50 });
  });
});

describe('sanitizeFileName', () => {
  it('keeps only the last path segment', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('C:\\Users\\ana\\logs\\sync.log')).toBe('sync.log');
  });

  it('replaces control and Windows-reserved characters, including bidi overrides', () => {
    expect(sanitizeFileName('a<b>c:d"e|f?g*h\u0001.txt')).toBe('a_b_c_d_e_f_g_h_.txt');
    expect(sanitizeFileName('invoice\u202Egpj.exe')).toBe('invoice_gpj.exe');
  });

  it('defuses reserved device names and trailing dots/spaces', () => {
    expect(sanitizeFileName('CON.txt')).toBe('_CON.txt');
    expect(sanitizeFileName('lpt1')).toBe('_lpt1');
    expect(sanitizeFileName('report.pdf. . ')).toBe('report.pdf');
    expect(sanitizeFileName('...')).toBe('attachment');
    expect(sanitizeFileName('')).toBe('attachment');
  });

  it('keeps non-Latin names and truncates to 255 UTF-8 bytes keeping the extension', () => {
    expect(sanitizeFileName('錯誤截圖 2026-11-20.png')).toBe('錯誤截圖 2026-11-20.png');
    const long = `${'日誌'.repeat(100)}.log`;
    const out = sanitizeFileName(long);
    expect(utf8(out)).toBeLessThanOrEqual(255);
    expect(out.endsWith('.log')).toBe(true);
    expect(out.startsWith('日誌日誌')).toBe(true);
  });
});

describe('blockedAttachmentType', () => {
  it('blocks executables, scripts, installers, shortcuts and macro documents', () => {
    expect(blockedAttachmentType('setup.EXE')).toEqual({ extension: 'exe', reason: 'executable' });
    expect(blockedAttachmentType('fix.ps1')).toEqual({ extension: 'ps1', reason: 'script' });
    expect(blockedAttachmentType('run.sh')).toMatchObject({ reason: 'script' });
    expect(blockedAttachmentType('helper.js')).toMatchObject({ reason: 'script' });
    expect(blockedAttachmentType('tool.jar')).toMatchObject({ reason: 'executable' });
    expect(blockedAttachmentType('Drive.dmg')).toMatchObject({ reason: 'installer' });
    expect(blockedAttachmentType('agent.msi')).toMatchObject({ reason: 'installer' });
    expect(blockedAttachmentType('portal.lnk')).toMatchObject({ reason: 'shortcut' });
    expect(blockedAttachmentType('budget.xlsm')).toMatchObject({ reason: 'macro_document' });
  });

  it('sees through trailing dots and spaces and double extensions', () => {
    expect(blockedAttachmentType('photo.jpg.exe')).toMatchObject({ extension: 'exe' });
    expect(blockedAttachmentType('evil.bat. ')).toMatchObject({ extension: 'bat' });
  });

  it('allows logs, screenshots, documents and archives', () => {
    for (const n of ['sync.log', 'screenshot.png', 'headers.txt', 'report.pdf', 'export.csv', 'logs.zip', 'README', 'budget.xlsx']) {
      expect(blockedAttachmentType(n), n).toBeNull();
    }
  });
});

describe('hostile file names and types', () => {
  it('reserved device names are caught after trimming, CONIN$/CONOUT$ included', () => {
    for (const name of ['CON .txt', 'CONIN$', 'CONOUT$', 'conout$.log', 'nul .tar.gz']) expect(sanitizeFileName(name)).toMatch(/^_/);
    expect(sanitizeFileName('console.txt')).toBe('console.txt');
  });
  it('blocked extensions are own keys only (no prototype lookups)', () => {
    for (const name of ['a.constructor', 'a.toString', 'a.__proto__', 'a.hasOwnProperty']) expect(blockedAttachmentType(name)).toBeNull();
    expect(blockedAttachmentType('a.exe')).toMatchObject({ reason: 'executable' });
  });
  it('media types are type/subtype without parameters or line breaks', () => {
    for (const ok of ['text/plain', 'application/vnd.ms-excel', 'image/svg+xml']) expect(isMimeType(ok)).toBe(true);
    for (const bad of ['', 'text', 'text/', 'text/plain; charset=utf-8', 'text/plain\r\nX: 1', ' text/plain'])
      expect(isMimeType(bad)).toBe(false);
  });
});
