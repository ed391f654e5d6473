import { COMMENT_BODY_MAX_CHARS, CommentInputSchema, CreateAttachmentRequestSchema, describeIssues, parseInbound } from '../../shared/api';
import type { CasesApi } from './cases-api';
import { ApiError, BodyTooLargeError, MAX_JSON_DEPTH, badRequest, json, jsonDepth, readBody, readJsonBody, type Reply } from './http';
import { PERMISSIONS } from './iam';
import { parseMultipartRelated } from './multipart';
import type { Principal } from './oidc';
import { paginate, parsePageSize } from './paging';
import { QuerySyntaxError, parseClassificationQuery } from './query';
import type { RouteContext } from './router';
import { agentActor, allowParams, param, parseBody, spellings, type SupportDeps } from './support-common';
import { attachmentJson, commentJson } from './wire';
import type { AttachmentRec, CaseRec } from './world';

// Cloud Support v2 comments, attachments, media upload/download and
// caseClassifications.search.

const PAGE_PARAMS = spellings('pageSize', 'pageToken');

export class ThreadsApi {
  constructor(
    private readonly d: SupportDeps,
    private readonly cases: CasesApi,
  ) {}

  /** One page of `items` as `{[key]: mapped items, nextPageToken}`, the shape of every v2 list. */
  private listReply<T>(ctx: RouteContext, key: string, items: readonly T[], binding: string, map: (item: T) => unknown): Reply {
    const { page, next } = paginate(items, {
      token: param(ctx.url, 'pageToken'),
      binding,
      secret: this.d.tokenSecret,
      pageSize: parsePageSize(param(ctx.url, 'pageSize'), 10, 100),
    });
    const body: Record<string, unknown> = {};
    if (page.length > 0) body[key] = page.map(map);
    if (next !== undefined) body['nextPageToken'] = next;
    return json(200, body);
  }

  listComments(ctx: RouteContext, p: Principal): Reply {
    allowParams(ctx.url, ...PAGE_PARAMS);
    const { rec } = this.cases.found(p, ctx, PERMISSIONS.casesGet);
    // Newest first (what Google's own samples assume).
    const newestFirst = this.d.store.thread(rec).comments.slice().reverse();
    return this.listReply(ctx, 'comments', newestFirst, `comments|${rec.name}`, (c) => commentJson(rec, c));
  }

  getComment(ctx: RouteContext, p: Principal): Reply {
    allowParams(ctx.url);
    const { rec } = this.cases.found(p, ctx, PERMISSIONS.casesGet);
    const id = ctx.params['comment'] ?? '';
    const c = this.d.store.thread(rec).comments.find((x) => x.id === id);
    if (c === undefined) throw new ApiError('NOT_FOUND', `Comment '${rec.name}/comments/${id}' was not found.`);
    return json(200, commentJson(rec, c));
  }

  async createComment(ctx: RouteContext, p: Principal): Promise<Reply> {
    allowParams(ctx.url);
    const input = parseBody(CommentInputSchema, await readJsonBody(ctx.req));
    const text = input.body ?? '';
    if (text.trim() === '')
      throw badRequest('Invalid comment: body is required', [{ field: 'comment.body', description: 'body is required' }]);
    if (text.length > COMMENT_BODY_MAX_CHARS)
      throw badRequest(`Invalid comment: body has ${text.length} characters; the maximum is ${COMMENT_BODY_MAX_CHARS}`, [
        { field: 'comment.body', description: 'too long' },
      ]);
    const { rec } = this.cases.writable(p, ctx, PERMISSIONS.casesUpdate, 'commented on');
    const store = this.d.store;
    store.prepare(rec);
    const now = this.d.clock.now();
    const comment = { id: store.newCommentId(), body: text, createTime: now, creator: agentActor(p) };
    store.thread(rec).comments.push(comment);
    this.d.sim.onCustomerReply(rec);
    store.touch(rec, now, true);
    this.d.persist();
    return json(200, commentJson(rec, comment));
  }

  listAttachments(ctx: RouteContext, p: Principal): Reply {
    allowParams(ctx.url, ...PAGE_PARAMS);
    const { rec } = this.cases.found(p, ctx, PERMISSIONS.casesGet);
    return this.listReply(ctx, 'attachments', this.d.store.thread(rec).attachments, `attachments|${rec.name}`, (a) =>
      attachmentJson(rec, a),
    );
  }

  private attachment(ctx: RouteContext, p: Principal): { rec: CaseRec; att: AttachmentRec } {
    const { rec } = this.cases.found(p, ctx, PERMISSIONS.casesGet);
    const id = ctx.params['attachment'] ?? '';
    const att = this.d.store.thread(rec).attachments.find((a) => a.id === id);
    if (att === undefined) throw new ApiError('NOT_FOUND', `Attachment '${rec.name}/attachments/${id}' was not found.`);
    return { rec, att };
  }

  getAttachment(ctx: RouteContext, p: Principal): Reply {
    allowParams(ctx.url);
    const { rec, att } = this.attachment(ctx, p);
    return json(200, attachmentJson(rec, att));
  }

  download(ctx: RouteContext, p: Principal): Reply {
    allowParams(ctx.url);
    const { rec, att } = this.attachment(ctx, p);
    const bytes = this.d.store.attachmentBytes(rec, att);
    if (bytes === undefined) throw new ApiError('DATA_LOSS', `The content of attachment ${att.id} is missing.`);
    // Without alt=media the method answers its `Media` resource: only fields that schema has.
    if (ctx.url.searchParams.get('alt') !== 'media')
      return json(200, { filename: att.filename, contentType: att.mimeType, length: String(bytes.length) });
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

  /** POST /v2/{case}/attachments: the metadata-only form, which carries no bytes. */
  async uploadWithoutMedia(ctx: RouteContext): Promise<Reply> {
    await readJsonBody(ctx.req);
    throw badRequest('Media content is required: upload the file to /upload/v2/{parent}/attachments (uploadType=media or multipart).');
  }

  async upload(ctx: RouteContext, p: Principal): Promise<Reply> {
    allowParams(ctx.url, 'attachment.filename');
    const max = this.d.maxAttachmentBytes;
    const type = String(ctx.req.headers['content-type'] ?? 'application/octet-stream');
    const multipart = /^multipart\/related\b/i.test(type);
    let raw: Buffer;
    try {
      raw = await readBody(ctx.req, multipart ? max + 64 * 1024 : max);
    } catch (e) {
      if (e instanceof BodyTooLargeError)
        throw badRequest(`Attachment too large: ${e.message} (maximum attachment size is ${max} bytes).`, [
          { field: 'media', description: `exceeds ${max} bytes` },
        ]);
      throw e;
    }
    const media = multipart ? mediaFromMultipart(type, raw, max) : { filename: undefined, mimeType: mimeOf(type), bytes: raw };
    const filename = media.filename ?? ctx.url.searchParams.get('attachment.filename') ?? '';
    if (filename.trim() === '')
      throw badRequest('attachment.filename is required.', [{ field: 'attachment.filename', description: 'required' }]);
    const { rec } = this.cases.writable(p, ctx, PERMISSIONS.casesUpdate, 'given attachments');
    const store = this.d.store;
    store.prepare(rec);
    const now = this.d.clock.now();
    const att = {
      id: store.newAttachmentId(),
      filename,
      mimeType: media.mimeType,
      sizeBytes: media.bytes.length,
      createTime: now,
      creator: agentActor(p),
    };
    store.putBlob(att.id, media.bytes);
    store.thread(rec).attachments.push(att);
    store.touch(rec, now, false);
    this.d.persist();
    return json(200, attachmentJson(rec, att));
  }

  searchClassifications(ctx: RouteContext): Reply {
    allowParams(ctx.url, 'query', ...PAGE_PARAMS);
    const q = ctx.url.searchParams.get('query') ?? '';
    let pred;
    try {
      pred = parseClassificationQuery(q);
    } catch (e) {
      if (e instanceof QuerySyntaxError)
        throw badRequest(`Invalid query "${q}": ${e.message}`, [{ field: 'query', description: e.message }]);
      throw e;
    }
    const all = this.d.store.world.classifications.filter((c) => pred === undefined || pred(c.displayName));
    return this.listReply(ctx, 'caseClassifications', all, `classifications|${q}`, (c) => ({ id: c.id, displayName: c.displayName }));
  }
}

function mimeOf(contentType: string | undefined): string {
  return contentType?.split(';')[0]?.trim() || 'application/octet-stream';
}

/** Metadata part (a CreateAttachmentRequest; output-only fields are ignored) and media part. */
function mediaFromMultipart(type: string, raw: Buffer, max: number): { filename: string | undefined; mimeType: string; bytes: Uint8Array } {
  const parts = parseMultipartRelated(type, raw);
  const [meta, media] = parts;
  if (meta === undefined || media === undefined || parts.length !== 2)
    throw badRequest('multipart/related upload needs exactly two parts: JSON metadata, then the media.');
  let metaJson: unknown;
  const metaText = meta.body.toString('utf8');
  if (jsonDepth(metaText) > MAX_JSON_DEPTH) throw badRequest('Invalid JSON payload received in the metadata part: nested too deeply.');
  try {
    metaJson = JSON.parse(metaText);
  } catch {
    throw badRequest('Invalid JSON payload received in the metadata part.');
  }
  const parsed = parseInbound(CreateAttachmentRequestSchema, metaJson);
  if (!parsed.success) throw badRequest(`Invalid JSON payload received. ${describeIssues(parsed.error)}`);
  if (media.body.length > max)
    throw badRequest(`Attachment too large: ${media.body.length} bytes (maximum attachment size is ${max} bytes).`, [
      { field: 'media', description: `exceeds ${max} bytes` },
    ]);
  return { filename: parsed.data.attachment?.filename, mimeType: mimeOf(media.headers['content-type']), bytes: media.body };
}
