import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnreadStore } from '../../state/unread-store';
import type { ProjectionSortKey } from '../../data';
import { ariaSort, type SortState } from './case-query';
import { exactTime, relativeTime, shortDuration } from '../../ui/format';
import type { ListRow } from './row-model';
import './cases.css';

/** Fixed row height in px (2.25rem at the default 16px root); CSS pins line-height to match. */
export const ROW_HEIGHT = 36;

const stateShapes: Record<ListRow['state'], string> = {
  STATE_UNSPECIFIED: '?',
  NEW: '●',
  IN_PROGRESS_GOOGLE_SUPPORT: '◐',
  ACTION_REQUIRED: '◆',
  SOLUTION_PROVIDED: '✓',
  CLOSED: '○',
};

interface Column {
  id: string;
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
  const domainClass = props.domainOf ? ' with-domain' : '';
  return (
    <div
      className={`case-grid${domainClass}`}
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
        {columns.map((column) => (
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
                <span aria-hidden="true" className="sort-arrow">
                  {props.sort.key === column.sortKey ? (props.sort.dir === 'asc' ? '▲' : '▼') : ''}
                </span>
              </button>
            ) : (
              t(column.label)
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
                <Row
                  key={row.key}
                  row={row}
                  index={item.index}
                  style={style}
                  selected={item.index === selectedIndex}
                  picked={props.isPicked(row)}
                  language={language}
                  nowMs={props.nowMs}
                  domain={props.domainOf?.(row.accountId)}
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

interface RowProps {
  row: ListRow;
  index: number;
  style: React.CSSProperties;
  selected: boolean;
  picked: boolean;
  language: string;
  nowMs: number;
  domain: { domain: string; color: string } | undefined;
  onSelect: (index: number) => void;
  onOpen: (index: number) => void;
  onTogglePick: ((index: number) => void) | undefined;
}

function Row({
  row,
  index,
  style,
  selected,
  picked,
  language,
  nowMs,
  domain,
  onSelect,
  onOpen,
  onTogglePick,
}: RowProps): React.JSX.Element {
  const { t } = useTranslation('cases');
  // Google replied since the agent last opened the case: bold row and a dot.
  const unread = useUnreadStore((state) => state.unread[row.accountId]?.includes(row.name) ?? false);
  const classes = [
    'case-row',
    selected ? 'selected' : '',
    picked ? 'picked' : '',
    row.state === 'ACTION_REQUIRED' ? 'action-required' : '',
    unread ? 'unread' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={classes}
      style={style}
      data-case={row.name}
      data-case-number={row.caseNumber}
      data-account={row.accountId}
      data-domain={domain?.domain}
      onClick={(event) => {
        if ((event.ctrlKey || event.metaKey) && onTogglePick) onTogglePick(index);
        else onSelect(index);
      }}
      onDoubleClick={() => onOpen(index)}
    >
      {domain && (
        <div role="gridcell" className="cell domain" title={domain.domain}>
          <span className="dot" aria-hidden="true" style={{ backgroundColor: domain.color }} />
          <span className="ellipsis">{domain.domain}</span>
        </div>
      )}
      <div role="gridcell" className="cell number">
        {onTogglePick && (
          <input
            type="checkbox"
            className="pick"
            checked={picked}
            aria-label={t('list.pick', { number: row.caseNumber || t('list.notFiled') })}
            onClick={(event) => event.stopPropagation()}
            onChange={() => onTogglePick(index)}
            tabIndex={-1}
          />
        )}
        <span className="mono">{row.caseNumber || '—'}</span>
      </div>
      <div role="gridcell" className="cell title">
        {unread && <span className="unread-dot" role="img" aria-label={t('list.unread')} />}
        <span className="ellipsis">{row.title}</span>
        {row.escalated && <span className="tag escalated">{t('list.escalated')}</span>}
        {row.pending === 'queued' && <span className="pending-mark">{t('list.queued')}</span>}
        {row.pending === 'local' && <span className="pending-mark">{t('list.notFiled')}</span>}
        {row.pending === 'failed' && <span className="failed-mark">{t('list.failed')}</span>}
      </div>
      <div role="gridcell" className="cell customer">
        <span className="ellipsis">{row.customerName}</span>
      </div>
      <div role="gridcell" className={`cell priority prio-${row.priority}`}>
        <span className="prio-chip">{row.priority}</span>
      </div>
      <div role="gridcell" className={`cell state state-${row.state}`}>
        <span aria-hidden="true" className="state-shape">
          {stateShapes[row.state]}
        </span>
        <span className="ellipsis">{t(`state.${row.state}`)}</span>
      </div>
      <div role="gridcell" className="cell updated" title={exactTime(row.updateTimeMs, language)}>
        {relativeTime(row.updateTimeMs, nowMs, language)}
      </div>
      <div
        role="gridcell"
        className={`cell sla sla-${row.sla?.level ?? 'none'}`}
        title={row.sla ? exactTime(Date.parse(row.sla.targetAt), language) : undefined}
      >
        {row.sla && (
          <span className="ellipsis">
            {row.sla.level === 'breached'
              ? t('sla.overdue', { time: shortDuration(row.sla.ms, language) })
              : t('sla.left', { time: shortDuration(row.sla.ms, language) })}
          </span>
        )}
      </div>
    </div>
  );
}
