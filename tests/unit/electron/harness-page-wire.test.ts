import { describe, expect, it } from 'vitest';
import { decodeInPage, encodeForPage } from '../../harness/page-wire';

describe("the harness's page wire (main's answers and events as JSON text)", () => {
  it('carries what the contract sends: objects, arrays, strings, numbers, booleans, null', () => {
    const batch = {
      ok: true,
      value: { cases: [{ name: 'organizations/1/cases/2', priority: 'P2', escalated: false, note: null }], cursor: 'c-7', count: 3 },
    };
    const text = encodeForPage(batch);
    expect(typeof text).toBe('string');
    expect(decodeInPage(text)).toEqual(batch);
  });

  it('keeps bytes as a Uint8Array, a Buffer included (its toJSON would lose them)', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const decoded = decodeInPage(encodeForPage({ a: bytes, b: Buffer.from([9, 8, 7]), c: bytes.subarray(3) })) as Record<string, unknown>;
    expect(decoded['a']).toBeInstanceOf(Uint8Array);
    expect([...(decoded['a'] as Uint8Array)]).toEqual([0, 1, 2, 250, 255]);
    expect([...(decoded['b'] as Uint8Array)]).toEqual([9, 8, 7]);
    expect([...(decoded['c'] as Uint8Array)]).toEqual([250, 255]);
  });

  it('answers undefined as undefined (a void reply)', () => {
    expect(decodeInPage(encodeForPage(undefined))).toBeUndefined();
  });
});
