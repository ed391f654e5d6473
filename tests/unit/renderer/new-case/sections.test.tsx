import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CustomerField } from '../../../../renderer/features/new-case/customer-section';
import { matchZones, TimeZonePicker } from '../../../../renderer/features/new-case/time-zone-picker';
import { createI18n } from '../../../../renderer/i18n';
import type { CustomerWithCounts } from '../../../../renderer/data';

// Component tests of New case sections (Testing Library over happy-dom): they render from
// props alone, so each can be checked without a runtime, a bridge or IndexedDB.

const i18n = createI18n('en');
const wrap = (node: React.ReactNode) => render(<I18nextProvider i18n={i18n}>{node}</I18nextProvider>);
afterEach(cleanup);

const customer = (id: string, access: CustomerWithCounts['access'], name: string): CustomerWithCounts => ({
  customerId: id,
  domain: `${id}.example`,
  displayName: name,
  access,
  tier: 'standard',
  skuNames: [],
  openCaseCount: 0,
});

describe('CustomerField', () => {
  it('offers authorised customers, disables the others and says why, and reports the choice', () => {
    const onChange = vi.fn();
    wrap(
      <CustomerField
        customers={[customer('c1', 'authorized', 'Acme'), customer('c2', 'not_authorized', 'Beta')]}
        value=""
        errors={{}}
        onChange={onChange}
      />,
    );
    const select = screen.getByTestId('customer-select') as HTMLSelectElement;
    const beta = [...select.options].find((o) => o.value === 'c2')!;
    expect(beta.disabled).toBe(true);
    expect(beta.textContent).toContain('has not authorised reseller access');
    expect(screen.getByTestId('blocked-customer').textContent).toContain('Ask the customer’s admin to authorise reseller access');
    fireEvent.change(select, { target: { value: 'c1' } });
    expect(onChange).toHaveBeenCalledWith('c1');
  });

  it('shows a required error next to the field', () => {
    wrap(<CustomerField customers={[]} value="" errors={{ customer: { code: 'required' } }} onChange={() => undefined} />);
    expect(screen.getByTestId('error-customer').textContent).toBe('Required.');
    expect(screen.getByTestId('customer-select').getAttribute('aria-invalid')).toBe('true');
  });
});

describe('TimeZonePicker', () => {
  it('finds zones by a city typed in lower case and takes a complete IANA name typed by hand', async () => {
    const onChange = vi.fn();
    wrap(<TimeZonePicker value="UTC" onChange={onChange} invalid={false} />);
    const zones = Intl.supportedValuesOf('timeZone');
    expect(matchZones(zones, 'taipei', 'en').map((z) => z.id)).toEqual(['Asia/Taipei']);
    expect(matchZones(zones, 'new york', 'en')[0]?.label).toMatch(/^America\/New York \(GMT-[45]\)$/);
    const input = screen.getByTestId('time-zone-input');
    await act(async () => {
      fireEvent.change(input, { target: { value: 'Europe/Paris' } });
    });
    expect(onChange).toHaveBeenLastCalledWith('Europe/Paris');
  });
});
