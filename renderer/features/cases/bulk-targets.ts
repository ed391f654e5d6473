import type { AccountRuntime } from '../../runtime/account-runtime';
import { enqueueMutation } from '../../runtime/commands';
import { getCase, getCustomer, overlayCase, pendingCasesFromCreates } from '../../data';
import { planBulk, type BulkAction, type BulkTarget, type RefusalReason } from './bulk';

/** Reads what the checks need for each picked case (server record + pending overlay). */
export async function loadTargets(
  runtime: AccountRuntime,
  names: readonly string[],
): Promise<(BulkTarget | { name: string; missing: true })[]> {
  const locals = pendingCasesFromCreates(runtime.outbox);
  return Promise.all(
    names.map(async (name) => {
      const record = await getCase(runtime.db, name);
      const view = record ? overlayCase(record, runtime.outbox) : locals.find((local) => local.name === name);
      if (!view) return { name, missing: true as const };
      const customer = await getCustomer(runtime.db, view.customerId);
      return {
        name,
        caseNumber: view.caseNumber,
        state: view.state,
        priority: view.priority,
        access: customer?.access,
        subscriberEmails: view.subscriberEmails,
      };
    }),
  );
}

export interface BulkOutcome {
  readonly name: string;
  readonly caseNumber: string;
  readonly outcome: 'queued' | 'refused';
  /** Why the console refused it before queueing. */
  readonly refused?: RefusalReason;
  /** Why main refused to queue it (an AppError code). */
  readonly errorCode?: string;
}

/** Plans the action for every named case and queues each allowed one as its own mutation. */
export async function runBulk(runtime: AccountRuntime, action: BulkAction, names: readonly string[]): Promise<BulkOutcome[]> {
  const plans = planBulk(action, await loadTargets(runtime, names));
  const out: BulkOutcome[] = [];
  for (const plan of plans) {
    if ('refused' in plan) {
      out.push({ name: plan.name, caseNumber: plan.caseNumber, outcome: 'refused', refused: plan.refused });
      continue;
    }
    try {
      await enqueueMutation(runtime.account.id, plan.mutation);
      out.push({ name: plan.name, caseNumber: plan.caseNumber, outcome: 'queued' });
    } catch (error) {
      out.push({
        name: plan.name,
        caseNumber: plan.caseNumber,
        outcome: 'refused',
        errorCode: (error as { code?: string }).code ?? 'internal',
      });
    }
  }
  return out;
}
