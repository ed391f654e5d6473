import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { wipeAccount } from '../../../../renderer/app/wipe-account';
import { saveCommentDraft } from '../../../../renderer/features/case-detail/comment-draft';
import { markReopenRefused } from '../../../../renderer/features/case-detail/reopen-state';
import { requestFollowUp } from '../../../../renderer/features/case-detail/follow-up';
import { saveNewCaseDraft, emptyDraft } from '../../../../renderer/features/new-case/new-case-form';
import { useDashboardPrefsStore } from '../../../../renderer/features/dashboard';
import { saveHeadSnapshot } from '../../../../renderer/data';
import { defineSlot, listOf } from '../../../../renderer/platform/storage';
import { createTabStore, tabStoreFor } from '../../../../renderer/state/tab-store';
import { useTakenStore } from '../../../../renderer/state/taken-store';
import { useUnreadStore } from '../../../../renderer/state/unread-store';
import type { CaseRecord } from '../../../../renderer/data';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('stored values', () => {
  const slot = defineSlot({ version: 2, schema: z.object({ n: z.number() }), migrate: (old) => ({ n: Number(old) }) });

  it('round-trips under a version, migrates a value written before versions, refuses a newer one', () => {
    slot.write(localStorage, 'k', { n: 3 });
    expect(JSON.parse(localStorage.getItem('k') ?? '')).toEqual({ v: 2, value: { n: 3 } });
    expect(slot.read(localStorage, 'k')).toEqual({ n: 3 });
    localStorage.setItem('k', '7'); // version 0: plain JSON
    expect(slot.read(localStorage, 'k')).toEqual({ n: 7 });
    localStorage.setItem('k', JSON.stringify({ v: 3, value: { n: 1, more: true } }));
    expect(slot.read(localStorage, 'k')).toBeUndefined();
    expect(localStorage.getItem('k')).not.toBeNull(); // a newer app's value is left alone
  });

  it('drops a damaged value (and does not fail on it again)', () => {
    localStorage.setItem('k', '{not json');
    expect(slot.read(localStorage, 'k')).toBeUndefined();
    localStorage.setItem('k', JSON.stringify({ v: 2, value: { n: 'x' } }));
    expect(slot.read(localStorage, 'k')).toBeUndefined();
    expect(localStorage.getItem('k')).toBeNull();
  });

  it('keeps the good items of a list with damaged ones', () => {
    const list = defineSlot({ version: 1, schema: listOf(z.string()) });
    localStorage.setItem('l', JSON.stringify({ v: 1, value: ['a', 2, null, 'b'] }));
    expect(list.read(localStorage, 'l')).toEqual(['a', 'b']);
  });
});

describe('a damaged saved tab state', () => {
  it('opens the tab with the damaged fields at their defaults and the good ones kept', () => {
    localStorage.setItem(
      'rsc-tab-acc_damaged',
      JSON.stringify({
        version: 1,
        state: {
          view: 'customers',
          filters: null,
          sort: { key: 'nonsense' },
          scrollTops: 'x',
          savedViews: [{ id: 'v1', name: 'Mine', scope: 'all', filters: { states: ['BOGUS'] } }, 42],
          selection: ['organizations/1/cases/1'],
        },
      }),
    );
    const state = createTabStore('acc_damaged').getState();
    expect(state.view).toBe('customers');
    expect(state.selection).toEqual(['organizations/1/cases/1']);
    expect(state.filters.states.length).toBeGreaterThan(0); // the default view's open states
    expect(state.sort).toEqual({ key: 'updateTime', dir: 'desc' });
    expect(state.scrollTops).toEqual({});
    expect(state.savedViews).toHaveLength(1);
    expect(state.savedViews[0]?.filters.states).toEqual([]);
  });

  it('opens a tab whose saved state is not even an object', () => {
    localStorage.setItem('rsc-tab-acc_null', JSON.stringify({ version: 1, state: null }));
    expect(createTabStore('acc_null').getState().view).toBe('cases');
    localStorage.setItem('rsc-tab-acc_junk', 'junk');
    expect(createTabStore('acc_junk').getState().view).toBe('cases');
  });
});

describe('wipeAccount', () => {
  const record = { name: 'organizations/1/cases/1', updateTimeMs: 1, displayName: 'x', description: 'secret' } as CaseRecord;

  function fill(accountId: string): void {
    saveCommentDraft(localStorage, accountId, 'organizations/1/cases/1', 'customer text');
    saveNewCaseDraft(localStorage, accountId, { ...emptyDraft('UTC', 'en'), title: 'customer title' });
    markReopenRefused(localStorage, accountId, 'organizations/1/cases/1');
    requestFollowUp(sessionStorage, accountId, { caseName: 'c', caseNumber: '1', displayName: 'd', customerId: 'C1' });
    saveHeadSnapshot(accountId, [record]);
    tabStoreFor(accountId).getState().saveView('My view');
    useUnreadStore.getState().markUnread(accountId, ['organizations/1/cases/1'], 1);
    useTakenStore.getState().take(accountId, 'organizations/1/cases/1');
    useDashboardPrefsStore.getState().set(accountId, { compare: false });
  }

  const everything = (): string => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage });

  it('removes every key and mark of one account and leaves the other account alone', async () => {
    fill('acc_aaaaaaaaaaaaaaaa');
    fill('acc_bbbbbbbbbbbbbbbb');
    expect(everything()).toContain('acc_aaaaaaaaaaaaaaaa');
    await wipeAccount('acc_aaaaaaaaaaaaaaaa');
    expect(everything()).not.toContain('acc_aaaaaaaaaaaaaaaa');
    expect(everything()).toContain('rsc-comment-draft-acc_bbbbbbbbbbbbbbbb-');
    expect(everything()).toContain('rsc-tab-acc_bbbbbbbbbbbbbbbb');
    expect(useTakenStore.getState().taken['acc_bbbbbbbbbbbbbbbb']).toEqual(['organizations/1/cases/1']);
  });
});

describe('the owner of Web Storage', () => {
  const root = path.resolve(__dirname, '../../../../renderer');
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return sources(full);
      return /\.tsx?$/.test(name) ? [full] : [];
    });

  it('is the only renderer module that names the storage globals or spells an rsc- key', () => {
    const owner = path.join(root, 'platform', 'storage.ts');
    const offenders = sources(root)
      .filter((file) => file !== owner)
      .filter((file) => {
        const code = readFileSync(file, 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '');
        return /\b(localStorage|sessionStorage)\b/.test(code) || /['"`]rsc-(?!replica|status)/.test(code);
      })
      .map((file) => path.relative(root, file));
    expect(offenders).toEqual([]);
  });
});
