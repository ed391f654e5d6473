import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Account, ReplicaBatch, ReplicaComment } from '../../../shared/ipc';
import { noticeGoogleReplies } from '../../../renderer/runtime/notifications';
import { useUnreadStore } from '../../../renderer/state/unread-store';

const account: Account = {
  id: 'acc_1',
  email: 'agent1@reseller-a.example',
  domain: 'reseller-a.example',
  backend: 'sandbox',
  color: '#1a73e8',
  status: 'active',
  addedAt: '2026-11-01T00:00:00Z',
};
const comment = (caseName: string, createTime: string, googleSupport = true): ReplicaComment => ({
  name: `${caseName}/comments/${createTime}`,
  caseName,
  body: 'Could you send the headers?',
  createTime,
  googleSupport,
});
const batch = (comments: ReplicaComment[]): ReplicaBatch => ({
  accountId: account.id,
  batchId: 'b',
  cursor: '{}',
  upserts: { comments },
  deletes: {},
});

describe('Google replies → unread + notification', () => {
  beforeEach(() => useUnreadStore.setState({ unread: {}, since: {} }));

  it('the first sync only sets the starting point', () => {
    const notify = vi.fn();
    noticeGoogleReplies(account, batch([comment('o/1/cases/1', '2026-11-20T10:00:00Z')]), () => 'Mail delayed', { notify });
    expect(notify).not.toHaveBeenCalled();
    expect(useUnreadStore.getState().unread[account.id] ?? []).toEqual([]);
  });

  it('while a new replica takes its first sync, later pages are history too', () => {
    const notify = vi.fn();
    noticeGoogleReplies(account, batch([comment('o/1/cases/1', '2026-11-20T10:00:00Z')]), () => undefined, { notify, baseline: true });
    noticeGoogleReplies(account, batch([comment('o/1/cases/2', '2026-11-21T10:00:00Z')]), () => undefined, { notify, baseline: true });
    expect(notify).not.toHaveBeenCalled();
    expect(useUnreadStore.getState().unread[account.id] ?? []).toEqual([]);
    expect(useUnreadStore.getState().since[account.id]).toBe(Date.parse('2026-11-21T10:00:00Z'));
  });

  it('a newer Google reply marks its case unread and notifies once; agent comments do not', () => {
    const notify = vi.fn();
    noticeGoogleReplies(account, batch([comment('o/1/cases/1', '2026-11-20T10:00:00Z')]), () => undefined, { notify });
    noticeGoogleReplies(account, batch([comment('o/1/cases/2', '2026-11-21T10:00:00Z', false)]), () => undefined, { notify });
    expect(notify).not.toHaveBeenCalled();
    noticeGoogleReplies(account, batch([comment('o/1/cases/3', '2026-11-21T11:00:00Z')]), () => 'SSO loop', { notify });
    expect(notify).toHaveBeenCalledTimes(1);
    expect(notify.mock.calls[0]?.[1]).toBe('#3 SSO loop');
    expect(useUnreadStore.getState().unread[account.id]).toEqual(['o/1/cases/3']);
    useUnreadStore.getState().markSeen(account.id, 'o/1/cases/3');
    expect(useUnreadStore.getState().unread[account.id]).toEqual([]);
  });
});
