import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestSandbox } from './helpers';

// Loading state.json: checked with zod; an older world version is moved aside, a damaged file is an error.

const dirs: string[] = [];
const fresh = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'sandbox-state-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('saved state', () => {
  it('a state of the old world version is moved aside and the sandbox starts afresh', async () => {
    const dir = fresh();
    const old = JSON.stringify({
      version: 1,
      seed: 'x',
      cases: 10,
      startMs: 0,
      now: 0,
      counters: {},
      customers: [],
      touched: [],
      extras: {},
    });
    writeFileSync(join(dir, 'state.json'), old);
    const sb = await startTestSandbox({ seed: 'upgrade', cases: 50, dataDir: dir });
    try {
      expect(sb.admin.caseCount()).toBe(50);
      expect(readFileSync(join(dir, 'state.v1.json'), 'utf8')).toBe(old);
    } finally {
      await sb.close();
    }
    expect(JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')).version).toBe(2);
  });

  it('a damaged or wrongly shaped state is refused with the file named, and left in place', async () => {
    for (const content of ['{"version": 2, "seed": ', JSON.stringify({ version: 2, seed: 'x', cases: -1 })]) {
      const dir = fresh();
      writeFileSync(join(dir, 'state.json'), content);
      await expect(startTestSandbox({ dataDir: dir })).rejects.toThrow(/state\.json/);
      expect(readFileSync(join(dir, 'state.json'), 'utf8')).toBe(content);
      expect(existsSync(join(dir, 'state.v2.json'))).toBe(false);
    }
  });
});
