import type { OutboxEntry } from '../../../../shared/ipc/outbox';
import { caseKeyOf, unresolvedLocalRefs } from './records';

/**
 * The queued entries the engine may push now, in seq order. Per case strictly in order: an entry
 * waits while any earlier entry of its case is not done (queued, in flight, or failed and waiting
 * for the agent). An entry that still names a `local:` case waits for that case's create to be
 * done and remapped. Different cases proceed independently.
 */
export function selectRunnable(entriesInSeqOrder: Iterable<OutboxEntry>): OutboxEntry[] {
  const busyCases = new Set<string>();
  const runnable: OutboxEntry[] = [];
  for (const entry of entriesInSeqOrder) {
    if (entry.status === 'done') continue;
    const caseKey = caseKeyOf(entry.mutation);
    const followUpOf = entry.mutation.kind === 'create_case' ? entry.mutation.followUpOf : undefined;
    const free =
      !busyCases.has(caseKey) &&
      (followUpOf === undefined || !busyCases.has(followUpOf)) &&
      unresolvedLocalRefs(entry.mutation).length === 0;
    if (entry.status === 'queued' && free) runnable.push(entry);
    busyCases.add(caseKey);
  }
  return runnable;
}
