// Merging every account's sorted result into one list for the all-domains queue.
// Each run is already in display order (the projection sorted it); a k-way merge over
// precomputed keys keeps it O(N·k) with k ≤ a handful of accounts.

export interface MergedOrder {
  /** Index of the run (account) each merged row comes from. */
  readonly runs: Uint8Array;
  /** Row id within that run. */
  readonly ids: Uint32Array;
  readonly length: number;
}

export type SortKeyValue = number | string;

function compareKeys(a: SortKeyValue, b: SortKeyValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Merges runs sorted by `keyOf` in direction `dir`. Ties go to the earlier run, so the
 * result is stable and deterministic.
 */
export function mergeSortedRuns(
  runs: readonly ArrayLike<number>[],
  keyOf: (run: number, id: number) => SortKeyValue,
  dir: 'asc' | 'desc',
): MergedOrder {
  const sign = dir === 'asc' ? 1 : -1;
  const keys = runs.map((ids, run) => Array.from({ length: ids.length }, (_, i) => keyOf(run, ids[i] as number)));
  const total = runs.reduce((sum, ids) => sum + ids.length, 0);
  const outRuns = new Uint8Array(total);
  const outIds = new Uint32Array(total);
  const heads = runs.map(() => 0);
  for (let k = 0; k < total; k++) {
    let best = -1;
    for (let run = 0; run < runs.length; run++) {
      const head = heads[run] as number;
      if (head >= (runs[run] as ArrayLike<number>).length) continue;
      if (
        best === -1 ||
        sign *
          compareKeys(
            (keys[run] as SortKeyValue[])[head] as SortKeyValue,
            (keys[best] as SortKeyValue[])[heads[best] as number] as SortKeyValue,
          ) <
          0
      )
        best = run;
    }
    const head = heads[best] as number;
    outRuns[k] = best;
    outIds[k] = (runs[best] as ArrayLike<number>)[head] as number;
    heads[best] = head + 1;
  }
  return { runs: outRuns, ids: outIds, length: total };
}
