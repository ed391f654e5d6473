import { CASE_PERMISSIONS, type Customer, type Subscription } from '../../../shared/api';
import type { CustomerAccess } from '../../../shared/domain';
import { ApiError } from '../api/api-error';
import type { SupportClient } from '../api/support-client';
import type { Directory } from './directory';
import type { CustomerFacts } from './mapping';
import { collect, mapLimit } from './paging';

// Case scopes from Google's answers (docs/architecture.md "Case scopes"):
//   Reseller API subscriptions → the domain's customers (a customer missing there is transferred);
//   customers.get per customer  → 403 means reseller access is off (not authorised);
//   organizations:search        → the organizations this agent may see, by directoryCustomerId;
//   testIamPermissions on each  → may the agent list cases there, and change them (else read-only).
// A customer whose organization is not visible has no API access: the portal is the way to work on it.
// Google documents no way to list a customer's projects the agent may use, so the scope of a
// customer is its organization; `cases.search` on it also returns the cases of its projects.

export interface DiscoveryOptions {
  readonly now: number;
  readonly concurrency: number;
  /** Customers whose access was confirmed more recently than this are not asked again (light discovery). */
  readonly detailMaxAgeMs: number;
  /** At most this many customers are asked again only because their answer aged (the rest next time): no bursts. */
  readonly agedChecksPerRun?: number;
}

export interface DiscoveryResult {
  readonly customers: CustomerFacts[];
  /** Customers whose facts changed (or are new): the replica gets these again. */
  readonly changed: CustomerFacts[];
  /** Customers the replica holds that left the Reseller API since: shown as transferred, their cases dropped. */
  readonly transferred: string[];
  readonly requests: number;
}

const ASKED = [CASE_PERMISSIONS.list, CASE_PERMISSIONS.update, CASE_PERMISSIONS.create];

function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.kind === 'http' && (error.httpStatus === 403 || error.httpStatus === 404);
}

/** Access from what the organization's IAM grants this agent. */
function accessFromPermissions(held: ReadonlySet<string>): CustomerAccess {
  if (!held.has(CASE_PERMISSIONS.list)) return 'no_api_access';
  return held.has(CASE_PERMISSIONS.update) && held.has(CASE_PERMISSIONS.create) ? 'authorized' : 'read_only';
}

async function customerFacts(
  client: SupportClient,
  customerId: string,
  subscriptions: readonly Subscription[],
  orgName: string | undefined,
  now: number,
  previous: CustomerFacts | undefined,
): Promise<{ facts: CustomerFacts; requests: number }> {
  let requests = 1;
  let customer: Customer | undefined;
  let access: CustomerAccess | undefined;
  try {
    customer = await client.getCustomer(customerId);
  } catch (error) {
    if (!isForbidden(error)) throw error;
    access = 'not_authorized';
    // Refused now, but what the Reseller API said before (its name, its admin) still describes it.
    customer = previous?.customer;
  }
  if (access === undefined && orgName === undefined) access = 'no_api_access';
  if (access === undefined && orgName !== undefined) {
    requests += 1;
    try {
      const answer = await client.testIamPermissions(orgName, ASKED);
      access = accessFromPermissions(new Set(answer.permissions ?? []));
    } catch (error) {
      if (!isForbidden(error)) throw error;
      access = 'no_api_access';
    }
  }
  const resolved = access ?? 'no_api_access';
  // A not-authorised customer's organization may still be readable: its cases stay visible, unchangeable.
  const scopes = orgName !== undefined && resolved !== 'no_api_access' ? [orgName] : [];
  return {
    facts: {
      customerId,
      customer,
      customerDomain: subscriptions[0]?.customerDomain,
      subscriptions,
      access: resolved,
      orgName,
      scopes,
      checkedAt: now,
    },
    requests,
  };
}

/** Must discovery ask about this customer again ('forced'), may it for freshness ('aged'), or keep what it knew? */
function detailNeed(
  previous: CustomerFacts | undefined,
  orgName: string | undefined,
  directory: Directory,
  options: DiscoveryOptions,
): 'forced' | 'aged' | 'none' {
  if (!previous || previous.access === 'transferred' || directory.recheck.has(previous.customerId)) return 'forced';
  if (previous.orgName !== orgName) return 'forced'; // organization access granted or withdrawn
  // Few and the ones an agent waits on: reseller access turned on, a viewer made editor.
  if (previous.access === 'not_authorized' || previous.access === 'read_only') return 'forced';
  if (previous.access === 'no_api_access') return orgName !== undefined ? 'forced' : 'none';
  return options.now - previous.checkedAt > options.detailMaxAgeMs ? 'aged' : 'none';
}

function sameFacts(a: CustomerFacts | undefined, b: CustomerFacts): boolean {
  if (!a) return false;
  const subs = (facts: CustomerFacts): string =>
    JSON.stringify(facts.subscriptions.map((s) => [s.subscriptionId, s.status, s.skuName ?? s.skuId]).sort());
  return (
    a.access === b.access &&
    a.orgName === b.orgName &&
    a.scopes.join() === b.scopes.join() &&
    subs(a) === subs(b) &&
    JSON.stringify(a.customer ?? null) === JSON.stringify(b.customer ?? null)
  );
}

/**
 * One discovery of the account's customers and their case scopes. Previously known
 * customers that are gone from the Reseller API come back as `transferred`.
 */
export async function discover(
  client: SupportClient,
  directory: Directory,
  known: Readonly<Record<string, CustomerAccess>>,
  options: DiscoveryOptions,
): Promise<DiscoveryResult> {
  let requests = 0;
  const subscriptions = await collect<Subscription>(async (token) => {
    requests += 1;
    const page = await client.listSubscriptions({ maxResults: 100, ...(token ? { pageToken: token } : {}) });
    return { items: page.subscriptions, next: page.nextPageToken };
  });
  const organizations = await collect(async (token) => {
    requests += 1;
    const page = await client.searchOrganizations('', token);
    return { items: page.organizations, next: page.nextPageToken };
  });
  const byCustomer = new Map<string, Subscription[]>();
  for (const subscription of subscriptions)
    byCustomer.set(subscription.customerId, [...(byCustomer.get(subscription.customerId) ?? []), subscription]);
  // The reseller's own organization has no subscription of its own, so it never maps to a customer.
  const orgByCustomer = new Map(
    organizations.flatMap((org) =>
      org.directoryCustomerId && org.state !== 'DELETE_REQUESTED' ? [[org.directoryCustomerId, org.name]] : [],
    ),
  );

  const needs = new Map(
    [...byCustomer.keys()].map((id) => [id, detailNeed(directory.customer(id), orgByCustomer.get(id), directory, options)] as const),
  );
  // Aged answers are refreshed oldest first, a bounded number per run, so a large domain never bursts.
  const aged = [...needs].filter(([, need]) => need === 'aged').map(([id]) => id);
  aged.sort((a, b) => (directory.customer(a)?.checkedAt ?? 0) - (directory.customer(b)?.checkedAt ?? 0));
  const refreshed = new Set(aged.slice(0, options.agedChecksPerRun ?? Number.POSITIVE_INFINITY));
  const current = await mapLimit([...byCustomer], options.concurrency, async ([customerId, subs]) => {
    const previous = directory.customer(customerId);
    const need = needs.get(customerId);
    if (previous && need !== 'forced' && !refreshed.has(customerId)) return { ...previous, subscriptions: subs };
    const found = await customerFacts(client, customerId, subs, orgByCustomer.get(customerId), options.now, previous);
    requests += found.requests;
    return found.facts;
  });

  const gone = new Set([...Object.keys(known), ...directory.customers().map((facts) => facts.customerId)]);
  for (const customerId of byCustomer.keys()) gone.delete(customerId);
  const transferred: CustomerFacts[] = [...gone].map((customerId) => {
    const previous = directory.customer(customerId);
    return {
      customerId,
      customer: previous?.customer,
      customerDomain: previous?.customerDomain,
      subscriptions: [],
      access: 'transferred',
      orgName: undefined,
      scopes: [],
      checkedAt: previous?.access === 'transferred' ? previous.checkedAt : options.now,
    };
  });

  const changed = current.filter(
    (facts) => !sameFacts(directory.customer(facts.customerId), facts) || known[facts.customerId] !== facts.access,
  );
  return {
    customers: [...current, ...transferred],
    changed,
    transferred: transferred.filter((facts) => known[facts.customerId] !== 'transferred').map((facts) => facts.customerId),
    requests,
  };
}
