import { memo } from 'react';
import type { TFunction } from 'i18next';
import { exactTime, relativeTime, shortDuration } from '../../ui/format';
import { Highlighted } from '../../ui/highlighted';
import { Icon, icons, StateIcon } from '../../ui/icons';
import type { ColumnId } from './column-layout';
import type { ListRow } from './row-model';

/** Fixed row height in px (2.25rem at the default 16px root); CSS pins line-height to match. */
export const ROW_HEIGHT = 36;

export interface RowProps {
  readonly row: ListRow;
  readonly index: number;
  /** Offset from the top of the list, in px (the row is placed with a transform: no layout). */
  readonly top: number;
  readonly selected: boolean;
  /** Google replied since the agent last opened the case: bold row and a dot. */
  readonly unread: boolean;
  /** The list's `cases` translator (stable per language; no i18n hook per row). */
  readonly t: TFunction<'cases'>;
  readonly picked: boolean;
  readonly language: string;
  readonly nowMs: number;
  /** All-domains queue: the row's domain and its colour (plain strings, so an unchanged row skips rendering). */
  readonly domain: string | undefined;
  readonly domainColor: string | undefined;
  readonly visible: ReadonlySet<ColumnId>;
  /** The keyword being searched: its matches are marked in the title and the customer. */
  readonly highlight: string;
  readonly onSelect: (index: number) => void;
  readonly onOpen: (index: number) => void;
  readonly onTogglePick: ((index: number) => void) | undefined;
}

/** The SLA clock as the list shows it: what is left, or how long overdue. */
export function slaText(row: ListRow, language: string, t: (key: string, options: Record<string, string>) => string): string {
  if (!row.sla) return '';
  const time = shortDuration(row.sla.ms, language);
  // The detail's own words: the list and the detail say the same about a clock.
  return row.sla.level === 'breached' ? t('caseDetail:sla.overdue', { time }) : t('caseDetail:sla.remaining', { time });
}

/**
 * One case in the list (a grid row). Memoised: while scrolling, only the rows that come
 * into view render; the others keep their DOM (every prop is a primitive or stable).
 */
export const CaseRow = memo(function CaseRow({
  row,
  index,
  top,
  selected,
  unread,
  t,
  picked,
  language,
  nowMs,
  domain,
  domainColor,
  visible,
  highlight,
  onSelect,
  onOpen,
  onTogglePick,
}: RowProps): React.JSX.Element {
  const classes = [
    'case-row',
    selected ? 'selected' : '',
    picked ? 'picked' : '',
    row.state === 'ACTION_REQUIRED' ? 'action-required' : '',
    unread ? 'unread' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const stateLabel = t(`common:caseState.${row.state}`);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={classes}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      data-case={row.name}
      data-case-number={row.caseNumber}
      data-account={row.accountId}
      data-domain={domain}
      onClick={(event) => {
        if ((event.ctrlKey || event.metaKey) && onTogglePick) onTogglePick(index);
        else onSelect(index);
      }}
      onDoubleClick={() => onOpen(index)}
    >
      {domain && (
        <div role="gridcell" className="cell domain" title={domain}>
          <span className="dot" aria-hidden="true" style={{ backgroundColor: domainColor }} />
          <span className="ellipsis">{domain}</span>
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
      <div role="gridcell" className="cell title" title={visible.has('customer') ? row.title : `${row.title} · ${row.customerName}`}>
        {unread && <span className="unread-dot" role="img" aria-label={t('list.unread')} />}
        <span className="ellipsis title-text">
          <Highlighted text={row.title} query={highlight} />
        </span>
        {row.escalated && <span className="tag escalated">{t('list.escalated')}</span>}
        {row.pending === 'queued' && (
          <span className="pending-mark">
            <Icon icon={icons.queued} /> {t('list.queued')}
          </span>
        )}
        {row.pending === 'local' && (
          <span className="pending-mark">
            <Icon icon={icons.queued} /> {t('list.notFiled')}
          </span>
        )}
        {row.pending === 'failed' && (
          <span className="failed-mark">
            <Icon icon={icons.failed} /> {t('list.failed')}
          </span>
        )}
      </div>
      {visible.has('customer') && (
        <div role="gridcell" className="cell customer" title={row.customerName}>
          <span className="ellipsis">
            <Highlighted text={row.customerName} query={highlight} />
          </span>
        </div>
      )}
      <div role="gridcell" className={`cell priority prio-${row.priority}`}>
        <span className="prio-chip">{row.otherPriority ? t('priorityOther') : row.priority}</span>
      </div>
      <div role="gridcell" className={`cell state state-${row.state}`} title={stateLabel}>
        <StateIcon state={row.state} />
        <span className="ellipsis">{t(`stateShort.${row.state}`)}</span>
      </div>
      {visible.has('updated') && (
        <div role="gridcell" className="cell updated" title={exactTime(row.updateTimeMs, language)}>
          {relativeTime(row.updateTimeMs, nowMs, language)}
        </div>
      )}
      <div
        role="gridcell"
        className={`cell sla sla-${row.sla?.level ?? 'none'}`}
        title={row.sla ? exactTime(Date.parse(row.sla.targetAt), language) : undefined}
      >
        {row.sla && <span className="ellipsis">{slaText(row, language, t)}</span>}
      </div>
    </div>
  );
});
