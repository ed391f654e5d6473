// How the harness hands main's answers and events to the page: as JSON text, not as
// Playwright arguments.
//
// Why: Playwright passes an argument to the page through the DevTools protocol, and the
// inspector turns a protocol value into a JS value by compiling it as a script, `(<json>)`.
// A sync batch (hundreds of cases with their threads) became an object literal: every string
// in it internalized, its boilerplate kept with the compiled script. After a 20,395-case first
// sync that held ~90 MB the page no longer used, and each major GC's root update walked the
// swollen string table (15–21 ms of a 33–57 ms pause, until a forced GC). Electron's IPC
// copies values by structured clone and compiles nothing, so the harness was the odd one out.
// As text, a batch is one string literal. Bytes (the contract's Uint8Arrays) travel as base64.

const bytesTag = '\u0000bytes';

/** Main's side: `value` as JSON text (Uint8Arrays tagged, base64). */
export function encodeForPage(value: unknown): string {
  return JSON.stringify({ value }, function (this: Record<string, unknown>, key, encoded: unknown) {
    // `this[key]` is the value before toJSON (a Buffer's toJSON would hide its bytes).
    const raw = this[key];
    if (raw instanceof Uint8Array) return { [bytesTag]: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64') };
    return encoded;
  });
}

/** The page's side: the value `encodeForPage` encoded. */
export function decodeInPage(text: string): unknown {
  const parsed = JSON.parse(text, (_key, value: unknown) => {
    if (value !== null && typeof value === 'object' && bytesTag in value) {
      const base64 = (value as Record<string, unknown>)[bytesTag];
      if (typeof base64 === 'string') return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    }
    return value;
  }) as { value?: unknown };
  return parsed.value;
}
