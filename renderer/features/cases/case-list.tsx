import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SELECTABLE_CASE_STATES } from '../../../shared/domain';
import type { ProjectionSortKey } from '../../data';
import { relativeTime, shortDuration } from '../../ui/format';
import { Icon, icons } from '../../ui/icons';
import { ariaSort, type SortState } from './case-query';
import { CaseRow } from './case-row';
import { useColumnLayout, type ColumnId, type ColumnTexts } from './column-layout';
import type { ListRow } from './row-model';
import './cases.css';
import './views.css';

/** Fixed row height in px (2.25rem at the default 16px root); CSS pins line-height to match. */
export const ROW_HEIGHT = 36;

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

export interface CaseListProps {
  readonly label: string;
  readonly count: number;
  readonly rowAt: (index: number) => ListRow | undefined;
  readonly selectedIndex: number;
  readonly isPicked: (row: ListRow) => boolean;
  readonly sort: SortState;
  readonly onSort: (key: ProjectionSortKey) => void;
  readonly onSelect: (index: number) => void;
  readonly onOpen: (index: number) => void;
  readonly onTogglePick?: (index: number) => void;
  /** Skeleton rows instead of data (first paint before the cache answers). */
  readonly loading: boolean;
  readonly initialScrollTop: number;
  readonly onScrollTop: (top: number) => void;
  readonly empty: React.ReactNode;
  /** All-domains queue: the row's domain tag. */
  readonly domainOf?: (accountId: string) => { domain: string; color: string } | undefined;
  readonly nowMs: number;
  /** The keyword being searched, marked in titles and customers. */
  readonly highlight?: string;
}

const HOUR = 3_600_000;
/** The longest texts each sized column must show, in the UI language. */
function useColumnTexts(): ColumnTexts {
  const { t, i18n } = useTranslation('cases');
  const language = i18n.language;
  return useMemo(() => {
    const states = SELECTABLE_CASE_STATES.map((state) => t(`stateShort.${state}`));
    // Overdue by hundreds of days happens (old cases waiting on the customer).
    const durations = [23 * HOUR + 59 * 60_000, 999 * 24 * HOUR + 23 * HOUR, 59 * 60_000].map((ms) => shortDuration(ms, language));
    const now = Date.UTC(2026, 0, 31);
    return {
      state: [...states, t('columns.state')],
      stateStrong: [t('stateShort.ACTION_REQUIRED')],
      sla: [
        ...durations.flatMap((time) => [t('caseDetail:sla.overdue', { time }), t('caseDetail:sla.remaining', { time })]),
        t('columns.sla'),
      ],
      priorityHeader: t('columns.priority'),
      updatedHeader: t('columns.updated'),
      updated: [59 * 60_000, 23 * HOUR, 6 * 24 * HOUR, 3 * 7 * 24 * HOUR, 330 * 24 * HOUR, 700 * 24 * HOUR].map((ago) =>
        relativeTime(now - ago, now, language),
      ),
    };
  }, [t, language]);
}

/** The virtualized case list: a grid with sortable headers; only visible rows are in the DOM. */
export function CaseList(props: CaseListProps): React.JSX.Element {
  const { t, i18n } = useTranslation('cases');
  const scrollRef = useRef<HTMLDivElement>(null);
  const { count, rowAt, selectedIndex, onScrollTop } = props;
  const virtualizer = useVirtualizer({
    count: props.loading ? 12 : count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  // Restore the tab's scroll position once, when the list first has rows.
  const restored = useRef(false);
  useLayoutEffect(() => {
    if (restored.current || props.loading || count === 0) return;
    restored.current = true;
    if (scrollRef.current && props.initialScrollTop > 0) scrollRef.current.scrollTop = props.initialScrollTop;
  }, [props.loading, count, props.initialScrollTop]);

  // Keep the keyboard selection on screen.
  useEffect(() => {
    if (selectedIndex >= 0 && selectedIndex < count && restored.current) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, count, virtualizer]);

  const saveTimer = useRef<number | undefined>(undefined);
  const onScroll = (): void => {
    window.clearTimeout(saveTimer.current);
    saveTimer.current = window.setTimeout(() => onScrollTop(scrollRef.current?.scrollTop ?? 0), 150);
  };
  useEffect(() => () => window.clearTimeout(saveTimer.current), []);

  const language = i18n.language;
  const gridRef = useRef<HTMLDivElement>(null);
  const layout = useColumnLayout(gridRef, useColumnTexts(), props.domainOf !== undefined);
  const shown = columns.filter((column) => layout.visible.has(column.id));
  const hiddenSort = columns.find((column) => column.sortKey === props.sort.key && !layout.visible.has(column.id));
  return (
    <div
      ref={gridRef}
      className="case-grid"
      style={{ '--cols': layout.template } as React.CSSProperties}
      role="grid"
      aria-label={props.label}
      aria-rowcount={props.loading ? -1 : count + 1}
      aria-busy={props.loading || undefined}
      data-testid="case-list"
    >
      <div role="row" className="case-row case-head" aria-rowindex={1}>
        {props.domainOf && (
          <div role="columnheader" className="cell domain">
            {t('columns.domain')}
          </div>
        )}
        {shown.map((column) => (
          <div
            key={column.id}
            role="columnheader"
            className={`cell ${column.id}`}
            aria-sort={column.sortKey ? ariaSort(props.sort, column.sortKey) : undefined}
          >
            {column.sortKey ? (
              <button
                type="button"
                className="sort-button"
                title={t(column.label)}
                onClick={() => column.sortKey && props.onSort(column.sortKey)}
                data-testid={`sort-${column.id}`}
              >
                <span className="ellipsis">{t(column.label)}</span>
                {props.sort.key === column.sortKey && (
                  <Icon icon={props.sort.dir === 'asc' ? icons.sortAsc : icons.sortDesc} className="sort-arrow" />
                )}
              </button>
            ) : (
              t(column.label)
            )}
            {column.id === 'title' && hiddenSort && (
              // The sorted column stepped aside (narrow list): say what the order is, and keep it flippable.
              <button type="button" className="sort-button sort-hint" onClick={() => props.onSort(props.sort.key)} data-testid="sort-hint">
                {t('views:list.sortedBy', { column: t(hiddenSort.label) })}
                <Icon icon={props.sort.dir === 'asc' ? icons.sortAsc : icons.sortDesc} className="sort-arrow" />
              </button>
            )}
          </div>
        ))}
      </div>
      {!props.loading && count === 0 ? (
        <div className="case-empty" role="row">
          <div role="gridcell">{props.empty}</div>
        </div>
      ) : (
        <div className="case-scroll" ref={scrollRef} onScroll={onScroll} data-testid="case-scroll">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const style = { transform: `translateY(${item.start}px)`, height: ROW_HEIGHT };
              if (props.loading) {
                return (
                  <div key={item.key} role="row" className="case-row skeleton" style={style} aria-hidden="true">
                    <span className="skeleton-bar" />
                  </div>
                );
              }
              const row = rowAt(item.index);
              if (!row) return null;
              return (
                <CaseRow
                  key={row.key}
                  row={row}
                  index={item.index}
                  style={style}
                  selected={item.index === selectedIndex}
                  picked={props.isPicked(row)}
                  language={language}
                  nowMs={props.nowMs}
                  domain={props.domainOf?.(row.accountId)}
                  visible={layout.visible}
                  highlight={props.highlight ?? ''}
                  onSelect={props.onSelect}
                  onOpen={props.onOpen}
                  onTogglePick={props.onTogglePick}
                />
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}
