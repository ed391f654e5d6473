import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Binding } from './iam';
import type { CaseCondition } from './query';
import { STATE_FILE, readState, serializeCase, stateVersion, type SavedState } from './saved-state';
import { PostingIndex, documentTokens } from './text-index';
import { makeLog, makeMailHeaders, makePdf, makePng } from './media';
import {
  compareCaseOrder,
  generateWorld,
  seededThread,
  type AgentRec,
  type AttachmentRec,
  type CaseRec,
  type CustomerRec,
  type DomainRec,
  type GeneratedKind,
  type ProjectRec,
  type Thread,
  type World,
} from './world';

// All sandbox records plus the search index and persistence. Generated cases
// live in arrays ordered by (updateTime, name); a changed case gets a new slot
// at the end (updateTime only grows), which keeps search order and
// `update_time>` watermark scans cheap at 100k cases.

export interface Persisted {
  dump(): unknown;
  load(data: unknown): void;
}

export interface SearchCursor {
  t: number;
  n: string;
}

export interface SearchRequest {
  inScope: (rec: CaseRec) => boolean;
  cond: CaseCondition | undefined;
  after: SearchCursor | undefined;
  pageSize: number;
}

export class Store {
  readonly world: World;
  private readonly byIx: CaseRec[];
  private readonly byId = new Map<string, CaseRec>();
  private order: (CaseRec | null)[] = [];
  private orderTime: number[] = [];
  private readonly postings: PostingIndex;
  private readonly dirtyText = new Set<CaseRec>();
  private readonly touched = new Set<CaseRec>();
  private readonly blobs = new Map<string, Uint8Array>();
  private readonly persisted = new Map<string, Persisted>();
  readonly customersById = new Map<string, CustomerRec>();
  readonly customersByOrg = new Map<string, CustomerRec>();
  readonly domainsByName = new Map<string, DomainRec>();
  readonly domainsByOrg = new Map<string, DomainRec>();
  readonly agentsByEmail = new Map<string, AgentRec>();
  /** Projects by id and by number. */
  readonly projectsByKey = new Map<string, { customer: CustomerRec; project: ProjectRec }>();
  private lastUpdate = 0;
  private nextCaseNumber: number;
  private nextCommentNumber = 900_000_000_000;
  private nextAttachmentNumber = 1;
  private pendingExtras: Record<string, unknown> = {};
  /** Sandbox "now" saved with the state, so a restart resumes the clock. */
  savedNow: number | undefined;

  constructor(
    seed: string,
    caseCount: number,
    startMs: number,
    private readonly dataDir: string | undefined,
  ) {
    const saved = dataDir === undefined ? undefined : readState(dataDir);
    // A persisted world is regenerated from its own seed/size, then the overlay applied.
    this.world = generateWorld(
      saved === undefined ? { seed, cases: caseCount, startMs } : { seed: saved.seed, cases: saved.cases, startMs: saved.startMs },
    );
    this.byIx = this.world.cases.slice();
    for (const c of this.world.customers) {
      this.customersById.set(c.customerId, c);
      this.customersByOrg.set(c.org, c);
      for (const project of c.projects) {
        this.projectsByKey.set(project.projectId, { customer: c, project });
        this.projectsByKey.set(project.number, { customer: c, project });
      }
    }
    for (const d of this.world.domains) {
      this.domainsByName.set(d.domain, d);
      this.domainsByOrg.set(d.org, d);
    }
    for (const a of this.world.agents) this.agentsByEmail.set(a.email, a);
    this.postings = this.buildPostings();
    for (const c of this.byIx) {
      this.byId.set(c.id, c);
      this.lastUpdate = Math.max(this.lastUpdate, c.updateTime);
    }
    this.nextCaseNumber = 41_000_000 + this.byIx.length;
    this.order = this.byIx.slice();
    this.orderTime = this.byIx.map((c) => c.updateTime);
    if (saved !== undefined) this.applySaved(saved);
  }

  private buildPostings(): PostingIndex {
    const cache = new Map<string, string[]>();
    const tokensOf = (text: string): string[] => {
      let t = cache.get(text);
      if (t === undefined) cache.set(text, (t = [...documentTokens(text)]));
      return t;
    };
    const world = this.world;
    function* docs(cases: CaseRec[]): Generator<[number, Iterable<string>]> {
      for (const c of cases) {
        const set = documentTokens(c.description);
        for (const t of tokensOf(c.displayName)) set.add(t);
        for (const cm of seededThread(world, c).comments) for (const t of tokensOf(cm.body)) set.add(t);
        yield [c.ix, set];
      }
    }
    return PostingIndex.build(docs(this.byIx));
  }

  // ---------- lookups ----------

  caseById(id: string): CaseRec | undefined {
    return this.byId.get(id);
  }

  get caseCount(): number {
    return this.byIx.length;
  }

  /** The thread of a case, generating it on first access. */
  thread(rec: CaseRec): Thread {
    if (rec.thread === undefined) rec.thread = seededThread(this.world, rec, (kind, r, t) => this.generatedBytes(kind, r, t).length);
    return rec.thread;
  }

  private generatedBytes(kind: GeneratedKind, rec: CaseRec, createTime: number): Uint8Array {
    const customer = this.customersById.get(rec.customerId);
    switch (kind) {
      case 'log':
        return makeLog(rec.id, createTime);
      case 'headers':
        return makeMailHeaders(customer?.customerDomain ?? 'customer.example', createTime);
      case 'png':
        return makePng(Number(rec.id) % 251);
      case 'pdf':
        return makePdf(`Error report for case ${rec.id}: ${rec.displayName}`);
    }
  }

  attachmentBytes(rec: CaseRec, att: AttachmentRec): Uint8Array | undefined {
    if (att.generated !== undefined) return this.generatedBytes(att.generated, rec, att.createTime);
    const mem = this.blobs.get(att.id);
    if (mem !== undefined) return mem;
    if (this.dataDir === undefined) return undefined;
    try {
      return readFileSync(join(this.dataDir, 'blobs', att.id));
    } catch {
      return undefined;
    }
  }

  // ---------- mutation ----------

  /** A strictly increasing update time, so (updateTime, name) order equals insertion order of changes. */
  nextUpdateTime(now: number): number {
    this.lastUpdate = Math.max(now, this.lastUpdate + 1);
    return this.lastUpdate;
  }

  /** Call before changing a case: pins its generated thread. */
  prepare(rec: CaseRec): void {
    this.thread(rec);
  }

  /** Call after changing a case: moves it to the end of the update order and marks it for persistence. */
  touch(rec: CaseRec, now: number, textChanged: boolean): void {
    this.thread(rec);
    rec.updateTime = this.nextUpdateTime(now);
    if (this.order[rec.seq] === rec) this.order[rec.seq] = null;
    rec.seq = this.order.length;
    this.order.push(rec);
    this.orderTime.push(rec.updateTime);
    this.touched.add(rec);
    if (textChanged) this.reindexText(rec);
  }

  private reindexText(rec: CaseRec): void {
    const set = documentTokens(rec.displayName);
    documentTokens(rec.description, set);
    for (const c of this.thread(rec).comments) documentTokens(c.body, set);
    rec.tokens = set;
    this.dirtyText.add(rec);
  }

  newCaseId(): string {
    return String(this.nextCaseNumber++);
  }

  newCommentId(): string {
    return String(this.nextCommentNumber++);
  }

  newAttachmentId(): string {
    // Salesforce-style 18-character ids starting "06", as Google's samples show.
    return `06${(this.nextAttachmentNumber++).toString(36).toUpperCase().padStart(10, '0')}SBXAAA`.slice(0, 18);
  }

  addCase(rec: CaseRec, now: number): void {
    rec.ix = this.byIx.length;
    rec.thread ??= { comments: [], attachments: [] };
    this.byIx.push(rec);
    this.byId.set(rec.id, rec);
    rec.seq = -1;
    this.touch(rec, now, true);
  }

  putBlob(id: string, bytes: Uint8Array): void {
    if (this.dataDir === undefined) {
      this.blobs.set(id, bytes);
      return;
    }
    const dir = join(this.dataDir, 'blobs');
    mkdirSync(dir, { recursive: true });
    atomicWrite(join(dir, id), bytes);
  }

  // ---------- search ----------

  search(req: SearchRequest): { rows: CaseRec[]; more: boolean } {
    const top = req.cond === undefined ? [] : req.cond.kind === 'and' ? req.cond.items : [req.cond];
    const texts = top.filter((c): c is Extract<CaseCondition, { kind: 'text' }> => c.kind === 'text');
    const matches = (rec: CaseRec): boolean =>
      req.inScope(rec) && (req.cond === undefined || this.evaluate(req.cond, rec)) && isAfter(rec, req.after);
    const limit = req.pageSize + 1;
    const rows: CaseRec[] = [];
    if (texts.length > 0) {
      // Keyword path: candidates from the rarest phrase's postings, then the full predicate.
      const best = texts
        .map((t) => ({ t, size: Math.min(...t.tokens.map((k) => this.postings.list(k).length)) }))
        .sort((a, b) => a.size - b.size)[0];
      const found: CaseRec[] = [];
      if (best !== undefined) {
        for (const ix of this.postings.intersect(best.t.tokens)) {
          const rec = this.byIx[ix];
          if (rec !== undefined && rec.tokens === undefined && matches(rec)) found.push(rec);
        }
      }
      for (const rec of this.dirtyText) if (matches(rec)) found.push(rec);
      found.sort(compareCaseOrder);
      rows.push(...found.slice(0, limit));
    } else {
      let from = 0;
      const lower = Math.max(req.after?.t ?? -Infinity, ...top.map((c) => (c.kind === 'updatedAfter' ? c.ms + 1 : -Infinity)));
      if (lower > -Infinity) from = lowerBound(this.orderTime, lower - (req.after === undefined ? 0 : 0));
      for (let i = from; i < this.order.length && rows.length < limit; i++) {
        const rec = this.order[i];
        if (rec !== null && rec !== undefined && matches(rec)) rows.push(rec);
      }
    }
    const more = rows.length > req.pageSize;
    return { rows: rows.slice(0, req.pageSize), more };
  }

  private evaluate(c: CaseCondition, rec: CaseRec): boolean {
    switch (c.kind) {
      case 'and':
        return c.items.every((i) => this.evaluate(i, rec));
      case 'or':
        return c.items.some((i) => this.evaluate(i, rec));
      case 'not':
        return !this.evaluate(c.item, rec);
      case 'open':
        return (rec.state !== 'CLOSED') === c.open;
      case 'priority':
        return rec.priority === c.priority;
      case 'creator':
        return rec.creator.email?.toLowerCase() === c.email;
      case 'updatedAfter':
        return rec.updateTime > c.ms;
      case 'text': {
        const tokens = rec.tokens;
        return tokens !== undefined ? c.tokens.every((t) => tokens.has(t)) : c.tokens.every((t) => this.postings.has(t, rec.ix));
      }
    }
  }

  // ---------- persistence ----------

  register(key: string, p: Persisted): void {
    this.persisted.set(key, p);
    if (key in this.pendingExtras) p.load(this.pendingExtras[key]);
  }

  save(now: number): void {
    if (this.dataDir === undefined) return;
    mkdirSync(this.dataDir, { recursive: true });
    const extras: Record<string, unknown> = {};
    for (const [k, p] of this.persisted) extras[k] = p.dump();
    const state: SavedState = {
      version: stateVersion(),
      seed: this.world.seed,
      cases: this.world.cases.length,
      startMs: this.world.startMs,
      now,
      counters: { case: this.nextCaseNumber, comment: this.nextCommentNumber, attachment: this.nextAttachmentNumber },
      customers: this.world.customers.map((c) => ({
        id: c.customerId,
        authorized: c.authorized,
        transferred: c.transferred,
        resellerDomain: c.resellerDomain,
        iam: c.iam,
      })),
      touched: [...this.touched].map(serializeCase),
      extras,
    };
    atomicWrite(join(this.dataDir, STATE_FILE), Buffer.from(JSON.stringify(state)));
  }

  private applySaved(saved: SavedState): void {
    this.nextCaseNumber = saved.counters.case;
    this.nextCommentNumber = saved.counters.comment;
    this.nextAttachmentNumber = saved.counters.attachment;
    this.savedNow = saved.now;
    for (const c of saved.customers) {
      const rec = this.customersById.get(c.id);
      if (rec !== undefined)
        Object.assign(rec, {
          authorized: c.authorized,
          transferred: c.transferred,
          resellerDomain: c.resellerDomain,
          iam: c.iam as Binding[],
        });
    }
    for (const raw of saved.touched) {
      const existing = this.byId.get(raw.id);
      // The schema checked the shape; zod's optional keys only differ in allowing an explicit undefined.
      const rec = { ...raw, ix: existing?.ix ?? this.byIx.length, seq: 0 } as CaseRec;
      if (existing === undefined) this.byIx.push(rec);
      else this.byIx[rec.ix] = rec;
      this.byId.set(rec.id, rec);
      this.touched.add(rec);
      this.reindexText(rec);
      this.lastUpdate = Math.max(this.lastUpdate, rec.updateTime);
    }
    const sorted = this.byIx.slice().sort(compareCaseOrder);
    sorted.forEach((c, i) => (c.seq = i));
    this.order = sorted;
    this.orderTime = sorted.map((c) => c.updateTime);
    this.pendingExtras = saved.extras;
  }
}

function isAfter(rec: CaseRec, cursor: SearchCursor | undefined): boolean {
  if (cursor === undefined) return true;
  return rec.updateTime > cursor.t || (rec.updateTime === cursor.t && rec.name > cursor.n);
}

function lowerBound(arr: number[], value: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((arr[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Write to a temporary file, then rename: readers never see a half-written file. */
export function atomicWrite(file: string, bytes: Uint8Array): void {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
}
