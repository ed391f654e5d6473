// The sandbox clock runs at wall-clock speed from a chosen start and can be
// pushed forward (never back) so tests can jump past reopen windows or token
// expiry without sleeping.
export class SandboxClock {
  private offsetMs: number;

  constructor(startMs?: number) {
    this.offsetMs = startMs === undefined ? 0 : startMs - Date.now();
  }

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advanceClock needs a non-negative number of milliseconds');
    this.offsetMs += ms;
  }

  /** Moves the clock to at least `ms` (used when restoring persisted state). */
  advanceTo(ms: number): void {
    const now = this.now();
    if (ms > now) this.offsetMs += ms - now;
  }
}
