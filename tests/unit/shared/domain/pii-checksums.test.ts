import { describe, expect, it } from 'vitest';
import {
  chinaResidentIdValid,
  frenchNirValid,
  ibanValid,
  indonesiaNikValid,
  luhnValid,
  taiwanIdValid,
  usSsnValid,
} from '../../../../shared/domain';

describe('checksums', () => {
  it('Luhn accepts real test card numbers and rejects a changed digit', () => {
    expect(luhnValid('4111111111111111')).toBe(true); // Visa test
    expect(luhnValid('5500000000000004')).toBe(true); // Mastercard test
    expect(luhnValid('378282246310005')).toBe(true); // Amex test
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('4111 1111 1111 1111')).toBe(false); // callers strip separators first
  });

  it('IBAN mod 97 with per-country length', () => {
    expect(ibanValid('FR7630006000011234567890189')).toBe(true);
    expect(ibanValid('GB82WEST12345698765432')).toBe(true);
    expect(ibanValid('DE89370400440532013000')).toBe(true);
    expect(ibanValid('GB82WEST12345698765433')).toBe(false); // check digits wrong
    expect(ibanValid('GB82WEST123456987654')).toBe(false); // too short for GB
    expect(ibanValid('FR76 3000 6000 0112 3456 7890 189')).toBe(false); // compact form only
  });

  it('Taiwan national ID: letter code + weighted digits', () => {
    expect(taiwanIdValid('A123456789')).toBe(true);
    expect(taiwanIdValid('F131104093')).toBe(true);
    expect(taiwanIdValid('A123456788')).toBe(false);
    expect(taiwanIdValid('A323456789')).toBe(false); // second digit must be 1/2 (or 8/9)
  });

  it('PRC resident ID: ISO 7064 mod 11-2 and a real birth date', () => {
    expect(chinaResidentIdValid('11010519491231002X')).toBe(true);
    expect(chinaResidentIdValid('11010519491231002x')).toBe(true);
    expect(chinaResidentIdValid('110105194912310021')).toBe(false); // wrong check char
    expect(chinaResidentIdValid('110105194902300025')).toBe(false); // 30 February
  });

  it('Indonesian NIK: province, date (women +40) and serial structure', () => {
    expect(indonesiaNikValid('3171015708900001')).toBe(true); // Jakarta, born 17-08-90, woman
    expect(indonesiaNikValid('3273011203850002')).toBe(true); // Bandung, 12-03-85
    expect(indonesiaNikValid('9971015708900001')).toBe(false); // no province 99
    expect(indonesiaNikValid('3171011513900001')).toBe(false); // month 13
    expect(indonesiaNikValid('3171015708900000')).toBe(false); // serial 0000
  });

  it('French NIR: key = 97 − (n mod 97), Corsica 2A/2B', () => {
    expect(frenchNirValid('185057800608491')).toBe(true);
    expect(frenchNirValid('290022A12345678')).toBe(true);
    expect(frenchNirValid('185057800608492')).toBe(false);
    expect(frenchNirValid('185137800608491')).toBe(false); // month 13 is not a month
  });

  it('US SSN excludes area 000/666/9xx, group 00 and serial 0000', () => {
    expect(usSsnValid('123-45-6789')).toBe(true);
    expect(usSsnValid('000-45-6789')).toBe(false);
    expect(usSsnValid('666-45-6789')).toBe(false);
    expect(usSsnValid('912-45-6789')).toBe(false);
    expect(usSsnValid('123-00-6789')).toBe(false);
    expect(usSsnValid('123-45-0000')).toBe(false);
  });
});
