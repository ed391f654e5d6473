import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { echarts } from './echarts';
import { optionOf, type ChartSpec } from './options';
import type { ChartPalette } from './palette';
import { queueChartJob } from './render-queue';

/** The app's own font stack (theme.css sets it on body), so chart text matches the UI and has CJK glyphs. */
export function appFont(): string {
  return getComputedStyle(document.body).fontFamily || 'sans-serif';
}

interface ItemLayout {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface ChartInternals {
  getModel(): { getSeriesByIndex(i: number): { getData(): { getItemLayout(j: number): ItemLayout | undefined } } | undefined };
}

/**
 * Where each bar segment is drawn, by drill key, for automation only (set when
 * navigator.webdriver is true): lets an end-to-end test click a bar like an agent does.
 */
function barCenters(chart: ReturnType<typeof echarts.init>, spec: ChartSpec): Array<{ key: string; x: number; y: number }> {
  const model = (chart as unknown as ChartInternals).getModel();
  const out: Array<{ key: string; x: number; y: number }> = [];
  spec.series.forEach((series, i) => {
    if (series.type !== 'bar') return;
    const data = model.getSeriesByIndex(i)?.getData();
    series.keys.forEach((key, j) => {
      const layout = data?.getItemLayout(j);
      if (key && layout) out.push({ key, x: layout.x + layout.width / 2, y: layout.y + layout.height / 2 });
    });
  });
  return out;
}

/**
 * One chart with its data table. The canvas is for the eyes; the table under it is the
 * keyboard and screen-reader equivalent, and each of its numbers opens the same drill-down
 * as clicking that bar.
 */
export function ChartCard({
  spec,
  palette,
  onDrill,
  height = 240,
  onPainted,
}: {
  spec: ChartSpec;
  palette: ChartPalette;
  onDrill: (key: string, label: string) => void;
  height?: number;
  onPainted?: () => void;
}): React.JSX.Element {
  const { t } = useTranslation('dashboard');
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init>>(undefined);
  const latest = useRef({ spec, onDrill });
  latest.current = { spec, onDrill };

  useEffect(() => {
    // Creating a chart and drawing it are two tasks: neither holds the main thread for long.
    const cancelInit = queueChartJob(() => {
      if (!host.current || chart.current) return;
      chart.current = echarts.init(host.current, undefined, { renderer: 'canvas' });
      chart.current.on('click', (params: { seriesIndex?: number; dataIndex?: number }) => {
        const { spec: current, onDrill: drill } = latest.current;
        const series = current.series[params.seriesIndex ?? -1];
        const key = series?.keys[params.dataIndex ?? -1];
        if (series && key) drill(key, `${current.title}: ${current.categories[params.dataIndex ?? 0] ?? ''} · ${series.name}`);
      });
    });
    const cancelDraw = queueChartJob(() => {
      if (!host.current || !chart.current) return;
      chart.current.setOption(optionOf(spec, palette, appFont(), host.current.clientWidth), { notMerge: true });
      if (navigator.webdriver) host.current.dataset.bars = JSON.stringify(barCenters(chart.current, spec));
      onPainted?.();
    });
    const cancel = (): void => {
      cancelInit();
      cancelDraw();
    };
    return cancel;
  }, [spec, palette, onPainted]);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const observer = new ResizeObserver(() => chart.current?.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.current?.dispose();
      chart.current = undefined;
    };
  }, []);

  return (
    <figure className="chart-card" data-testid={`chart-${spec.id}`} aria-labelledby={`chart-${spec.id}-title`}>
      <figcaption id={`chart-${spec.id}-title`} className="chart-title">
        {spec.title}
      </figcaption>
      <div ref={host} className="chart-canvas" style={{ height }} aria-hidden="true" data-testid={`canvas-${spec.id}`} />
      <details className="chart-table">
        <summary>{t('table.show')}</summary>
        <table>
          <caption className="visually-hidden">{spec.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('table.category')}</th>
              {spec.series.map((s) => (
                <th scope="col" key={s.id}>
                  {s.name}
                </th>
              ))}
              {spec.extraColumn && <th scope="col">{spec.extraColumn.name}</th>}
            </tr>
          </thead>
          <tbody>
            {spec.categories.map((category, index) => (
              <tr key={`${category}-${index}`}>
                <th scope="row">{category}</th>
                {spec.series.map((s) => {
                  const key = s.keys[index];
                  const value = s.values[index] ?? 0;
                  return (
                    <td key={s.id}>
                      {key ? (
                        <button
                          type="button"
                          className="link"
                          data-drill={key}
                          aria-label={t('table.drill', { value: spec.format(value), series: s.name, category })}
                          onClick={() => onDrill(key, `${spec.title}: ${category} · ${s.name}`)}
                        >
                          {spec.format(value)}
                        </button>
                      ) : (
                        spec.format(value)
                      )}
                    </td>
                  );
                })}
                {spec.extraColumn && <td>{spec.extraColumn.valueOf(index)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
