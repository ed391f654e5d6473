import { requireCloudPlatform } from './access';
import type { CasesApi } from './cases-api';
import type { CrmApi } from './crm-api';
import { CAPABILITIES_PATH } from './extensions';
import { STATUS_FEED_PATH } from './feeds';
import { LegacyApiError, json, type Reply } from './http';
import type { OidcProvider, Principal } from './oidc';
import type { HelpCenter } from './help-center';
import { ResellerApi } from './reseller-api';
import { Router, type Route, type RouteContext } from './router';
import type { ThreadsApi } from './threads-api';

// Every HTTP route of the API port, one line each. Extensions register their
// routes only when they are on, so with every extension off the surface is
// exactly Google's.

export interface RouteDeps {
  oidc: OidcProvider;
  cases: CasesApi;
  threads: ThreadsApi;
  reseller: ResellerApi;
  crm: CrmApi;
  reopenEnabled: boolean;
  capabilities: () => unknown;
  incidents: unknown;
  /** The helpCenter extension, when it is on. */
  helpCenter?: HelpCenter;
}

type Handler = (ctx: RouteContext, p: Principal) => Reply | Promise<Reply>;

const CASE = '/v2/{collection}/{parent}/cases/{case}';
const UPLOAD = '/upload/v2/{collection}/{parent}/cases/{case}/attachments';

export function buildRouter(d: RouteDeps): Router {
  const cloud = (method: string, template: string, name: string, run: Handler): Route => ({
    method,
    template,
    name,
    handle: (ctx) => {
      const p = d.oidc.authenticate(ctx.req, ctx.url);
      requireCloudPlatform(p);
      return run(ctx, p);
    },
  });
  const reseller = (template: string, name: string, run: Handler): Route => ({
    method: 'GET',
    template: `/apps/reseller/v1${template}`,
    name,
    handle: (ctx) => {
      let p: Principal;
      try {
        p = d.oidc.authenticate(ctx.req, ctx.url);
      } catch {
        throw new LegacyApiError(401, 'authError', 'Invalid Credentials', 'UNAUTHENTICATED');
      }
      ResellerApi.requireScope(p);
      return run(ctx, p);
    },
  });
  const oauth = (method: string, sub: string, name: string): Route => ({
    method,
    template: `/oauth2${sub}`,
    name: `oauth2.${name}`,
    handle: (ctx) => d.oidc.handle(ctx.req, ctx.url, sub),
  });
  const { cases, threads, crm } = d;
  const router = new Router().add(
    { method: 'GET', template: CAPABILITIES_PATH, name: 'sandbox.capabilities', handle: () => json(200, d.capabilities()) },
    { method: 'GET', template: STATUS_FEED_PATH, name: 'status.incidents', handle: () => json(200, d.incidents) },
    oauth('GET', '/.well-known/openid-configuration', 'discovery'),
    oauth('GET', '/certs', 'certs'),
    oauth('GET', '/v1/certs', 'certs.pem'),
    oauth('GET', '/auth', 'auth'),
    oauth('POST', '/auth', 'auth'),
    oauth('POST', '/token', 'token'),
    oauth('POST', '/revoke', 'revoke'),
    oauth('GET', '/userinfo', 'userinfo'),
    oauth('POST', '/userinfo', 'userinfo'),
    cloud('GET', '/v2/caseClassifications:search', 'caseClassifications.search', (ctx) => threads.searchClassifications(ctx)),
    cloud('GET', '/v2/{collection}/{parent}/cases', 'cases.list', (ctx, p) => cases.listOrSearch(ctx, p, 'filter')),
    cloud('GET', '/v2/{collection}/{parent}/cases:search', 'cases.search', (ctx, p) => cases.listOrSearch(ctx, p, 'search')),
    cloud('POST', '/v2/{collection}/{parent}/cases', 'cases.create', (ctx, p) => cases.create(ctx, p)),
    cloud('GET', CASE, 'cases.get', (ctx, p) => cases.get(ctx, p)),
    cloud('PATCH', CASE, 'cases.patch', (ctx, p) => cases.patch(ctx, p)),
    cloud('POST', `${CASE}:close`, 'cases.close', (ctx, p) => cases.close(ctx, p)),
    cloud('POST', `${CASE}:escalate`, 'cases.escalate', (ctx, p) => cases.escalate(ctx, p)),
    cloud('GET', `${CASE}/comments`, 'comments.list', (ctx, p) => threads.listComments(ctx, p)),
    cloud('POST', `${CASE}/comments`, 'comments.create', (ctx, p) => threads.createComment(ctx, p)),
    cloud('GET', `${CASE}/comments/{comment}`, 'comments.get', (ctx, p) => threads.getComment(ctx, p)),
    cloud('GET', `${CASE}/attachments`, 'attachments.list', (ctx, p) => threads.listAttachments(ctx, p)),
    cloud('POST', `${CASE}/attachments`, 'media.upload', (ctx) => threads.uploadWithoutMedia(ctx)),
    cloud('GET', `${CASE}/attachments/{attachment}`, 'attachments.get', (ctx, p) => threads.getAttachment(ctx, p)),
    cloud('GET', `${CASE}/attachments/{attachment}:download`, 'media.download', (ctx, p) => threads.download(ctx, p)),
    cloud('POST', UPLOAD, 'media.upload', (ctx, p) => threads.upload(ctx, p)),
    cloud('GET', '/v3/organizations:search', 'crm.organizations.search', (ctx, p) => crm.search(ctx, p)),
    cloud('GET', '/v3/organizations/{organization}', 'crm.organizations.get', (ctx, p) => crm.get(ctx, p)),
    reseller('/subscriptions', 'reseller.subscriptions.list', (ctx, p) => d.reseller.listSubscriptions(ctx, p)),
    reseller('/customers/{customerId}', 'reseller.customers.get', (ctx, p) => d.reseller.getCustomer(ctx, p)),
    reseller('/customers/{customerId}/subscriptions/{subscriptionId}', 'reseller.subscriptions.get', (ctx, p) =>
      d.reseller.getSubscription(ctx, p),
    ),
  );
  if (d.reopenEnabled) router.add(cloud('POST', `${CASE}:reopen`, 'cases.reopen', (ctx, p) => cases.reopen(ctx, p)));
  if (d.helpCenter) router.add(d.helpCenter.route);
  return router;
}
