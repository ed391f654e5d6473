// Column widths that keep title, status and SLA legible at 1280–1920 px in all five
// languages (issue 17 §2). Status, SLA and "updated" get exactly the width of their longest
// text in the UI language (measured with the list's own font), the title takes the rest;
// when the list is narrow the customer and then the "updated" column step aside (the
// customer moves into the title cell) before the title would shrink below its minimum.

import { useMemo, type RefObject } from 'react';
import { useElementWidth } from '../../ui/use-element-width';

export type ColumnId = 'number' | 'title' | 'customer' | 'priority' | 'state' | 'updated' | 'sla';

export interface ColumnLayout {
  /** grid-template-columns for the row. */
  readonly template: string;
  readonly visible: ReadonlySet<ColumnId>;
}

/** Texts each sized column must fit, in the UI language. */
export interface ColumnTexts {
  readonly state: readonly string[];
  readonly stateStrong: readonly string[];
  readonly sla: readonly string[];
  readonly updated: readonly string[];
  /** Headers of the narrow fixed columns (the header font is smaller and bold). */
  readonly priorityHeader: string;
  readonly updatedHeader: string;
}

const REM = 16;
const GAP = 0.5 * REM;
const PADDING = 1.2 * REM;
const TITLE_MIN = 16 * REM;
const CUSTOMER_MIN = 6 * REM;
const DOMAIN = 10 * REM;
const NUMBER = 6.1 * REM;
const PRIORITY = 3.6 * REM;
const SORT_ARROW = 0.9 * REM;
/** Icon and gap before a status. */
const STATE_ICON = 1.3 * REM;

let canvas: HTMLCanvasElement | undefined;

function textWidth(texts: readonly string[], font: string): number {
  canvas ??= document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) return texts.reduce((max, text) => Math.max(max, text.length * 8), 0);
  context.font = font;
  return texts.reduce((max, text) => Math.max(max, context.measureText(text).width), 0);
}

/** Widths in px of the sized columns for these texts, measured with the grid's font. */
export function measureColumns(texts: ColumnTexts, family: string): SizedColumns {
  const body = `${0.875 * REM}px ${family}`;
  const small = `${0.8 * REM}px ${family}`;
  const header = `600 ${0.78 * REM}px ${family}`;
  const state = Math.max(textWidth(texts.state, body), textWidth(texts.stateStrong, `700 ${body}`));
  return {
    state: Math.ceil(state + STATE_ICON + 2),
    sla: Math.ceil(textWidth(texts.sla, `700 ${small}`) + 2),
    // Room for the values, and for the header with its sort arrow.
    updated: Math.ceil(Math.max(textWidth(texts.updated, body) + 2, textWidth([texts.updatedHeader], header) + SORT_ARROW)),
    priority: Math.ceil(Math.max(PRIORITY, textWidth([texts.priorityHeader], header) + SORT_ARROW)),
  };
}

export interface SizedColumns {
  readonly state: number;
  readonly sla: number;
  readonly updated: number;
  readonly priority?: number;
}

/** The columns for a list this wide: fixed ones at their measured width, title and customer share the rest. */
export function layoutColumns(width: number, sized: SizedColumns, withDomain: boolean): ColumnLayout {
  const priority = sized.priority ?? PRIORITY;
  const fixed = [NUMBER, priority, sized.state, sized.sla, ...(withDomain ? [DOMAIN] : [])];
  const used = (columns: readonly number[]): number => columns.reduce((sum, w) => sum + w, 0) + GAP * columns.length + PADDING;
  const visible = new Set<ColumnId>(['number', 'title', 'priority', 'state', 'sla']);
  const withUpdated = [...fixed, sized.updated];
  if (width >= used([...withUpdated, TITLE_MIN, CUSTOMER_MIN])) {
    visible.add('customer');
    visible.add('updated');
  } else if (width >= used([...withUpdated, TITLE_MIN])) visible.add('updated');
  const px = (n: number): string => `${Math.ceil(n)}px`;
  const template = [
    ...(withDomain ? [px(DOMAIN)] : []),
    px(NUMBER),
    `minmax(${visible.has('customer') ? px(TITLE_MIN) : '0'}, 1fr)`,
    ...(visible.has('customer') ? [`minmax(${px(CUSTOMER_MIN)}, 0.4fr)`] : []),
    px(priority),
    px(sized.state),
    ...(visible.has('updated') ? [px(sized.updated)] : []),
    px(sized.sla),
  ].join(' ');
  return { template, visible };
}

/** The layout of the grid `ref` points at, following its width. */
export function useColumnLayout(ref: RefObject<HTMLElement | null>, texts: ColumnTexts, withDomain: boolean): ColumnLayout {
  const width = useElementWidth(ref);
  // The texts change with the language only: measure once per language (a new object with the same texts is the same key).
  const key = JSON.stringify(texts);
  const sized = useMemo(() => measureColumns(JSON.parse(key) as ColumnTexts, getComputedStyle(document.body).fontFamily), [key]);
  return useMemo(() => layoutColumns(width, sized, withDomain), [width, sized, withDomain]);
}
