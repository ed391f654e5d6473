// What the SLA clocks and the dashboard read about each case beyond the projection's
// columns: the case's time zone and category, the thread's comment times by side, and the
// replica's own history of the case (reopens, escalations, whether its thread is complete).
// Kept in memory per account next to the projection, fed by the same hydration and batches.

import type { SlaThread } from '../../shared/domain/sla';
import type { ReplicaBatch } from '../../shared/ipc/replica';
import { nextCaseHistory, toCaseRecord, type CaseHistoryRecord, type CaseRecord, type CommentRecord } from './records';

export interface CaseFacts {
  readonly timeZone: string | undefined;
  readonly category: string | undefined;
  /** Comment times on the thread (each ascending), or undefined when the thread is not known. */
  readonly thread: SlaThread | undefined;
  readonly reopenedAtMs: readonly number[];
  readonly escalatedAtMs: number | undefined;
}

interface Entry {
  timeZone: string | undefined;
  category: string | undefined;
  commentNames: string[];
  google: number[];
  others: number[];
  history: CaseHistoryRecord | undefined;
}

export interface CaseFactsStore {
  /** Bumped on every change (memo key for derived SLA values). */
  readonly version: number;
  get(caseName: string): CaseFacts | undefined;
  upsertCases(records: ReadonlyArray<Pick<CaseRecord, 'name' | 'timeZone' | 'classificationName'>>): void;
  addComments(comments: ReadonlyArray<Pick<CommentRecord, 'name' | 'caseName' | 'createTimeMs' | 'googleSupport'>>): void;
  setHistory(rows: readonly CaseHistoryRecord[]): void;
  /** Mirrors an applied batch (the same history rules as applyBatch). */
  applyBatch(batch: ReplicaBatch, removedCaseNames: readonly string[]): void;
}

function insertSorted(list: number[], value: number): void {
  let i = list.length;
  while (i > 0 && (list[i - 1] as number) > value) i--;
  list.splice(i, 0, value);
}

export function createCaseFacts(): CaseFactsStore {
  const entries = new Map<string, Entry>();
  let version = 0;

  const entry = (name: string): Entry => {
    let found = entries.get(name);
    if (!found) {
      found = { timeZone: undefined, category: undefined, commentNames: [], google: [], others: [], history: undefined };
      entries.set(name, found);
    }
    return found;
  };

  const addComments: CaseFactsStore['addComments'] = (comments) => {
    for (const c of comments) {
      const e = entry(c.caseName);
      if (e.commentNames.includes(c.name)) continue;
      e.commentNames.push(c.name);
      insertSorted(c.googleSupport ? e.google : e.others, c.createTimeMs);
    }
    version += 1;
  };

  return {
    get version() {
      return version;
    },
    get(caseName) {
      const e = entries.get(caseName);
      if (!e) return undefined;
      const known = e.commentNames.length > 0 || e.history?.threadCompleteAtMs !== undefined;
      return {
        timeZone: e.timeZone,
        category: e.category,
        thread: known ? { google: e.google, others: e.others } : undefined,
        reopenedAtMs: e.history?.reopenedAtMs ?? [],
        escalatedAtMs: e.history?.escalatedAtMs,
      };
    },
    upsertCases(records) {
      for (const r of records) {
        const e = entry(r.name);
        e.timeZone = r.timeZone;
        e.category = r.classificationName;
      }
      version += 1;
    },
    addComments,
    setHistory(rows) {
      for (const row of rows) entry(row.name).history = row;
      version += 1;
    },
    applyBatch(batch, removedCaseNames) {
      const records = (batch.upserts.cases ?? []).map(toCaseRecord);
      this.upsertCases(records);
      for (const record of records) {
        const e = entry(record.name);
        e.history = nextCaseHistory(e.history, record) ?? e.history;
      }
      const complete = new Set(batch.completeThreads ?? []);
      for (const name of complete) {
        const e = entry(name);
        e.commentNames = [];
        e.google = [];
        e.others = [];
        if (e.history) e.history = { ...e.history, threadCompleteAtMs: Date.now() };
      }
      addComments(
        (batch.upserts.comments ?? []).map((c) => ({
          name: c.name,
          caseName: c.caseName,
          createTimeMs: Date.parse(c.createTime) || 0,
          googleSupport: c.googleSupport,
        })),
      );
      for (const name of removedCaseNames) entries.delete(name);
      version += 1;
    },
  };
}
