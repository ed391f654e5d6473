import { describe, expect, it } from 'vitest';
import { RequestBudget } from '../../../../electron/services/api/request-budget';
import { ManualClock } from '../../support/manual-clock';

// The per-account budget: no 60-second window ever holds more than the limit, the agent's
// own requests go first, and a server's Retry-After holds everything.

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('request budget', () => {
  it('never grants more than the limit in any minute, and grants the rest as the window slides', async () => {
    const clock = new ManualClock();
    const budget = new RequestBudget({ perMinute: 10 }, clock);
    const grantedAt: number[] = [];
    for (let i = 0; i < 25; i += 1) void budget.acquire('sync').then(() => grantedAt.push(clock.now()));
    await flush();
    expect(grantedAt).toHaveLength(10);
    for (let second = 0; second < 180; second += 1) {
      clock.advance(1_000);
      await flush();
    }
    expect(grantedAt).toHaveLength(25);
    for (const at of grantedAt) expect(grantedAt.filter((other) => other > at - 60_000 && other <= at).length).toBeLessThanOrEqual(10);
  });

  it('lets the agent’s request overtake queued sync work, and keeps background work to its share', async () => {
    const clock = new ManualClock();
    const budget = new RequestBudget({ perMinute: 4, backgroundShare: 0.5 }, clock);
    const order: string[] = [];
    for (let i = 0; i < 4; i += 1) await budget.acquire('sync');
    void budget.acquire('background').then(() => order.push('background'));
    void budget.acquire('sync').then(() => order.push('sync'));
    void budget.acquire('interactive').then(() => order.push('interactive'));
    await flush();
    expect(order).toEqual([]);
    clock.advance(60_000);
    await flush();
    // Background work waits while the window is at least half full.
    expect(order).toEqual(['interactive', 'sync']);
    clock.advance(60_000);
    await flush();
    expect(order).toEqual(['interactive', 'sync', 'background']);
  });

  it('holds every request for as long as the server asked (Retry-After)', async () => {
    const clock = new ManualClock();
    const budget = new RequestBudget({ perMinute: 100 }, clock);
    budget.holdFor(30_000);
    let granted = false;
    void budget.acquire('interactive').then(() => (granted = true));
    clock.advance(29_000);
    await flush();
    expect(granted).toBe(false);
    clock.advance(1_000);
    await flush();
    expect(granted).toBe(true);
  });
});
