import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AccountRuntime } from '../../../../renderer/runtime/account-runtime';
import { BulkBar, BulkResults } from '../../../../renderer/features/cases/bulk-bar';
import { createI18n } from '../../../../renderer/i18n';

// Component tests of the bulk bar (Testing Library over happy-dom); what runs the actions is bulk.test.ts.

const i18n = createI18n('en');
const t = i18n.t.bind(i18n);
const wrap = (node: React.ReactNode) => render(<I18nextProvider i18n={i18n}>{node}</I18nextProvider>);
afterEach(cleanup);
const runtime = { account: { id: 'acc1', domain: 'reseller-a.example', color: '#1a73e8' } } as unknown as AccountRuntime;

describe('BulkBar', () => {
  it('shows nothing without a selection or results', () => {
    const { container } = wrap(<BulkBar runtime={runtime} selection={[]} onClear={vi.fn()} />);
    expect(container.textContent).toBe('');
  });

  it('counts the picked rows, refuses a malformed address before anything runs, and clears', () => {
    const onClear = vi.fn();
    wrap(<BulkBar runtime={runtime} selection={['a', 'b']} onClear={onClear} />);
    expect(screen.getByTestId('bulk-bar').textContent).toContain(t('cases:bulk.selected', { count: 2 }));
    const add = screen.getByRole('button', { name: t('cases:bulk.addSubscriber') }) as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText(t('cases:bulk.addSubscriber')), { target: { value: 'not-an-email' } });
    expect(screen.getByText(t('cases:bulk.invalidEmail'))).toBeTruthy();
    expect(add.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText(t('cases:bulk.addSubscriber')), { target: { value: 'ops@customer.example' } });
    expect(screen.queryByText(t('cases:bulk.invalidEmail'))).toBeNull();
    expect(add.disabled).toBe(false);
    fireEvent.click(screen.getByText(t('cases:bulk.clear')));
    expect(onClear).toHaveBeenCalledOnce();
  });
});

describe('BulkResults', () => {
  it('one line per case, queued or refused with the reason, and can be dismissed', () => {
    const onDismiss = vi.fn();
    wrap(
      <BulkResults
        results={[
          { name: 'c1', caseNumber: '41', outcome: 'queued' },
          { name: 'c2', caseNumber: '', outcome: 'refused', reason: 'The case is closed.' },
        ]}
        onDismiss={onDismiss}
      />,
    );
    const lines = screen.getAllByRole('listitem');
    expect(lines[0]!.textContent).toContain('#41');
    expect(lines[0]!.textContent).toContain(t('cases:bulk.queued'));
    expect(lines[1]!.textContent).toContain(`#${t('cases:list.notFiled')}`);
    expect(lines[1]!.textContent).toContain(t('cases:bulk.refused', { reason: 'The case is closed.' }));
    fireEvent.click(screen.getByText(t('cases:bulk.dismiss')));
    expect(onDismiss).toHaveBeenCalledOnce();
  });
});
