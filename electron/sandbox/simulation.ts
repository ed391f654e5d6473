import type { SandboxClock } from './clock';
import type { Store } from './store';
import { GOOGLE_ASK, GOOGLE_PICKUP, GOOGLE_SOLVE } from './world-content';
import { GOOGLE_SUPPORT_ACTOR, type ActorRec, type CaseRec } from './world';

// Simulated Google Support on the sandbox clock: picks up new cases, asks for
// information, proposes a solution after the customer answers. Events are
// persisted, fire on a wall-clock timer and synchronously on advanceClock.

export interface SimulationOptions {
  enabled: boolean;
  pickUpAfterMs: number;
  replyAfterMs: number;
}

type EventKind = 'pickup' | 'ask' | 'solve';
interface SimEvent {
  due: number;
  caseId: string;
  kind: EventKind;
}

export class Simulation {
  private queue: SimEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly clock: SandboxClock,
    readonly options: SimulationOptions,
    private readonly onChange: () => void,
  ) {
    store.register('simulation', {
      dump: () => this.queue,
      load: (data) => {
        this.queue = Array.isArray(data) ? (data as SimEvent[]) : [];
      },
    });
  }

  private schedule(rec: CaseRec, kind: EventKind, afterMs: number): void {
    if (!this.options.enabled) return;
    this.queue = this.queue.filter((e) => e.caseId !== rec.id);
    this.queue.push({ due: this.clock.now() + afterMs, caseId: rec.id, kind });
    this.queue.sort((a, b) => a.due - b.due);
    this.arm();
  }

  onCreated(rec: CaseRec): void {
    this.schedule(rec, 'pickup', this.options.pickUpAfterMs);
  }

  onReopened(rec: CaseRec): void {
    this.schedule(rec, 'pickup', this.options.pickUpAfterMs);
  }

  /** The customer's side answered: Google works on it again. Returns true if the state changed. */
  onCustomerReply(rec: CaseRec): boolean {
    if (!this.options.enabled) return false;
    if (rec.state === 'ACTION_REQUIRED' || rec.state === 'SOLUTION_PROVIDED') {
      rec.state = 'IN_PROGRESS_GOOGLE_SUPPORT';
      this.schedule(rec, 'solve', this.options.replyAfterMs);
      return true;
    }
    return false;
  }

  onClosed(rec: CaseRec): void {
    this.queue = this.queue.filter((e) => e.caseId !== rec.id);
  }

  /** Applies every event due at or before the sandbox clock's now. */
  processDue(): number {
    let n = 0;
    for (;;) {
      const next = this.queue[0];
      if (next === undefined || next.due > this.clock.now()) break;
      this.queue.shift();
      const rec = this.store.caseById(next.caseId);
      if (rec !== undefined && this.apply(rec, next)) n++;
    }
    if (n > 0) this.onChange();
    this.arm();
    return n;
  }

  private apply(rec: CaseRec, e: SimEvent): boolean {
    const now = this.clock.now();
    const post = (body: string, actor: ActorRec = GOOGLE_SUPPORT_ACTOR): void => {
      this.store.thread(rec).comments.push({ id: this.store.newCommentId(), body, createTime: now, creator: actor });
    };
    if (e.kind === 'pickup' && rec.state === 'NEW') {
      this.store.prepare(rec);
      rec.state = 'IN_PROGRESS_GOOGLE_SUPPORT';
      post(GOOGLE_PICKUP);
      this.store.touch(rec, now, true);
      this.schedule(rec, 'ask', this.options.replyAfterMs);
      return true;
    }
    if (e.kind === 'ask' && rec.state === 'IN_PROGRESS_GOOGLE_SUPPORT') {
      this.store.prepare(rec);
      rec.state = 'ACTION_REQUIRED';
      post(GOOGLE_ASK);
      this.store.touch(rec, now, true);
      return true;
    }
    if (e.kind === 'solve' && rec.state === 'IN_PROGRESS_GOOGLE_SUPPORT') {
      this.store.prepare(rec);
      rec.state = 'SOLUTION_PROVIDED';
      post(GOOGLE_SOLVE);
      this.store.touch(rec, now, true);
      return true;
    }
    return false;
  }

  private arm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const next = this.queue[0];
    if (this.stopped || next === undefined) return;
    const delay = Math.min(Math.max(0, next.due - this.clock.now()), 2 ** 31 - 1);
    this.timer = setTimeout(() => this.processDue(), delay);
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
  }
}
