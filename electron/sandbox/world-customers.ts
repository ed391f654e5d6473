import { supportGrant, supportGroupOf, type Binding, type GroupRec } from './iam';
import { createRng, hashString, type Rng } from './rng';
import { AGENT_NAMES, CUSTOMER_STEMS, PARTNERS, SKUS } from './world-content';
import type { AgentRec, CustomerRec, DomainRec, SubscriptionRec } from './world';

// Partners, reseller domains, agents, groups and customers of the demo world.
// Every domain has the same fixed slots, so each access situation exists in
// every domain and tests can find it by its flags (see SLOTS).

const DAY = 86_400_000;

/** Who a customer's organization lets in (its IAM policy as the demo world decides it). */
type OrgAccess = 'none' | 'group' | 'groupReadOnly' | 'oneAgent' | 'allAgents' | 'domain';

interface Slot {
  access: OrgAccess;
  /** Reseller access in the customer's Admin console; off = the Reseller API answers 403 for the customer. */
  authorized?: false;
  transferred?: true;
  premium?: true;
  /** The first subscription is suspended. */
  suspended?: true;
  /** The customer files some cases under a project of its organization. */
  project?: true;
}

/** Index = position of the customer in its domain's stem list. */
export const SLOTS: readonly Slot[] = [
  { access: 'none', transferred: true },
  { access: 'none', authorized: false },
  { access: 'group', premium: true, project: true },
  { access: 'oneAgent' },
  { access: 'group', premium: true },
  { access: 'allAgents', premium: true, project: true },
  { access: 'groupReadOnly' },
  { access: 'none' },
  { access: 'domain', premium: true, project: true },
  { access: 'group', suspended: true },
  { access: 'group' },
  { access: 'group', premium: true },
];

export function digits(rng: Rng, n: number): string {
  let s = String(rng.int(1, 9));
  while (s.length < n) s += String(rng.int(0, 9));
  return s;
}

function titleCase(stem: string): string {
  return stem
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

function orgBindings(access: OrgAccess, domain: string, agents: readonly AgentRec[]): Binding[] {
  const group = `group:${supportGroupOf(domain)}`;
  switch (access) {
    case 'none':
      return [];
    case 'group':
      return supportGrant([group]);
    case 'groupReadOnly':
      return supportGrant([group], true);
    case 'oneAgent':
      // Only the second agent: the first agent of each domain (the usual test account) is left out.
      return supportGrant([`user:${agents[1]?.email ?? agents[0]?.email ?? ''}`]);
    case 'allAgents':
      return supportGrant(agents.map((a) => `user:${a.email}`));
    case 'domain':
      return supportGrant([`domain:${domain}`]);
  }
}

function subscriptions(rng: Rng, createTime: number, suspendFirst: boolean): SubscriptionRec[] {
  const subs: SubscriptionRec[] = [];
  const subCount = rng.int(1, 2);
  for (let s = 0; s < subCount; s++) {
    const sku = rng.pick(SKUS);
    const planName = rng.pick(['ANNUAL', 'ANNUAL', 'FLEXIBLE', 'TRIAL'] as const);
    const seats = rng.int(5, 500);
    const suspended = suspendFirst && s === 0;
    subs.push({
      subscriptionId: digits(rng, 9),
      skuId: sku.skuId,
      skuName: sku.skuName,
      planName,
      seats,
      licensed: rng.int(1, seats),
      status: suspended ? 'SUSPENDED' : 'ACTIVE',
      suspensionReasons: suspended ? ['RESELLER_INITIATED'] : [],
      creationTime: createTime + rng.int(0, 100) * DAY,
    });
  }
  return subs;
}

export interface Accounts {
  domains: DomainRec[];
  agents: AgentRec[];
  groups: GroupRec[];
  customers: CustomerRec[];
}

export function generateAccounts(rng: Rng, seed: string, startMs: number): Accounts {
  const out: Accounts = { domains: [], agents: [], groups: [], customers: [] };
  for (const p of PARTNERS) {
    for (const domain of p.domains) {
      const domainAgents: AgentRec[] = AGENT_NAMES.slice(0, domain === 'reseller-a.example' ? 3 : 2).map(([local, displayName]) => {
        const email = `${local}@${domain}`;
        return { email, domain, partner: p.name, displayName, sub: String(100_000_000_000_000_000n + BigInt(hashString(email))) };
      });
      // The reseller's own organization: its staff may see it and file cases for it.
      const iam: Binding[] = [...supportGrant([`domain:${domain}`])];
      out.domains.push({ domain, partnerId: p.id, partnerName: p.name, org: digits(rng, 12), iam });
      out.agents.push(...domainAgents);
      // The support group holds the first two agents; a third agent (where there is one) is outside it.
      out.groups.push({ email: supportGroupOf(domain), members: domainAgents.slice(0, 2).map((a) => a.email) });
      (CUSTOMER_STEMS[domain] ?? []).forEach((stem, j) => {
        const slot = SLOTS[j % SLOTS.length] as Slot;
        const customerDomain = `${stem}.example`;
        const createTime = startMs - rng.int(200, 2000) * DAY;
        const subs = subscriptions(rng, createTime, slot.suspended === true);
        const customerId = `C0${rng.int(0x1000000, 0xfffffff).toString(36)}`;
        const org = digits(rng, 12);
        const projectRng = createRng(`${seed}:project:${customerId}`);
        out.customers.push({
          customerId,
          customerDomain,
          displayName: titleCase(stem),
          resellerDomain: domain,
          org,
          projects: slot.project === true ? [{ projectId: `${stem}-ops`, number: digits(projectRng, 12) }] : [],
          iam: orgBindings(slot.access, domain, domainAgents),
          transferred: slot.transferred === true,
          authorized: slot.authorized !== false,
          tier: slot.premium === true ? 'PREMIUM' : 'STANDARD',
          adminEmail: `admin@${customerDomain}`,
          createTime,
          subscriptions: subs,
        });
      });
    }
  }
  return out;
}

/** Bindings granting nothing are dropped; used when a customer revokes or a transfer ends the relationship. */
export function withoutMembers(bindings: readonly Binding[], members: ReadonlySet<string>): Binding[] {
  return bindings.map((b) => ({ ...b, members: b.members.filter((m) => !members.has(m)) })).filter((b) => b.members.length > 0);
}
