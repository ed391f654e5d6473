// Apache ECharts, tree-shaken to what the dashboard draws: bar and line charts on a canvas,
// with grid, tooltip and legend (see docs/architecture.md for the choice).
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
export type { EChartsCoreOption as ChartOption } from 'echarts/core';

let warmed = false;

/**
 * Draws one tiny throwaway chart in its own task, so the first real chart does not pay for
 * ECharts' first run (compiling its code) in a long task. Called while the worker still
 * reads the replicas.
 */
export function prewarmCharts(queue: (job: () => void) => void): void {
  if (warmed) return;
  warmed = true;
  queue(() => {
    const element = document.createElement('div');
    element.style.cssText = 'position:absolute;left:-10000px;width:120px;height:80px';
    document.body.append(element);
    const chart = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      xAxis: { type: 'category', data: ['a'] },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', data: [1] }],
    });
    chart.dispose();
    element.remove();
  });
}
