// Apache ECharts, tree-shaken to what the dashboard draws: bar and line charts on a canvas,
// with grid, tooltip and legend (see docs/architecture.md for the choice).
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
export type { EChartsCoreOption as ChartOption } from 'echarts/core';

let warmed = false;

/**
 * Draws tiny throwaway charts (warmUpOptions: every series, axis and component the dashboard
 * uses), one per task, so the first real chart does not pay for ECharts' first run (compiling
 * its code, measuring text in the app's font) in a long task. Called while the worker still
 * reads the replicas.
 */
export function prewarmCharts(queue: (job: () => void) => void, options: readonly EChartsCoreOption[]): void {
  if (warmed) return;
  warmed = true;
  for (const option of options)
    queue(() => {
      const element = document.createElement('div');
      element.style.cssText = 'position:absolute;left:-10000px;width:560px;height:240px';
      document.body.append(element);
      const chart = echarts.init(element, undefined, { renderer: 'canvas' });
      chart.setOption(option);
      chart.dispose();
      element.remove();
    });
}
