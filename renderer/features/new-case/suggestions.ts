import {
  categoryProduct,
  incidentProducts,
  isCurrentIncident,
  isStopword,
  normalizeText,
  tokenize,
  type Priority,
  type SelectablePriority,
} from '../../../shared/domain';
import type { Incident } from '../../../shared/api';

// The guided start's pure side: what a problem description suggests (a title, a category,
// a priority, the customer's similar recent cases, current incidents of the same product).

/**
 * Ranks categories for a description. The keyword matcher below is the stand-in until the
 * shared category matcher with synonyms lands (issue 17 §3); both fit this interface.
 */
export interface CategoryMatcher {
  rank<T extends { id: string; displayName: string }>(categories: readonly T[], text: string, limit: number): T[];
}

/** Words agents and customers use for a product or topic → words of the category names (five UI languages). */
const SYNONYMS: ReadonlyArray<readonly [readonly string[], readonly string[]]> = [
  [
    ['email', 'mail', 'e-mail', 'courriel', 'courriels', 'surel', 'emails', 'mails', '郵件', '邮件', '信件', 'messagerie'],
    ['gmail', 'mail'],
  ],
  [
    ['2fa', '2sv', 'mfa', 'otp', '驗證', '验证', 'verifikasi', 'validation'],
    ['2', 'step', 'verification'],
  ],
  [
    ['login', 'signin', 'sign', 'logon', 'password', 'connexion', 'connecter', 'masuk', '登入', '登录', '密碼', '密码', 'sandi'],
    ['sign', 'in'],
  ],
  [
    ['sso', 'saml', 'idp'],
    ['sso', 'saml'],
  ],
  [
    ['calendar', 'agenda', 'kalender', '日曆', '日历', 'invitation', 'invite'],
    ['calendar', 'invitations'],
  ],
  [['drive', 'file', 'files', 'fichier', 'fichiers', '檔案', '文件', '雲端', '云端'], ['drive']],
  [
    ['share', 'sharing', 'partage', 'partager', '分享', '共享', 'berbagi'],
    ['sharing', 'permissions'],
  ],
  [
    ['outlook', 'imap', 'thunderbird'],
    ['outlook', 'desktop', 'clients'],
  ],
  [
    ['spam', 'phishing', '垃圾', 'hameçonnage'],
    ['spam', 'phishing'],
  ],
  [
    ['mx', 'dns', 'routing'],
    ['mx', 'routing', 'records'],
  ],
  [
    ['dkim', 'spf', 'dmarc'],
    ['dkim', 'spf', 'dmarc'],
  ],
  [
    ['meet', 'video', 'visio', 'visioconférence', '視訊', '视频', 'audio'],
    ['meet', 'audio', 'video'],
  ],
  [
    ['delay', 'delayed', 'delays', 'retard', 'retards', 'retarde', 'retardes', 'terlambat', '延遲', '延迟', 'bounce', 'bounced'],
    ['delivery'],
  ],
  [['print', 'printer', 'imprimante', '印表機', '打印机'], ['printing']],
];

/** Tokens of a text, with the category words its synonyms stand for. */
function expandedTokens(text: string): Set<string> {
  const tokens = new Set(tokenize(text));
  for (const [words, targets] of SYNONYMS) if (words.some((word) => tokens.has(normalizeText(word)))) targets.forEach((t) => tokens.add(t));
  return tokens;
}

const CATEGORY_NOISE = new Set(['google', 'workspace', 'and', 'other']);

export const keywordCategoryMatcher: CategoryMatcher = {
  rank(categories, text, limit) {
    const query = expandedTokens(text);
    if (query.size === 0) return [];
    return categories
      .map((category) => {
        const segments = category.displayName.split('>');
        const leaf = new Set(tokenize(segments[segments.length - 1] ?? ''));
        const all = tokenize(category.displayName).filter((token) => !CATEGORY_NOISE.has(token));
        const score = all.reduce((sum, token) => sum + (query.has(token) ? (leaf.has(token) ? 2 : 1) : 0), 0);
        return { category, score };
      })
      .filter((hit) => hit.score >= 2)
      .sort((a, b) => b.score - a.score || a.category.displayName.localeCompare(b.category.displayName))
      .slice(0, limit)
      .map((hit) => hit.category);
  },
};

/** A title from the description: its first sentence or line, at most 100 characters on a word boundary. */
export function titleFromDescription(text: string): string {
  const first = (text.trim().split(/\r?\n/)[0] ?? '').split(/(?<=[.!?。！？])\s*/u)[0]?.trim() ?? '';
  if (first.length <= 100) return first.replace(/[.。]$/u, '');
  const cut = first.slice(0, 100);
  const space = cut.lastIndexOf(' ');
  return `${(space > 60 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Cues of Google's P1–P4 definitions (who is affected, whether a workaround exists), in the five UI languages. */
const PRIORITY_CUES: ReadonlyArray<readonly [SelectablePriority, readonly string[]]> = [
  [
    'P1',
    [
      'all users',
      'everyone',
      'whole company',
      'entire company',
      'outage',
      'nobody can',
      'no one can',
      'service is down',
      'most users',
      '所有使用者',
      '所有用戶',
      '所有用户',
      '全公司',
      '大多數',
      '大多数',
      'semua pengguna',
      'seluruh',
      'tous les utilisateurs',
      'personne ne peut',
      'panne',
    ],
  ],
  [
    'P2',
    [
      'one user',
      'a user',
      'single user',
      'error 500',
      'cannot access',
      'can not access',
      'cannot open',
      '一位使用者',
      '一個使用者',
      '一个用户',
      '某位使用者',
      'satu pengguna',
      'seorang pengguna',
      'un utilisateur',
      'une utilisatrice',
      'erreur 500',
    ],
  ],
  ['P3', ['workaround', 'work around', 'but it works', '替代方案', 'solusi alternatif', 'solution de secours', 'contournement']],
  [
    'P4',
    ['slow', 'awkward', 'cosmetic', 'how to', 'how do', 'question', '不順', '不顺', '如何', 'lambat', 'bagaimana', 'comment faire', 'lent'],
  ],
];

export interface PriorityHint {
  readonly priority: SelectablePriority;
  /** The words of the description that suggested it. */
  readonly cue: string;
}

export function suggestPriority(text: string): PriorityHint | undefined {
  const folded = normalizeText(text);
  for (const [priority, cues] of PRIORITY_CUES) {
    const cue = cues.find((candidate) => folded.includes(normalizeText(candidate)));
    if (cue) return { priority, cue };
  }
  return undefined;
}

export interface SimilarCaseInput {
  readonly name: string;
  readonly caseNumber: string;
  readonly displayName: string;
  readonly description: string;
  readonly state: string;
  readonly priority: Priority;
  readonly updateTimeMs: number;
}

const SIMILAR_MAX_AGE_MS = 90 * 24 * 3_600_000;

/** Meaningful tokens: no stop words nor short Latin words; every CJK bigram. */
function contentTokens(text: string): Set<string> {
  return new Set(tokenize(text).filter((token) => !isStopword(token)));
}

/** The customer's recent cases that share enough words with the description, best first. */
export function similarCases<T extends SimilarCaseInput>(cases: readonly T[], text: string, nowMs: number, limit = 3): T[] {
  const query = contentTokens(text);
  if (query.size < 2) return [];
  return cases
    .filter((c) => nowMs - c.updateTimeMs <= SIMILAR_MAX_AGE_MS)
    .map((c) => {
      const title = contentTokens(c.displayName);
      const body = contentTokens(c.description);
      let score = 0;
      for (const token of query) score += title.has(token) ? 2 : body.has(token) ? 1 : 0;
      return { c, score };
    })
    .filter((hit) => hit.score >= 4)
    .sort((a, b) => b.score - a.score || b.c.updateTimeMs - a.c.updateTimeMs)
    .slice(0, limit)
    .map((hit) => hit.c);
}

/** Current incidents of a product the description names or the suggested category belongs to. */
export function matchingIncidents(incidents: readonly Incident[], text: string, categoryName: string | undefined): Incident[] {
  const tokens = expandedTokens(text);
  const product = categoryProduct(categoryName);
  return incidents.filter(
    (incident) =>
      isCurrentIncident(incident) &&
      incidentProducts(incident).some((name) => name === product || name.split(' ').every((word) => tokens.has(word))),
  );
}
