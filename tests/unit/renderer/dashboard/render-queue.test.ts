import { describe, expect, it } from 'vitest';
import { chartsSettled, queueChartJob } from '../../../../renderer/features/dashboard/charts/render-queue';

describe('chart render queue', () => {
  it('runs one job per task in order, survives a failing job, and settles every waiter once drained', async () => {
    const ran: string[] = [];
    queueChartJob(() => ran.push('a'));
    queueChartJob(() => {
      throw new Error('bad chart');
    });
    const cancel = queueChartJob(() => ran.push('cancelled'));
    queueChartJob(() => ran.push('c'));
    cancel();
    // Two dashboards waiting at once (they used to wait on each other forever).
    await Promise.all([chartsSettled(), chartsSettled()]);
    expect(ran).toEqual(['a', 'c']);
    await chartsSettled();
  });
});
