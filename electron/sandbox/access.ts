import { OAUTH_SCOPES } from '../../shared/api';
import { ApiError, errorInfo } from './http';
import type { Principal } from './oidc';
import type { Store } from './store';
import type { CaseRec, CustomerRec } from './world';

// Reseller visibility rules (docs/domain.md). A token belongs to one reseller
// domain and sees only that domain's customers that have not been transferred
// away. Anything else answers with the same PERMISSION_DENIED whether or not it
// exists, so nothing leaks across domains.

export function visibleCustomers(store: Store, domain: string): CustomerRec[] {
  return store.world.customers.filter((c) => c.resellerDomain === domain && !c.transferred);
}

export function isVisible(customer: CustomerRec | undefined, principal: Principal): customer is CustomerRec {
  return customer !== undefined && customer.resellerDomain === principal.agent.domain && !customer.transferred;
}

export function requireScope(principal: Principal, ...anyOf: string[]): void {
  if (anyOf.some((s) => principal.scopes.has(s))) return;
  throw new ApiError('PERMISSION_DENIED', 'Request had insufficient authentication scopes.', [
    errorInfo('ACCESS_TOKEN_SCOPE_INSUFFICIENT', { service: 'cloudsupport.googleapis.com' }, 'googleapis.com'),
  ]);
}

export const requireCloudPlatform = (p: Principal): void => requireScope(p, OAUTH_SCOPES.cloudPlatform);

export function denied(resource: string): ApiError {
  return new ApiError('PERMISSION_DENIED', `The caller does not have permission on '${resource}'.`, [
    errorInfo('IAM_PERMISSION_DENIED', { resource }),
  ]);
}

export type ParentScope = { kind: 'domain'; orgs: Set<string> } | { kind: 'customer'; customer: CustomerRec; orgs: Set<string> };

/**
 * Sandbox modelling choice: the reseller domain's own organization acts like an
 * organization containing its customers' organizations, so cases.search (and
 * cases.list) on it return the cases of every visible customer. A client can
 * then sync a whole domain with one `update_time>` search.
 */
export function resolveParent(store: Store, principal: Principal, collection: string, id: string): ParentScope {
  const parent = `${collection}/${id}`;
  if (collection !== 'organizations') throw denied(parent);
  const domain = store.domainsByOrg.get(id);
  if (domain !== undefined && domain.domain === principal.agent.domain) {
    return { kind: 'domain', orgs: new Set(visibleCustomers(store, domain.domain).map((c) => c.org)) };
  }
  const customer = store.customersByOrg.get(id);
  if (isVisible(customer, principal)) return { kind: 'customer', customer, orgs: new Set([customer.org]) };
  throw denied(parent);
}

/** The case `{collection}/{org}/cases/{caseId}`; the parent is checked first so foreign ids reveal nothing. */
export function resolveCase(
  store: Store,
  principal: Principal,
  collection: string,
  org: string,
  caseId: string,
): { rec: CaseRec; customer: CustomerRec } {
  const scope = resolveParent(store, principal, collection, org);
  if (scope.kind !== 'customer') throw new ApiError('NOT_FOUND', `Case '${collection}/${org}/cases/${caseId}' was not found.`);
  const rec = store.caseById(caseId);
  if (rec === undefined || rec.org !== org) throw new ApiError('NOT_FOUND', `Case '${collection}/${org}/cases/${caseId}' was not found.`);
  return { rec, customer: scope.customer };
}

/** Writes need the customer's consent to reseller access. */
export function requireAuthorized(customer: CustomerRec, principal: Principal): void {
  if (customer.authorized) return;
  throw new ApiError(
    'PERMISSION_DENIED',
    `Customer ${customer.customerDomain} (${customer.customerId}) has not authorized reseller access for ${principal.agent.domain}; the customer's admin must allow reseller access (Admin console > Account settings > Reseller access) before cases can be created or changed.`,
    [
      errorInfo(
        'RESELLER_ACCESS_NOT_AUTHORIZED',
        { customerId: customer.customerId, customerDomain: customer.customerDomain, resellerDomain: principal.agent.domain },
        'sandbox.cloudsupport.googleapis.com',
      ),
    ],
  );
}
