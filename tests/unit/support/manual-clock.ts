import type { Clock } from '../../../electron/ports';

/** A clock that moves only when told to: timers fire in time order as it advances. */
export class ManualClock implements Clock {
  private current: number;
  private readonly timers = new Set<{ at: number; run: () => void }>();

  constructor(start = Date.UTC(2026, 10, 30, 9, 0, 0)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimer(ms: number, callback: () => void): () => void {
    const timer = { at: this.current + Math.max(0, ms), run: callback };
    this.timers.add(timer);
    return () => void this.timers.delete(timer);
  }

  /** Moves time forward by `ms`, firing each due timer at its own time. */
  advance(ms: number): void {
    const end = this.current + ms;
    for (;;) {
      const next = [...this.timers].filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.timers.delete(next);
      this.current = Math.max(this.current, next.at);
      next.run();
    }
    this.current = end;
  }

  get pending(): number {
    return this.timers.size;
  }
}
