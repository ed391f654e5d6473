import { describe, expect, it } from 'vitest';
import { dueScopes, scopeInterval } from '../../../../electron/services/sync/cadence';

const minute = 60_000;
const options = { cycleMs: 5 * minute, maxIntervalMs: 30 * minute };
const now = Date.UTC(2026, 10, 30, 12, 0, 0);

describe('scope cadence', () => {
  it('pulls a recently active scope every cycle, a quiet one less often, none later than the bound', () => {
    expect(scopeInterval({ pulledAt: now, activeAt: now - 2 * minute }, now, options)).toBe(5 * minute);
    expect(scopeInterval({ pulledAt: now, activeAt: now - 60 * minute }, now, options)).toBe(15 * minute);
    // The bound: at most 30 minutes, spread over its last quarter per scope.
    const quiet = ['a', 'b', 'organizations/1', 'organizations/2', 'organizations/3'].map((name) =>
      scopeInterval({ pulledAt: now, activeAt: now - 30 * 24 * 60 * minute }, now, options, name),
    );
    for (const interval of quiet) expect(interval).toBeGreaterThanOrEqual(22.5 * minute);
    for (const interval of quiet) expect(interval).toBeLessThanOrEqual(30 * minute);
    expect(new Set(quiet).size).toBe(quiet.length);
    expect(scopeInterval({ pulledAt: now, activeAt: undefined }, now, options, 'a')).toBe(quiet[0]);
  });

  it('picks the due scopes, most overdue first; a sweep takes them all', () => {
    const scopes = [{ name: 'quiet' }, { name: 'busy' }, { name: 'new' }, { name: 'just-pulled' }];
    const activity = new Map([
      ['quiet', { pulledAt: now - 20 * minute, activeAt: now - 10 * 24 * 60 * minute }],
      ['busy', { pulledAt: now - 6 * minute, activeAt: now - 3 * minute }],
      ['just-pulled', { pulledAt: now - 1 * minute, activeAt: now - 1 * minute }],
    ]);
    const of = (name: string) => activity.get(name) ?? { pulledAt: undefined, activeAt: undefined };
    expect(dueScopes(scopes, of, now, { ...options, all: false }).map((s) => s.name)).toEqual(['new', 'busy']);
    expect(dueScopes(scopes, of, now + 10 * minute, { ...options, all: false }).map((s) => s.name)).toEqual([
      'new',
      'busy',
      'just-pulled',
      'quiet',
    ]);
    expect(dueScopes(scopes, of, now, { ...options, all: true })).toHaveLength(4);
  });
});
