import { z } from 'zod';
import {
  applyPiiDecisions,
  PII_KINDS,
  piiFindingKey,
  type PiiDecision,
  type PiiFinding,
  type PiiKind,
  type PiiSubtype,
} from '../../../shared/domain';
import { accountKey, defineSlot, listOf, storageKeys } from '../../platform/storage';

// What the agent decided about each PII finding while writing. "Remove" edits the text at
// once; "keep anyway" needs a reason, which is logged on this machine (never the value
// itself: the log must not become a second copy of the personal data).

export type PiiDecisions = Readonly<Record<string, PiiDecision>>;

/** Replaces one finding (and every repeat of the same value) with the placeholder. */
export function removeFinding(text: string, findings: readonly PiiFinding[], finding: PiiFinding): string {
  const key = piiFindingKey(finding);
  return applyPiiDecisions(
    text,
    findings.filter((f) => piiFindingKey(f) === key),
    { [key]: { action: 'remove' } },
  );
}

export function keepFinding(decisions: PiiDecisions, finding: PiiFinding, reason: string): PiiDecisions {
  return { ...decisions, [piiFindingKey(finding)]: { action: 'keep', reason: reason.trim() } };
}

/** Findings still waiting for "remove" or "keep anyway" (keep needs a non-empty reason). */
export function openFindings(findings: readonly PiiFinding[], decisions: PiiDecisions): PiiFinding[] {
  return findings.filter((f) => {
    const decision = decisions[piiFindingKey(f)];
    return decision === undefined || (decision.action === 'keep' && decision.reason === '');
  });
}

/** Decisions that still apply to the current findings (so the map does not grow while typing). */
export function pruneDecisions(findings: readonly PiiFinding[], decisions: PiiDecisions): PiiDecisions {
  const live = new Set(findings.map(piiFindingKey));
  return Object.fromEntries(Object.entries(decisions).filter(([key]) => live.has(key)));
}

export interface KeptPiiRecord {
  readonly kind: PiiKind;
  readonly subtype: PiiSubtype;
  readonly reason: string;
  /** Where it was kept: a case name, a local id, or "new-case". */
  readonly context: string;
  readonly at: string;
}

export function keptPiiKey(accountId: string): string {
  return accountKey(storageKeys.keptPii, accountId);
}

const MAX_KEPT_RECORDS = 500;
const keptRecordSchema = z.object({
  kind: z.enum(PII_KINDS),
  // The subtype list belongs to the scanner; a record only needs it to be a name.
  subtype: z.string().transform((subtype) => subtype as PiiSubtype),
  reason: z.string(),
  context: z.string().catch(''),
  at: z.string().catch(''),
});
// A damaged record is dropped; the rest of the log stays.
const keptSlot = defineSlot({
  version: 1,
  schema: listOf<KeptPiiRecord>(keptRecordSchema),
});

export function loadKeptPii(storage: Storage, accountId: string): KeptPiiRecord[] {
  return keptSlot.read(storage, keptPiiKey(accountId)) ?? [];
}

/** Appends the "keep anyway" decisions of a submitted text to the local log (newest last, capped). */
export function recordKeptPii(
  storage: Storage,
  accountId: string,
  findings: readonly PiiFinding[],
  decisions: PiiDecisions,
  context: string,
  now: Date = new Date(),
): KeptPiiRecord[] {
  const seen = new Set<string>();
  const added: KeptPiiRecord[] = [];
  for (const f of findings) {
    const key = piiFindingKey(f);
    const decision = decisions[key];
    if (decision?.action !== 'keep' || seen.has(key)) continue;
    seen.add(key);
    added.push({ kind: f.kind, subtype: f.subtype, reason: decision.reason, context, at: now.toISOString() });
  }
  if (added.length === 0) return [];
  keptSlot.write(storage, keptPiiKey(accountId), [...loadKeptPii(storage, accountId), ...added].slice(-MAX_KEPT_RECORDS));
  return added;
}
