// Small helpers over sorted id lists and typed columns, shared by the projection's parts.

/** FNV-1a over the indexed text, to skip re-tokenising a case whose text did not change. */
export function textHash(parts: readonly string[]): number {
  let h = 0x811c9dc5;
  for (const s of parts) {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x1e;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The first index whose entry is not below `value` in a sorted list (numbers, or strings by code unit). */
export function lowerBound<T extends number | string>(list: ArrayLike<T>, value: T): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as T) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function contains(list: ArrayLike<number>, value: number): boolean {
  const i = lowerBound(list, value);
  return i < list.length && list[i] === value;
}

/** A copy of `arr` with room for `size` entries. */
export function grow<T extends Uint8Array | Uint32Array | Float64Array>(arr: T, size: number): T {
  const next = new (arr.constructor as new (n: number) => T)(size);
  next.set(arr);
  return next;
}

/** a − b for sorted id arrays. */
export function difference(a: ArrayLike<number>, b: ArrayLike<number> | undefined): number[] {
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    if (b === undefined) {
      out.push(x);
      continue;
    }
    while (j < b.length && (b[j] as number) < x) j++;
    if (j >= b.length || b[j] !== x) out.push(x);
  }
  return out;
}

/** The sorted union of two sorted id lists. */
export function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? (a[i] as number) : Infinity;
    const y = j < b.length ? (b[j] as number) : Infinity;
    if (x <= y) {
      out.push(x);
      i++;
      if (x === y) j++;
    } else {
      out.push(y);
      j++;
    }
  }
  return out;
}
