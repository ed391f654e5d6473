import { afterEach, describe, expect, it, vi } from 'vitest';
import { warmUpFonts } from '../../../../renderer/ui/font-warmup';

afterEach(() => {
  vi.useRealTimers();
});

describe('font warm-up', () => {
  it('lays out a hidden sample of every face once, in idle time, then removes it', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] });
    warmUpFonts(document);
    // Nothing before the page is idle: the first screen comes first.
    expect(document.querySelector('.font-warmup')).toBeNull();
    for (let waited = 0; waited < 3000 && !document.querySelector('.font-warmup'); waited += 5) vi.advanceTimersByTime(5);
    const probe = document.querySelector('.font-warmup');
    expect(probe?.getAttribute('aria-hidden')).toBe('true');
    expect([...(probe?.children ?? [])].map((line) => line.className)).toEqual(['regular', 'bold', 'mono']);
    expect(probe?.textContent).toMatch(/繁體.*简体/);
    vi.advanceTimersByTime(100);
    expect(document.querySelector('.font-warmup')).toBeNull();
  });
});
