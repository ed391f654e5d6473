import { describe, expect, it } from 'vitest';
import { createProjection } from '../../../../renderer/data/projection';
import { toCaseRecord } from '../../../../renderer/data/records';
import { filtersToQuery } from '../../../../renderer/features/cases/case-query';
import { needsReplyNames, recordInView, scopeNames, viewNames, type ScopeContext } from '../../../../renderer/features/cases/case-scope';
import { builtInViews, emptyFilters, OPEN_STATES } from '../../../../renderer/state/case-views';
import { createTabStore, migrateTabState } from '../../../../renderer/state/tab-store';
import type { OutboxEntry } from '../../../../shared/ipc';
import { makeCase } from '../data/fixtures';

// Issue 17 §1: Mine (created, followed, taken), Needs my reply (Google spoke last or asked for action), Unread; saved views.

const me = 'agent1@reseller-a.example';
const name = (n: number): string => makeCase(n).name;

function context(overrides: Partial<ScopeContext> = {}): ScopeContext {
  const projection = createProjection();
  projection.upsertCases([
    toCaseRecord(makeCase(1, { creatorEmail: me, state: 'IN_PROGRESS_GOOGLE_SUPPORT' })),
    toCaseRecord(makeCase(2, { creatorEmail: 'agent2@reseller-a.example', subscriberEmails: [me], state: 'ACTION_REQUIRED' })),
    toCaseRecord(makeCase(3, { creatorEmail: 'agent2@reseller-a.example', state: 'SOLUTION_PROVIDED' })),
    toCaseRecord(makeCase(4, { creatorEmail: me, state: 'CLOSED' })),
    toCaseRecord(makeCase(5, { creatorEmail: 'admin@customer.example', state: 'NEW' })),
  ]);
  // Google spoke last on 3 and 4; on 1 the customer answered after Google.
  projection.addCommentText(name(1), 'Google asks', { googleSupport: true, createTimeMs: 1 });
  projection.addCommentText(name(1), 'Customer replies', { googleSupport: false, createTimeMs: 2 });
  projection.addCommentText(name(3), 'Google proposes a fix', { googleSupport: true, createTimeMs: 3 });
  projection.addCommentText(name(4), 'Google closes', { googleSupport: true, createTimeMs: 4 });
  return { projection, selfEmail: me, taken: [name(5)], unread: [name(3)], outbox: [], ...overrides };
}

const viewQuery = (ctx: ScopeContext, id: string): string[] => {
  const view = builtInViews.find((candidate) => candidate.id === id)!;
  const onlyNames = viewNames(view.scope, view.filters.categoryIds, ctx);
  const result = ctx.projection.query(filtersToQuery(view.filters, { onlyNames, openOnly: view.scope === 'needs-reply' }));
  return ctx.projection.names(result).sort();
};

describe('case scopes', () => {
  it('Mine: created by me, followed by me, or taken here; the default view shows only the open ones', () => {
    const ctx = context();
    expect([...(scopeNames('mine', ctx) ?? [])].sort()).toEqual([name(1), name(2), name(4), name(5)]);
    expect(viewQuery(ctx, 'mine')).toEqual([name(1), name(2), name(5)]);
  });

  it('Needs my reply: open, and Google spoke last or asked for action; a reply of mine in the queue answers it', () => {
    const ctx = context();
    expect(viewQuery(ctx, 'needs-reply')).toEqual([name(2), name(3)]);
    const reply: OutboxEntry = {
      id: 'e1',
      accountId: 'a',
      seq: 1,
      createdAt: new Date().toISOString(),
      mutation: { kind: 'comment', caseRef: name(3), body: 'Thanks, testing the fix.' },
      status: 'queued',
      attempts: 0,
    };
    expect([...needsReplyNames(context({ outbox: [reply] }))]).not.toContain(name(3));
  });

  it('Unread and All open', () => {
    const ctx = context();
    expect(viewQuery(ctx, 'unread')).toEqual([name(3)]);
    expect(viewQuery(ctx, 'all-open')).toEqual([name(1), name(2), name(3), name(5)]);
    expect(viewQuery(ctx, 'all')).toHaveLength(5);
  });

  it('checks one record against a view directly (the first screen before hydration)', () => {
    const mineOpen = { scope: 'mine' as const, filters: { ...emptyFilters, states: [...OPEN_STATES] } };
    const ctx = { selfEmail: me, taken: [], unread: [] };
    expect(recordInView(toCaseRecord(makeCase(1, { creatorEmail: me })), mineOpen, ctx)).toBe(true);
    expect(recordInView(toCaseRecord(makeCase(1, { creatorEmail: me, state: 'CLOSED' })), mineOpen, ctx)).toBe(false);
    expect(recordInView(toCaseRecord(makeCase(1, { creatorEmail: 'x@y.example' })), mineOpen, ctx)).toBe(false);
    expect(recordInView(toCaseRecord(makeCase(1)), { scope: 'needs-reply', filters: emptyFilters }, ctx)).toBeUndefined();
    const keyword = { scope: 'all' as const, filters: { ...emptyFilters, keyword: '邮件' } };
    expect(recordInView(toCaseRecord(makeCase(1, { displayName: '郵件延遲' })), keyword, ctx)).toBe(true);
  });
});

describe('tab store views', () => {
  function memoryStorage(initial: Record<string, string> = {}): Storage {
    const data = new Map(Object.entries(initial));
    return {
      get length() {
        return data.size;
      },
      clear: () => data.clear(),
      getItem: (key) => data.get(key) ?? null,
      key: (i) => [...data.keys()][i] ?? null,
      removeItem: (key) => void data.delete(key),
      setItem: (key, value) => void data.set(key, value),
    };
  }

  it('starts on Mine, open; saves, renames, orders and deletes views; Clear goes back to the view', () => {
    const store = createTabStore('t1', memoryStorage()).getState;
    expect(store()).toMatchObject({ caseView: 'mine', scope: 'mine', filters: { states: OPEN_STATES } });
    store().setFilters({ priorities: ['P1'] });
    store().saveView('P1 of mine');
    store().applyView('all');
    store().setFilters({ keyword: 'mail' });
    store().saveView('Mail');
    expect(store().savedViews.map((v) => v.name)).toEqual(['P1 of mine', 'Mail']);
    const [p1, mail] = store().savedViews;
    store().moveView(mail!.id, -1);
    store().renameView(p1!.id, 'Urgent');
    expect(store().savedViews.map((v) => v.name)).toEqual(['Mail', 'Urgent']);
    store().applyView(p1!.id);
    expect(store()).toMatchObject({ caseView: p1!.id, scope: 'mine', filters: { priorities: ['P1'] } });
    store().setFilters({ keyword: 'x' });
    store().resetFilters();
    expect(store().filters.keyword).toBe('');
    store().deleteView(p1!.id);
    expect(store().savedViews.map((v) => v.name)).toEqual(['Mail']);
    expect(store().caseView).toBe('mine');
  });

  it('migrates a tab saved before views existed: status becomes states, old saved views keep their filters over all cases', () => {
    const migrated = migrateTabState(
      {
        view: 'cases',
        filters: { keyword: '', status: 'open', states: [], priorities: ['P2'], customerIds: [], escalatedOnly: false, pendingOnly: false },
        scrollTop: 120,
        savedViews: [
          {
            id: 'v',
            name: 'Closed P1',
            filters: {
              keyword: '',
              status: 'closed',
              states: [],
              priorities: ['P1'],
              customerIds: [],
              escalatedOnly: false,
              pendingOnly: false,
            },
          },
        ],
      },
      0,
    );
    expect(migrated).toMatchObject({ caseView: 'mine', scope: 'mine', filters: { states: OPEN_STATES, categoryIds: [] } });
    expect(migrated.savedViews?.[0]).toMatchObject({ scope: 'all', filters: { states: ['CLOSED'], priorities: ['P1'], categoryIds: [] } });
    expect('scrollTop' in migrated).toBe(false);
  });
});
