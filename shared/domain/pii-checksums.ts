// Checksums that turn "looks like a number" into "is a real identifier", so the PII
// check flags real card numbers and IDs but not case numbers or order ids.

/** Luhn (mod 10) over a string of ASCII digits. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Remainder of a decimal string modulo m, digit by digit (no BigInt needed). */
function modDecimalString(digits: string, m: number): number {
  let r = 0;
  for (let i = 0; i < digits.length; i++) r = (r * 10 + (digits.charCodeAt(i) - 48)) % m;
  return r;
}

// ISO 13616 lengths for the countries agents meet most; others fall back to 15–34.
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AE: 23,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BR: 29,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MR: 27,
  MT: 31,
  MU: 30,
  NL: 18,
  NO: 15,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  SA: 24,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  TN: 24,
  TR: 26,
  UA: 29,
  VG: 24,
  XK: 20,
};

/** IBAN check (ISO 7064 mod 97-10) on a compact, upper-case IBAN. */
export function ibanValid(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expected !== undefined && iban.length !== expected) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let r = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const c = rearranged.charCodeAt(i);
    // Letters expand to two digits (A=10 … Z=35).
    const chunk = c >= 65 ? String(c - 55) : String(c - 48);
    r = modDecimalString(String(r) + chunk, 97);
  }
  return r === 1;
}

// Taiwan: the letter stands for the household-registration area and maps to two digits.
const TW_LETTER_CODES: Readonly<Record<string, number>> = {
  A: 10,
  B: 11,
  C: 12,
  D: 13,
  E: 14,
  F: 15,
  G: 16,
  H: 17,
  I: 34,
  J: 18,
  K: 19,
  L: 20,
  M: 21,
  N: 22,
  O: 35,
  P: 23,
  Q: 24,
  R: 25,
  S: 26,
  T: 27,
  U: 28,
  V: 29,
  W: 32,
  X: 30,
  Y: 31,
  Z: 33,
};

/** Taiwan national ID / new-style resident certificate: letter + 9 digits, weighted mod 10. */
export function taiwanIdValid(id: string): boolean {
  if (!/^[A-Z][1289]\d{8}$/.test(id)) return false;
  const code = TW_LETTER_CODES[id.charAt(0)];
  if (code === undefined) return false;
  let sum = Math.floor(code / 10) + (code % 10) * 9;
  for (let i = 1; i <= 8; i++) sum += (id.charCodeAt(i) - 48) * (9 - i);
  sum += id.charCodeAt(9) - 48;
  return sum % 10 === 0;
}

const CN_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CN_CHECK = '10X98765432';

/** PRC resident identity card (GB 11643): 17 digits + ISO 7064 mod 11-2 check character. */
export function chinaResidentIdValid(id: string): boolean {
  const upper = id.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(upper)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (upper.charCodeAt(i) - 48) * (CN_WEIGHTS[i] ?? 0);
  if (CN_CHECK.charAt(sum % 11) !== upper.charAt(17)) return false;
  return plausibleDate(Number(upper.slice(6, 10)), Number(upper.slice(10, 12)), Number(upper.slice(12, 14)));
}

function plausibleDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// Indonesian province codes (two leading digits of a NIK), incl. the 2022 Papua splits.
const NIK_PROVINCES = new Set([
  11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92,
  93, 94, 95, 96, 97,
]);

/**
 * Indonesian NIK (16 digits): province, regency, district, birth date (day + 40 for
 * women), serial. There is no check digit, so structure is all we can test.
 */
export function indonesiaNikValid(nik: string): boolean {
  if (!/^\d{16}$/.test(nik)) return false;
  if (!NIK_PROVINCES.has(Number(nik.slice(0, 2)))) return false;
  if (nik.slice(2, 4) === '00' || nik.slice(4, 6) === '00') return false;
  let day = Number(nik.slice(6, 8));
  if (day > 40) day -= 40;
  const month = Number(nik.slice(8, 10));
  if (day < 1 || day > 31 || month < 1 || month > 12) return false;
  return nik.slice(12) !== '0000';
}

/**
 * French NIR (numéro de sécurité sociale): 13 characters + 2-digit key = 97 − (n mod 97).
 * Corsican départements 2A/2B count as 19/18 for the key.
 */
export function frenchNirValid(nir: string): boolean {
  const upper = nir.toUpperCase();
  if (!/^[1-478]\d{4}(?:\d{2}|2A|2B)\d{6}\d{2}$/.test(upper)) return false;
  const month = Number(upper.slice(3, 5));
  // 01–12, 20 (unknown), 30–42 and 50–99 (registration without a birth certificate).
  if (!((month >= 1 && month <= 12) || month === 20 || (month >= 30 && month <= 42) || month >= 50)) return false;
  const body = upper.slice(0, 13).replace('2A', '19').replace('2B', '18');
  const key = Number(upper.slice(13));
  return key === 97 - modDecimalString(body, 97);
}

/** US SSN area/group/serial rules: no 000, 666 or 9xx area, no 00 group, no 0000 serial. */
export function usSsnValid(ssn: string): boolean {
  const m = /^(\d{3})-(\d{2})-(\d{4})$/.exec(ssn);
  if (!m) return false;
  const [, area = '', group = '', serial = ''] = m;
  return area !== '000' && area !== '666' && !area.startsWith('9') && group !== '00' && serial !== '0000';
}
