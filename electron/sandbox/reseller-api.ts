import { OAUTH_SCOPES, type Customer, type Subscription } from '../../shared/api';
import type { Extensions } from './extensions';
import { LegacyApiError, json, type Reply } from './http';
import type { Principal } from './oidc';
import { paginate } from './paging';
import type { RouteContext } from './router';
import type { Store } from './store';
import type { CustomerRec, SubscriptionRec, SupportTier } from './world';

/**
 * The `supportProfileField` extension (off by default, announced in the capabilities): Google's
 * Customer has no such field, so it is typed here, never in `shared/api`'s wire schemas.
 */
type CustomerWithProfile = Customer & {
  sandboxSupportProfile?: { resellerAccessAuthorized: boolean; supportTier: SupportTier };
};

// Workspace Reseller API v1 read path, with its legacy error format. A reseller
// sees the customers it manages (not transferred away). A customer that turned
// reseller access off is still listed through its subscriptions but answers
// 403 forbidden, as do foreign and unknown customers (no existence oracle).

const LIST_PARAMS = new Set([
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
  'oauth_token',
  'callback',
  '$.xgafv',
  'upload_protocol',
  'uploadType',
]);

export function customerJson(c: CustomerRec, withProfile: boolean): CustomerWithProfile {
  const out: CustomerWithProfile = {
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
  };
  // The supportProfileField extension; Google's Customer has no such field.
  if (withProfile) out.sandboxSupportProfile = { resellerAccessAuthorized: c.authorized, supportTier: c.tier };
  return out;
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

const forbidden = (): LegacyApiError =>
  new LegacyApiError(403, 'forbidden', 'Authenticated user is not authorized to perform this action.');

export class ResellerApi {
  constructor(
    private readonly store: Store,
    private readonly extensions: Extensions,
    private readonly tokenSecret: string,
  ) {}

  static requireScope(principal: Principal): void {
    if (!principal.scopes.has(OAUTH_SCOPES.resellerReadonly) && !principal.scopes.has(OAUTH_SCOPES.reseller))
      throw new LegacyApiError(403, 'insufficientPermissions', 'Request had insufficient authentication scopes.', 'PERMISSION_DENIED');
  }

  private managed(principal: Principal): CustomerRec[] {
    return this.store.world.customers.filter((c) => c.resellerDomain === principal.agent.domain && !c.transferred);
  }

  /** A customer this reseller may read: managed, and with reseller access on (or the profile extension). */
  private readable(principal: Principal, key: string): CustomerRec {
    const c = this.store.customersById.get(key) ?? this.store.world.customers.find((x) => x.customerDomain === key.toLowerCase());
    if (c === undefined || c.resellerDomain !== principal.agent.domain || c.transferred) throw forbidden();
    if (!c.authorized && !this.extensions.has('supportProfileField')) throw forbidden();
    return c;
  }

  getCustomer(ctx: RouteContext, principal: Principal): Reply {
    return json(200, customerJson(this.readable(principal, ctx.params['customerId'] ?? ''), this.extensions.has('supportProfileField')));
  }

  getSubscription(ctx: RouteContext, principal: Principal): Reply {
    const cust = this.readable(principal, ctx.params['customerId'] ?? '');
    const id = ctx.params['subscriptionId'] ?? '';
    const sub = cust.subscriptions.find((s) => s.subscriptionId === id);
    if (sub === undefined) throw new LegacyApiError(404, 'notFound', `Subscription ${id} not found.`);
    return json(200, subscriptionJson(cust, sub));
  }

  listSubscriptions(ctx: RouteContext, principal: Principal): Reply {
    const url = ctx.url;
    for (const k of url.searchParams.keys())
      if (!LIST_PARAMS.has(k)) throw new LegacyApiError(400, 'invalidParameter', `Invalid parameter: ${k}`);
    const maxRaw = url.searchParams.get('maxResults');
    // Discovery: maxResults is uint32 with minimum 1 and maximum 100.
    if (maxRaw !== null && (!/^\d+$/.test(maxRaw) || Number(maxRaw) < 1 || Number(maxRaw) > 100))
      throw new LegacyApiError(400, 'invalid', `Invalid value '${maxRaw}' for maxResults: must be between 1 and 100.`);
    const customerId = url.searchParams.get('customerId');
    const prefix = url.searchParams.get('customerNamePrefix')?.toLowerCase();
    let customers = this.managed(principal);
    if (customerId !== null) customers = [this.readable(principal, customerId)];
    if (prefix !== undefined) customers = customers.filter((c) => c.customerDomain.startsWith(prefix));
    const all = customers.flatMap((c) => c.subscriptions.map((s) => subscriptionJson(c, s)));
    const { page, next } = paginate(all, {
      token: url.searchParams.get('pageToken'),
      binding: `subs|${principal.agent.domain}|${customerId ?? ''}|${prefix ?? ''}`,
      secret: this.tokenSecret,
      pageSize: maxRaw === null ? 20 : Number(maxRaw),
      invalid: () => new LegacyApiError(400, 'invalid', 'Invalid pageToken.'),
    });
    const body: Record<string, unknown> = { kind: 'reseller#subscriptions' };
    if (page.length > 0) body['subscriptions'] = page;
    if (next !== undefined) body['nextPageToken'] = next;
    return json(200, body);
  }
}
