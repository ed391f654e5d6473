/** Exponential backoff with full jitter, capped; a server's Retry-After wins when longer. */
export function backoffDelay(
  attempt: number,
  random: () => number,
  options: { baseMs?: number; maxMs?: number; retryAfterMs?: number } = {},
): number {
  const base = options.baseMs ?? 1_000;
  const max = options.maxMs ?? 5 * 60_000;
  const ceiling = Math.min(max, base * 2 ** Math.min(attempt, 20));
  const jittered = Math.round(ceiling / 2 + (random() * ceiling) / 2);
  return Math.max(jittered, options.retryAfterMs ?? 0);
}
