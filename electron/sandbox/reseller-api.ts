import type { IncomingMessage } from 'node:http';
import { OAUTH_SCOPES, toRfc3339, type Customer, type Organization, type Subscription } from '../../shared/api';
import { isVisible, requireCloudPlatform, visibleCustomers } from './access';
import { ApiError, LegacyApiError, badRequest, decodePageToken, encodePageToken, json, parsePageSize, type Reply } from './http';
import type { Principal } from './oidc';
import type { Store } from './store';
import type { CustomerRec, SubscriptionRec } from './world';

// Reseller API v1 read path (legacy error format) and Cloud Resource Manager v3
// organizations:search / get, which map a customer to its case parent.

export function customerJson(c: CustomerRec): Customer {
  return {
    kind: 'reseller#customer',
    customerId: c.customerId,
    customerDomain: c.customerDomain,
    customerDomainVerified: true,
    customerType: 'domain',
    alternateEmail: `it-contact@${c.customerDomain.replace(/\.example$/, '')}-mail.example`,
    postalAddress: {
      kind: 'customers#address',
      contactName: `${c.displayName} IT`,
      organizationName: c.displayName,
      countryCode: c.resellerDomain.startsWith('apac.') ? 'SG' : c.resellerDomain === 'reseller-c.example' ? 'FR' : 'US',
    },
    resourceUiUrl: `https://admin.google.com/ac/customers/${c.customerId}`,
    sandboxSupportProfile: { resellerAccessAuthorized: c.authorized, supportTier: c.tier },
  };
}

function subscriptionJson(c: CustomerRec, s: SubscriptionRec): Subscription {
  const out: Subscription = {
    kind: 'reseller#subscription',
    customerId: c.customerId,
    customerDomain: c.customerDomain,
    subscriptionId: s.subscriptionId,
    skuId: s.skuId,
    skuName: s.skuName,
    plan: { planName: s.planName, isCommitmentPlan: s.planName === 'ANNUAL' },
    seats:
      s.planName === 'ANNUAL'
        ? { kind: 'subscriptions#seats', numberOfSeats: s.seats, licensedNumberOfSeats: s.licensed }
        : { kind: 'subscriptions#seats', maximumNumberOfSeats: s.seats, licensedNumberOfSeats: s.licensed },
    trialSettings: { isInTrial: s.planName === 'TRIAL' },
    billingMethod: 'ONLINE',
    creationTime: String(s.creationTime),
    status: s.status,
    resourceUiUrl: `https://admin.google.com/ac/billing/subscriptions?customer=${c.customerId}`,
  };
  if (s.planName === 'ANNUAL') out.renewalSettings = { kind: 'subscriptions#renewalSettings', renewalType: 'AUTO_RENEW_YEARLY_PAY' };
  if (s.suspensionReasons.length > 0) out.suspensionReasons = [...s.suspensionReasons];
  return out;
}

export function organizationJson(store: Store, org: string): Organization | undefined {
  const customer = store.customersByOrg.get(org);
  if (customer !== undefined) {
    return {
      name: `organizations/${org}`,
      displayName: customer.customerDomain,
      directoryCustomerId: customer.customerId,
      state: 'ACTIVE',
      createTime: toRfc3339(customer.createTime),
      updateTime: toRfc3339(customer.createTime),
      etag: `BwW${org.slice(-6)}`,
    };
  }
  const domain = store.domainsByOrg.get(org);
  if (domain !== undefined)
    return {
      name: `organizations/${org}`,
      displayName: domain.domain,
      directoryCustomerId: `C0${org.slice(0, 7)}`,
      state: 'ACTIVE',
      createTime: toRfc3339(store.world.startMs - 3000 * 86_400_000),
      etag: `BwW${org.slice(-6)}`,
    };
  return undefined;
}

export class ResellerApi {
  constructor(
    private readonly store: Store,
    private readonly tokenSecret: string,
  ) {}

  handleReseller(req: IncomingMessage, url: URL, segments: string[], principal: Principal, routeName: (n: string) => void): Reply {
    if (!principal.scopes.has(OAUTH_SCOPES.resellerReadonly) && !principal.scopes.has(OAUTH_SCOPES.reseller)) {
      throw new LegacyApiError(403, 'insufficientPermissions', 'Request had insufficient authentication scopes.', 'PERMISSION_DENIED');
    }
    if (req.method !== 'GET') throw new LegacyApiError(404, 'notFound', 'Not Found');
    const [a, b, c, d, ...rest] = segments;
    if (a === 'subscriptions' && b === undefined) {
      routeName('reseller.subscriptions.list');
      return this.listSubscriptions(url, principal);
    }
    if (a === 'customers' && b !== undefined && c === undefined) {
      routeName('reseller.customers.get');
      return json(200, customerJson(this.customer(principal, b)));
    }
    if (a === 'customers' && b !== undefined && c === 'subscriptions' && d !== undefined && rest.length === 0) {
      routeName('reseller.subscriptions.get');
      const cust = this.customer(principal, b);
      const sub = cust.subscriptions.find((s) => s.subscriptionId === d);
      if (sub === undefined) throw new LegacyApiError(404, 'notFound', `Subscription ${d} not found.`);
      return json(200, subscriptionJson(cust, sub));
    }
    throw new LegacyApiError(404, 'notFound', 'Not Found');
  }

  private customer(principal: Principal, key: string): CustomerRec {
    const c = this.store.customersById.get(key) ?? this.store.world.customers.find((x) => x.customerDomain === key.toLowerCase());
    if (c === undefined) throw new LegacyApiError(404, 'notFound', `Customer ${key} does not exist.`);
    if (!isVisible(c, principal))
      throw new LegacyApiError(403, 'forbidden', 'Authenticated user is not authorized to perform this action.');
    return c;
  }

  private listSubscriptions(url: URL, principal: Principal): Reply {
    for (const k of url.searchParams.keys()) {
      if (
        ![
          'customerId',
          'customerNamePrefix',
          'customerAuthToken',
          'maxResults',
          'pageToken',
          'alt',
          'fields',
          'prettyPrint',
          'quotaUser',
          'key',
          'access_token',
        ].includes(k)
      )
        throw new LegacyApiError(400, 'invalidParameter', `Invalid parameter: ${k}`);
    }
    const maxRaw = url.searchParams.get('maxResults');
    if (maxRaw !== null && !/^\d+$/.test(maxRaw))
      throw new LegacyApiError(400, 'invalid', `Invalid value '${maxRaw}'. Values must match the following regular expression: '[0-9]+'`);
    const max = Math.min(maxRaw === null || Number(maxRaw) === 0 ? 20 : Number(maxRaw), 100);
    const customerId = url.searchParams.get('customerId');
    const prefix = url.searchParams.get('customerNamePrefix')?.toLowerCase();
    let customers = visibleCustomers(this.store, principal.agent.domain);
    if (customerId !== null) customers = [this.customer(principal, customerId)];
    if (prefix !== undefined) customers = customers.filter((c) => c.customerDomain.startsWith(prefix));
    const all = customers.flatMap((c) => c.subscriptions.map((s) => subscriptionJson(c, s)));
    const binding = `subs|${principal.agent.domain}|${customerId ?? ''}|${prefix ?? ''}`;
    let from = 0;
    const token = url.searchParams.get('pageToken');
    if (token !== null && token !== '') {
      try {
        const p = decodePageToken(token, binding, this.tokenSecret);
        if (typeof p !== 'number') throw new Error('bad');
        from = p;
      } catch {
        throw new LegacyApiError(400, 'invalid', 'Invalid pageToken.');
      }
    }
    const body: Record<string, unknown> = { kind: 'reseller#subscriptions', subscriptions: all.slice(from, from + max) };
    if (from + max < all.length) body['nextPageToken'] = encodePageToken(binding, from + max, this.tokenSecret);
    return json(200, body);
  }

  handleCrm(req: IncomingMessage, url: URL, segments: string[], principal: Principal, routeName: (n: string) => void): Reply {
    requireCloudPlatform(principal);
    if (req.method !== 'GET') throw new ApiError('NOT_FOUND', 'Method not found.');
    const [a, b, ...rest] = segments;
    if (a === 'organizations:search' && b === undefined) {
      routeName('crm.organizations.search');
      return this.searchOrganizations(url, principal);
    }
    if (a === 'organizations' && b !== undefined && rest.length === 0) {
      routeName('crm.organizations.get');
      const visible = this.visibleOrgs(principal);
      const org = visible.includes(b) ? organizationJson(this.store, b) : undefined;
      if (org === undefined) throw new ApiError('PERMISSION_DENIED', `The caller does not have permission on 'organizations/${b}'.`);
      return json(200, org);
    }
    throw new ApiError('NOT_FOUND', 'Method not found.');
  }

  private visibleOrgs(principal: Principal): string[] {
    const own = this.store.domainsByName.get(principal.agent.domain);
    return [...(own === undefined ? [] : [own.org]), ...visibleCustomers(this.store, principal.agent.domain).map((c) => c.org)];
  }

  private searchOrganizations(url: URL, principal: Principal): Reply {
    const q = (url.searchParams.get('query') ?? '').trim();
    let pred: (o: Organization) => boolean = () => true;
    if (q !== '') {
      const m = /^(domain|directorycustomerid|directoryCustomerId)\s*[:=]\s*"?([^"\s]+)"?$/.exec(q);
      if (m === null)
        throw badRequest(`Invalid query "${q}": supported forms are domain:{domain} and directorycustomerid:{customerId}.`, [
          { field: 'query', description: 'unsupported query' },
        ]);
      const value = (m[2] ?? '').toLowerCase();
      pred = m[1] === 'domain' ? (o) => o.displayName?.toLowerCase() === value : (o) => o.directoryCustomerId?.toLowerCase() === value;
    }
    const orgs = this.visibleOrgs(principal)
      .map((o) => organizationJson(this.store, o))
      .filter((o): o is Organization => o !== undefined && pred(o));
    const pageSize = parsePageSize(url.searchParams.get('pageSize'), 100, 1000);
    const binding = `orgs|${principal.agent.domain}|${q}`;
    let from = 0;
    const token = url.searchParams.get('pageToken');
    if (token !== null && token !== '') {
      const p = decodePageToken(token, binding, this.tokenSecret);
      if (typeof p !== 'number') throw badRequest('Invalid page token.');
      from = p;
    }
    const page = orgs.slice(from, from + pageSize);
    const body: Record<string, unknown> = {};
    if (page.length > 0) body['organizations'] = page;
    if (from + pageSize < orgs.length) body['nextPageToken'] = encodePageToken(binding, from + pageSize, this.tokenSecret);
    return json(200, body);
  }
}
