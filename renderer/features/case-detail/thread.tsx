import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseContactHeader } from '../../../shared/domain';
import type { Account, OutboxEntry } from '../../../shared/ipc';
import type { CaseEventRecord, CommentRecord, PendingComment, ViewCase } from '../../data';
import { getBridgeClient } from '../../platform';
import { ZonedTime } from './case-header';
import { HistoryEvent, pendingEvents } from './history-events';
import { knownNames, nameResolver, type NameOf } from './people';
import { PendingMessage, type CommentEdit } from './pending-message';

export type Author = 'google' | 'agent' | 'customer';

/** The description, with the contact-preference header the New case form writes shown as a line of its own. */
function DescriptionBody({ description }: { description: string }): React.JSX.Element {
  // The header's words belong to the New case form's catalogue.
  const { t, i18n } = useTranslation();
  const { preference, body } = parseContactHeader(description);
  let language = preference?.languageCode ?? '';
  try {
    language = new Intl.DisplayNames([i18n.language], { type: 'language' }).of(language) ?? language;
  } catch {
    // an unknown tag is shown as written
  }
  return (
    <>
      {preference && (
        <p className="contact-preference" data-testid="contact-preference-line">
          {t('newCase:contact.onCase', { channel: t(`newCase:contact.channels.${preference.channel}`), language })}
        </p>
      )}
      <div className="message-body">{body}</div>
    </>
  );
}

/** Google Support, the reseller side (this agent or a colleague of the domain), or the customer. */
export function authorOf(
  comment: Pick<CommentRecord, 'googleSupport' | 'creatorEmail'>,
  account: Pick<Account, 'email' | 'domain'>,
): Author {
  if (comment.googleSupport) return 'google';
  const email = comment.creatorEmail?.toLowerCase() ?? '';
  if (email === account.email.toLowerCase() || email.endsWith(`@${account.domain.toLowerCase()}`)) return 'agent';
  return 'customer';
}

function AuthorName({ comment, account, nameOf }: { comment: CommentRecord; account: Account; nameOf: NameOf }): React.JSX.Element {
  const { t } = useTranslation('caseDetail');
  const author = authorOf(comment, account);
  const name = nameOf(comment.creatorEmail, comment.creatorName);
  if (author === 'google') return <>{t('thread.google')}</>;
  if (comment.creatorEmail?.toLowerCase() === account.email.toLowerCase()) return <>{t('thread.you')}</>;
  if (author === 'agent') return <>{t('thread.colleague', { name })}</>;
  return <>{name ? t('thread.customer', { name }) : t('thread.customerUnknown')}</>;
}

type TimelineItem = { kind: 'comment'; at: number; comment: CommentRecord } | { kind: 'event'; at: number; event: CaseEventRecord };

/** The case's comments and history events in one list, oldest first. */
function timelineOf(comments: readonly CommentRecord[], events: readonly CaseEventRecord[]): TimelineItem[] {
  return [
    ...comments.map((comment) => ({ kind: 'comment' as const, at: comment.createTimeMs, comment })),
    ...events.map((event) => ({ kind: 'event' as const, at: event.atMs, event })),
  ].sort((a, b) => a.at - b.at);
}

/** What the agent can do with a refused comment: discard it (its text comes back) or edit and resend it. */
function useRefusedComments(accountId: string) {
  const [discarded, setDiscarded] = useState<string>();
  const [editing, setEditing] = useState<CommentEdit>();
  const [actionError, setActionError] = useState<string>();
  const fail = (error: unknown): void => setActionError(String((error as Error).message ?? error));
  const discard = (entryId: string): void => {
    getBridgeClient()
      .invoke('mutations.discard', { accountId, id: entryId })
      .then((removed) => setDiscarded(removed.mutation.kind === 'comment' ? removed.mutation.body : undefined))
      .catch(fail);
  };
  // An edited comment goes back in the queue as the same entry (its place in the case's order kept).
  const resend = (entryId: string, caseRef: string, body: string): void => {
    const bridge = getBridgeClient();
    bridge
      .invoke('mutations.edit', { accountId, id: entryId, mutation: { kind: 'comment', caseRef, body } })
      .then(() => bridge.invoke('mutations.retry', { accountId, id: entryId }))
      .then(() => setEditing(undefined))
      .catch(fail);
  };
  return { discarded, editing, setEditing, actionError, discard, resend };
}

function CommentMessage({
  comment,
  account,
  nameOf,
  caseZone,
}: {
  comment: CommentRecord;
  account: Account;
  nameOf: NameOf;
  caseZone: string | undefined;
}): React.JSX.Element {
  const author = authorOf(comment, account);
  return (
    <li className={`message msg-${author}`} data-author={author}>
      <div className="message-meta">
        <strong>
          <AuthorName comment={comment} account={account} nameOf={nameOf} />
        </strong>
        <ZonedTime iso={comment.createTime} caseZone={caseZone} />
      </div>
      <div className="message-body">{comment.body}</div>
    </li>
  );
}

/**
 * The case thread, oldest first: the description, then comments and the case's history
 * (priority, status, escalation, sharing — made here or seen in sync), then what the agent
 * has queued.
 */
export function Thread({
  view,
  comments,
  pending,
  events,
  entries,
  account,
}: {
  view: ViewCase;
  comments: readonly CommentRecord[] | undefined;
  pending: readonly PendingComment[];
  events: readonly CaseEventRecord[];
  entries: readonly OutboxEntry[];
  account: Account;
}): React.JSX.Element {
  const { t } = useTranslation('caseDetail');
  const refused = useRefusedComments(account.id);
  const { editing, discarded } = refused;
  const caseZone = view.timeZone;
  const nameOf = useMemo(
    () => nameResolver(account.email, knownNames(view, comments ?? []), t('thread.you')),
    [account.email, view, comments, t],
  );
  const timeline = timelineOf(comments ?? [], events);
  const queuedEvents = pendingEvents(view.name, entries, account.email);

  return (
    <section className="thread" aria-label={t('thread.title')}>
      <h3 className="section-title">{t('thread.title')}</h3>
      <ol className="messages" data-testid="thread">
        <li className="message description">
          <div className="message-meta">
            <strong>{t('thread.description')}</strong>
            {view.creatorName || view.creatorEmail ? <span className="muted">{nameOf(view.creatorEmail, view.creatorName)}</span> : null}
            <ZonedTime iso={view.createTime} caseZone={caseZone} />
          </div>
          <DescriptionBody description={view.description} />
        </li>
        {timeline.map((item) =>
          item.kind === 'event' ? (
            <HistoryEvent key={item.event.id} event={item.event} nameOf={nameOf} caseZone={caseZone} />
          ) : (
            <CommentMessage key={item.comment.name} comment={item.comment} account={account} nameOf={nameOf} caseZone={caseZone} />
          ),
        )}
        {queuedEvents.map((event) => (
          <HistoryEvent key={event.id} event={event} nameOf={nameOf} caseZone={caseZone} pending />
        ))}
        {pending.map((item) => (
          <PendingMessage
            key={item.entryId}
            item={item}
            caseZone={caseZone}
            editing={editing?.entryId === item.entryId ? editing.body : undefined}
            onEdit={(body) => refused.setEditing(body === undefined ? undefined : { entryId: item.entryId, body })}
            onResend={(body) => refused.resend(item.entryId, item.caseRef, body)}
            onDiscard={() => refused.discard(item.entryId)}
          />
        ))}
      </ol>
      {comments === undefined && <p className="muted">{t('thread.loading')}</p>}
      {comments !== undefined && comments.length === 0 && pending.length === 0 && <p className="muted">{t('thread.empty')}</p>}
      {refused.actionError && <p className="error-text">{refused.actionError}</p>}
      {discarded !== undefined && (
        <div className="notice discarded" role="status">
          <p>{t('thread.discarded')}</p>
          <textarea className="input" readOnly rows={4} value={discarded} aria-label={t('thread.discarded')} />
        </div>
      )}
    </section>
  );
}
