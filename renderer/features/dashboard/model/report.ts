import { indexAgency } from '../../../../shared/domain';
import { classify, classifyContext, inScope } from './classify';
import { bucketStarts, bucketUnit } from './periods';
import type { CustomerReport, DashboardCase, DashboardCustomer, DashboardInput, ReportRow } from './types';

/**
 * A customer's service review: every case of that customer created in the period with its SLA
 * results, oldest first. Only the scope's own cases are read, so no other customer's data can
 * reach a report.
 */
export function customerReport(
  cases: readonly DashboardCase[],
  customers: readonly DashboardCustomer[],
  input: DashboardInput,
): CustomerReport {
  if (input.scope.kind !== 'customer') throw new Error('A customer report needs a customer scope.');
  const { accountId, customerId } = input.scope;
  const agency = indexAgency(input.agency);
  const starts = bucketStarts(input.period, bucketUnit(input.period), input.timeZone);
  const ctx = classifyContext(input, agency, { period: input.period, starts });
  const rows: ReportRow[] = [];
  const languages = new Map<string, number>();
  for (const c of cases) {
    if (!inScope(c, input.scope)) continue;
    const k = classify(c, ctx);
    if (!k || k.createdBucket < 0) continue;
    if (c.languageCode) languages.set(c.languageCode, (languages.get(c.languageCode) ?? 0) + 1);
    rows.push({
      caseNumber: c.caseNumber,
      name: c.name,
      title: c.title,
      priority: c.priority,
      state: c.state,
      category: c.category ?? '',
      createTimeMs: c.createTimeMs,
      firstResponseMs: k.firstResponseMs,
      firstResponseTargetMs: k.firstResponseTargetMs,
      firstResponse: k.outcome ?? 'unknown',
      updates: k.updates,
      resolvedMs: c.state === 'CLOSED' ? c.updateTimeMs : undefined,
      escalated: c.escalated,
    });
  }
  rows.sort((a, b) => a.createTimeMs - b.createTimeMs || a.caseNumber.localeCompare(b.caseNumber));
  return {
    customerName: customers.find((c) => c.accountId === accountId && c.customerId === customerId)?.name ?? customerId,
    planName: agency.planOf(customerId).name,
    rows,
    languageCodes: [...languages.entries()].sort((a, b) => b[1] - a[1]).map(([code]) => code),
  };
}
