import { describe, expect, it } from 'vitest';
import { PII_PLACEHOLDER, applyPiiDecisions, piiFindingKey, scanPii, undecidedFindings, type PiiFinding } from '../../../../shared/domain';

/** "subtype:match" pairs, in text order. */
function found(text: string, allowEmails: readonly string[] = []): string[] {
  return scanPii(text, { allowEmails }).map((f) => `${f.subtype}:${f.match}`);
}

describe('scanPii – English', () => {
  it('finds e-mails except the agent’s and the admin contact (case-insensitive)', () => {
    const text = 'Contact jane.doe@customer.example or Admin@Customer.example; cc ana@reseller.example.';
    expect(found(text, ['admin@customer.example', 'ANA@reseller.example'])).toEqual(['email:jane.doe@customer.example']);
  });

  it('finds US phone numbers, a Luhn-valid card and an SSN', () => {
    const text = 'Call (212) 555-0123 or +1 650-253-0000. Card 4111 1111 1111 1111, SSN 123-45-6789.';
    expect(found(text)).toEqual([
      'phone:(212) 555-0123',
      'phone:+1 650-253-0000',
      'payment_card:4111 1111 1111 1111',
      'national_id:123-45-6789'.replace('national_id', 'us_ssn'),
    ]);
  });

  it('finds UK numbers and a GB IBAN', () => {
    expect(found('Ring 020 7946 0958 or +44 (0)20 7946 0958; IBAN GB82 WEST 1234 5698 7654 32.')).toEqual([
      'phone:020 7946 0958',
      'phone:+44 (0)20 7946 0958',
      'iban:GB82 WEST 1234 5698 7654 32',
    ]);
  });

  it('finds API keys, tokens, private keys and written passwords', () => {
    const text = [
      'key=AIzaSyA1234567890abcdefghijklmnopqrstuv',
      'token ghp_abcdefghijklmnopqrstuvwxyz0123456789',
      'aws AKIAIOSFODNN7EXAMPLE',
      'openai sk-proj-abcdefghijklmnopqrstuvwx',
      'Authorization: Bearer abcdefghijklmnop1234567890',
      'password: Hunter2!',
      'the password is Tr0ub4dor',
      'url?user=bob&pwd=s3cr3t&x=1',
      '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----',
    ].join('\n');
    expect(found(text)).toEqual([
      'google_api_key:AIzaSyA1234567890abcdefghijklmnopqrstuv',
      'github_token:ghp_abcdefghijklmnopqrstuvwxyz0123456789',
      'aws_access_key:AKIAIOSFODNN7EXAMPLE',
      'api_key:sk-proj-abcdefghijklmnopqrstuvwx',
      'bearer_token:abcdefghijklmnop1234567890',
      'password:Hunter2!',
      'password:Tr0ub4dor',
      'password:s3cr3t',
      'private_key:-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----',
    ]);
  });

  it('finds IPv4 and IPv6 addresses', () => {
    expect(found('Client 203.0.113.7 via 2001:db8::8a2e:370:7334 and ::ffff:192.0.2.1')).toEqual([
      'ipv4:203.0.113.7',
      'ipv6:2001:db8::8a2e:370:7334',
      'ipv6:::ffff:192.0.2.1',
    ]);
  });

  it('does not flag case numbers, dates, times, versions, sizes or ordinary prose', () => {
    const text = [
      'Case 43595344 was opened on 2026-11-20 at 09:10:15 UTC (20/11/2026, 11.20.2026).',
      'Chrome version 120.0.6099.109, build 7.3.0.1842, v1.2.3.4, Drive for desktop 95.0.1.0.',
      'About 1 250 000 messages, 25 MB limit, error 500, order 2026-0001-7731, MAC 00:1A:2B:3C:4D:5E.',
      'The user forgot the password and we reset it. Password is incorrect. Password: reset by admin.',
      'localhost 127.0.0.1 and ::1 and the C++ call std::vector are fine.',
      'Card ending 1111; invalid number 4111 1111 1111 1112.',
    ].join('\n');
    expect(found(text)).toEqual([]);
  });
});

describe('scanPii – Traditional Chinese (zh-TW)', () => {
  it('finds Taiwanese phones, a national ID and a written password', () => {
    const text = '請撥 0912-345-678 或 (02) 2345-6789 聯絡王先生，身分證字號A123456789，密碼：Abc12345。';
    expect(found(text)).toEqual(['phone:0912-345-678', 'phone:(02) 2345-6789', 'tw_national_id:A123456789', 'password:Abc12345']);
  });

  it('finds full-width phone digits', () => {
    expect(found('電話：０９１２３４５６７８')).toEqual(['phone:０９１２３４５６７８']);
  });

  it('does not flag case numbers, dates or prose about passwords', () => {
    const text = '客服案件編號 43595344 已於 2026/11/20 上午 10:30 建立。使用者的密碼已重設，版本 3.2.1。錯誤代碼 500。';
    expect(found(text)).toEqual([]);
  });

  it('does not flag a Taiwan-ID look-alike with a bad checksum', () => {
    expect(found('序號 A123456788')).toEqual([]);
  });
});

describe('scanPii – Simplified Chinese (zh-CN)', () => {
  it('finds a mobile number, a resident ID and a password', () => {
    const text = '用户电话：13812345678，座机 010-12345678，身份证号 11010519491231002X，密码是abc123。';
    expect(found(text)).toEqual(['phone:13812345678', 'phone:010-12345678', 'cn_resident_id:11010519491231002X', 'password:abc123']);
  });

  it('does not flag ticket numbers, times or a resident-ID look-alike', () => {
    const text = '工单号 43595344，时间 2026-11-20 09:10，错误代码 0x80070005，编号 110105194912310021。';
    expect(found(text)).toEqual([]);
  });
});

describe('scanPii – Indonesian (id)', () => {
  it('finds a mobile number, a NIK and a written password', () => {
    const text = 'Hubungi 0812-3456-7890 atau +62 21 5551234. NIK 3171015708900001, kata sandi: Rahasia123';
    expect(found(text)).toEqual(['phone:0812-3456-7890', 'phone:+62 21 5551234', 'id_nik:3171015708900001', 'password:Rahasia123']);
  });

  it('finds "kata sandinya adalah …" only when the value looks like a secret', () => {
    expect(found('kata sandinya adalah rahasia99')).toEqual(['password:rahasia99']);
    expect(found('kata sandinya adalah salah')).toEqual([]);
  });

  it('does not flag case numbers, times or structureless 16-digit numbers', () => {
    const text = 'Kasus 43595344 dibuat pukul 08.00 WIB tanggal 20-11-2026. Nomor pesanan 9971015708900001.';
    expect(found(text)).toEqual([]);
  });
});

describe('scanPii – French (fr)', () => {
  it('finds French phones, a NIR, an IBAN and a password', () => {
    const text =
      'Appelez le 01 23 45 67 89 ou +33 6 12 34 56 78. NIR 1 85 05 78 006 084 91. ' +
      'IBAN FR76 3000 6000 0112 3456 7890 189 OK. Mot de passe : Soleil!2024';
    expect(found(text)).toEqual([
      'phone:01 23 45 67 89',
      'phone:+33 6 12 34 56 78',
      'fr_nir:1 85 05 78 006 084 91',
      'iban:FR76 3000 6000 0112 3456 7890 189',
      'password:Soleil!2024',
    ]);
  });

  it('finds a dotted French number and "mdp="', () => {
    expect(found('Tél. 01.23.45.67.89, mdp=Azerty123')).toEqual(['phone:01.23.45.67.89', 'password:Azerty123']);
  });

  it('does not flag dates, times, amounts or prose about passwords', () => {
    const text =
      'Demande 43595344 créée le 20/11/2026 à 14 h 05 (14:05). Montant 1 250,00 €. ' +
      'Le mot de passe est expiré. Version 3.2.1. IBAN FR76 3000 6000 0112 3456 7890 188 (faux).';
    expect(found(text)).toEqual([]);
  });
});

describe('scanPii – result shape', () => {
  it('returns findings sorted by position with exact offsets and no overlaps', () => {
    const text = 'x jane@corp.example y 4111-1111-1111-1111 z 192.0.2.44';
    const findings = scanPii(text);
    expect(findings.map((f) => f.kind)).toEqual(['email', 'payment_card', 'ip_address']);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.match);
    for (let i = 1; i < findings.length; i++) expect(findings[i]!.start).toBeGreaterThanOrEqual(findings[i - 1]!.end);
  });

  it('reports an overlap once, under the strictest kind', () => {
    // A Luhn-valid number that is also phone-shaped is a card, not a phone.
    expect(found('+4111111111111111')).not.toContain('phone:+4111111111111111');
    // The e-mail inside a password value is reported as the password.
    expect(found('password: bob@x.example!')).toEqual(['password:bob@x.example!']);
  });

  // Not a speed target (npm run bench measures pii_scan_10kb_ms): a guard against
  // catastrophic regex backtracking, with a bound 100× above the real cost.
  it('stays linear on pathological input', () => {
    const inputs = ['a'.repeat(20_000), '1'.repeat(20_000), '1 '.repeat(10_000), 'A1'.repeat(10_000), 'x@'.repeat(10_000)];
    for (const s of inputs) {
      const t0 = performance.now();
      scanPii(s);
      expect(performance.now() - t0).toBeLessThan(200);
    }
  });
});

describe('applyPiiDecisions', () => {
  const text = 'Mail jane@corp.example or call +33 6 12 34 56 78, again jane@corp.example.';
  const findings = scanPii(text);

  it('removes only the findings marked "remove", every occurrence of the value', () => {
    const email = findings.find((f) => f.kind === 'email') as PiiFinding;
    const phone = findings.find((f) => f.kind === 'phone') as PiiFinding;
    const out = applyPiiDecisions(text, findings, {
      [piiFindingKey(email)]: { action: 'remove' },
      [piiFindingKey(phone)]: { action: 'keep', reason: 'customer asked to be called' },
    });
    expect(out).toBe(`Mail ${PII_PLACEHOLDER} or call +33 6 12 34 56 78, again ${PII_PLACEHOLDER}.`);
  });

  it('keeps the label of a written password and removes the value', () => {
    const t = 'mot de passe : Soleil!2024 merci';
    const f = scanPii(t);
    expect(applyPiiDecisions(t, f, new Map([[piiFindingKey(f[0]!), { action: 'remove' as const }]]))).toBe(
      'mot de passe : [removed] merci',
    );
  });

  it('supports a custom placeholder and leaves undecided findings alone', () => {
    const out = applyPiiDecisions(
      text,
      findings,
      { [`phone:+33 6 12 34 56 78`]: { action: 'remove' } },
      { placeholder: (f) => `[${f.kind}]` },
    );
    expect(out).toBe('Mail jane@corp.example or call [phone], again jane@corp.example.');
    expect(undecidedFindings(findings, { 'phone:+33 6 12 34 56 78': { action: 'keep', reason: 'ok' } }).map((f) => f.kind)).toEqual([
      'email',
      'email',
    ]);
  });

  it('ignores findings that no longer match the text (stale after an edit)', () => {
    const stale = findings.map((f) => ({ ...f, start: f.start + 1, end: f.end + 1 }));
    expect(applyPiiDecisions(text, stale, { 'email:jane@corp.example': { action: 'remove' } })).toBe(text);
  });
});
