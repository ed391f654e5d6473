import { describe, expect, it } from 'vitest';
import { createProjection } from '../../../../renderer/data/projection';
import { toCaseRecord } from '../../../../renderer/data/records';
import { ariaSort, filtersToQuery, hasActiveFilters, nextSort } from '../../../../renderer/features/cases/case-query';
import { OPEN_STATES } from '../../../../renderer/state/case-views';
import { emptyFilters, type CaseFilters } from '../../../../renderer/state/tab-store';
import { makeCase } from '../data/fixtures';

const f = (patch: Partial<CaseFilters>): CaseFilters => ({ ...emptyFilters, ...patch });

describe('filters → projection query', () => {
  it('maps an empty filter set to the default sort only', () => {
    expect(filtersToQuery(emptyFilters)).toEqual({ sort: { key: 'updateTime', dir: 'desc' } });
    expect(hasActiveFilters(emptyFilters, 'all')).toBe(false);
  });

  it('maps every filter and lets the deferred keyword, sort, customer and view set override', () => {
    const pending = new Set(['organizations/1/cases/1001']);
    const only = new Set(['organizations/1/cases/1002']);
    const query = filtersToQuery(
      f({ keyword: 'typed', states: ['NEW'], priorities: ['P1'], customerIds: ['C9'], escalatedOnly: true, pendingOnly: true }),
      { keyword: 'deferred', sort: { key: 'priority', dir: 'asc' }, pendingCaseNames: pending, customerId: 'C2', onlyNames: only },
    );
    expect(query).toEqual({
      keyword: 'deferred',
      states: ['NEW'],
      priorities: ['P1'],
      customerIds: ['C2'],
      escalated: true,
      pendingCaseNames: pending,
      onlyNames: only,
      sort: { key: 'priority', dir: 'asc' },
    });
  });

  it('reads the four open statuses as the API’s “open” (which keeps unknown states too)', () => {
    const query = filtersToQuery(f({ states: [...OPEN_STATES] }));
    expect(query.openOnly).toBe(true);
    expect(query.states).toBeUndefined();
    expect(filtersToQuery(f({ states: ['CLOSED'] })).states).toEqual(['CLOSED']);
  });

  it('keeps a trailing space (it makes the last word exact) but drops a blank keyword', () => {
    expect(filtersToQuery(f({ keyword: 'printer ' })).keyword).toBe('printer ');
    expect(filtersToQuery(f({ keyword: '   ' })).keyword).toBeUndefined();
  });

  it('says filters are active only when they differ from the current view’s own', () => {
    expect(hasActiveFilters(f({ states: [...OPEN_STATES] }), 'mine')).toBe(false);
    expect(hasActiveFilters(f({ states: [...OPEN_STATES] }), 'all')).toBe(true);
    expect(hasActiveFilters(f({ states: [...OPEN_STATES], keyword: 'mail' }), 'mine')).toBe(true);
    const saved = [{ id: 's1', name: 'P1', scope: 'all' as const, filters: f({ priorities: ['P1'] }) }];
    expect(hasActiveFilters(f({ priorities: ['P1'] }), 's1', saved)).toBe(false);
  });

  it('gives the same answer as the projection filtered by hand', () => {
    const p = createProjection();
    p.setCustomers([
      { customerId: 'C1', displayName: 'Acme' },
      { customerId: 'C2', displayName: 'Beta' },
    ]);
    p.upsertCases([
      toCaseRecord(makeCase(1, { displayName: 'Printer offline', priority: 'P1', state: 'NEW', customerId: 'C1' })),
      toCaseRecord(makeCase(2, { displayName: '印表機無法列印', priority: 'P1', state: 'CLOSED', customerId: 'C2' })),
      toCaseRecord(
        makeCase(3, { displayName: 'Printer jam', priority: 'P3', state: 'ACTION_REQUIRED', customerId: 'C2', escalated: true }),
      ),
    ]);
    const names = (filters: CaseFilters): string[] => p.names(p.query(filtersToQuery(filters)));
    expect(names(f({ keyword: 'printer' }))).toEqual([makeCase(3).name, makeCase(1).name]);
    expect(names(f({ keyword: '印表機' }))).toEqual([makeCase(2).name]);
    expect(names(f({ keyword: '印表机' }))).toEqual([makeCase(2).name]);
    expect(names(f({ states: [...OPEN_STATES], priorities: ['P1'] }))).toEqual([makeCase(1).name]);
    expect(names(f({ states: ['NEW', 'ACTION_REQUIRED'] }))).toEqual([makeCase(3).name, makeCase(1).name]);
    expect(names(f({ priorities: ['P1', 'P3'], customerIds: ['C2'] }))).toEqual([makeCase(3).name, makeCase(2).name]);
    expect(names(f({ escalatedOnly: true }))).toEqual([makeCase(3).name]);
  });
});

describe('sort headers', () => {
  it('flips the direction on the same column and starts new columns naturally', () => {
    expect(nextSort({ key: 'updateTime', dir: 'desc' }, 'updateTime')).toEqual({ key: 'updateTime', dir: 'asc' });
    expect(nextSort({ key: 'updateTime', dir: 'desc' }, 'priority')).toEqual({ key: 'priority', dir: 'asc' });
    expect(nextSort({ key: 'priority', dir: 'asc' }, 'createTime')).toEqual({ key: 'createTime', dir: 'desc' });
    expect(ariaSort({ key: 'title', dir: 'asc' }, 'title')).toBe('ascending');
    expect(ariaSort({ key: 'title', dir: 'desc' }, 'title')).toBe('descending');
    expect(ariaSort({ key: 'title', dir: 'desc' }, 'priority')).toBe('none');
  });
});
