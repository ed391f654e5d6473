import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIORITIES, SELECTABLE_CASE_STATES, type Priority } from '../../../shared/domain';
import type { CustomerWithCounts } from '../../data';
import type { CaseFilters } from '../../state/tab-store';
import { filtersForStateChoice, stateChoiceOf } from './case-query';

export interface FilterBarProps {
  readonly filters: CaseFilters;
  readonly onChange: (patch: Partial<CaseFilters>) => void;
  readonly keywordRef: RefObject<HTMLInputElement | null>;
  /** Omitted where the list is already one customer's. */
  readonly customers?: readonly CustomerWithCounts[] | undefined;
  /** P0 is offered only when some case has it (the portal offers P1–P4). */
  readonly showP0?: boolean;
  readonly showPending?: boolean;
}

/** Keyword, state, priority, customer, escalated and pending filters; they combine. */
export function FilterBar({
  filters,
  onChange,
  keywordRef,
  customers,
  showP0 = false,
  showPending = true,
}: FilterBarProps): React.JSX.Element {
  const { t } = useTranslation('cases');
  const priorities = PRIORITIES.filter((p) => showP0 || p !== 'P0' || filters.priorities.includes('P0'));
  return (
    <div className="filter-bar" role="search" aria-label={t('filters.label')}>
      <input
        ref={keywordRef}
        className="input keyword"
        type="search"
        value={filters.keyword}
        placeholder={t('filters.keywordPlaceholder')}
        aria-label={t('filters.keyword')}
        aria-keyshortcuts="/"
        data-testid="filter-keyword"
        onChange={(event) => onChange({ keyword: event.target.value })}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && filters.keyword !== '') {
            event.stopPropagation();
            onChange({ keyword: '' });
          } else if (event.key === 'Escape' || event.key === 'Enter') {
            event.currentTarget.blur();
          }
        }}
      />
      <select
        aria-label={t('filters.state')}
        value={stateChoiceOf(filters)}
        data-testid="filter-state"
        onChange={(event) => onChange(filtersForStateChoice(event.target.value))}
      >
        <option value="all">{t('filters.stateAll')}</option>
        <option value="open">{t('filters.stateOpen')}</option>
        <option value="closed">{t('filters.stateClosed')}</option>
        {SELECTABLE_CASE_STATES.map((state) => (
          <option key={state} value={state}>
            {t(`state.${state}`)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('filters.priority')}
        value={filters.priorities.length === 1 ? filters.priorities[0] : 'all'}
        data-testid="filter-priority"
        onChange={(event) => onChange({ priorities: event.target.value === 'all' ? [] : [event.target.value as Priority] })}
      >
        <option value="all">{t('filters.priorityAll')}</option>
        {priorities.map((p) => (
          <option key={p} value={p}>
            {t(`priority.${p}`)}
          </option>
        ))}
      </select>
      {customers && (
        <select
          aria-label={t('filters.customer')}
          value={filters.customerIds.length === 1 ? filters.customerIds[0] : 'all'}
          data-testid="filter-customer"
          onChange={(event) => onChange({ customerIds: event.target.value === 'all' ? [] : [event.target.value] })}
        >
          <option value="all">{t('filters.customerAll')}</option>
          {customers.map((customer) => (
            <option key={customer.customerId} value={customer.customerId}>
              {customer.displayName}
            </option>
          ))}
        </select>
      )}
      <label className="check">
        <input type="checkbox" checked={filters.escalatedOnly} onChange={(event) => onChange({ escalatedOnly: event.target.checked })} />
        {t('filters.escalated')}
      </label>
      {showPending && (
        <label className="check">
          <input type="checkbox" checked={filters.pendingOnly} onChange={(event) => onChange({ pendingOnly: event.target.checked })} />
          {t('filters.pending')}
        </label>
      )}
    </div>
  );
}

/** Names the current filters and stores them in the tab; the rail lists them. */
export function SaveViewControl({ onSave }: { onSave: (name: string) => void }): React.JSX.Element {
  const { t } = useTranslation('cases');
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  if (!open) {
    return (
      <button type="button" className="link" onClick={() => setOpen(true)} data-testid="save-view">
        {t('savedViews.save')}
      </button>
    );
  }
  return (
    <form
      className="save-view"
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim() === '') return;
        onSave(name.trim());
        setName('');
        setOpen(false);
      }}
    >
      <input
        className="input"
        autoFocus
        value={name}
        maxLength={60}
        aria-label={t('savedViews.name')}
        placeholder={t('savedViews.name')}
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}
      />
      <button type="submit" className="button" disabled={name.trim() === ''}>
        {t('savedViews.confirm')}
      </button>
      <button type="button" className="link" onClick={() => setOpen(false)}>
        {t('savedViews.cancel')}
      </button>
    </form>
  );
}
