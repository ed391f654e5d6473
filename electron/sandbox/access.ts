import { OAUTH_SCOPES } from '../../shared/api';
import type { Extensions } from './extensions';
import { ApiError, errorInfo } from './http';
import { PERMISSIONS, allows, identitiesOf, type Binding, type Permission } from './iam';
import type { Principal } from './oidc';
import type { Store } from './store';
import type { CaseRec, CustomerRec, DomainRec } from './world';

// Who may do what. By default Google's model: a case parent is an
// organization or a project, and a call is allowed when the organization's IAM
// policy grants the caller the method's permission; anything else answers
// 403 PERMISSION_DENIED, the same whether or not the parent exists. The
// `resellerAggregatedSearch` extension adds the old partner-gateway rules on top.

const READ_PERMISSIONS: ReadonlySet<Permission> = new Set([PERMISSIONS.casesList, PERMISSIONS.casesGet, PERMISSIONS.organizationsGet]);

export function requireScope(principal: Principal, ...anyOf: string[]): void {
  if (anyOf.some((s) => principal.scopes.has(s))) return;
  throw new ApiError('PERMISSION_DENIED', 'Request had insufficient authentication scopes.', [
    errorInfo('ACCESS_TOKEN_SCOPE_INSUFFICIENT', { service: 'cloudsupport.googleapis.com' }, 'googleapis.com'),
  ]);
}

export const requireCloudPlatform = (p: Principal): void => requireScope(p, OAUTH_SCOPES.cloudPlatform);

export function denied(resource: string, permission: Permission): ApiError {
  return new ApiError('PERMISSION_DENIED', `Permission '${permission}' denied on resource '${resource}' (or it may not exist).`, [
    errorInfo('IAM_PERMISSION_DENIED', { permission, resource }, 'iam.googleapis.com'),
  ]);
}

/** A resolved case parent: the name it is known by and whose organization it belongs to. */
export interface ParentScope {
  /** Canonical name, e.g. `organizations/123` or `projects/456` (project number). */
  name: string;
  kind: 'organization' | 'project';
  /** The customer owning it, or undefined for the reseller's own organization. */
  customer: CustomerRec | undefined;
  /** Organization number the parent is (or lies under). */
  org: string;
  /** Aggregated view of the extension: the reseller organization stands for all its customers. */
  aggregate: ReadonlySet<string> | undefined;
}

export class Access {
  constructor(
    private readonly store: Store,
    private readonly extensions: Extensions,
  ) {}

  private get gateway(): boolean {
    return this.extensions.has('resellerAggregatedSearch');
  }

  /** The reseller's customers the gateway extension treats as its own (not transferred away). */
  gatewayCustomers(domain: string): CustomerRec[] {
    return this.store.world.customers.filter((c) => c.resellerDomain === domain && !c.transferred);
  }

  private iamAllows(principal: Principal, iam: readonly Binding[], permission: Permission): boolean {
    return allows(iam, identitiesOf(principal.agent, this.store.world.groups), permission);
  }

  /** Allowed by IAM, or by the gateway extension; throws the matching 403 otherwise. */
  private check(
    principal: Principal,
    scope: { name: string; iam: readonly Binding[]; customer: CustomerRec | undefined },
    permission: Permission,
  ): void {
    if (this.iamAllows(principal, scope.iam, permission)) return;
    const c = scope.customer;
    if (this.gateway && c !== undefined && c.resellerDomain === principal.agent.domain && !c.transferred) {
      if (READ_PERMISSIONS.has(permission)) return;
      if (c.authorized) return;
      throw notAuthorized(c, principal);
    }
    throw denied(scope.name, permission);
  }

  /** `organizations/{n}` or `projects/{idOrNumber}`, checked for `permission`. */
  parent(principal: Principal, collection: string, id: string, permission: Permission): ParentScope {
    const asked = `${collection}/${id}`;
    const found = this.lookup(collection, id);
    if (found === undefined) throw denied(asked, permission);
    this.check(principal, { name: asked, iam: found.iam, customer: found.customer }, permission);
    const aggregate =
      this.gateway && found.domain !== undefined && found.domain.domain === principal.agent.domain
        ? new Set(this.gatewayCustomers(found.domain.domain).map((c) => c.org))
        : undefined;
    return {
      name: found.name,
      kind: collection === 'projects' ? 'project' : 'organization',
      customer: found.customer,
      org: found.org,
      aggregate,
    };
  }

  private lookup(
    collection: string,
    id: string,
  ): { name: string; org: string; iam: readonly Binding[]; customer: CustomerRec | undefined; domain: DomainRec | undefined } | undefined {
    if (collection === 'organizations') {
      const customer = this.store.customersByOrg.get(id);
      if (customer !== undefined) return { name: `organizations/${id}`, org: id, iam: customer.iam, customer, domain: undefined };
      const domain = this.store.domainsByOrg.get(id);
      if (domain !== undefined) return { name: `organizations/${id}`, org: id, iam: domain.iam, customer: undefined, domain };
      return undefined;
    }
    if (collection === 'projects') {
      const p = this.store.projectsByKey.get(id);
      if (p === undefined) return undefined;
      return { name: `projects/${p.project.number}`, org: p.customer.org, iam: p.customer.iam, customer: p.customer, domain: undefined };
    }
    return undefined;
  }

  /** The case `{collection}/{id}/cases/{caseId}`; the parent is checked first so ids under a foreign parent reveal nothing. */
  case(
    principal: Principal,
    collection: string,
    id: string,
    caseId: string,
    permission: Permission,
  ): { rec: CaseRec; customer: CustomerRec | undefined; parent: ParentScope } {
    const parent = this.parent(principal, collection, id, permission);
    const rec = this.store.caseById(caseId);
    if (rec === undefined || rec.parent !== parent.name)
      throw new ApiError('NOT_FOUND', `Case '${collection}/${id}/cases/${caseId}' was not found.`);
    return { rec, customer: parent.customer, parent };
  }

  /** Organizations the caller may get (resourcemanager.organizations.get), own organization first. */
  visibleOrganizations(principal: Principal): string[] {
    const out: string[] = [];
    for (const d of this.store.world.domains) if (this.iamAllows(principal, d.iam, PERMISSIONS.organizationsGet)) out.push(d.org);
    for (const c of this.store.world.customers) {
      if (this.iamAllows(principal, c.iam, PERMISSIONS.organizationsGet)) out.push(c.org);
      else if (this.gateway && c.resellerDomain === principal.agent.domain && !c.transferred) out.push(c.org);
    }
    return out;
  }
}

/** The gateway extension's refusal of a write for a customer without reseller access. */
function notAuthorized(customer: CustomerRec, principal: Principal): ApiError {
  return new ApiError(
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
