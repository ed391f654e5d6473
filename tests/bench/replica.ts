// Benchmarks of the renderer's replica data layer (issue 6 §4, issue 5 "Benchmarks").
// Pure functions over renderer/data so the lead can call them from Node or from the
// browser benchmark page. The floor for keyword filtering is a plain `includes` scan over
// pre-normalised text of the same cases, measured in the same run, so a slow machine shows
// up as a slow floor rather than as a projection regression.

import { normalizeText } from '../../shared/domain/search-tokens';
import type { ReplicaCase, ReplicaComment, ReplicaCustomer } from '../../shared/ipc/replica';
import type { CaseState, Priority } from '../../shared/domain/case-model';
import { createProjection, type Projection, type ProjectionQuery } from '../../renderer/data/projection';
import { toCaseRecord, type CaseRecord } from '../../renderer/data/records';
import { seededRandom } from '../unit/support/seeded-random';

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)] as T;
}

const PRODUCTS = [
  'Gmail',
  'Google Drive',
  'Google Meet',
  'Calendar',
  'Admin console',
  'Chrome Enterprise',
  'Google Vault',
  'Shared drives',
  'Google Chat',
  'Cloud Identity',
];

const TITLES: readonly ((p: string, n: number) => string)[] = [
  (p) => `${p}: users cannot sign in after SSO change`,
  (p) => `${p} delivery delayed for external recipients`,
  (p) => `Printer offline when sharing from ${p}`,
  (p, n) => `Error 500 in ${p} for ${n} users`,
  (p) => `${p} quota exceeded on shared drive`,
  (p) => `${p} 打印机无法连接`,
  (p) => `${p} 用户无法登录，提示密码错误`,
  (p) => `${p} 郵件延遲送達外部收件者`,
  (p) => `${p} 印表機無法連線`,
  (p) => `Pengguna tidak dapat mengirim email dari ${p}`,
  (p) => `${p} tidak dapat diakses sejak pagi`,
  (p) => `${p} : les utilisateurs ne reçoivent plus les e-mails`,
  (p) => `Problème de synchronisation du réseau avec ${p}`,
  (p) => `Échec de connexion à ${p} après la mise à jour`,
];

const PARAGRAPHS = [
  'Since {time} UTC users in the {ou} OU get error {code} at login. Chrome version {ver} on Windows 11; cleared cache, tried incognito, checked 2SV.',
  'Steps to reproduce: sign in at https://mail.google.com/a/{domain}, open Settings > Accounts, click "Add another address". Affected users: {n} of {m}.',
  'Received: from mail-sor-f41.google.com ([209.85.220.41]) by mx.google.com with SMTPS id {hex} for <it@{domain}>; the message bounced with 550 5.7.1.',
  '用户反映打印机无法连接到云端打印，错误代码 {hex}。已尝试重新安装驱动程序 {ver} 版本，问题依旧。影响人数约 {n} 人。',
  '使用者回報印表機無法連線，錯誤代碼 {code}。已嘗試重新啟動路由器與清除快取，問題仍然存在，時間為上午 {time}。',
  'Pengguna tidak dapat mengirim email ke domain eksternal sejak pukul {time} WIB. Kami sudah memeriksa data MX dan filter spam di {domain}.',
  "Les utilisateurs ne reçoivent plus les e-mails externes depuis {time}. Nous avons vérifié les enregistrements MX et les règles de filtrage du réseau ; aucun changement récent n'a été effectué sur {domain}.",
  'Log excerpt: WARN sync[{n}] retry 3/5 after 1250 ms (HTTP {code}) host=10.{n}.30.40 build={ver} user={user}@{domain}',
];

const COMMENTS = [
  'Thanks, we collected the HAR file and attached it. The issue persists for {n} users.',
  'Google Support: please provide the message headers of an affected e-mail.',
  '已上传日志文件，请查看。打印机型号 {hex}。',
  '已附上螢幕截圖，問題依然存在。',
  'Kami sudah mencoba langkah yang disarankan, namun masalah tetap terjadi.',
  "Merci, le problème est résolu depuis la mise à jour d'hier.",
];

const FIRST = ['Jane', 'Budi', 'Marie', 'Wei', 'Siti', 'Louis', 'Mei', 'Agus', 'Chloé', 'Hao', 'Dewi', 'Pierre'];
const ORG_WORDS = [
  'Nusantara',
  'Lumière',
  'Harbor',
  'Pacific',
  '台北',
  '上海',
  'Garuda',
  'Boulangerie',
  'Summit',
  'Horizon',
  'Sinar',
  'Étoile',
  'Dragon',
  'Maple',
];
const ORG_KIND = ['Trading', 'Logistics', 'SARL', 'PT', '有限公司', '股份有限公司', 'Group', 'Consulting', 'Studio', 'Clinic'];
const STATES: readonly CaseState[] = [
  'NEW',
  'IN_PROGRESS_GOOGLE_SUPPORT',
  'ACTION_REQUIRED',
  'SOLUTION_PROVIDED',
  'CLOSED',
  'CLOSED',
  'CLOSED',
  'CLOSED',
];
const PRIORITY_WEIGHTS: readonly Priority[] = ['P1', 'P2', 'P2', 'P3', 'P3', 'P3', 'P4', 'P4'];

function fill(template: string, rnd: () => number, domain: string): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    switch (key) {
      case 'time':
        return `${String(Math.floor(rnd() * 24)).padStart(2, '0')}:${String(Math.floor(rnd() * 60)).padStart(2, '0')}`;
      case 'code':
        return pick(rnd, ['500', '403', '429', '503', '0x80070005', 'E_ACCESSDENIED']);
      case 'hex':
        return Math.floor(rnd() * 0xffffffff).toString(16);
      case 'ver':
        return `${100 + Math.floor(rnd() * 30)}.0.${Math.floor(rnd() * 9999)}.${Math.floor(rnd() * 200)}`;
      case 'n':
        return String(1 + Math.floor(rnd() * 500));
      case 'm':
        return String(500 + Math.floor(rnd() * 5000));
      case 'ou':
        return pick(rnd, ['EU', 'APAC', 'Sales', 'Finance', 'Jakarta', 'Paris']);
      case 'user':
        return `${pick(rnd, FIRST).toLowerCase()}.${Math.floor(rnd() * 1000)}`;
      case 'domain':
        return domain;
      default:
        return key;
    }
  });
}

export function buildSyntheticCustomers(count: number, seed = 1): ReplicaCustomer[] {
  const rnd = seededRandom(seed ^ 0x5eed);
  const out: ReplicaCustomer[] = [];
  for (let i = 0; i < count; i++) {
    const name = `${pick(rnd, ORG_WORDS)} ${pick(rnd, ORG_WORDS)} ${pick(rnd, ORG_KIND)}`;
    out.push({
      customerId: `C${String(i).padStart(5, '0')}`,
      domain: `customer${i}.example`,
      displayName: name,
      access: rnd() < 0.95 ? 'authorized' : 'not_authorized',
      ...(rnd() < 0.05 ? { suspended: true } : {}),
      skuNames: ['Google Workspace Business Standard'],
    });
  }
  return out;
}

/** `n` believable cases in English, Chinese (both scripts), Indonesian and French. */
export function buildSyntheticCases(n: number, seed = 1, customerCount = Math.max(1, Math.ceil(n / 200))): ReplicaCase[] {
  const rnd = seededRandom(seed);
  const start = Date.UTC(2023, 0, 1);
  const span = Date.UTC(2026, 10, 20) - start;
  const out: ReplicaCase[] = [];
  for (let i = 0; i < n; i++) {
    const customer = Math.floor(rnd() * customerCount);
    const domain = `customer${customer}.example`;
    const number = String(40_000_000 + i * 7 + Math.floor(rnd() * 7));
    const paragraphs: string[] = [];
    const count = 1 + Math.floor(rnd() * 3);
    for (let p = 0; p < count; p++) paragraphs.push(fill(pick(rnd, PARAGRAPHS), rnd, domain));
    const created = start + Math.floor(rnd() * span);
    const updated = created + Math.floor(rnd() * 30 * 86_400_000);
    const state = pick(rnd, STATES);
    out.push({
      name: `organizations/${100 + customer}/cases/${number}`,
      caseNumber: number,
      customerId: `C${String(customer).padStart(5, '0')}`,
      displayName: pick(rnd, TITLES)(pick(rnd, PRODUCTS), 1 + Math.floor(rnd() * 400)),
      description: paragraphs.join('\n\n'),
      priority: pick(rnd, PRIORITY_WEIGHTS),
      state,
      subscriberEmails: [],
      escalated: state !== 'CLOSED' && rnd() < 0.05,
      createTime: new Date(created).toISOString(),
      updateTime: new Date(updated).toISOString(),
    });
  }
  return out;
}

/** A couple of comments for some cases (as a pull with eager threads would deliver). */
export function buildSyntheticComments(cases: readonly ReplicaCase[], seed = 1, perCase = 2): ReplicaComment[] {
  const rnd = seededRandom(seed ^ 0xc0ffee);
  const out: ReplicaComment[] = [];
  for (const c of cases) {
    const k = Math.floor(rnd() * (perCase + 1));
    for (let j = 0; j < k; j++) {
      out.push({
        name: `${c.name}/comments/${j}`,
        caseName: c.name,
        body: fill(pick(rnd, COMMENTS), rnd, 'customer.example'),
        createTime: c.updateTime,
        googleSupport: j % 2 === 1,
      });
    }
  }
  return out;
}

export interface SyntheticAccount {
  cases: CaseRecord[];
  customers: ReplicaCustomer[];
  comments: ReplicaComment[];
}

export function buildSyntheticAccount(n: number, seed = 1): SyntheticAccount {
  const cases = buildSyntheticCases(n, seed).map(toCaseRecord);
  const customers = buildSyntheticCustomers(Math.max(1, Math.ceil(n / 200)), seed);
  const comments = buildSyntheticComments(cases, seed);
  return { cases, customers, comments };
}

/**
 * Projection of a synthetic account, hydrated the way hydrateProjection does it (steps of
 * 16 cases, a slice ending once it used its budget), minus IndexedDB. `maxChunkMs` is the
 * longest main-thread slice.
 */
export function buildProjection(
  account: SyntheticAccount,
  budgetMs = 8,
): { projection: Projection; buildMs: number; maxChunkMs: number; chunks: number } {
  const projection = createProjection(account.cases.length);
  const t0 = performance.now();
  let maxChunkMs = 0;
  let chunks = 0;
  projection.setCustomers(account.customers);
  for (let i = 0; i < account.cases.length;) {
    const c0 = performance.now();
    do {
      projection.upsertCases(account.cases.slice(i, i + 16));
      i += 16;
    } while (i < account.cases.length && performance.now() - c0 < budgetMs);
    maxChunkMs = Math.max(maxChunkMs, performance.now() - c0);
    chunks += 1;
  }
  projection.warm();
  for (const c of account.comments) projection.addCommentText(c.caseName, c.body);
  return { projection, buildMs: performance.now() - t0, maxChunkMs, chunks };
}

/** Every prefix of each phrase, as an agent types it: "p", "pr", "pri", … */
export function keystrokeQueries(phrases: readonly string[]): string[] {
  const out: string[] = [];
  for (const phrase of phrases) for (let i = 1; i <= phrase.length; i++) out.push(phrase.slice(0, i));
  return out;
}

export const DEFAULT_PHRASES = [
  'printer offline',
  'delivery delayed',
  'reseau',
  '打印机',
  '无法连接',
  'tidak dapat mengirim',
  'error 500',
  '4000',
  'nusantara',
];

export interface TimingStats {
  runs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** Sum of result sizes, so the work cannot be optimised away and results can be compared. */
  matches: number;
}

function stats(samples: number[], matches: number): TimingStats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number): number => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? 0;
  return { runs: s.length, medianMs: at(50), p95Ms: at(95), maxMs: s[s.length - 1] ?? 0, matches };
}

/** Keystroke → ordered result ids through the projection (keyword + default sort, optional filters). */
export function measureFilter(
  projection: Projection,
  keywords: readonly string[],
  base: Omit<ProjectionQuery, 'keyword'> = {},
  rounds = 3,
): TimingStats {
  const samples: number[] = [];
  let matches = 0;
  projection.query({ ...base, keyword: keywords[0] ?? '' });
  for (let r = 0; r < rounds; r++) {
    for (const keyword of keywords) {
      const t0 = performance.now();
      const result = projection.query({ ...base, keyword });
      samples.push(performance.now() - t0);
      if (r === 0) matches += result.total;
    }
  }
  return stats(samples, matches);
}

/** Pre-normalised searchable text per case (what a scan-based filter would keep in memory). */
export function buildFloorHaystack(account: SyntheticAccount): string[] {
  const customerNames = new Map(account.customers.map((c) => [c.customerId, c.displayName]));
  const commentText = new Map<string, string>();
  for (const c of account.comments) commentText.set(c.caseName, `${commentText.get(c.caseName) ?? ''}\n${c.body}`);
  return account.cases.map((c) =>
    normalizeText(
      `${c.displayName}\n${c.description}\n${c.caseNumber}\n${customerNames.get(c.customerId) ?? ''}${commentText.get(c.name) ?? ''}`,
    ),
  );
}

/** The floor: a plain `includes` scan of every case's pre-normalised text per keystroke. */
export function measureFloorScan(haystack: readonly string[], keywords: readonly string[], rounds = 3): TimingStats {
  const samples: number[] = [];
  let matches = 0;
  const needles = keywords.map((k) => normalizeText(k).trim());
  for (let r = 0; r < rounds; r++) {
    for (const needle of needles) {
      const t0 = performance.now();
      const hits: number[] = [];
      for (let i = 0; i < haystack.length; i++) if ((haystack[i] as string).includes(needle)) hits.push(i);
      samples.push(performance.now() - t0);
      if (r === 0) matches += hits.length;
    }
  }
  return stats(samples, matches);
}

export interface ReplicaBenchReport {
  cases: number;
  buildMs: number;
  maxChunkMs: number;
  chunks: number;
  /** Slowest single keystroke and its query, to see which shapes cost most. */
  slowest: { keyword: string; ms: number }[];
  projection: ReturnType<Projection['stats']>;
  filter: TimingStats;
  filterWithStructured: TimingStats;
  floorScan: TimingStats;
  structuredOnly: TimingStats;
  sortByTitleFirstMs: number;
  sortByTitleAgainMs: number;
}

/** The whole filter benchmark at `n` cases; returns numbers, prints nothing. */
export function runReplicaFilterBench(n = 100_000, seed = 1, phrases: readonly string[] = DEFAULT_PHRASES): ReplicaBenchReport {
  const account = buildSyntheticAccount(n, seed);
  const { projection, buildMs, maxChunkMs, chunks } = buildProjection(account);
  const keywords = keystrokeQueries(phrases);
  const perKeyword = keywords.map((keyword) => {
    const t0 = performance.now();
    projection.query({ keyword });
    return { keyword, ms: performance.now() - t0 };
  });
  const slowest = perKeyword.sort((a, b) => b.ms - a.ms).slice(0, 5);
  const filter = measureFilter(projection, keywords);
  const filterWithStructured = measureFilter(projection, keywords, { openOnly: true, priorities: ['P1', 'P2'] });
  const floorScan = measureFloorScan(buildFloorHaystack(account), keywords);
  const structuredQueries: ProjectionQuery[] = [
    { openOnly: true },
    { states: ['ACTION_REQUIRED'] },
    { priorities: ['P1'], escalated: true },
    { customerIds: ['C00001', 'C00002'] },
    { closedOnly: true, sort: { key: 'priority', dir: 'asc' } },
  ];
  const structuredSamples: number[] = [];
  let structuredMatches = 0;
  for (let r = 0; r < 5; r++) {
    for (const q of structuredQueries) {
      const t0 = performance.now();
      const res = projection.query(q);
      structuredSamples.push(performance.now() - t0);
      if (r === 0) structuredMatches += res.total;
    }
  }
  const s0 = performance.now();
  projection.query({ sort: { key: 'title', dir: 'asc' } });
  const s1 = performance.now();
  projection.query({ sort: { key: 'title', dir: 'asc' }, keyword: 'gmail' });
  const s2 = performance.now();
  return {
    cases: n,
    buildMs,
    maxChunkMs,
    chunks,
    slowest,
    projection: projection.stats(),
    filter,
    filterWithStructured,
    floorScan,
    structuredOnly: stats(structuredSamples, structuredMatches),
    sortByTitleFirstMs: s1 - s0,
    sortByTitleAgainMs: s2 - s1,
  };
}
