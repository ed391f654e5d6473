// Category search with synonyms in the five UI languages (issue 17 §3). Google's category
// names are English ("Google Workspace > Gmail > Mail delivery"); agents type what they
// say: "email", "courriel", "郵件", "2fa", "login". Each query word (or known phrase) is a
// concept; a category matches when every concept finds one of its words in the name.
// Used by the case list's category filter and the new-case form alike.

import { isCjkChar, normalizeText } from './search-tokens';

/**
 * Words that mean the same thing to an agent, in en, fr, id and Chinese (Simplified: the
 * Traditional forms fold to these). The first entries are the words the category names use.
 */
export const CATEGORY_SYNONYMS: readonly (readonly string[])[] = [
  ['gmail', 'mail', 'email', 'e-mail', 'courriel', 'messagerie', 'mel', 'surel', 'surat elektronik', '邮件', '电子邮件', '邮箱', '信件'],
  [
    '2-step verification',
    '2sv',
    '2fa',
    'mfa',
    'two factor',
    'two-factor',
    'two-step',
    '2 step',
    'double authentification',
    'authentification a deux facteurs',
    'validation en deux etapes',
    'verifikasi 2 langkah',
    'verifikasi dua langkah',
    '两步验证',
    '两步骤验证',
    '双重验证',
    '二次验证',
    '两阶段验证',
  ],
  ['sign-in', 'sign in', 'signin', 'login', 'log in', 'logon', 'connexion', 'se connecter', 'masuk', '登录', '登入'],
  ['password', 'mot de passe', 'kata sandi', '密码'],
  ['sso', 'saml', 'single sign-on', 'authentification unique', '单一登录', '单点登录'],
  ['spam', 'phishing', 'hameconnage', 'pourriel', 'indesirable', '垃圾邮件', '网络钓鱼', '钓鱼'],
  ['drive', 'disque', '云端硬盘', '云端硬碟', '云盘'],
  ['calendar', 'agenda', 'calendrier', 'kalender', '日历', '行事历'],
  ['meet', 'video', 'visio', 'visioconference', 'rapat', 'konferensi video', '视频会议', '视讯会议', '会议'],
  ['chat', 'discussion', 'obrolan', '聊天', '即时通讯'],
  ['users', 'user', 'utilisateur', 'pengguna', '用户', '使用者', '帐号', '账号', '帐户', '账户'],
  ['groups', 'groupe', 'grup', '群组', '网上论坛'],
  ['domains', 'dns', 'domaine', 'domain', '网域', '域名'],
  ['mx', 'routing', 'routage', 'enregistrement mx', 'perutean', '路由'],
  ['licences', 'licenses', 'license', 'licence', 'billing', 'facturation', 'lisensi', 'tagihan', '许可', '授权', '账单', '帐单', '计费'],
  ['sharing', 'permissions', 'partage', 'autorisations', 'berbagi', 'izin', '共享', '分享', '权限'],
  ['printing', 'printer', 'imprimante', 'impression', 'pencetakan', '打印', '打印机', '印表机', '列印'],
  ['mobile', 'phone', 'android', 'ios', 'iphone', 'smartphone', 'ponsel', 'seluler', '手机', '行动装置', '移动设备'],
  ['delivery', 'livraison', 'remise', 'distribution', 'pengiriman', '送达', '投递', '延迟', '寄送'],
  ['vault', 'retention', 'conservation', 'ediscovery', 'retensi', '保留'],
  ['migration', 'migrer', 'migrasi', '迁移', '移转', '搬迁'],
  ['docs', 'sheets', 'slides', 'editing', 'document', 'feuille', 'dokumen', '文档', '文件', '试算表', '简报'],
  ['outlook', 'desktop clients', 'client de messagerie', 'klien desktop', 'gwsmo'],
  ['security', 'securite', 'keamanan', '安全'],
  ['alert', 'alerte', 'peringatan', '警报', '警示'],
  ['organizational units', 'unite organisationnelle', 'unit organisasi', '组织部门', '机构部门'],
  ['data loss prevention', 'dlp', 'prevention des pertes de donnees', '数据丢失防护'],
  ['recording', 'enregistrement', 'rekaman', '录制', '录影'],
  ['sync', 'synchronisation', 'sinkronisasi', '同步'],
];

/** Lower-case, accent-free, Simplified, punctuation as spaces: "Sign-in problems" → "sign in problems". */
function canonical(text: string): string {
  return normalizeText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

interface Concept {
  /** Canonical alternatives; any one found in a name satisfies the concept. */
  readonly alternatives: readonly string[];
  /** What the agent literally typed (ranks literal matches first). */
  readonly literal: string;
}

const groups = CATEGORY_SYNONYMS.map((group) => group.map(canonical));
/** Every synonym phrase, longest first, for greedy phrase matching in a query. */
const phrases = groups
  .flatMap((group, index) => group.map((phrase) => ({ phrase, index })))
  .sort((a, b) => b.phrase.length - a.phrase.length);

function isCjkText(text: string): boolean {
  return [...text].some(isCjkChar);
}

/** Splits a query into concepts: known phrases (any language) first, then the remaining words. */
export function categoryConcepts(query: string): Concept[] {
  let rest = ` ${canonical(query)} `;
  const concepts: Concept[] = [];
  for (const { phrase, index } of phrases) {
    // Latin phrases match on word boundaries; CJK ones anywhere (no spaces in Chinese).
    const needle = isCjkText(phrase) ? phrase : ` ${phrase} `;
    if (!rest.includes(needle)) continue;
    rest = rest.replace(needle, ' ');
    concepts.push({ alternatives: groups[index] as string[], literal: phrase });
  }
  for (const word of rest.split(' ')) {
    // Leftover Chinese cannot match English names; leftover Latin words must.
    if (word === '' || isCjkText(word)) continue;
    concepts.push({ alternatives: [word], literal: word });
  }
  return concepts;
}

/** A name satisfies an alternative when it holds it at a word start (so "mail" ≠ "gmail"). */
function nameHas(name: string, alternative: string): boolean {
  if (isCjkText(alternative)) return name.includes(alternative);
  return ` ${name}`.includes(` ${alternative}`);
}

/** How well a category name matches: undefined when some concept is missing, else literal hits (higher first). */
function score(name: string, concepts: readonly Concept[]): number | undefined {
  let literal = 0;
  for (const concept of concepts) {
    if (!concept.alternatives.some((alternative) => nameHas(name, alternative))) return undefined;
    if (nameHas(name, concept.literal)) literal += 1;
  }
  return literal;
}

export interface CategoryLike {
  readonly id: string;
  readonly displayName: string;
}

/** Categories matching a query (synonyms in five languages), best first; all of them (first `limit`) for an empty query. */
export function searchCategories<T extends CategoryLike>(categories: readonly T[], query: string, limit = 30): T[] {
  const concepts = categoryConcepts(query);
  if (concepts.length === 0) return query.trim() === '' ? categories.slice(0, limit) : [];
  const hits: Array<{ category: T; score: number }> = [];
  for (const category of categories) {
    const value = score(canonical(category.displayName), concepts);
    if (value !== undefined) hits.push({ category, score: value });
  }
  hits.sort((a, b) => b.score - a.score || a.category.displayName.localeCompare(b.category.displayName));
  return hits.slice(0, limit).map((hit) => hit.category);
}
