import { badRequest } from './http';

// The `fields` system parameter (partial responses): `cases(name,state),nextPageToken`
// or `cases/name`. Selected names that the resource does not have select nothing.

type Selection = Map<string, Selection | true>;

/** Parses a field selector; a malformed one is Google's 400. */
export function parseFields(src: string): Selection {
  let i = 0;
  const fail = (): never => {
    throw badRequest(`Invalid field selection ${src}`, [{ field: 'fields', description: `malformed at position ${i}` }]);
  };
  const name = (): string => {
    const m = /^[A-Za-z0-9_*@.-]+/.exec(src.slice(i));
    if (m === null) return fail();
    i += m[0].length;
    return m[0];
  };
  const merge = (into: Selection, key: string, sub: Selection | true): void => {
    const prev = into.get(key);
    if (prev === true || sub === true) into.set(key, true);
    else if (prev === undefined) into.set(key, sub);
    else for (const [k, v] of sub) merge(prev, k, v);
  };
  const list = (depth: number): Selection => {
    if (depth > 32) fail();
    const out: Selection = new Map();
    for (;;) {
      const path = [name()];
      while (src[i] === '/') {
        i++;
        path.push(name());
      }
      let leaf: Selection | true = true;
      if (src[i] === '(') {
        i++;
        leaf = list(depth + 1);
        if (src[i] !== ')') fail();
        i++;
      }
      const nested = path.slice(1).reduceRight<Selection | true>((acc, key) => new Map([[key, acc]]), leaf);
      merge(out, path[0] as string, nested);
      if (src[i] !== ',') return out;
      i++;
    }
  };
  const sel = list(0);
  if (i !== src.length) fail();
  return sel;
}

/** Keeps only the selected parts of a JSON value; arrays apply the selection to every element. */
export function applyFields(value: unknown, sel: Selection): unknown {
  if (Array.isArray(value)) return value.map((v) => applyFields(v, sel));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  const all = sel.get('*');
  for (const [k, v] of Object.entries(value)) {
    const s = sel.get(k) ?? all;
    if (s === undefined) continue;
    out[k] = s === true ? v : applyFields(v, s);
  }
  return out;
}
