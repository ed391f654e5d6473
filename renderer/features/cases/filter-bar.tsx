import { useMemo, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIORITIES, SELECTABLE_CASE_STATES, searchCategories, type CaseState, type Priority } from '../../../shared/domain';
import type { CategoryRecord, CustomerWithCounts } from '../../data';
import { OPEN_STATES, type CaseFilters } from '../../state/case-views';
import { isOpenSelection } from './case-query';
import { MultiSelect, type MultiSelectOption } from './multi-select';

export interface FilterBarProps {
  readonly filters: CaseFilters;
  readonly onChange: (patch: Partial<CaseFilters>) => void;
  readonly keywordRef: RefObject<HTMLInputElement | null>;
  /** Omitted where the list is already one customer's. */
  readonly customers?: readonly CustomerWithCounts[] | undefined;
  /** The domain's categories (Google's list); omitted where none are known. */
  readonly categories?: readonly CategoryRecord[] | undefined;
  /** P0 is offered only when some case has it (the portal offers P1–P4). */
  readonly showP0?: boolean;
  readonly showPending?: boolean;
}

/** "Google Workspace > Gmail > Mail delivery" → product "Gmail", name "Mail delivery". */
export function categoryParts(displayName: string): { product: string; name: string } {
  const parts = displayName.split('>').map((part) => part.trim());
  const name = parts.at(-1) ?? displayName;
  return { product: parts.length > 2 ? (parts.at(-2) ?? '') : '', name };
}

function useSummary(): (ids: readonly string[], labelOf: (id: string) => string) => string {
  const { t } = useTranslation('views');
  return (ids, labelOf) =>
    ids.length === 0 ? t('filters.any') : ids.length === 1 ? labelOf(ids[0] as string) : t('filters.selected', { count: ids.length });
}

/** Keyword, then multi-select status, priority, customer and category, then escalated / pending; they combine. */
export function FilterBar({
  filters,
  onChange,
  keywordRef,
  customers,
  categories,
  showP0 = false,
  showPending = true,
}: FilterBarProps): React.JSX.Element {
  const { t } = useTranslation('views');
  const summary = useSummary();
  const priorities = PRIORITIES.filter((p) => showP0 || p !== 'P0' || filters.priorities.includes('P0'));
  const stateOptions: MultiSelectOption[] = SELECTABLE_CASE_STATES.map((state) => ({ id: state, label: t(`common:caseState.${state}`) }));
  const customerOptions = useMemo(
    () => (customers ?? []).map((customer) => ({ id: customer.customerId, label: customer.displayName, detail: customer.domain })),
    [customers],
  );
  const categoryOptions = useMemo(
    () =>
      (categories ?? []).map((category) => {
        const { product, name } = categoryParts(category.displayName);
        return { id: category.id, label: name, detail: product };
      }),
    [categories],
  );
  const labelOf = (options: readonly MultiSelectOption[]) => (id: string) => options.find((option) => option.id === id)?.label ?? id;
  // Escalated and "has a pending change" are yes/no: one compact button for both.
  const flagOptions = [
    { id: 'escalated', label: t('filters.escalated') },
    ...(showPending ? [{ id: 'pending', label: t('filters.pending') }] : []),
  ];
  const flags = [...(filters.escalatedOnly ? ['escalated'] : []), ...(filters.pendingOnly ? ['pending'] : [])];

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
      <MultiSelect
        label={t('filters.state')}
        summary={isOpenSelection(filters.states) ? t('filters.open') : summary(filters.states, labelOf(stateOptions))}
        options={stateOptions}
        selected={filters.states}
        onChange={(ids) => onChange({ states: ids as CaseState[] })}
        presets={[
          { label: t('filters.open'), ids: OPEN_STATES },
          { label: t('filters.anyState'), ids: [] },
        ]}
        testId="filter-state"
      />
      <MultiSelect
        label={t('filters.priority')}
        summary={filters.priorities.length === 0 ? t('filters.any') : PRIORITIES.filter((p) => filters.priorities.includes(p)).join(', ')}
        options={priorities.map((p) => ({ id: p, label: t(`cases:priority.${p}`) }))}
        selected={filters.priorities}
        onChange={(ids) => onChange({ priorities: ids as Priority[] })}
        testId="filter-priority"
      />
      {customers && (
        <MultiSelect
          label={t('filters.customer')}
          summary={summary(filters.customerIds, labelOf(customerOptions))}
          options={customerOptions}
          selected={filters.customerIds}
          onChange={(ids) => onChange({ customerIds: ids })}
          search={{
            placeholder: t('filters.customerSearch'),
            empty: t('filters.noMatch'),
            find: (query) =>
              customerOptions
                .filter((option) => `${option.label} ${option.detail}`.toLowerCase().includes(query.trim().toLowerCase()))
                .map((o) => o.id),
          }}
          testId="filter-customer"
        />
      )}
      {categories && categories.length > 0 && (
        <MultiSelect
          label={t('filters.category')}
          summary={summary(filters.categoryIds, labelOf(categoryOptions))}
          options={categoryOptions}
          selected={filters.categoryIds}
          onChange={(ids) => onChange({ categoryIds: ids })}
          search={{
            placeholder: t('filters.categorySearch'),
            empty: t('filters.noMatch'),
            find: (query) => searchCategories(categories, query, categories.length).map((category) => category.id),
          }}
          testId="filter-category"
        />
      )}
      <MultiSelect
        label={t('filters.only')}
        summary={summary(flags, labelOf(flagOptions))}
        options={flagOptions}
        selected={flags}
        onChange={(ids) => onChange({ escalatedOnly: ids.includes('escalated'), pendingOnly: ids.includes('pending') })}
        testId="filter-flags"
      />
    </div>
  );
}

/** Names the current view (scope and filters) and keeps it in the tab; the rail lists it. */
export function SaveViewControl({ onSave }: { onSave: (name: string) => void }): React.JSX.Element {
  const { t } = useTranslation('views');
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  if (!open) {
    return (
      <button type="button" className="link" onClick={() => setOpen(true)} data-testid="save-view">
        {t('saved.save')}
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
        aria-label={t('saved.name')}
        placeholder={t('saved.name')}
        data-testid="save-view-name"
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}
      />
      <button type="submit" className="button" disabled={name.trim() === ''}>
        {t('saved.confirm')}
      </button>
      <button type="button" className="link" onClick={() => setOpen(false)}>
        {t('saved.cancel')}
      </button>
    </form>
  );
}
