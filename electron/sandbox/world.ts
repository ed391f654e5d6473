import type { CasePriority, CaseState } from '../../shared/api';
import type { Binding, GroupRec } from './iam';
import { createRng, hashString, weightedIndex, type Rng } from './rng';
import { generateAccounts } from './world-customers';
import {
  AGENT_REPLIES,
  CASE_TEMPLATES,
  CATEGORIES,
  CUSTOMER_REPLIES,
  GOOGLE_ASK,
  GOOGLE_PICKUP,
  GOOGLE_SOLVE,
  TIME_ZONES,
  type CaseTemplate,
} from './world-content';

/** The demo world's secret: whose Google support offering includes escalations (never on Google's wire). */
export type SupportTier = 'STANDARD' | 'PREMIUM';

// The deterministic demo world. Everything derives from the seed; threads of
// generated cases are produced on demand from a per-case seed so a 100k-case
// world stays cheap, and are materialised (stored) before a case first changes.

export interface ActorRec {
  displayName: string;
  email?: string;
  googleSupport?: boolean;
}

export interface CommentRec {
  id: string;
  body: string;
  createTime: number;
  creator: ActorRec;
}

export type GeneratedKind = 'log' | 'headers' | 'png' | 'pdf';

export interface AttachmentRec {
  id: string;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  createTime: number;
  creator: ActorRec;
  /** Uploaded bytes live in the blob store; generated ones are rebuilt from the kind. */
  generated?: GeneratedKind;
}

export interface Thread {
  comments: CommentRec[];
  attachments: AttachmentRec[];
}

export interface CaseRec {
  id: string;
  name: string;
  /** `organizations/N` or `projects/N`: the case's direct parent. */
  parent: string;
  /** The customer organization the parent belongs to (itself, or the project's organization). */
  org: string;
  customerId: string;
  displayName: string;
  description: string;
  classificationId: string;
  timeZone: string;
  subscribers: string[];
  state: CaseState;
  priority: CasePriority;
  createTime: number;
  updateTime: number;
  closeTime?: number;
  creator: ActorRec;
  escalated: boolean;
  testCase: boolean;
  languageCode: string;
  contactEmail?: string;
  /** Position in the generated posting lists (stable). */
  ix: number;
  /** Position in the update-order list (changes whenever updateTime moves). */
  seq: number;
  thread?: Thread;
  /** Present once the case's text differs from the generated posting lists. */
  tokens?: Set<string>;
}

export interface DomainRec {
  domain: string;
  partnerId: string;
  partnerName: string;
  org: string;
  /** IAM policy of the reseller's own organization. */
  iam: Binding[];
}

export interface AgentRec {
  email: string;
  domain: string;
  partner: string;
  displayName: string;
  sub: string;
}

export interface SubscriptionRec {
  subscriptionId: string;
  skuId: string;
  skuName: string;
  planName: 'ANNUAL' | 'FLEXIBLE' | 'TRIAL';
  seats: number;
  licensed: number;
  status: 'ACTIVE' | 'SUSPENDED';
  suspensionReasons: string[];
  creationTime: number;
}

export interface ProjectRec {
  projectId: string;
  number: string;
}

export interface CustomerRec {
  customerId: string;
  customerDomain: string;
  displayName: string;
  resellerDomain: string;
  org: string;
  /** Projects under the customer's organization; they inherit its IAM policy. */
  projects: ProjectRec[];
  /** IAM policy of the customer's organization: who may read and work its cases. */
  iam: Binding[];
  /** Reseller access in the customer's Admin console (off: the Reseller API refuses the customer). */
  authorized: boolean;
  transferred: boolean;
  tier: SupportTier;
  adminEmail: string;
  createTime: number;
  subscriptions: SubscriptionRec[];
}

export interface ClassificationRec {
  id: string;
  displayName: string;
}

export interface World {
  seed: string;
  startMs: number;
  domains: DomainRec[];
  agents: AgentRec[];
  groups: GroupRec[];
  customers: CustomerRec[];
  classifications: ClassificationRec[];
  /** Sorted by (updateTime, name); ix = seq = position. */
  cases: CaseRec[];
}

const DAY = 86_400_000;
const BASE32 = '0123456789ABCDEFGHIJKLMNOPQRSTUV';
export const GOOGLE_SUPPORT_ACTOR: ActorRec = { displayName: 'Google Support', googleSupport: true };

export function classificationId(displayName: string): string {
  // Stable across seeds, like Google's long-lived classification ids.
  const rng = createRng(`classification:${displayName}`);
  let id = '100';
  while (id.length < 100) id += BASE32[rng.int(0, 31)];
  return id;
}

function fill(text: string, rng: Rng, customer: CustomerRec): string {
  return text.replace(/\{(customer|n|time|code)\}/g, (_m, key: string) => {
    if (key === 'customer') return customer.displayName;
    if (key === 'n') return String(rng.int(2, 400));
    if (key === 'time') return `${String(rng.int(0, 23)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`;
    return `${rng.pick(['ERR', 'E', '0x'])}${rng.int(100, 9999)}`;
  });
}

const LANGS_BY_DOMAIN: Readonly<Record<string, readonly CaseTemplate['lang'][]>> = {
  'reseller-a.example': ['en', 'en', 'en', 'fr', 'id'],
  'apac.reseller-a.example': ['zh-TW', 'zh-CN', 'id', 'en'],
  'reseller-b.example': ['en', 'en', 'zh-CN', 'zh-TW'],
  'reseller-c.example': ['fr', 'fr', 'en', 'id'],
};

export interface WorldOptions {
  seed: string;
  cases: number;
  startMs: number;
  /** Customers per reseller domain (default: the 12 named ones; more repeat the slots). */
  customersPerDomain?: number;
}

export function generateWorld(opts: WorldOptions): World {
  const rng = createRng(`${opts.seed}:world`);
  const { domains, agents, groups, customers } = generateAccounts(rng, opts.seed, opts.startMs, opts.customersPerDomain);
  const classifications = CATEGORIES.map((displayName) => ({ id: classificationId(displayName), displayName }));
  const templatesByLang = new Map<string, CaseTemplate[]>();
  for (const t of CASE_TEMPLATES) templatesByLang.set(t.lang, [...(templatesByLang.get(t.lang) ?? []), t]);

  const cases: CaseRec[] = new Array<CaseRec>(opts.cases);
  const states: CaseState[] = ['NEW', 'IN_PROGRESS_GOOGLE_SUPPORT', 'ACTION_REQUIRED', 'SOLUTION_PROVIDED', 'CLOSED'];
  const priorities: CasePriority[] = ['P0', 'P1', 'P2', 'P3', 'P4'];
  const agentsByDomain = new Map<string, AgentRec[]>();
  for (const a of agents) agentsByDomain.set(a.domain, [...(agentsByDomain.get(a.domain) ?? []), a]);
  for (let i = 0; i < opts.cases; i++) {
    const customer = rng.pick(customers);
    const lang: CaseTemplate['lang'] = rng.pick(LANGS_BY_DOMAIN[customer.resellerDomain] ?? ['en']);
    const template = rng.pick(templatesByLang.get(lang) ?? CASE_TEMPLATES);
    const state = states[weightedIndex(rng, [8, 30, 15, 12, 35])] as CaseState;
    const priority = priorities[weightedIndex(rng, [3, 12, 35, 35, 15])] as CasePriority;
    const age = rng.int(3_600_000, 180 * DAY);
    const createTime = opts.startMs - age;
    const updateTime = state === 'NEW' ? createTime + rng.int(0, 600_000) : createTime + Math.floor(rng.next() * (age - 60_000)) + 60_000;
    const domainAgents = agentsByDomain.get(customer.resellerDomain) ?? [];
    const agent = rng.pick(domainAgents);
    const creator: ActorRec = rng.chance(0.1)
      ? { displayName: `${customer.displayName} Admin`, email: customer.adminEmail }
      : { displayName: agent.displayName, email: agent.email };
    const subscribers: string[] = [];
    if (rng.chance(0.3)) subscribers.push(`it@${customer.customerDomain}`);
    if (rng.chance(0.1)) subscribers.push(`noc@${customer.resellerDomain}`);
    const id = String(41_000_000 + i);
    const parent = caseParentFor(opts.seed, customer, id);
    const rec: CaseRec = {
      id,
      name: `${parent}/cases/${id}`,
      parent,
      org: customer.org,
      customerId: customer.customerId,
      displayName: template.title,
      description: fill(template.description, rng, customer),
      classificationId: (classifications[template.category] ?? (classifications[0] as ClassificationRec)).id,
      timeZone: rng.pick(TIME_ZONES[lang]),
      subscribers,
      state,
      priority,
      createTime,
      updateTime: Math.min(updateTime, opts.startMs - 1),
      creator,
      escalated: customer.tier === 'PREMIUM' && state !== 'NEW' && rng.chance(0.15),
      testCase: rng.chance(0.01),
      languageCode: lang,
      ix: 0,
      seq: 0,
    };
    if (state === 'CLOSED') rec.closeTime = rec.updateTime;
    cases[i] = rec;
  }
  cases.sort(compareCaseOrder);
  cases.forEach((c, i) => {
    c.ix = i;
    c.seq = i;
  });
  return { seed: opts.seed, startMs: opts.startMs, domains, agents, groups, customers, classifications, cases };
}

/** About one case in four of a customer with a project is filed under the project (a hash, so the main stream stays put). */
function caseParentFor(seed: string, customer: CustomerRec, caseId: string): string {
  const project = customer.projects[0];
  if (project !== undefined && hashString(`${seed}:parent:${caseId}`) % 4 === 0) return `projects/${project.number}`;
  return `organizations/${customer.org}`;
}

/** Search order: updateTime ascending, then name, so `update_time>` watermark paging is stable. */
export function compareCaseOrder(a: { updateTime: number; name: string }, b: { updateTime: number; name: string }): number {
  if (a.updateTime !== b.updateTime) return a.updateTime - b.updateTime;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

const MIME: Record<GeneratedKind, [string, string]> = {
  log: ['sync-client.log', 'text/plain'],
  headers: ['message-headers.txt', 'text/plain'],
  png: ['screenshot.png', 'image/png'],
  pdf: ['error-report.pdf', 'application/pdf'],
};

/**
 * The thread of a generated case, derived from the case's original state and
 * times. Must be called before the case is first modified (see store.touch).
 * `sizeOf` computes attachment sizes (only needed when materialising).
 */
export function seededThread(
  world: World,
  rec: CaseRec,
  sizeOf?: (kind: GeneratedKind, rec: CaseRec, createTime: number) => number,
): Thread {
  const rng = createRng(`${world.seed}:thread:${rec.id}`);
  const customer = world.customers.find((c) => c.customerId === rec.customerId);
  const agentActor: ActorRec = rec.creator;
  const customerActor: ActorRec = {
    displayName: `${customer?.displayName ?? 'Customer'} Admin`,
    email: customer?.adminEmail ?? 'admin@customer.example',
  };
  const plan: [ActorRec, string][] = [];
  const s = rec.state;
  if (s === 'NEW') {
    if (rng.chance(0.3)) plan.push([agentActor, rng.pick(AGENT_REPLIES)]);
  } else {
    plan.push([GOOGLE_SUPPORT_ACTOR, GOOGLE_PICKUP]);
    if (rng.chance(0.4)) plan.push([customerActor, CUSTOMER_REPLIES[0] as string]);
    if (s !== 'IN_PROGRESS_GOOGLE_SUPPORT' || rng.chance(0.5)) plan.push([GOOGLE_SUPPORT_ACTOR, GOOGLE_ASK]);
    if (s === 'IN_PROGRESS_GOOGLE_SUPPORT' && plan.length > 1) plan.push([agentActor, rng.pick(AGENT_REPLIES)]);
    if (s === 'SOLUTION_PROVIDED' || s === 'CLOSED') {
      plan.push([agentActor, rng.pick(AGENT_REPLIES)]);
      plan.push([GOOGLE_SUPPORT_ACTOR, GOOGLE_SOLVE]);
    }
    if (s === 'CLOSED') plan.push([customerActor, rng.pick(CUSTOMER_REPLIES.slice(1))]);
  }
  const span = Math.max(1, rec.updateTime - rec.createTime);
  const comments = plan.map(([creator, body], k) => ({
    id: `${rec.id}${String(k + 1).padStart(4, '0')}`,
    body,
    createTime: rec.createTime + Math.floor((span * (k + 1)) / plan.length),
    creator,
  }));
  const attachments: AttachmentRec[] = [];
  if (rng.chance(0.25)) {
    const kinds: GeneratedKind[] = ['log', 'headers', 'png', 'pdf'];
    const count = rng.int(1, 2);
    for (let k = 0; k < count; k++) {
      const kind = rng.pick(kinds);
      const createTime = rec.createTime + Math.floor(span * rng.next() * 0.5);
      const [filename, mimeType] = MIME[kind];
      attachments.push({
        id: `06${rec.id}${String(k).padStart(2, '0')}GENxxxx`.slice(0, 18).replace(/x/g, 'Q'),
        filename,
        mimeType,
        sizeBytes: sizeOf === undefined ? 0 : sizeOf(kind, rec, createTime),
        createTime,
        creator: agentActor,
        generated: kind,
      });
    }
  }
  return { comments, attachments };
}
