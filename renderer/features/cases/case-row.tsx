import { memo } from 'react';
import type { TFunction } from 'i18next';
import { CASE_STATES, type CaseState } from '../../../shared/domain';
import { exactTime, relativeTime, shortDuration } from '../../ui/format';
import { withMarks } from '../../ui/highlighted';
import { Icon, icons, StateIcon } from '../../ui/icons';
import { freshString } from '../../data';
import type { ColumnId } from './column-layout';
import type { ListRow } from './row-model';

/** Fixed row height in px (2.25rem at the default 16px root); CSS pins line-height to match. */
export const ROW_HEIGHT = 36;

export interface RowProps {
  /** The row's DOM id: its slot's, named in the row group's aria-owns (case-list.tsx). */
  readonly id: string;
  readonly row: ListRow;
  readonly index: number;
  /** Offset from the top of the list, in px (the row is placed with a transform: no layout). */
  readonly top: number;
  readonly selected: boolean;
  /** Google replied since the agent last opened the case: bold row and a dot. */
  readonly unread: boolean;
  /** The row's words in the UI language (rowLabels: built once per language, not per row). */
  readonly labels: RowLabels;
  readonly picked: boolean;
  readonly language: string;
  readonly nowMs: number;
  /** All-domains queue: the row's domain and its colour (plain strings, so an unchanged row skips rendering). */
  readonly domain: string | undefined;
  readonly domainColor: string | undefined;
  readonly visible: ReadonlySet<ColumnId>;
  /** The keyword being searched: its matches are marked in the title and the customer. */
  readonly highlight: string;
  /** Rows can be picked (a checkbox; clicks are handled once for the whole list by rowClickHandlers). */
  readonly pickable: boolean;
}

/**
 * Every word a row shows, in one language. Built once per language by the list: an i18next
 * call allocates on every use, and per row that was a third of what scrolling allocated
 * (issue 21). Texts with a value are filled from a template translated once.
 */
export interface RowLabels {
  readonly state: Readonly<Record<CaseState, { readonly full: string; readonly short: string }>>;
  readonly escalated: string;
  readonly queued: string;
  readonly notFiled: string;
  readonly failed: string;
  readonly unread: string;
  readonly priorityOther: string;
  readonly pick: (number: string) => string;
  readonly slaOverdue: (time: string) => string;
  readonly slaRemaining: (time: string) => string;
}

/** A translation with one value left open: `fill(value)` puts the value where i18next would. */
function template(translate: (slot: string) => string): (value: string) => string {
  const slot = '\u0001';
  const text = translate(slot);
  return (value) => text.replace(slot, () => value);
}

export function rowLabels(t: TFunction<'cases'>): RowLabels {
  return {
    state: Object.fromEntries(
      CASE_STATES.map((state) => [state, { full: t(`common:caseState.${state}`), short: t(`stateShort.${state}`) }]),
    ) as RowLabels['state'],
    escalated: t('list.escalated'),
    queued: t('list.queued'),
    notFiled: t('list.notFiled'),
    failed: t('list.failed'),
    unread: t('list.unread'),
    priorityOther: t('priorityOther'),
    pick: template((number) => t('list.pick', { number })),
    // The detail's own words: the list and the detail say the same about a clock.
    slaOverdue: template((time) => t('caseDetail:sla.overdue', { time })),
    slaRemaining: template((time) => t('caseDetail:sla.remaining', { time })),
  };
}

/** The SLA clock as the list shows it: what is left, or how long overdue. */
export function slaText(row: ListRow, language: string, labels: RowLabels): string {
  if (!row.sla) return '';
  const time = shortDuration(row.sla.ms, language);
  return row.sla.level === 'breached' ? labels.slaOverdue(time) : labels.slaRemaining(time);
}

/**
 * One case in the list (a grid row), in one of the list's reused slots. Memoised: while
 * scrolling, only the slots that take a new case render; the others keep their DOM (every
 * prop is a primitive or stable).
 */
export const CaseRow = memo(function CaseRow({
  id,
  row,
  index,
  top,
  selected,
  unread,
  labels,
  picked,
  language,
  nowMs,
  domain,
  domainColor,
  visible,
  highlight,
  pickable,
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
  const stateLabels = labels.state[row.state] ?? labels.state.STATE_UNSPECIFIED;
  // The DOM gets copies of the strings the projection keeps: Blink turns an old-generation
  // string it is handed into an external string, in place, and every major GC's pause walks
  // those (600 frames of scrolling made 13,000 case names and numbers external, issue 21).
  const name = freshString(row.name);
  const caseNumber = freshString(row.caseNumber);
  return (
    <div
      id={id}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={classes}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      data-case={name}
      data-case-number={caseNumber}
      data-account={row.accountId}
      data-domain={domain}
      data-index={index}
    >
      {domain && (
        <div role="gridcell" className="cell domain" title={domain}>
          <span className="dot" aria-hidden="true" style={{ backgroundColor: domainColor }} />
          <span className="ellipsis">{domain}</span>
        </div>
      )}
      <div role="gridcell" className="cell number mono">
        {pickable && (
          // Not an <input>: React tracks every mounted input's value, work a scrolled row does not need.
          <span role="checkbox" className="pick" aria-checked={picked} aria-label={labels.pick(caseNumber || labels.notFiled)} />
        )}
        {caseNumber || '—'}
      </div>
      <div role="gridcell" className="cell title" title={visible.has('customer') ? row.title : `${row.title} · ${row.customerName}`}>
        {unread && <span className="unread-dot" role="img" aria-label={labels.unread} />}
        <span className="ellipsis title-text">{withMarks(row.title, highlight)}</span>
        {row.escalated && <span className="tag escalated">{labels.escalated}</span>}
        {row.pending === 'queued' && (
          <span className="pending-mark">
            <Icon icon={icons.queued} /> {labels.queued}
          </span>
        )}
        {row.pending === 'local' && (
          <span className="pending-mark">
            <Icon icon={icons.queued} /> {labels.notFiled}
          </span>
        )}
        {row.pending === 'failed' && (
          <span className="failed-mark">
            <Icon icon={icons.failed} /> {labels.failed}
          </span>
        )}
      </div>
      {visible.has('customer') && (
        <div role="gridcell" className="cell text customer" title={row.customerName}>
          {withMarks(row.customerName, highlight)}
        </div>
      )}
      <div role="gridcell" className={`cell priority prio-${row.priority}`}>
        <span className="prio-chip">{row.otherPriority ? labels.priorityOther : row.priority}</span>
      </div>
      <div role="gridcell" className={`cell text state state-${row.state}`} title={stateLabels.full}>
        <StateIcon state={row.state} /> {stateLabels.short}
      </div>
      {visible.has('updated') && (
        <div role="gridcell" className="cell text updated" title={exactTime(row.updateTimeMs, language)}>
          {relativeTime(row.updateTimeMs, nowMs, language)}
        </div>
      )}
      <div
        role="gridcell"
        className={`cell text sla sla-${row.sla?.level ?? 'none'}`}
        title={row.sla ? exactTime(Date.parse(row.sla.targetAt), language) : undefined}
      >
        {slaText(row, language, labels)}
      </div>
    </div>
  );
});

/** The row a list event happened in (rows carry their index), or undefined outside rows. */
function rowIndexOf(target: EventTarget): number | undefined {
  const row = target instanceof Element ? target.closest<HTMLElement>('[role="row"][data-index]') : null;
  return row ? Number(row.dataset['index']) : undefined;
}

const isPickBox = (target: EventTarget): boolean => target instanceof Element && target.classList.contains('pick');

/**
 * The list's row clicks, handled once on the scrolled body instead of closures on every row
 * (fewer allocations per mounted row while scrolling, issue 21): a click selects, Ctrl/⌘-click
 * or a click on the checkbox picks, a double click opens.
 */
export function rowClickHandlers(actions: {
  readonly onSelect: (index: number) => void;
  readonly onOpen: (index: number) => void;
  readonly onTogglePick: ((index: number) => void) | undefined;
}): Pick<React.DOMAttributes<HTMLElement>, 'onClick' | 'onDoubleClick'> {
  return {
    onClick: (event) => {
      const index = rowIndexOf(event.target);
      if (index === undefined) return;
      const onCheckbox = isPickBox(event.target);
      if (actions.onTogglePick && (onCheckbox || event.ctrlKey || event.metaKey)) actions.onTogglePick(index);
      else actions.onSelect(index);
    },
    onDoubleClick: (event) => {
      const index = rowIndexOf(event.target);
      if (index !== undefined && !isPickBox(event.target)) actions.onOpen(index);
    },
  };
}
