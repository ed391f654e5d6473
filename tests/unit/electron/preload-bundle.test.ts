import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A sandboxed preload can require only a few Electron modules: the bundle must be
// one self-contained CommonJS file. `npm test` builds before the unit tests run.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bundle = path.join(repoRoot, 'out/preload/index.cjs');

describe('preload bundle', () => {
  it('requires nothing but electron and exposes exactly one global', () => {
    expect(existsSync(bundle), 'out/preload/index.cjs is missing: run `npm run build` first').toBe(true);
    const source = readFileSync(bundle, 'utf8');
    const required = [...source.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(source).not.toMatch(/^\s*import\s|\bimport\(/m);
    expect([...source.matchAll(/exposeInMainWorld\(/g)]).toHaveLength(1);
  });
});
