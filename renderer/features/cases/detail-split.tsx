import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon, icons } from '../../ui/icons';
import { useElementWidth } from '../../ui/use-element-width';

const REM = 16;
/** Narrower than this the list cannot keep title, status and SLA legible. */
export const LIST_MIN_PX = 50 * REM;
const DETAIL_MIN_PX = 22 * REM;
const DETAIL_DEFAULT_MAX_PX = 42 * REM;
const STEP_PX = 2 * REM;

/** The detail pane's width: the agent's choice (kept per tab) within what leaves the list legible. */
export function detailWidthFor(total: number, chosen: number | undefined): number {
  // By default the list keeps the room it needs for legible titles; the detail gets the rest.
  const wanted = chosen ?? Math.min(DETAIL_DEFAULT_MAX_PX, Math.max(DETAIL_MIN_PX, total - LIST_MIN_PX));
  // A chosen width may squeeze the list down to 36rem; never the detail below its minimum.
  return Math.round(Math.max(DETAIL_MIN_PX, Math.min(wanted, total - 36 * REM)));
}

export interface DetailSplitProps {
  readonly list: ReactNode;
  readonly detail: ReactNode | undefined;
  readonly width: number | undefined;
  readonly collapsed: boolean;
  readonly onResize: (width: number) => void;
  readonly onCollapse: (collapsed: boolean) => void;
}

/**
 * The list beside the selected case's detail, with a splitter: drag it, or focus it and use
 * ←/→ (Enter folds the pane away, and back). Without a selected case the list takes the
 * whole width (an empty pane is wasted space at 1440 px).
 */
export function DetailSplit({ list, detail, width, collapsed, onResize, onCollapse }: DetailSplitProps): React.JSX.Element {
  const { t } = useTranslation('views');
  const ref = useRef<HTMLDivElement>(null);
  const total = useElementWidth(ref);
  const [dragging, setDragging] = useState<number | undefined>();

  const showDetail = detail !== undefined && !collapsed;
  const detailPx = detailWidthFor(total, dragging ?? width);
  const resizeTo = (px: number): void => onResize(detailWidthFor(total, px));

  return (
    <div
      ref={ref}
      className="cases-split"
      style={{ gridTemplateColumns: showDetail ? `minmax(0, 1fr) auto ${detailPx}px` : 'minmax(0, 1fr) auto' }}
    >
      {list}
      {detail !== undefined &&
        (collapsed ? (
          <button
            type="button"
            className="detail-expand"
            onClick={() => onCollapse(false)}
            aria-label={t('pane.expand')}
            title={t('pane.expand')}
            data-testid="detail-expand"
          >
            <Icon icon={icons.expand} />
          </button>
        ) : (
          <div
            className="splitter"
            role="separator"
            tabIndex={0}
            aria-orientation="vertical"
            aria-label={t('pane.resize')}
            aria-valuenow={detailPx}
            aria-valuemin={DETAIL_MIN_PX}
            aria-valuemax={Math.max(DETAIL_MIN_PX, total - 36 * REM)}
            data-testid="detail-splitter"
            onKeyDown={(event) => {
              if (event.key === 'ArrowLeft') resizeTo(detailPx + STEP_PX);
              else if (event.key === 'ArrowRight') resizeTo(detailPx - STEP_PX);
              else if (event.key === 'Enter') onCollapse(true);
              else return;
              event.preventDefault();
            }}
            onPointerDown={(event) => {
              event.currentTarget.setPointerCapture(event.pointerId);
              setDragging(detailPx);
            }}
            onPointerMove={(event) => {
              if (dragging === undefined || !ref.current) return;
              setDragging(ref.current.getBoundingClientRect().right - event.clientX);
            }}
            onPointerUp={() => {
              if (dragging !== undefined) resizeTo(dragging);
              setDragging(undefined);
            }}
          >
            <button
              type="button"
              className="icon-button small splitter-fold"
              tabIndex={-1}
              aria-label={t('pane.collapse')}
              title={t('pane.collapse')}
              data-testid="detail-collapse"
              onPointerDown={(event) => event.stopPropagation()}
              onClick={() => onCollapse(true)}
            >
              <Icon icon={icons.collapse} />
            </button>
          </div>
        ))}
      {showDetail && (
        <div className="cases-detail" data-testid="cases-detail">
          {detail}
        </div>
      )}
    </div>
  );
}
