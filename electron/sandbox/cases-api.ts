import {
  CASE_UPDATE_MASK_PATHS,
  CaseInputSchema,
  CloseCaseRequestSchema,
  EscalateCaseRequestSchema,
  type CaseUpdateMaskPath,
} from '../../shared/api';
import type { ParentScope } from './access';
import { badRequest, json, precondition, readJsonBody, type Reply } from './http';
import { PERMISSIONS, type Permission } from './iam';
import type { Principal } from './oidc';
import { decodePageToken, encodePageToken, parsePageSize } from './paging';
import { QuerySyntaxError, parseCaseQuery, type QueryMode } from './query';
import type { RouteContext } from './router';
import type { SearchCursor } from './store';
import { EMAIL, agentActor, allowParams, param, parseBody, spellings, type SupportDeps } from './support-common';
import { caseJson } from './wire';
import type { CaseRec } from './world';

// Cloud Support v2 cases: list, search, get, create, patch, close, escalate,
// and the `reopen` extension.

const DAY = 86_400_000;
type Violation = { field: string; description: string };

export class CasesApi {
  constructor(private readonly d: SupportDeps) {}

  private parent(p: Principal, ctx: RouteContext, permission: Permission): ParentScope {
    return this.d.access.parent(p, ctx.params['collection'] ?? '', ctx.params['parent'] ?? '', permission);
  }

  found(p: Principal, ctx: RouteContext, permission: Permission): { rec: CaseRec; parent: ParentScope } {
    return this.d.access.case(p, ctx.params['collection'] ?? '', ctx.params['parent'] ?? '', ctx.params['case'] ?? '', permission);
  }

  /** After a change: the case moves to the end of the update order, is persisted and answered. */
  private saved(rec: CaseRec, textChanged: boolean): Reply {
    this.d.store.touch(rec, this.d.clock.now(), textChanged);
    this.d.persist();
    return json(200, caseJson(this.d.store, rec));
  }

  /** A case that may be changed: the caller holds `permission` and the case is not closed. */
  writable(p: Principal, ctx: RouteContext, permission: Permission, action: string): { rec: CaseRec; parent: ParentScope } {
    const found = this.found(p, ctx, permission);
    if (found.rec.state === 'CLOSED')
      throw precondition(`Case ${found.rec.name} is closed; it cannot be ${action}.`, 'CASE_STATE', found.rec.name);
    return found;
  }

  listOrSearch(ctx: RouteContext, p: Principal, mode: QueryMode): Reply {
    const qName = mode === 'filter' ? 'filter' : 'query';
    allowParams(ctx.url, qName, ...spellings('pageSize', 'pageToken'));
    const scope = this.parent(p, ctx, PERMISSIONS.casesList);
    const q = ctx.url.searchParams.get(qName) ?? '';
    let cond;
    try {
      cond = parseCaseQuery(q, mode);
    } catch (e) {
      if (e instanceof QuerySyntaxError)
        throw badRequest(`Invalid ${qName} "${q}": ${e.message}`, [{ field: qName, description: e.message }]);
      throw e;
    }
    const pageSize = parsePageSize(param(ctx.url, 'pageSize'), 10, 1000);
    const binding = `cases.${mode}|${scope.name}|${q}|${p.agent.email}`;
    const token = param(ctx.url, 'pageToken');
    let after: SearchCursor | undefined;
    if (token !== null && token !== '') {
      const c = decodePageToken(token, binding, this.d.tokenSecret) as SearchCursor;
      if (typeof c?.t !== 'number' || typeof c.n !== 'string') throw badRequest('Invalid page token.');
      after = c;
    }
    const { rows, more } = this.d.store.search({ inScope: inScope(scope, mode), cond, after, pageSize });
    const body: Record<string, unknown> = {};
    if (rows.length > 0) body['cases'] = rows.map((r) => caseJson(this.d.store, r));
    const last = rows[rows.length - 1];
    if (more && last !== undefined)
      body['nextPageToken'] = encodePageToken(binding, { t: last.updateTime, n: last.name }, this.d.tokenSecret);
    return json(200, body);
  }

  get(ctx: RouteContext, p: Principal): Reply {
    allowParams(ctx.url);
    return json(200, caseJson(this.d.store, this.found(p, ctx, PERMISSIONS.casesGet).rec));
  }

  async create(ctx: RouteContext, p: Principal): Promise<Reply> {
    allowParams(ctx.url);
    const raw = await readJsonBody(ctx.req);
    const scope = this.parent(p, ctx, PERMISSIONS.casesCreate);
    const input = parseBody(CaseInputSchema, raw);
    const violations = this.createViolations(input);
    if (violations.length > 0) throw badRequest(`Invalid case: ${violations.map((v) => v.description).join('; ')}`, violations);
    if (scope.aggregate !== undefined)
      throw badRequest(
        `Cases are created under a customer's organization; '${scope.name}' is the reseller domain's organization (the resellerAggregatedSearch extension only aggregates customer cases for search).`,
        [{ field: 'parent', description: 'must be a customer organization' }],
      );
    const store = this.d.store;
    const now = this.d.clock.now();
    const id = store.newCaseId();
    const rec: CaseRec = {
      id,
      name: `${scope.name}/cases/${id}`,
      parent: scope.name,
      org: scope.org,
      customerId: scope.customer?.customerId ?? '',
      displayName: input.displayName ?? '',
      description: input.description ?? '',
      classificationId: input.classification?.id ?? '',
      timeZone: input.timeZone ?? '',
      subscribers: [...(input.subscriberEmailAddresses ?? [])],
      state: 'NEW',
      priority: input.priority ?? 'PRIORITY_UNSPECIFIED',
      createTime: now,
      updateTime: now,
      creator: agentActor(p),
      escalated: false,
      testCase: input.testCase ?? false,
      languageCode: input.languageCode ?? '',
      ix: 0,
      seq: 0,
    };
    store.addCase(rec, now);
    rec.createTime = rec.updateTime;
    this.d.sim.onCreated(rec);
    this.d.persist();
    return json(200, caseJson(store, rec));
  }

  private createViolations(input: ReturnType<typeof CaseInputSchema.parse>): Violation[] {
    const violations: Violation[] = [];
    if ((input.displayName ?? '').trim() === '') violations.push({ field: 'case.display_name', description: 'display_name is required' });
    if ((input.description ?? '').trim() === '') violations.push({ field: 'case.description', description: 'description is required' });
    const clsId = input.classification?.id ?? '';
    if (clsId === '') violations.push({ field: 'case.classification.id', description: 'classification.id is required' });
    else if (!this.d.store.world.classifications.some((c) => c.id === clsId))
      violations.push({ field: 'case.classification.id', description: `unknown classification id "${clsId}"` });
    if (input.priority === undefined || input.priority === 'PRIORITY_UNSPECIFIED')
      violations.push({ field: 'case.priority', description: 'priority is required (P0–P4)' });
    for (const e of input.subscriberEmailAddresses ?? [])
      if (!EMAIL.test(e)) violations.push({ field: 'case.subscriber_email_addresses', description: `"${e}" is not an email address` });
    if (input.contactEmail !== undefined && input.contactEmail !== '')
      violations.push({
        field: 'case.contact_email',
        description: 'contact_email is only for Workforce Identity Federation callers and must be unset',
      });
    return violations;
  }

  async patch(ctx: RouteContext, p: Principal): Promise<Reply> {
    allowParams(ctx.url, ...spellings('updateMask'));
    const input = parseBody(CaseInputSchema, await readJsonBody(ctx.req));
    const paths = maskPaths(param(ctx.url, 'updateMask') ?? '');
    for (const e of paths.has('subscriber_email_addresses') ? (input.subscriberEmailAddresses ?? []) : []) {
      if (!EMAIL.test(e))
        throw badRequest(`"${e}" is not an email address`, [{ field: 'case.subscriber_email_addresses', description: 'invalid email' }]);
    }
    const { rec } = this.writable(p, ctx, PERMISSIONS.casesUpdate, 'changed');
    this.d.store.prepare(rec);
    if (paths.has('display_name')) rec.displayName = input.displayName ?? '';
    if (paths.has('priority')) rec.priority = input.priority ?? 'PRIORITY_UNSPECIFIED';
    if (paths.has('subscriber_email_addresses')) rec.subscribers = [...(input.subscriberEmailAddresses ?? [])];
    return this.saved(rec, paths.has('display_name'));
  }

  async close(ctx: RouteContext, p: Principal): Promise<Reply> {
    allowParams(ctx.url);
    parseBody(CloseCaseRequestSchema, await readJsonBody(ctx.req));
    const { rec } = this.found(p, ctx, PERMISSIONS.casesUpdate);
    if (rec.state === 'CLOSED') throw precondition(`Case ${rec.name} is already closed.`, 'CASE_STATE', rec.name);
    this.d.store.prepare(rec);
    rec.state = 'CLOSED';
    this.d.store.touch(rec, this.d.clock.now(), false);
    rec.closeTime = rec.updateTime;
    this.d.sim.onClosed(rec);
    this.d.persist();
    return json(200, caseJson(this.d.store, rec));
  }

  async escalate(ctx: RouteContext, p: Principal): Promise<Reply> {
    allowParams(ctx.url);
    const body = parseBody(EscalateCaseRequestSchema, await readJsonBody(ctx.req));
    const violations: Violation[] = [];
    if (body.escalation?.reason === undefined || body.escalation.reason === 'REASON_UNSPECIFIED')
      violations.push({
        field: 'escalation.reason',
        description: 'reason is required (RESOLUTION_TIME, TECHNICAL_EXPERTISE or BUSINESS_IMPACT)',
      });
    if ((body.escalation?.justification ?? '').trim() === '')
      violations.push({ field: 'escalation.justification', description: 'justification is required' });
    if (violations.length > 0) throw badRequest(`Invalid escalation: ${violations.map((v) => v.description).join('; ')}`, violations);
    const { rec, parent } = this.writable(p, ctx, PERMISSIONS.casesEscalate, 'escalated');
    if (parent.customer?.tier !== 'PREMIUM')
      throw precondition(
        `Case ${rec.name} cannot be escalated: its organization's support offering does not include technical support escalations.`,
        'SUPPORT_OFFERING',
        parent.name,
      );
    if (rec.escalated) throw precondition(`Case ${rec.name} is already escalated.`, 'CASE_ESCALATED', rec.name);
    this.d.store.prepare(rec);
    rec.escalated = true;
    return this.saved(rec, false);
  }

  /** The `reopen` extension (Google's API has no reopen method). */
  async reopen(ctx: RouteContext, p: Principal): Promise<Reply> {
    allowParams(ctx.url);
    parseBody(CloseCaseRequestSchema, await readJsonBody(ctx.req));
    const { rec } = this.found(p, ctx, PERMISSIONS.casesUpdate);
    if (rec.state !== 'CLOSED')
      throw precondition(`Case ${rec.name} is not closed (state ${rec.state}); only closed cases can be reopened.`, 'CASE_STATE', rec.name);
    const closed = rec.closeTime ?? rec.updateTime;
    if (this.d.clock.now() - closed > this.d.reopenWindowDays * DAY) {
      throw precondition(
        `Case ${rec.name} was closed on ${new Date(closed).toISOString()}, more than ${this.d.reopenWindowDays} days ago; it can no longer be reopened. Create a follow-up case instead.`,
        'REOPEN_WINDOW',
        rec.name,
      );
    }
    this.d.store.prepare(rec);
    rec.state = 'NEW';
    delete rec.closeTime;
    this.d.store.touch(rec, this.d.clock.now(), false);
    this.d.sim.onReopened(rec);
    this.d.persist();
    return json(200, caseJson(this.d.store, rec));
  }
}

/** cases.list: direct children only; cases.search on an organization: it and its projects (docs §1.5.3–4). */
function inScope(scope: ParentScope, mode: QueryMode): (rec: CaseRec) => boolean {
  const aggregate = scope.aggregate;
  // The extension aggregates the customers' organization-level cases only (what the old client maps to customers).
  if (aggregate !== undefined)
    return (rec) => (aggregate.has(rec.org) && rec.parent === `organizations/${rec.org}`) || rec.parent === scope.name;
  if (mode === 'search' && scope.kind === 'organization') return (rec) => rec.org === scope.org;
  return (rec) => rec.parent === scope.name;
}

/** No mask = every patchable field is taken from the body (documented), so absent ones are cleared. */
function maskPaths(raw: string): Set<CaseUpdateMaskPath> {
  const paths = new Set<CaseUpdateMaskPath>();
  for (const part of raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')) {
    const snake = part.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) as CaseUpdateMaskPath;
    if (!CASE_UPDATE_MASK_PATHS.includes(snake))
      throw badRequest(`Invalid update_mask path "${part}"; supported paths: ${CASE_UPDATE_MASK_PATHS.join(', ')}.`, [
        { field: 'update_mask', description: `unsupported path "${part}"` },
      ]);
    paths.add(snake);
  }
  if (paths.size === 0) for (const p of CASE_UPDATE_MASK_PATHS) paths.add(p);
  return paths;
}
