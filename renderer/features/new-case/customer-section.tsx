import { useTranslation } from 'react-i18next';
import { canManageCases } from '../../../shared/domain';
import type { CustomerWithCounts } from '../../data';
import { FieldError, fieldId, invalidProps } from './form-bits';
import type { FormErrors } from './new-case-form';

/** The customer the case is filed for; customers without reseller access cannot be chosen, and say why. */
export function CustomerField({
  customers,
  value,
  errors,
  onChange,
  autoFocus,
}: {
  customers: CustomerWithCounts[] | undefined;
  value: string;
  errors: FormErrors;
  onChange: (customerId: string) => void;
  autoFocus?: boolean;
}): React.JSX.Element {
  const { t } = useTranslation('newCase');
  const blocked = (customers ?? []).filter((c) => !canManageCases(c.access));
  return (
    <>
      <label className="field" data-field="customer">
        <span>{t('customer.label')}</span>
        <select
          id={fieldId('customer')}
          className="input"
          data-testid="customer-select"
          value={value}
          autoFocus={autoFocus}
          onChange={(event) => onChange(event.target.value)}
          {...invalidProps(errors, 'customer')}
        >
          <option value="">{customers === undefined ? t('customer.loading') : t('customer.placeholder')}</option>
          {(customers ?? []).map((c) => (
            <option key={c.customerId} value={c.customerId} disabled={!canManageCases(c.access)}>
              {c.displayName} ({c.domain}){c.tier === 'premium' ? ` · ${t('customer.premium')}` : ''}
              {!canManageCases(c.access) ? ` — ${t('customer.cannot', { reason: t(`customer.reasons.${c.access}`) })}` : ''}
            </option>
          ))}
        </select>
        <FieldError field="customer" errors={errors} />
      </label>
      {customers !== undefined && customers.length === 0 && <p className="muted">{t('customer.none')}</p>}
      {blocked.length > 0 && (
        <details className="blocked-customers" data-testid="blocked-customers">
          <summary>{t('customer.blockedSummary', { count: blocked.length })}</summary>
          <ul>
            {blocked.map((c) => (
              <li key={c.customerId} data-testid="blocked-customer">
                <strong>{c.displayName}</strong> ({c.domain}): {t(`customer.reasons.${c.access}`)}. {t(`customer.fix.${c.access}`)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
