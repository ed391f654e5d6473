// The case list's columns and its header row: sortable column headers, and the texts the
// sized columns must fit in the UI language.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SELECTABLE_CASE_STATES } from '../../../shared/domain';
import type { ProjectionSortKey } from '../../data';
import { pastRelativeTimes, shortDuration } from '../../ui/format';
import { Icon, icons } from '../../ui/icons';
import { ariaSort, type SortState } from './case-query';
import type { ColumnId, ColumnLayout, ColumnTexts } from './column-layout';

interface Column {
  id: ColumnId;
  label: string;
  sortKey?: ProjectionSortKey;
}

const columns: readonly Column[] = [
  { id: 'number', label: 'columns.number', sortKey: 'caseNumber' },
  { id: 'title', label: 'columns.title', sortKey: 'title' },
  { id: 'customer', label: 'columns.customer', sortKey: 'customer' },
  { id: 'priority', label: 'columns.priority', sortKey: 'priority' },
  { id: 'state', label: 'columns.state', sortKey: 'state' },
  { id: 'updated', label: 'columns.updated', sortKey: 'updateTime' },
  { id: 'sla', label: 'columns.sla', sortKey: 'sla' },
];

const HOUR = 3_600_000;
/** The longest texts each sized column must show, in the UI language. */
export function useColumnTexts(): ColumnTexts {
  const { t, i18n } = useTranslation('cases');
  const language = i18n.language;
  return useMemo(() => {
    const states = SELECTABLE_CASE_STATES.map((state) => t(`stateShort.${state}`));
    // Overdue by hundreds of days happens (old cases waiting on the customer).
    const durations = [23 * HOUR + 59 * 60_000, 999 * 24 * HOUR + 23 * HOUR, 59 * 60_000].map((ms) => shortDuration(ms, language));
    return {
      state: [...states, t('columns.state')],
      stateStrong: [t('stateShort.ACTION_REQUIRED')],
      sla: [
        ...durations.flatMap((time) => [t('caseDetail:sla.overdue', { time }), t('caseDetail:sla.remaining', { time })]),
        t('columns.sla'),
      ],
      priorityHeader: t('columns.priority'),
      updatedHeader: t('columns.updated'),
      updated: pastRelativeTimes(language),
    };
  }, [t, language]);
}

export interface CaseListHeadProps {
  readonly layout: ColumnLayout;
  readonly sort: SortState;
  readonly onSort: (key: ProjectionSortKey) => void;
  readonly withDomain: boolean;
}

/** The header row: one sortable header per visible column. */
export function CaseListHead({ layout, sort, onSort, withDomain }: CaseListHeadProps): React.JSX.Element {
  const { t } = useTranslation('cases');
  const shown = columns.filter((column) => layout.visible.has(column.id));
  const hiddenSort = columns.find((column) => column.sortKey === sort.key && !layout.visible.has(column.id));
  const arrow = <Icon icon={sort.dir === 'asc' ? icons.sortAsc : icons.sortDesc} className="sort-arrow" />;
  return (
    <div role="row" className="case-row case-head" aria-rowindex={1}>
      {withDomain && (
        <div role="columnheader" className="cell domain">
          {t('columns.domain')}
        </div>
      )}
      {shown.map((column) => (
        <div
          key={column.id}
          role="columnheader"
          className={`cell ${column.id}`}
          aria-sort={column.sortKey ? ariaSort(sort, column.sortKey) : undefined}
        >
          {column.sortKey ? (
            <button
              type="button"
              className="sort-button"
              title={t(column.label)}
              onClick={() => column.sortKey && onSort(column.sortKey)}
              data-testid={`sort-${column.id}`}
            >
              <span className="ellipsis">{t(column.label)}</span>
              {sort.key === column.sortKey && arrow}
            </button>
          ) : (
            t(column.label)
          )}
          {column.id === 'title' && hiddenSort && (
            // The sorted column stepped aside (narrow list): say what the order is, and keep it flippable.
            <button type="button" className="sort-button sort-hint" onClick={() => onSort(sort.key)} data-testid="sort-hint">
              {t('views:list.sortedBy', { column: t(hiddenSort.label) })}
              {arrow}
            </button>
          )}
        </div>
      ))}
    </div>
  );
}
