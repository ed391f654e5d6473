import { afterEach, describe, expect, it } from 'vitest';
import { yieldToBackground } from '../../../../renderer/data/queries';

const scope = globalThis as { scheduler?: unknown };
const original = scope.scheduler;
afterEach(() => {
  scope.scheduler = original;
});

describe('yieldToBackground', () => {
  it('continues through scheduler.postTask at background priority where the browser has it', async () => {
    const priorities: string[] = [];
    scope.scheduler = {
      postTask: (task: () => void, options: { priority: string }) => {
        priorities.push(options.priority);
        return Promise.resolve().then(task);
      },
    };
    await yieldToBackground();
    expect(priorities).toEqual(['background']);
  });

  it('falls back to a macrotask: a timer queued before it runs first', async () => {
    scope.scheduler = undefined;
    const order: string[] = [];
    setTimeout(() => order.push('earlier timer'), 0);
    await yieldToBackground();
    order.push('continued');
    expect(order).toEqual(['earlier timer', 'continued']);
  });
});
