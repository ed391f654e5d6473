import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GOOGLE_SUPPORT_OFFERINGS, REPORT_LANGUAGES, normalizeText, type AgencyIndex } from '../../../shared/domain';
import type { AgencyCustomerPatch } from '../../../shared/ipc';
import { useRuntimes } from '../../runtime/runtime-context';
import { listCustomers } from '../../data';
import { getBridgeClient } from '../../platform';

interface CustomerRow {
  readonly customerId: string;
  readonly name: string;
  readonly domain: string;
  readonly resellerDomain: string;
}

/** Every customer of every signed-in domain, plus those only the agency's records know (e.g. imported). */
function useCustomerRows(agency: AgencyIndex): CustomerRow[] {
  const runtimes = [...useRuntimes().values()];
  const fromReplicas = useLiveQuery(
    async () => {
      const lists = await Promise.all(
        runtimes.map(async (runtime) =>
          (await listCustomers(runtime.db)).map((c) => ({
            customerId: c.customerId,
            name: c.displayName,
            domain: c.domain,
            resellerDomain: runtime.account.domain,
          })),
        ),
      );
      return lists.flat();
    },
    [runtimes.map((r) => r.account.id).join(',')],
    [] as CustomerRow[],
  );
  return useMemo(() => {
    const seen = new Set(fromReplicas.map((row) => row.customerId));
    const recordedOnly = agency.data.customers
      .filter((c) => !seen.has(c.customerId))
      .map((c) => ({ customerId: c.customerId, name: c.displayName ?? c.customerId, domain: c.customerDomain ?? '', resellerDomain: '' }));
    return [...fromReplicas, ...recordedOnly].sort((a, b) => a.name.localeCompare(b.name));
  }, [fromReplicas, agency]);
}

/** Per customer: the agency's plan, the Google support offering it bought, and the report language. */
export function CustomerPlans({
  agency,
  onError,
}: {
  agency: AgencyIndex;
  onError: (message: string | undefined) => void;
}): React.JSX.Element {
  const { t } = useTranslation('slaPlans');
  const rows = useCustomerRows(agency);
  const [filter, setFilter] = useState('');
  const needle = normalizeText(filter).trim();
  const shown = needle ? rows.filter((row) => normalizeText(`${row.name} ${row.domain} ${row.resellerDomain}`).includes(needle)) : rows;
  const defaultPlan = agency.planOf('');

  const save = (row: CustomerRow, patch: Omit<AgencyCustomerPatch, 'customerId'>): void => {
    getBridgeClient()
      .invoke('agency.setCustomer', {
        customerId: row.customerId,
        customerDomain: row.domain || undefined,
        displayName: row.name,
        ...patch,
      })
      .then(
        () => onError(undefined),
        (reason: unknown) => onError(reason instanceof Error ? reason.message : String(reason)),
      );
  };

  return (
    <section aria-labelledby="customer-plans-title" className="customer-plans">
      <h4 id="customer-plans-title">{t('customers.title')}</h4>
      <p className="muted">{t('customers.hint')}</p>
      <label className="field">
        {t('customers.filter')}
        <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="customer-plans-filter" />
      </label>
      {rows.length === 0 ? (
        <p className="muted">{t('customers.none')}</p>
      ) : (
        <table className="settings-table" data-testid="customer-plans">
          <thead>
            <tr>
              <th scope="col">{t('customers.customer')}</th>
              <th scope="col">{t('customers.plan')}</th>
              <th scope="col">{t('customers.offering')}</th>
              <th scope="col">{t('customers.reportLanguage')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => {
              const record = agency.customer(row.customerId);
              return (
                <tr key={row.customerId} data-customer={row.customerId}>
                  <th scope="row">
                    {row.name} <span className="muted">{row.domain}</span>
                    {row.resellerDomain && <div className="muted small">{row.resellerDomain}</div>}
                    {record?.demo && <span className="demo-tag">{t('demo.tag')}</span>}
                  </th>
                  <td>
                    <select
                      aria-label={t('customers.planFor', { name: row.name })}
                      data-testid="customer-plan"
                      value={record?.planId ?? ''}
                      onChange={(e) => save(row, { planId: e.target.value || null })}
                    >
                      <option value="">{t('customers.defaultPlan', { name: defaultPlan.name })}</option>
                      {agency.data.plans.map((plan) => (
                        <option key={plan.id} value={plan.id}>
                          {plan.name}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select
                      aria-label={t('customers.offeringFor', { name: row.name })}
                      data-testid="customer-offering"
                      value={record?.offering ?? ''}
                      onChange={(e) => save(row, { offering: (e.target.value || null) as AgencyCustomerPatch['offering'] })}
                    >
                      <option value="">{t('offering.none')}</option>
                      {GOOGLE_SUPPORT_OFFERINGS.map((offering) => (
                        <option key={offering} value={offering}>
                          {t(`offering.${offering}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select
                      aria-label={t('customers.reportLanguageFor', { name: row.name })}
                      value={record?.reportLanguage ?? ''}
                      onChange={(e) => save(row, { reportLanguage: (e.target.value || null) as AgencyCustomerPatch['reportLanguage'] })}
                    >
                      <option value="">{t('customers.languageFromCases')}</option>
                      {REPORT_LANGUAGES.map((language) => (
                        <option key={language} value={language}>
                          {t(`common:settings.languages.${language}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
