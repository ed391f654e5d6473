import { describe, expect, it } from 'vitest';
import { mergeSortedRuns } from '../../../../renderer/features/cases/merge';

describe('merging accounts for the all-domains queue', () => {
  it('merges runs sorted descending by number keys, keeping every row once', () => {
    const times = [
      [50, 30, 10],
      [40, 35, 5, 1],
    ];
    const merged = mergeSortedRuns([Uint32Array.of(0, 1, 2), Uint32Array.of(0, 1, 2, 3)], (run, id) => times[run]?.[id] ?? 0, 'desc');
    const keys = Array.from({ length: merged.length }, (_, i) => times[merged.runs[i] as number]?.[merged.ids[i] as number]);
    expect(keys).toEqual([50, 40, 35, 30, 10, 5, 1]);
    expect(merged.length).toBe(7);
  });

  it('merges ascending string keys and breaks ties by run order', () => {
    const titles = [
      ['apple', 'cherry'],
      ['apple', 'banana'],
    ];
    const merged = mergeSortedRuns(
      [
        [0, 1],
        [0, 1],
      ],
      (run, id) => titles[run]?.[id] ?? '',
      'asc',
    );
    expect(Array.from(merged.runs)).toEqual([0, 1, 1, 0]);
    expect(Array.from(merged.ids)).toEqual([0, 0, 1, 1]);
  });

  it('handles empty runs and no runs', () => {
    expect(mergeSortedRuns([], () => 0, 'asc').length).toBe(0);
    const merged = mergeSortedRuns([[], [3]], () => 1, 'desc');
    expect(Array.from(merged.ids)).toEqual([3]);
    expect(Array.from(merged.runs)).toEqual([1]);
  });
});
