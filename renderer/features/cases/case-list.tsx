import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useEffect, useId, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectionSortKey } from '../../data';
import { useUnreadStore } from '../../state/unread-store';
import type { SortState } from './case-query';
import { CaseListHead, useColumnTexts } from './case-list-head';
import { CaseRow, ROW_HEIGHT, rowClickHandlers, rowLabels } from './case-row';
import { useColumnLayout, type ColumnLayout } from './column-layout';
import type { ListRow } from './row-model';
import './cases.css';
import './views.css';

export { ROW_HEIGHT } from './case-row';
/**
 * Rows rendered beyond each edge of the viewport: enough that a fast wheel or a held arrow
 * key shows rows, not blank space, while each frame mounts only the rows scrolled into view.
 */
const OVERSCAN = 6;

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

/** The virtualized case list: a grid with sortable headers; only visible rows are in the DOM. */
export function CaseList(props: CaseListProps): React.JSX.Element {
  const { count, loading } = props;
  const gridRef = useRef<HTMLDivElement>(null);
  const layout = useColumnLayout(gridRef, useColumnTexts(), props.domainOf !== undefined);
  return (
    <div
      ref={gridRef}
      className="case-grid"
      style={{ '--cols': layout.template } as React.CSSProperties}
      role="grid"
      aria-label={props.label}
      aria-rowcount={loading ? -1 : count + 1}
      aria-busy={loading || undefined}
      data-testid="case-list"
    >
      <CaseListHead layout={layout} sort={props.sort} onSort={props.onSort} withDomain={props.domainOf !== undefined} />
      {!loading && count === 0 ? (
        <div className="case-empty" role="row">
          <div role="gridcell">{props.empty}</div>
        </div>
      ) : (
        <CaseListBody {...props} layout={layout} />
      )}
    </div>
  );
}

/**
 * The visible rows in slot order. A row scrolled out hands its slot (its React key and its DOM)
 * to a row scrolled in, and the DOM keeps the slots' order, so a frame of fast scrolling
 * rewrites a dozen rows' texts in place instead of building, moving and styling new rows
 * (issue 21: half the frame's layout and script). The slot count only grows, so the keys stay
 * unique over the window of consecutive rows. Rows are placed by transform, so DOM order
 * does not show; `aria-owns` on the row group gives assistive technology the visual order.
 */
function useRowSlots(items: readonly VirtualItem[]): {
  readonly items: readonly VirtualItem[];
  readonly slotOf: (index: number) => number;
} {
  const slots = useRef(0);
  slots.current = Math.max(slots.current, items.length);
  const count = slots.current;
  const slotOf = (index: number): number => index % count;
  return { items: [...items].sort((a, b) => slotOf(a.index) - slotOf(b.index)), slotOf };
}

/** The scrolled rows: a virtual window over `count` rows, keeping the selection in view and the scroll position per tab. */
function CaseListBody(props: CaseListProps & { readonly layout: ColumnLayout }): React.JSX.Element {
  const { t, i18n } = useTranslation('cases');
  const labels = useMemo(() => rowLabels(t), [t]);
  // One subscription for the whole list, not one per row.
  const unread = useUnreadStore((state) => state.unread);
  const unreadSets = useMemo(() => new Map(Object.entries(unread).map(([accountId, names]) => [accountId, new Set(names)])), [unread]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const { count, rowAt, selectedIndex, onScrollTop, loading, onSelect, onOpen, onTogglePick } = props;
  const virtualizer = useVirtualizer({
    count: loading ? 12 : count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
  });

  // Restore the tab's scroll position once, when the list first has rows.
  const restored = useRef(false);
  useLayoutEffect(() => {
    if (restored.current || loading || count === 0) return;
    restored.current = true;
    if (scrollRef.current && props.initialScrollTop > 0) scrollRef.current.scrollTop = props.initialScrollTop;
  }, [loading, count, props.initialScrollTop]);

  // Keep the keyboard selection on screen.
  useEffect(() => {
    if (selectedIndex >= 0 && selectedIndex < count && restored.current) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, count, virtualizer]);

  const clicks = useMemo(() => rowClickHandlers({ onSelect, onOpen, onTogglePick }), [onSelect, onOpen, onTogglePick]);

  const saveTimer = useRef<number | undefined>(undefined);
  const onScroll = (): void => {
    window.clearTimeout(saveTimer.current);
    saveTimer.current = window.setTimeout(() => onScrollTop(scrollRef.current?.scrollTop ?? 0), 150);
  };
  useEffect(() => () => window.clearTimeout(saveTimer.current), []);

  const visibleItems = virtualizer.getVirtualItems();
  const { items, slotOf } = useRowSlots(visibleItems);
  const slotIdPrefix = useId();
  const rowId = (index: number): string => `${slotIdPrefix}-${slotOf(index)}`;
  return (
    <div className="case-scroll" ref={scrollRef} onScroll={onScroll} {...clicks} data-testid="case-scroll">
      <div
        role="rowgroup"
        aria-owns={loading ? undefined : visibleItems.map((item) => rowId(item.index)).join(' ')}
        style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
      >
        {(loading ? visibleItems : items).map((item) => {
          if (loading) {
            const style = { transform: `translateY(${item.start}px)`, height: ROW_HEIGHT };
            return (
              <div key={item.key} role="row" className="case-row skeleton" style={style} aria-hidden="true">
                <span className="skeleton-bar" />
              </div>
            );
          }
          const row = rowAt(item.index);
          if (!row) return null;
          const domain = props.domainOf?.(row.accountId);
          return (
            <CaseRow
              key={slotOf(item.index)}
              id={rowId(item.index)}
              row={row}
              index={item.index}
              top={item.start}
              selected={item.index === selectedIndex}
              unread={unreadSets.get(row.accountId)?.has(row.name) ?? false}
              labels={labels}
              picked={props.isPicked(row)}
              language={i18n.language}
              nowMs={props.nowMs}
              domain={domain?.domain}
              domainColor={domain?.color}
              visible={props.layout.visible}
              highlight={props.highlight ?? ''}
              pickable={props.onTogglePick !== undefined}
            />
          );
        })}
      </div>
    </div>
  );
}
