import type { Clock } from '../../ports';

/**
 * Who is waiting for a request slot: the agent (a change being sent, a case being opened)
 * goes first, the regular sync next, the background history trickle last and only with
 * what the others leave.
 */
export type RequestPriority = 'interactive' | 'sync' | 'background';

const ORDER: readonly RequestPriority[] = ['interactive', 'sync', 'background'];
const WINDOW_MS = 60_000;

export interface RequestBudgetOptions {
  /** Requests any 60-second window may hold; Infinity turns the budget off. */
  readonly perMinute: number;
  /** Share of the window background work may fill, so the trickle never crowds out a sync. */
  readonly backgroundShare?: number;
}

/**
 * One account's request budget: a sliding one-minute window that no request leaves
 * unaccounted, so the account never sends more than `perMinute` requests in any minute
 * whatever the scheduler asks for. A server's Retry-After holds every request until then.
 */
export class RequestBudget {
  private perMinute: number;
  private readonly backgroundShare: number;
  /** Grant times inside the window, oldest first. */
  private readonly granted: number[] = [];
  private readonly queues: Record<RequestPriority, (() => void)[]> = { interactive: [], sync: [], background: [] };
  private heldUntil = 0;
  private cancelTimer: (() => void) | undefined;
  private timerAt = Number.POSITIVE_INFINITY;

  constructor(
    options: RequestBudgetOptions,
    private readonly clock: Clock,
  ) {
    this.perMinute = options.perMinute;
    this.backgroundShare = options.backgroundShare ?? 0.5;
  }

  get limit(): number {
    return this.perMinute;
  }

  setLimit(perMinute: number): void {
    this.perMinute = perMinute;
    this.pump();
  }

  /** How many requests at `priority` could go out right now without waiting. */
  spare(priority: RequestPriority): number {
    this.expire(this.clock.now());
    if (this.clock.now() < this.heldUntil) return 0;
    return Math.max(0, this.capacityFor(priority) - this.granted.length);
  }

  /** Requests granted in the last minute. */
  inWindow(): number {
    this.expire(this.clock.now());
    return this.granted.length;
  }

  /** Resolves when the request may be sent. */
  acquire(priority: RequestPriority = 'sync'): Promise<void> {
    return new Promise((resolve) => {
      this.queues[priority].push(resolve);
      this.pump();
    });
  }

  /** The server said to wait (429 / 503 with Retry-After): nothing of this account goes out before then. */
  holdFor(ms: number): void {
    if (!(ms > 0)) return;
    this.heldUntil = Math.max(this.heldUntil, this.clock.now() + ms);
    this.pump();
  }

  private expire(now: number): void {
    while (this.granted.length > 0 && (this.granted[0] as number) <= now - WINDOW_MS) this.granted.shift();
  }

  private capacityFor(priority: RequestPriority): number {
    return priority === 'background' ? Math.floor(this.perMinute * this.backgroundShare) : this.perMinute;
  }

  private pump(): void {
    const now = this.clock.now();
    this.expire(now);
    if (now >= this.heldUntil) {
      for (const priority of ORDER) {
        const queue = this.queues[priority];
        while (queue.length > 0 && this.granted.length < this.capacityFor(priority)) {
          if (Number.isFinite(this.perMinute)) this.granted.push(now);
          queue.shift()?.();
        }
      }
    }
    if (ORDER.every((priority) => this.queues[priority].length === 0)) return;
    // Wake up when the hold ends or the oldest grant leaves the window.
    const wakeAt = now < this.heldUntil ? this.heldUntil : (this.granted[0] ?? now) + WINDOW_MS;
    if (wakeAt >= this.timerAt && this.cancelTimer) return;
    this.cancelTimer?.();
    this.timerAt = wakeAt;
    this.cancelTimer = this.clock.setTimer(Math.max(1, wakeAt - now), () => {
      this.cancelTimer = undefined;
      this.timerAt = Number.POSITIVE_INFINITY;
      this.pump();
    });
  }
}
