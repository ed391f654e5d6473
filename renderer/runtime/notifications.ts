import type { Account, ReplicaBatch } from '../../shared/ipc';
import { useUnreadStore } from '../state/unread-store';
import { openCase } from './open-case';

/**
 * News from Google in a batch: replies by Google Support newer than what the agent
 * has been told about. They mark the case unread and raise one desktop notification;
 * clicking it opens the case in its domain's tab. The first sync of an account only
 * sets the starting point (an agent is not told about last year's replies).
 */
export function noticeGoogleReplies(
  account: Account,
  batch: ReplicaBatch,
  caseTitle: (name: string) => string | undefined,
  options: { baseline?: boolean; notify?: typeof showNotification } = {},
): void {
  const notify = options.notify ?? showNotification;
  const store = useUnreadStore.getState();
  const replies = (batch.upserts.comments ?? []).filter((comment) => comment.googleSupport);
  if (replies.length === 0) return;
  const newest = Math.max(...replies.map((comment) => Date.parse(comment.createTime)));
  const since = store.since[account.id];
  // The first sync of a replica (all its pages) only moves the starting point.
  if (since === undefined || options.baseline) {
    store.markUnread(account.id, [], newest);
    return;
  }
  const fresh = replies.filter((comment) => Date.parse(comment.createTime) > since);
  if (fresh.length === 0) return;
  const cases = [...new Set(fresh.map((comment) => comment.caseName))];
  store.markUnread(account.id, cases, newest);
  const first = cases[0] as string;
  notify(
    account.domain,
    cases.length === 1 ? `#${first.split('/').pop() ?? ''} ${caseTitle(first) ?? ''}`.trim() : `${cases.length} × Google Support`,
    () => openCase(account.id, first),
  );
}

/** A desktop notification (Electron grants only this permission); silently nothing where it is not allowed. */
export function showNotification(title: string, body: string, onClick: () => void): void {
  if (typeof Notification === 'undefined') return;
  const show = (): void => {
    const notification = new Notification(title, { body, tag: `${title}:${body}` });
    notification.onclick = () => {
      window.focus();
      onClick();
    };
  };
  if (Notification.permission === 'granted') show();
  else if (Notification.permission === 'default')
    void Notification.requestPermission().then((permission) => permission === 'granted' && show());
}
