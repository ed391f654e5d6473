import type { ChartOption } from './echarts';
import type { ChartPalette } from './palette';

/** A chart as the page describes it: labels already translated, each value with the drill key of its cases. */
export interface ChartSpec {
  readonly id: string;
  readonly title: string;
  readonly categories: readonly string[];
  readonly series: ReadonlyArray<{
    readonly id: string;
    readonly name: string;
    readonly color: string;
    readonly type: 'bar' | 'line';
    readonly stack?: string;
    readonly values: readonly number[];
    readonly keys: ReadonlyArray<string | undefined>;
  }>;
  readonly horizontal?: boolean;
  readonly format: (value: number) => string;
  /** Extra table column (e.g. attainment %), computed per category. */
  readonly extraColumn?: { readonly name: string; readonly valueOf: (index: number) => string };
}

/** Rows the legend wraps into at `width` px (about 7 px per character, 26 px for the swatch and gap). */
function legendRows(spec: ChartSpec, width: number): number {
  if (spec.series.length < 2) return 0;
  let rows = 1;
  let used = 0;
  for (const s of spec.series) {
    const item = s.name.length * 7 + 26;
    if (used > 0 && used + item > width) {
      rows += 1;
      used = 0;
    }
    used += item;
  }
  return rows;
}

/** The ECharts option of a spec, themed from the app's palette. Canvas, no animation, rich-text tooltips (no inline HTML: CSP). */
export function optionOf(spec: ChartSpec, palette: ChartPalette, fontFamily: string, width = 560): ChartOption {
  const categoryAxis = {
    type: 'category',
    data: [...spec.categories],
    axisLine: { lineStyle: { color: palette.grid } },
    axisTick: { show: false },
    axisLabel: {
      color: palette.muted,
      hideOverlap: true,
      // Few categories (priorities, age groups): every label, wrapped; many (days): as many as fit.
      ...(spec.horizontal
        ? { width: 150, overflow: 'truncate' }
        : spec.categories.length <= 8
          ? { interval: 0, width: 80, overflow: 'break' }
          : {}),
    },
    ...(spec.horizontal ? { inverse: true } : {}),
  };
  const valueAxis = {
    type: 'value',
    minInterval: 1,
    splitLine: { lineStyle: { color: palette.grid, opacity: 0.6 } },
    axisLabel: { color: palette.muted, formatter: (value: number) => spec.format(value) },
  };
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { color: palette.text, fontFamily },
    grid: { left: 8, right: 16, top: 14 + legendRows(spec, width) * 20, bottom: 8, containLabel: true },
    legend:
      spec.series.length > 1 ? { top: 0, left: 0, textStyle: { color: palette.text }, itemWidth: 12, itemHeight: 10 } : { show: false },
    tooltip: {
      trigger: 'axis',
      renderMode: 'richText',
      backgroundColor: palette.surface,
      borderColor: palette.grid,
      textStyle: { color: palette.text },
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- ECharts passes a number, a string or a list of them
      valueFormatter: (value: unknown) => (typeof value === 'number' ? spec.format(value) : String(value ?? '')),
    },
    xAxis: spec.horizontal ? valueAxis : categoryAxis,
    yAxis: spec.horizontal ? categoryAxis : valueAxis,
    series: spec.series.map((s) => ({
      type: s.type,
      name: s.name,
      data: [...s.values],
      ...(s.stack ? { stack: s.stack } : {}),
      itemStyle: { color: s.color },
      lineStyle: s.type === 'line' ? { color: s.color, type: 'dashed', width: 2 } : undefined,
      symbol: s.type === 'line' ? 'none' : undefined,
      barMaxWidth: 28,
      emphasis: { focus: 'series' },
      cursor: 'pointer',
    })),
  };
}

/**
 * Options of throwaway charts with every series, axis and component the dashboard draws
 * (stacked bars with a dashed line and a legend; horizontal stacked bars), for prewarmCharts:
 * growing sizes, so each warm-up stays a short task while the engine's code warms up.
 */
export function warmUpOptions(palette: ChartPalette, fontFamily: string): ChartOption[] {
  const options: ChartOption[] = [];
  for (const size of [2, 8, 31]) {
    const categories = Array.from({ length: size }, (_, index) => `${index + 1} ${'warm'.repeat(1 + (index % 3))}`);
    const series = (type: 'bar' | 'line', id: string, stack?: string) => ({
      id,
      name: `${id} ${size}`,
      color: palette.text,
      type,
      ...(stack ? { stack } : {}),
      values: categories.map((_, index) => (index * 7) % 11),
      keys: categories.map(() => undefined),
    });
    const base = { title: '', categories, format: (value: number) => String(value) };
    const stacked = ['a', 'b', 'c', 'd'].map((id) => series('bar', id, 's'));
    options.push(
      optionOf({ ...base, id: 'warm-volume', series: [...stacked, series('line', 'e')] }, palette, fontFamily, 560),
      optionOf({ ...base, id: 'warm-horizontal', horizontal: true, series: stacked.slice(0, 2) }, palette, fontFamily, 560),
    );
  }
  return options;
}
