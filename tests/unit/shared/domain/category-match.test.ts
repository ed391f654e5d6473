import { describe, expect, it } from 'vitest';
import { searchCategories } from '../../../../shared/domain';

// The sandbox's category names are Google's (English), as agents see them in the portal.
const names = [
  'Google Workspace > Gmail > Mail delivery',
  'Google Workspace > Gmail > Spam and phishing',
  'Google Workspace > Gmail > Mail routing and MX records',
  'Google Workspace > Gmail > Outlook and desktop clients',
  'Google Workspace > Account access > Sign-in problems',
  'Google Workspace > Account access > 2-Step Verification',
  'Google Workspace > Account access > SSO and SAML',
  'Google Workspace > Drive > Sharing and permissions',
  'Google Workspace > Calendar > Invitations and resources',
  'Google Workspace > Groups > Delivery and moderation',
  'Google Workspace > Devices > Chrome OS and printing',
];
const categories = names.map((displayName, i) => ({ id: `c${i}`, displayName }));
const found = (query: string): string[] => searchCategories(categories, query).map((c) => c.displayName.split(' > ').slice(1).join(' > '));
const gmail = [
  'Gmail > Mail delivery',
  'Gmail > Mail routing and MX records',
  'Gmail > Outlook and desktop clients',
  'Gmail > Spam and phishing',
];

describe('searchCategories', () => {
  it('finds the Gmail categories for e-mail in every language and script', () => {
    for (const query of ['email', 'E-mail', 'courriel', 'surel', '郵件', '邮件', 'Gmail'])
      expect(found(query).sort(), query).toEqual(gmail);
  });

  it('knows 2-Step Verification, sign-in and printing by their everyday names', () => {
    for (const query of ['2fa', '2SV', 'two-factor', 'double authentification', '兩步驟驗證', 'verifikasi 2 langkah'])
      expect(found(query), query).toEqual(['Account access > 2-Step Verification']);
    for (const query of ['login', 'connexion', '登入', 'masuk']) expect(found(query), query).toEqual(['Account access > Sign-in problems']);
    expect(found('imprimante')).toEqual(['Devices > Chrome OS and printing']);
  });

  it('needs every word: a literal word narrows, synonyms widen only their own concept', () => {
    expect(found('mail delivery')).toEqual(['Gmail > Mail delivery']);
    expect(found('courriel livraison')).toEqual(['Gmail > Mail delivery']);
    expect(found('delivery')).toEqual(['Gmail > Mail delivery', 'Groups > Delivery and moderation']);
    expect(found('sharing zebra')).toEqual([]);
  });

  it('matches at word starts ("mail" is not inside "Gmail") and lists everything for an empty query', () => {
    expect(found('routing')).toEqual(['Gmail > Mail routing and MX records']);
    expect(searchCategories(categories, '')).toHaveLength(categories.length);
    expect(found('無關的文字')).toEqual([]);
  });
});
