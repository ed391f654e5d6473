import { useTranslation } from 'react-i18next';
import { useAccountRuntime } from '../../runtime/runtime-context';
import { useCustomers } from '../../data/hooks';
import { useTab, useTabStore } from '../../state/tab-store';
import { formatNumber } from '../../ui/format';
import { Icon, icons } from '../../ui/icons';
import { AccessLabel, AccessNotice } from '../customer-access';
import { CaseListPane } from './case-list-pane';
import './cases.css';

/** A domain's customers (what this agent can do for each, as Google's answers showed it; open cases) and each one's cases. */
export function CustomersView(): React.JSX.Element {
  const { t, i18n } = useTranslation('cases');
  const { t: ta } = useTranslation('customerAccess');
  const runtime = useAccountRuntime();
  const customers = useCustomers(runtime.db);
  const customerId = useTab((state) => state.customerId);
  const { setCustomer } = useTabStore().getState();

  const current = customerId ? customers?.find((customer) => customer.customerId === customerId) : undefined;
  if (customerId) {
    return (
      <div className="customer-header-wrap">
        <div className="customer-header" style={{ borderLeft: `3px solid ${runtime.account.color}` }}>
          <button type="button" className="link" onClick={() => setCustomer(undefined)} data-testid="customers-back">
            <Icon icon={icons.back} /> {t('customers.back')}
          </button>
          <strong data-testid="customer-title">{current?.displayName ?? customerId}</strong>
          {current && <span className="muted">{current.domain}</span>}
          {current && <AccessLabel customer={current} />}
        </div>
        {current && <AccessNotice customer={current} accountId={runtime.account.id} />}
        <CaseListPane key={customerId} customerId={customerId} />
      </div>
    );
  }

  return (
    <div className="customers-view" data-testid="customers-view">
      <h2>{t('customers.title')}</h2>
      {customers === undefined ? (
        <p className="muted">{t('customers.loading')}</p>
      ) : customers.length === 0 ? (
        <p className="muted">{t('customers.empty')}</p>
      ) : (
        <table className="customers-table">
          <thead>
            <tr>
              <th scope="col">{t('customers.name')}</th>
              <th scope="col">{t('customers.domain')}</th>
              <th scope="col">{t('customers.access')}</th>
              <th scope="col">{t('customers.openCases')}</th>
            </tr>
          </thead>
          <tbody>
            {customers.map((customer) => (
              <tr
                key={customer.customerId}
                className="clickable"
                data-customer={customer.customerId}
                onClick={() => setCustomer(customer.customerId)}
              >
                <td>
                  <button type="button" className="link" onClick={() => setCustomer(customer.customerId)}>
                    {customer.displayName}
                  </button>
                </td>
                <td>{customer.domain}</td>
                <td>
                  <AccessLabel customer={customer} />
                  {customer.access !== 'authorized' && <div className="muted small">{ta(`fix.${customer.access}`)}</div>}
                  {customer.suspended && <div className="muted small">{ta('suspended')}</div>}
                </td>
                <td className="mono">{formatNumber(customer.openCaseCount, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
