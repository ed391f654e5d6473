import { useTranslation } from 'react-i18next';
import type { CustomerRecord } from '../../data';
import { getBridgeClient } from '../../platform';
import { Icon, icons } from '../../ui/icons';
import './customer-access.css';

/** A shape per state as well as a colour (Lucide icons: symbol glyphs may lack a font). */
const MARKS: Record<CustomerRecord['access'], (typeof icons)[keyof typeof icons]> = {
  authorized: icons.ok,
  read_only: icons.readOnly,
  no_api_access: icons.refused,
  not_authorized: icons.blocked,
  transferred: icons.transferred,
};

/** The customer's access state as a short label with its mark (shapes as well as colours). */
export function AccessLabel({ customer }: { customer: Pick<CustomerRecord, 'access'> }): React.JSX.Element {
  const { t } = useTranslation('customerAccess');
  return (
    <span className={`access-state access-${customer.access}`} data-testid="access-state" data-access={customer.access}>
      <Icon icon={MARKS[customer.access]} /> {t(`state.${customer.access}`)}
    </span>
  );
}

/** Opens the domain's own window of Google's portal (the way to work on a customer the API cannot reach). */
export function PortalButton({ accountId }: { accountId: string }): React.JSX.Element {
  const { t } = useTranslation('customerAccess');
  return (
    <button
      type="button"
      className="button"
      data-testid="open-portal"
      onClick={() =>
        void getBridgeClient()
          .invoke('portal.open', { accountId })
          .catch(() => undefined)
      }
    >
      {t('openPortal')} <Icon icon={icons.external} />
    </button>
  );
}

/**
 * Why the console cannot work on this customer and what to do about it, with the portal as
 * the way on. Nothing for a customer with full access (a suspended subscription still shows).
 */
export function AccessNotice({ customer, accountId }: { customer: CustomerRecord; accountId: string }): React.JSX.Element | null {
  const { t } = useTranslation('customerAccess');
  if (customer.access === 'authorized') {
    return customer.suspended ? (
      <p className="access-notice subtle" data-testid="access-notice" data-access="suspended">
        {t('suspended')}
      </p>
    ) : null;
  }
  return (
    <div className={`access-notice access-notice-${customer.access}`} role="note" data-testid="access-notice" data-access={customer.access}>
      <p>
        <strong>
          <AccessLabel customer={customer} />
        </strong>{' '}
        {t(`explain.${customer.access}`)}
      </p>
      <p className="muted">{t(`fix.${customer.access}`)}</p>
      {customer.suspended && <p className="muted">{t('suspended')}</p>}
      {customer.access !== 'transferred' && <PortalButton accountId={accountId} />}
    </div>
  );
}
