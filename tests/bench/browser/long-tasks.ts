// Long main-thread tasks as the bench pages record them (PerformanceObserver 'longtask').
export interface LongTask {
  readonly start: number;
  readonly ms: number;
}

export function longestTaskMs(tasks: readonly LongTask[]): number {
  return Math.max(0, ...tasks.map((task) => task.ms));
}
