import { describe, expect, it } from 'vitest';
import { createProjection } from '../../../../renderer/data/projection';
import { toCaseRecord } from '../../../../renderer/data/records';
import {
  ariaSort,
  filtersForStateChoice,
  filtersToQuery,
  hasActiveFilters,
  nextSort,
  stateChoiceOf,
} from '../../../../renderer/features/cases/case-query';
import { emptyFilters, type CaseFilters } from '../../../../renderer/state/tab-store';
import { makeCase } from '../data/fixtures';

const f = (patch: Partial<CaseFilters>): CaseFilters => ({ ...emptyFilters, ...patch });

describe('filters → projection query', () => {
  it('maps an empty filter set to the default sort only', () => {
    expect(filtersToQuery(emptyFilters)).toEqual({ sort: { key: 'updateTime', dir: 'desc' } });
    expect(hasActiveFilters(emptyFilters)).toBe(false);
  });

  it('maps every filter and lets the deferred keyword, sort and customer override', () => {
    const pending = new Set(['organizations/1/cases/1001']);
    const query = filtersToQuery(
      f({
        keyword: 'typed',
        status: 'open',
        states: ['NEW'],
        priorities: ['P1'],
        customerIds: ['C9'],
        escalatedOnly: true,
        pendingOnly: true,
      }),
      { keyword: 'deferred', sort: { key: 'priority', dir: 'asc' }, pendingCaseNames: pending, customerId: 'C2' },
    );
    expect(query).toEqual({
      keyword: 'deferred',
      states: ['NEW'],
      priorities: ['P1'],
      customerIds: ['C2'],
      escalated: true,
      pendingCaseNames: pending,
      openOnly: true,
      sort: { key: 'priority', dir: 'asc' },
    });
    expect(filtersToQuery(f({ status: 'closed' })).closedOnly).toBe(true);
  });

  it('keeps a trailing space (it makes the last word exact) but drops a blank keyword', () => {
    expect(filtersToQuery(f({ keyword: 'printer ' })).keyword).toBe('printer ');
    expect(filtersToQuery(f({ keyword: '   ' })).keyword).toBeUndefined();
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
    expect(names(f({ status: 'open', priorities: ['P1'] }))).toEqual([makeCase(1).name]);
    expect(names(f({ escalatedOnly: true }))).toEqual([makeCase(3).name]);
    expect(names(f({ customerIds: ['C2'], status: 'closed' }))).toEqual([makeCase(2).name]);
  });
});

describe('sort headers and the state select', () => {
  it('flips the direction on the same column and starts new columns naturally', () => {
    expect(nextSort({ key: 'updateTime', dir: 'desc' }, 'updateTime')).toEqual({ key: 'updateTime', dir: 'asc' });
    expect(nextSort({ key: 'updateTime', dir: 'desc' }, 'priority')).toEqual({ key: 'priority', dir: 'asc' });
    expect(nextSort({ key: 'priority', dir: 'asc' }, 'createTime')).toEqual({ key: 'createTime', dir: 'desc' });
    expect(ariaSort({ key: 'title', dir: 'asc' }, 'title')).toBe('ascending');
    expect(ariaSort({ key: 'title', dir: 'desc' }, 'title')).toBe('descending');
    expect(ariaSort({ key: 'title', dir: 'desc' }, 'priority')).toBe('none');
  });

  it('round-trips the state choice', () => {
    for (const choice of ['all', 'open', 'closed', 'ACTION_REQUIRED']) expect(stateChoiceOf(f(filtersForStateChoice(choice)))).toBe(choice);
    expect(filtersForStateChoice('NEW')).toEqual({ status: 'all', states: ['NEW'] });
  });
});
