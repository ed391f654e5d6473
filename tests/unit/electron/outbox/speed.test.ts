import { describe, expect, it } from 'vitest';
import { comment, open, serverCase, tempDir } from './helpers';

describe('outbox speed', () => {
  it('an fsync-ed enqueue takes a few milliseconds', async () => {
    const outbox = await open(tempDir());
    const times: number[] = [];
    for (let i = 0; i < 200; i += 1) {
      const start = performance.now();
      await outbox.enqueue(comment(serverCase, `note ${i}`));
      times.push(performance.now() - start);
    }
    await outbox.close();
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] ?? Number.NaN;
    const p95 = times[Math.floor(times.length * 0.95)] ?? Number.NaN;
    console.info(`outbox enqueue (write + fsync): median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`);
    expect(median).toBeLessThan(50); // a sanity bound for slow CI disks, not the target
  });
});
