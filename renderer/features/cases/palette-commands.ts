// What the command palette offers for a query: pure, so the matching is unit-tested.

import { normalizeText } from '../../../shared/domain';
import type { Projection } from '../../data';

export interface CaseHit {
  readonly accountId: string;
  readonly name: string;
  readonly caseNumber: string;
  readonly title: string;
  readonly customerName: string;
  readonly updateTimeMs: number;
}

/** Digits the agent typed as a case number ("#4359", "43595344"), or undefined. */
export function caseNumberQuery(query: string): string | undefined {
  const match = /^\s*#?\s*(\d{2,})\s*$/.exec(query);
  return match?.[1];
}

/**
 * Cases whose number starts with (then contains) the digits, across every account's
 * projection: the projection's prefix index finds them without scanning.
 */
export function findCasesByNumber(sources: readonly { accountId: string; projection: Projection }[], digits: string, limit = 8): CaseHit[] {
  const starts: CaseHit[] = [];
  const contains: CaseHit[] = [];
  for (const { accountId, projection } of sources) {
    const result = projection.query({ keyword: digits });
    for (let i = 0; i < result.ids.length; i++) {
      const row = projection.rowOf(result.ids[i] as number);
      if (!row.caseNumber.includes(digits)) continue;
      const hit = hitOf(accountId, projection.rowOf(result.ids[i] as number));
      (row.caseNumber.startsWith(digits) ? starts : contains).push(hit);
      if (starts.length >= limit) break;
    }
  }
  const exact = starts.filter((hit) => hit.caseNumber === digits);
  const rest = [...starts.filter((hit) => hit.caseNumber !== digits), ...contains];
  return [...exact, ...rest].slice(0, limit);
}

function hitOf(accountId: string, row: ReturnType<Projection['rowOf']>): CaseHit {
  return {
    accountId,
    name: row.name,
    caseNumber: row.caseNumber,
    title: row.title,
    customerName: row.customerName,
    updateTimeMs: row.updateTimeMs,
  };
}

/**
 * Cases whose title, description, thread or customer match the words typed (the list's own
 * keyword search, both Chinese scripts), across every account: the most recently updated first.
 */
export function findCasesByText(sources: readonly { accountId: string; projection: Projection }[], text: string, limit = 8): CaseHit[] {
  if (text.trim().length < 2) return [];
  const hits: CaseHit[] = [];
  for (const { accountId, projection } of sources) {
    const result = projection.query({ keyword: text });
    for (let i = 0; i < Math.min(limit, result.total); i++) hits.push(hitOf(accountId, projection.rowOf(result.ids[i] as number)));
  }
  return hits.sort((a, b) => b.updateTimeMs - a.updateTimeMs).slice(0, limit);
}

/** Whether a command's label matches what the agent typed (accent- and case-blind, every word). */
export function labelMatches(label: string, query: string): boolean {
  const words = normalizeText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = normalizeText(label);
  return words.every((word) => text.includes(word));
}
