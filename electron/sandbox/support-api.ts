import type { IncomingMessage } from 'node:http';
import {
  CASE_UPDATE_MASK_PATHS,
  COMMENT_BODY_MAX_CHARS,
  CaseInputSchema,
  CloseCaseRequestSchema,
  CommentInputSchema,
  CreateAttachmentRequestSchema,
  EscalateCaseRequestSchema,
  describeIssues,
  normalizeInboundKeys,
  parseInbound,
  type CaseUpdateMaskPath,
} from '../../shared/api';
import { requireAuthorized, requireCloudPlatform, resolveCase, resolveParent } from './access';
import type { SandboxClock } from './clock';
import {
  ApiError,
  BodyTooLargeError,
  badRequest,
  decodePageToken,
  encodePageToken,
  json,
  parsePageSize,
  precondition,
  readBody,
  readJsonBody,
  type Reply,
} from './http';
import type { Principal } from './oidc';
import { QuerySyntaxError, parseCaseQuery, parseClassificationQuery, type QueryMode } from './query';
import type { Simulation } from './simulation';
import type { SearchCursor, Store } from './store';
import { attachmentJson, caseJson, commentJson } from './wire';
import type { ActorRec, CaseRec, CustomerRec } from './world';

// Cloud Support API v2 (docs/cloud-support-api.md §1) over the sandbox store.

export interface SupportApiDeps {
  store: Store;
  clock: SandboxClock;
  sim: Simulation;
  tokenSecret: string;
  maxAttachmentBytes: number;
  reopenWindowDays: number;
  persist: () => void;
}

const SYSTEM_PARAMS = [
  'alt',
  'fields',
  'prettyPrint',
  '$.xgafv',
  'quotaUser',
  'key',
  'access_token',
  'oauth_token',
  'uploadType',
  'upload_protocol',
  'callback',
];
const DAY = 86_400_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function allowParams(url: URL, ...allowed: string[]): void {
  for (const key of url.searchParams.keys()) {
    if (!SYSTEM_PARAMS.includes(key) && !allowed.includes(key))
      throw badRequest(
        `Invalid JSON payload received. Unknown name "${key}": Cannot bind query parameter. Field '${key}' could not be found in request message.`,
        [{ field: key, description: 'unknown query parameter' }],
      );
  }
}

/** Reads a query parameter under its camelCase or snake_case spelling. */
function param(url: URL, camel: string): string | null {
  const snake = camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return url.searchParams.get(camel) ?? url.searchParams.get(snake);
}

function parseBody<T>(schema: Parameters<typeof parseInbound>[0], raw: unknown): T {
  const result = parseInbound(schema, raw);
  if (!result.success) throw badRequest(`Invalid JSON payload received. ${describeIssues(result.error)}`);
  return result.data as T;
}

function agentActor(p: Principal): ActorRec {
  return { displayName: p.agent.displayName, email: p.agent.email };
}

export class SupportApi {
  constructor(private readonly d: SupportApiDeps) {}

  /** Routes `/v2/...` (upload=false) and `/upload/v2/...` (upload=true). Returns [routeName, reply]. */
  async handle(
    req: IncomingMessage,
    url: URL,
    segments: string[],
    principal: Principal,
    upload: boolean,
    routeName: (n: string) => void,
  ): Promise<Reply> {
    requireCloudPlatform(principal);
    const method = req.method ?? 'GET';
    const notFound = (): ApiError => new ApiError('NOT_FOUND', `Method not found: ${method} ${url.pathname}`);
    const named = (name: string, run: () => Reply | Promise<Reply>): Reply | Promise<Reply> => {
      routeName(name);
      return run();
    };
    const [coll, org, casesSeg, caseSeg, sub, subId, ...rest] = segments;
    if (upload) {
      if (
        coll === undefined ||
        org === undefined ||
        casesSeg !== 'cases' ||
        caseSeg === undefined ||
        sub !== 'attachments' ||
        subId !== undefined ||
        method !== 'POST'
      )
        throw notFound();
      routeName('media.upload');
      return this.upload(req, url, principal, coll, org, caseSeg);
    }
    if (segments.length === 1 && coll === 'caseClassifications:search' && method === 'GET') {
      routeName('caseClassifications.search');
      return this.searchClassifications(url);
    }
    if (coll === undefined || org === undefined || casesSeg === undefined || rest.length > 0) throw notFound();
    if (caseSeg === undefined) {
      if (casesSeg === 'cases' && method === 'GET')
        return named('cases.list', () => this.listOrSearch(url, principal, coll, org, 'filter'));
      if (casesSeg === 'cases:search' && method === 'GET')
        return named('cases.search', () => this.listOrSearch(url, principal, coll, org, 'search'));
      if (casesSeg === 'cases' && method === 'POST') return named('cases.create', () => this.create(req, url, principal, coll, org));
      throw notFound();
    }
    if (casesSeg !== 'cases') throw notFound();
    if (sub === undefined) {
      const [caseId, verb, extra] = caseSeg.split(':');
      if (caseId === undefined || extra !== undefined) throw notFound();
      if (verb === undefined && method === 'GET') return named('cases.get', () => this.get(url, principal, coll, org, caseId));
      if (verb === undefined && method === 'PATCH') return named('cases.patch', () => this.patch(req, url, principal, coll, org, caseId));
      if (verb === 'close' && method === 'POST') return named('cases.close', () => this.close(req, url, principal, coll, org, caseId));
      if (verb === 'escalate' && method === 'POST')
        return named('cases.escalate', () => this.escalate(req, url, principal, coll, org, caseId));
      if (verb === 'reopen' && method === 'POST') return named('cases.reopen', () => this.reopen(req, url, principal, coll, org, caseId));
      throw notFound();
    }
    if (sub === 'comments') {
      if (subId === undefined && method === 'GET')
        return named('comments.list', () => this.listComments(url, principal, coll, org, caseSeg));
      if (subId === undefined && method === 'POST')
        return named('comments.create', () => this.createComment(req, url, principal, coll, org, caseSeg));
      if (subId !== undefined && method === 'GET')
        return named('comments.get', () => this.getComment(url, principal, coll, org, caseSeg, subId));
      throw notFound();
    }
    if (sub === 'attachments') {
      if (subId === undefined && method === 'GET')
        return named('attachments.list', () => this.listAttachments(url, principal, coll, org, caseSeg));
      if (subId === undefined && method === 'POST') {
        routeName('media.upload');
        await readJsonBody(req);
        throw badRequest('Media content is required: upload the file to /upload/v2/{parent}/attachments (uploadType=media or multipart).');
      }
      if (subId !== undefined && method === 'GET') {
        const [attId, verb, extra] = subId.split(':');
        if (attId === undefined || extra !== undefined) throw notFound();
        if (verb === undefined) return named('attachments.get', () => this.getAttachment(url, principal, coll, org, caseSeg, attId));
        if (verb === 'download') return named('media.download', () => this.download(url, principal, coll, org, caseSeg, attId));
      }
      throw notFound();
    }
    throw notFound();
  }

  // ---------- cases ----------

  private listOrSearch(url: URL, principal: Principal, coll: string, org: string, mode: QueryMode): Reply {
    const qName = mode === 'filter' ? 'filter' : 'query';
    allowParams(url, qName, 'pageSize', 'page_size', 'pageToken', 'page_token');
    const scope = resolveParent(this.d.store, principal, coll, org);
    const q = url.searchParams.get(qName) ?? '';
    let cond;
    try {
      cond = parseCaseQuery(q, mode);
    } catch (e) {
      if (e instanceof QuerySyntaxError)
        throw badRequest(`Invalid ${qName} "${q}": ${e.message}`, [{ field: qName, description: e.message }]);
      throw e;
    }
    const pageSize = parsePageSize(param(url, 'pageSize'), 10, 1000);
    const binding = `cases.${mode}|${coll}/${org}|${q}|${principal.agent.domain}`;
    const token = param(url, 'pageToken');
    let after: SearchCursor | undefined;
    if (token !== null && token !== '') {
      const p = decodePageToken(token, binding, this.d.tokenSecret) as SearchCursor;
      if (typeof p?.t !== 'number' || typeof p.n !== 'string') throw badRequest('Invalid page token.');
      after = p;
    }
    const { rows, more } = this.d.store.search({ inScope: (rec) => scope.orgs.has(rec.org), cond, after, pageSize });
    const body: Record<string, unknown> = {};
    if (rows.length > 0) body['cases'] = rows.map((r) => caseJson(this.d.store, r));
    const last = rows[rows.length - 1];
    if (more && last !== undefined)
      body['nextPageToken'] = encodePageToken(binding, { t: last.updateTime, n: last.name }, this.d.tokenSecret);
    return json(200, body);
  }

  private get(url: URL, principal: Principal, coll: string, org: string, caseId: string): Reply {
    allowParams(url);
    return json(200, caseJson(this.d.store, resolveCase(this.d.store, principal, coll, org, caseId).rec));
  }

  private async create(req: IncomingMessage, url: URL, principal: Principal, coll: string, org: string): Promise<Reply> {
    allowParams(url);
    const raw = await readJsonBody(req);
    const scope = resolveParent(this.d.store, principal, coll, org);
    const input = parseBody<import('../../shared/api').CaseInput>(CaseInputSchema, raw);
    const violations: { field: string; description: string }[] = [];
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
    if (violations.length > 0) throw badRequest(`Invalid case: ${violations.map((v) => v.description).join('; ')}`, violations);
    if (scope.kind !== 'customer') {
      throw badRequest(
        `Cases are created under a customer's organization; '${coll}/${org}' is the reseller domain's organization (it only aggregates customer cases for search). Find the customer's organization with organizations:search.`,
        [{ field: 'parent', description: 'must be a customer organization' }],
      );
    }
    requireAuthorized(scope.customer, principal);
    const store = this.d.store;
    const now = this.d.clock.now();
    const id = store.newCaseId();
    const rec: CaseRec = {
      id,
      name: `organizations/${scope.customer.org}/cases/${id}`,
      org: scope.customer.org,
      customerId: scope.customer.customerId,
      displayName: input.displayName ?? '',
      description: input.description ?? '',
      classificationId: clsId,
      timeZone: input.timeZone ?? '',
      subscribers: [...(input.subscriberEmailAddresses ?? [])],
      state: 'NEW',
      priority: input.priority ?? 'PRIORITY_UNSPECIFIED',
      createTime: now,
      updateTime: now,
      creator: agentActor(principal),
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

  private writable(
    principal: Principal,
    coll: string,
    org: string,
    caseId: string,
    action: string,
  ): { rec: CaseRec; customer: CustomerRec } {
    const found = resolveCase(this.d.store, principal, coll, org, caseId);
    requireAuthorized(found.customer, principal);
    if (found.rec.state === 'CLOSED')
      throw precondition(
        `Case ${found.rec.name} is closed; it cannot be ${action}. Reopen it first (POST …:reopen) or create a follow-up case.`,
        'CASE_STATE',
        found.rec.name,
      );
    return found;
  }

  private async patch(req: IncomingMessage, url: URL, principal: Principal, coll: string, org: string, caseId: string): Promise<Reply> {
    allowParams(url, 'updateMask', 'update_mask');
    const raw = await readJsonBody(req);
    const input = parseBody<import('../../shared/api').CaseInput>(CaseInputSchema, raw);
    const maskRaw = param(url, 'updateMask') ?? '';
    const paths = new Set<CaseUpdateMaskPath>();
    for (const part of maskRaw
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
    // Documented rule: no mask = every patchable field is taken from the body, so absent ones are cleared.
    if (paths.size === 0) for (const p of CASE_UPDATE_MASK_PATHS) paths.add(p);
    for (const e of paths.has('subscriber_email_addresses') ? (input.subscriberEmailAddresses ?? []) : []) {
      if (!EMAIL.test(e))
        throw badRequest(`"${e}" is not an email address`, [{ field: 'case.subscriber_email_addresses', description: 'invalid email' }]);
    }
    const { rec } = this.writable(principal, coll, org, caseId, 'changed');
    this.d.store.prepare(rec);
    if (paths.has('display_name')) rec.displayName = input.displayName ?? '';
    if (paths.has('priority')) rec.priority = input.priority ?? 'PRIORITY_UNSPECIFIED';
    if (paths.has('subscriber_email_addresses')) rec.subscribers = [...(input.subscriberEmailAddresses ?? [])];
    this.d.store.touch(rec, this.d.clock.now(), paths.has('display_name'));
    this.d.persist();
    return json(200, caseJson(this.d.store, rec));
  }

  private async close(req: IncomingMessage, url: URL, principal: Principal, coll: string, org: string, caseId: string): Promise<Reply> {
    allowParams(url);
    parseBody(CloseCaseRequestSchema, await readJsonBody(req));
    const found = resolveCase(this.d.store, principal, coll, org, caseId);
    requireAuthorized(found.customer, principal);
    const rec = found.rec;
    if (rec.state === 'CLOSED') throw precondition(`Case ${rec.name} is already closed.`, 'CASE_STATE', rec.name);
    this.d.store.prepare(rec);
    rec.state = 'CLOSED';
    this.d.store.touch(rec, this.d.clock.now(), false);
    rec.closeTime = rec.updateTime;
    this.d.sim.onClosed(rec);
    this.d.persist();
    return json(200, caseJson(this.d.store, rec));
  }

  private async escalate(req: IncomingMessage, url: URL, principal: Principal, coll: string, org: string, caseId: string): Promise<Reply> {
    allowParams(url);
    const body = parseBody<import('../../shared/api').EscalateCaseRequest>(EscalateCaseRequestSchema, await readJsonBody(req));
    const violations: { field: string; description: string }[] = [];
    if (body.escalation?.reason === undefined || body.escalation.reason === 'REASON_UNSPECIFIED')
      violations.push({
        field: 'escalation.reason',
        description: 'reason is required (RESOLUTION_TIME, TECHNICAL_EXPERTISE or BUSINESS_IMPACT)',
      });
    if ((body.escalation?.justification ?? '').trim() === '')
      violations.push({ field: 'escalation.justification', description: 'justification is required' });
    if (violations.length > 0) throw badRequest(`Invalid escalation: ${violations.map((v) => v.description).join('; ')}`, violations);
    const { rec, customer } = this.writable(principal, coll, org, caseId, 'escalated');
    if (customer.tier !== 'PREMIUM')
      throw precondition(
        `Case ${rec.name} cannot be escalated: customer ${customer.customerDomain} does not have Premium Support (escalations are a Premium Support feature).`,
        'SUPPORT_TIER',
        customer.customerId,
      );
    if (rec.escalated) throw precondition(`Case ${rec.name} is already escalated.`, 'CASE_ESCALATED', rec.name);
    this.d.store.prepare(rec);
    rec.escalated = true;
    this.d.store.touch(rec, this.d.clock.now(), false);
    this.d.persist();
    return json(200, caseJson(this.d.store, rec));
  }

  /** Sandbox extension (Google's API has no reopen method); advertised in /sandbox/capabilities. */
  private async reopen(req: IncomingMessage, url: URL, principal: Principal, coll: string, org: string, caseId: string): Promise<Reply> {
    allowParams(url);
    parseBody(CloseCaseRequestSchema, await readJsonBody(req));
    const found = resolveCase(this.d.store, principal, coll, org, caseId);
    requireAuthorized(found.customer, principal);
    const rec = found.rec;
    if (rec.state !== 'CLOSED')
      throw precondition(`Case ${rec.name} is not closed (state ${rec.state}); only closed cases can be reopened.`, 'CASE_STATE', rec.name);
    const closed = rec.closeTime ?? rec.updateTime;
    const windowMs = this.d.reopenWindowDays * DAY;
    if (this.d.clock.now() - closed > windowMs) {
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

  // ---------- comments ----------

  private listComments(url: URL, principal: Principal, coll: string, org: string, caseId: string): Reply {
    allowParams(url, 'pageSize', 'page_size', 'pageToken', 'page_token');
    const { rec } = resolveCase(this.d.store, principal, coll, org, caseId);
    const comments = this.d.store.thread(rec).comments;
    const pageSize = parsePageSize(param(url, 'pageSize'), 10, 100);
    const binding = `comments|${rec.name}`;
    // Newest first (what Google's own samples assume); the cursor is an index into the append-only thread.
    let before = comments.length;
    const token = param(url, 'pageToken');
    if (token !== null && token !== '') {
      const p = decodePageToken(token, binding, this.d.tokenSecret);
      if (typeof p !== 'number' || !Number.isInteger(p) || p < 0 || p > comments.length) throw badRequest('Invalid page token.');
      before = p;
    }
    const start = Math.max(0, before - pageSize);
    const page = comments.slice(start, before).reverse();
    const body: Record<string, unknown> = {};
    if (page.length > 0) body['comments'] = page.map((c) => commentJson(rec, c));
    if (start > 0) body['nextPageToken'] = encodePageToken(binding, start, this.d.tokenSecret);
    return json(200, body);
  }

  private getComment(url: URL, principal: Principal, coll: string, org: string, caseId: string, commentId: string): Reply {
    allowParams(url);
    const { rec } = resolveCase(this.d.store, principal, coll, org, caseId);
    const c = this.d.store.thread(rec).comments.find((x) => x.id === commentId);
    if (c === undefined) throw new ApiError('NOT_FOUND', `Comment '${rec.name}/comments/${commentId}' was not found.`);
    return json(200, commentJson(rec, c));
  }

  private async createComment(
    req: IncomingMessage,
    url: URL,
    principal: Principal,
    coll: string,
    org: string,
    caseId: string,
  ): Promise<Reply> {
    allowParams(url);
    const input = parseBody<import('../../shared/api').CommentInput>(CommentInputSchema, await readJsonBody(req));
    const text = input.body ?? '';
    if (text.trim() === '')
      throw badRequest('Invalid comment: body is required', [{ field: 'comment.body', description: 'body is required' }]);
    if (text.length > COMMENT_BODY_MAX_CHARS)
      throw badRequest(`Invalid comment: body has ${text.length} characters; the maximum is ${COMMENT_BODY_MAX_CHARS}`, [
        { field: 'comment.body', description: 'too long' },
      ]);
    const { rec } = this.writable(principal, coll, org, caseId, 'commented on');
    const store = this.d.store;
    store.prepare(rec);
    const now = this.d.clock.now();
    const comment = { id: store.newCommentId(), body: text, createTime: now, creator: agentActor(principal) };
    store.thread(rec).comments.push(comment);
    this.d.sim.onCustomerReply(rec);
    store.touch(rec, now, true);
    this.d.persist();
    return json(200, commentJson(rec, comment));
  }

  // ---------- attachments ----------

  private listAttachments(url: URL, principal: Principal, coll: string, org: string, caseId: string): Reply {
    allowParams(url, 'pageSize', 'page_size', 'pageToken', 'page_token');
    const { rec } = resolveCase(this.d.store, principal, coll, org, caseId);
    const atts = this.d.store.thread(rec).attachments;
    const pageSize = parsePageSize(param(url, 'pageSize'), 10, 100);
    const binding = `attachments|${rec.name}`;
    let from = 0;
    const token = param(url, 'pageToken');
    if (token !== null && token !== '') {
      const p = decodePageToken(token, binding, this.d.tokenSecret);
      if (typeof p !== 'number' || !Number.isInteger(p) || p < 0 || p > atts.length) throw badRequest('Invalid page token.');
      from = p;
    }
    const page = atts.slice(from, from + pageSize);
    const body: Record<string, unknown> = {};
    if (page.length > 0) body['attachments'] = page.map((a) => attachmentJson(rec, a));
    if (from + pageSize < atts.length) body['nextPageToken'] = encodePageToken(binding, from + pageSize, this.d.tokenSecret);
    return json(200, body);
  }

  private findAttachment(
    principal: Principal,
    coll: string,
    org: string,
    caseId: string,
    attId: string,
  ): { rec: CaseRec; att: import('./world').AttachmentRec } {
    const { rec } = resolveCase(this.d.store, principal, coll, org, caseId);
    const att = this.d.store.thread(rec).attachments.find((a) => a.id === attId);
    if (att === undefined) throw new ApiError('NOT_FOUND', `Attachment '${rec.name}/attachments/${attId}' was not found.`);
    return { rec, att };
  }

  private getAttachment(url: URL, principal: Principal, coll: string, org: string, caseId: string, attId: string): Reply {
    allowParams(url);
    const { rec, att } = this.findAttachment(principal, coll, org, caseId, attId);
    return json(200, attachmentJson(rec, att));
  }

  private download(url: URL, principal: Principal, coll: string, org: string, caseId: string, attId: string): Reply {
    allowParams(url);
    const { rec, att } = this.findAttachment(principal, coll, org, caseId, attId);
    if (url.searchParams.get('alt') !== 'media') return json(200, { resourceName: `${rec.name}/attachments/${att.id}` });
    const bytes = this.d.store.attachmentBytes(rec, att);
    if (bytes === undefined) throw new ApiError('DATA_LOSS', `The content of attachment ${att.id} is missing.`);
    return {
      status: 200,
      headers: {
        'content-type': att.mimeType,
        'content-length': String(bytes.length),
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(att.filename)}`,
      },
      body: bytes,
    };
  }

  private async upload(req: IncomingMessage, url: URL, principal: Principal, coll: string, org: string, caseId: string): Promise<Reply> {
    allowParams(url, 'attachment.filename');
    const max = this.d.maxAttachmentBytes;
    const type = String(req.headers['content-type'] ?? 'application/octet-stream');
    const multipart = /^multipart\/related\b/i.test(type);
    let raw: Buffer;
    try {
      raw = await readBody(req, multipart ? max + 64 * 1024 : max);
    } catch (e) {
      if (e instanceof BodyTooLargeError)
        throw badRequest(`Attachment too large: ${e.message} (maximum attachment size is ${max} bytes).`, [
          { field: 'media', description: `exceeds ${max} bytes` },
        ]);
      throw e;
    }
    let filename = url.searchParams.get('attachment.filename') ?? '';
    let mimeType = type.split(';')[0]?.trim() ?? 'application/octet-stream';
    let bytes: Uint8Array = raw;
    if (multipart) {
      const parts = parseMultipartRelated(type, raw);
      const [meta, media] = parts;
      if (meta === undefined || media === undefined || parts.length !== 2)
        throw badRequest('multipart/related upload needs exactly two parts: JSON metadata, then the media.');
      let metaJson: unknown;
      try {
        metaJson = JSON.parse(meta.body.toString('utf8'));
      } catch {
        throw badRequest('Invalid JSON payload received in the metadata part.');
      }
      const parsed = CreateAttachmentRequestSchema.safeParse(normalizeInboundKeys(metaJson));
      if (!parsed.success) throw badRequest(`Invalid JSON payload received. ${describeIssues(parsed.error)}`);
      filename = parsed.data.attachment?.filename ?? filename;
      mimeType = media.headers['content-type']?.split(';')[0]?.trim() ?? 'application/octet-stream';
      bytes = media.body;
      if (bytes.length > max)
        throw badRequest(`Attachment too large: ${bytes.length} bytes (maximum attachment size is ${max} bytes).`, [
          { field: 'media', description: `exceeds ${max} bytes` },
        ]);
    }
    if (filename.trim() === '')
      throw badRequest('attachment.filename is required.', [{ field: 'attachment.filename', description: 'required' }]);
    const { rec } = this.writable(principal, coll, org, caseId, 'given attachments');
    const store = this.d.store;
    store.prepare(rec);
    const now = this.d.clock.now();
    const att = {
      id: store.newAttachmentId(),
      filename,
      mimeType,
      sizeBytes: bytes.length,
      createTime: now,
      creator: agentActor(principal),
    };
    store.putBlob(att.id, bytes);
    store.thread(rec).attachments.push(att);
    store.touch(rec, now, false);
    this.d.persist();
    return json(200, attachmentJson(rec, att));
  }

  // ---------- classifications ----------

  private searchClassifications(url: URL): Reply {
    allowParams(url, 'query', 'pageSize', 'page_size', 'pageToken', 'page_token');
    const q = url.searchParams.get('query') ?? '';
    let pred;
    try {
      pred = parseClassificationQuery(q);
    } catch (e) {
      if (e instanceof QuerySyntaxError)
        throw badRequest(`Invalid query "${q}": ${e.message}`, [{ field: 'query', description: e.message }]);
      throw e;
    }
    const all = this.d.store.world.classifications.filter((c) => pred === undefined || pred(c.displayName));
    const pageSize = parsePageSize(param(url, 'pageSize'), 10, 100);
    const binding = `classifications|${q}`;
    let from = 0;
    const token = param(url, 'pageToken');
    if (token !== null && token !== '') {
      const p = decodePageToken(token, binding, this.d.tokenSecret);
      if (typeof p !== 'number' || !Number.isInteger(p) || p < 0) throw badRequest('Invalid page token.');
      from = p;
    }
    const page = all.slice(from, from + pageSize);
    const body: Record<string, unknown> = {};
    if (page.length > 0) body['caseClassifications'] = page.map((c) => ({ id: c.id, displayName: c.displayName }));
    if (from + pageSize < all.length) body['nextPageToken'] = encodePageToken(binding, from + pageSize, this.d.tokenSecret);
    return json(200, body);
  }
}

interface Part {
  headers: Record<string, string>;
  body: Buffer;
}

/** Minimal multipart/related parser (the shape googleapis-common sends, CRLF line ends). */
export function parseMultipartRelated(contentType: string, raw: Buffer): Part[] {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  if (boundary === undefined) throw badRequest('multipart/related Content-Type needs a boundary parameter.');
  const delim = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let pos = raw.indexOf(delim);
  if (pos < 0) throw badRequest('multipart body does not contain the declared boundary.');
  for (;;) {
    pos += delim.length;
    if (raw.subarray(pos, pos + 2).toString() === '--') return parts;
    if (raw.subarray(pos, pos + 2).toString() === '\r\n') pos += 2;
    const next = raw.indexOf(delim, pos);
    if (next < 0) throw badRequest('multipart body is not terminated by the closing boundary.');
    let chunk = raw.subarray(pos, next);
    if (chunk.subarray(chunk.length - 2).toString() === '\r\n') chunk = chunk.subarray(0, chunk.length - 2);
    const sep = chunk.indexOf('\r\n\r\n');
    const headerText = sep < 0 ? chunk.toString('utf8') : chunk.subarray(0, sep).toString('utf8');
    const headers: Record<string, string> = {};
    for (const line of headerText.split('\r\n')) {
      const i = line.indexOf(':');
      if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
    }
    parts.push({ headers, body: sep < 0 ? Buffer.alloc(0) : chunk.subarray(sep + 4) });
    pos = next;
  }
}
