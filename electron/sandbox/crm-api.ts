import { toRfc3339, type Organization } from '../../shared/api';
import { denied, type Access } from './access';
import { badRequest, json, type Reply } from './http';
import { PERMISSIONS } from './iam';
import type { Principal } from './oidc';
import { paginate, parsePageSize } from './paging';
import type { RouteContext } from './router';
import type { Store } from './store';
import { allowParams, spellings } from './support-common';

// Cloud Resource Manager v3 organizations:search / get: only organizations on
// which the caller holds resourcemanager.organizations.get.

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
      updateTime: toRfc3339(store.world.startMs - 3000 * 86_400_000),
      etag: `BwW${org.slice(-6)}`,
    };
  return undefined;
}

/**
 * The documented query forms: `domain:{domain}`, `directoryCustomerId:{id}` and
 * `owner.directoryCustomerId:{id}`; "query rules are case-insensitive" (keys too).
 */
export function organizationFilter(query: string): (o: Organization) => boolean {
  const q = query.trim();
  if (q === '') return () => true;
  const m = /^(domain|directorycustomerid|owner\.directorycustomerid)\s*:\s*(?:"([^"]*)"|(\S+))$/i.exec(q);
  if (m === null)
    throw badRequest(`Invalid query "${q}": supported forms are domain:{domain} and directoryCustomerId:{id}.`, [
      { field: 'query', description: 'unsupported query' },
    ]);
  const value = (m[2] ?? m[3] ?? '').toLowerCase();
  return m[1]?.toLowerCase() === 'domain'
    ? (o) => o.displayName?.toLowerCase() === value
    : (o) => o.directoryCustomerId?.toLowerCase() === value;
}

export class CrmApi {
  constructor(
    private readonly store: Store,
    private readonly access: Access,
    private readonly tokenSecret: string,
  ) {}

  get(ctx: RouteContext, principal: Principal): Reply {
    allowParams(ctx.url);
    const id = ctx.params['organization'] ?? '';
    const org = this.access.visibleOrganizations(principal).includes(id) ? organizationJson(this.store, id) : undefined;
    if (org === undefined) throw denied(`organizations/${id}`, PERMISSIONS.organizationsGet);
    return json(200, org);
  }

  search(ctx: RouteContext, principal: Principal): Reply {
    allowParams(ctx.url, 'query', ...spellings('pageSize', 'pageToken'));
    const q = ctx.url.searchParams.get('query') ?? '';
    const pred = organizationFilter(q);
    const orgs = this.access
      .visibleOrganizations(principal)
      .map((o) => organizationJson(this.store, o))
      .filter((o): o is Organization => o !== undefined && pred(o));
    const { page, next } = paginate(orgs, {
      token: ctx.url.searchParams.get('pageToken') ?? ctx.url.searchParams.get('page_token'),
      binding: `orgs|${principal.agent.email}|${q}`,
      secret: this.tokenSecret,
      pageSize: parsePageSize(ctx.url.searchParams.get('pageSize') ?? ctx.url.searchParams.get('page_size'), 100, 1000),
    });
    const body: Record<string, unknown> = {};
    if (page.length > 0) body['organizations'] = page;
    if (next !== undefined) body['nextPageToken'] = next;
    return json(200, body);
  }
}
