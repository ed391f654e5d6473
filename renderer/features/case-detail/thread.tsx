import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseContactHeader } from '../../../shared/domain';
import type { Account, OutboxEntry } from '../../../shared/ipc';
import type { CaseEventRecord, CommentRecord, PendingComment, ViewCase } from '../../data';
import { getBridgeClient } from '../../platform';
import { Icon, icons } from '../../ui/icons';
import { refusalOf } from '../customer-access';
import { ZonedTime } from './case-header';
import { HistoryEvent, pendingEvents } from './history-events';
import { knownNames, nameResolver, type NameOf } from './people';

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
  const { t: ta } = useTranslation('customerAccess');
  const [discarded, setDiscarded] = useState<string>();
  /** The refused comment being edited, with the text so far. */
  const [editing, setEditing] = useState<{ entryId: string; body: string }>();
  const [actionError, setActionError] = useState<string>();
  const ordered = [...(comments ?? [])].sort((a, b) => a.createTimeMs - b.createTimeMs);
  const accountId = account.id;
  const nameOf = useMemo(
    () => nameResolver(account.email, knownNames(view, comments ?? []), t('thread.you')),
    [account.email, view, comments, t],
  );
  const timeline: TimelineItem[] = [
    ...ordered.map((comment) => ({ kind: 'comment' as const, at: comment.createTimeMs, comment })),
    ...events.map((event) => ({ kind: 'event' as const, at: event.atMs, event })),
  ].sort((a, b) => a.at - b.at);
  const queuedEvents = pendingEvents(view.name, entries, account.email);

  const discard = (entryId: string): void => {
    getBridgeClient()
      .invoke('mutations.discard', { accountId, id: entryId })
      .then((removed) => setDiscarded(removed.mutation.kind === 'comment' ? removed.mutation.body : undefined))
      .catch((error: unknown) => setActionError(String((error as Error).message ?? error)));
  };
  // An edited comment goes back in the queue as the same entry (its place in the case's order kept).
  const resend = (entryId: string, caseRef: string, body: string): void => {
    const bridge = getBridgeClient();
    bridge
      .invoke('mutations.edit', { accountId, id: entryId, mutation: { kind: 'comment', caseRef, body } })
      .then(() => bridge.invoke('mutations.retry', { accountId, id: entryId }))
      .then(() => setEditing(undefined))
      .catch((error: unknown) => setActionError(String((error as Error).message ?? error)));
  };

  return (
    <section className="thread" aria-label={t('thread.title')}>
      <h3 className="section-title">{t('thread.title')}</h3>
      <ol className="messages" data-testid="thread">
        <li className="message description">
          <div className="message-meta">
            <strong>{t('thread.description')}</strong>
            {view.creatorName || view.creatorEmail ? <span className="muted">{nameOf(view.creatorEmail, view.creatorName)}</span> : null}
            <ZonedTime iso={view.createTime} caseZone={view.timeZone} />
          </div>
          <DescriptionBody description={view.description} />
        </li>
        {timeline.map((item) =>
          item.kind === 'event' ? (
            <HistoryEvent key={item.event.id} event={item.event} nameOf={nameOf} caseZone={view.timeZone} />
          ) : (
            <li
              key={item.comment.name}
              className={`message msg-${authorOf(item.comment, account)}`}
              data-author={authorOf(item.comment, account)}
            >
              <div className="message-meta">
                <strong>
                  <AuthorName comment={item.comment} account={account} nameOf={nameOf} />
                </strong>
                <ZonedTime iso={item.comment.createTime} caseZone={view.timeZone} />
              </div>
              <div className="message-body">{item.comment.body}</div>
            </li>
          ),
        )}
        {queuedEvents.map((event) => (
          <HistoryEvent key={event.id} event={event} nameOf={nameOf} caseZone={view.timeZone} pending />
        ))}
        {pending.map((item) => (
          <li
            key={item.entryId}
            className={`message msg-agent pending-message${item.error ? ' failed' : ''}`}
            data-testid="pending-comment"
            data-status={item.status}
          >
            <div className="message-meta">
              <strong>{t('thread.you')}</strong>
              <ZonedTime iso={item.createdAt} caseZone={view.timeZone} />
              {item.error ? (
                <span className="error-text" data-testid="refusal-text" title={refusalOf(item.error, ta).detail}>
                  <Icon icon={icons.failed} /> {refusalOf(item.error, ta).text}
                </span>
              ) : (
                <span className="queued">
                  <Icon icon={item.status === 'in_flight' ? icons.sending : icons.queued} />{' '}
                  {item.status === 'in_flight' ? t('thread.sending') : t('queued')}
                </span>
              )}
            </div>
            {editing?.entryId === item.entryId ? (
              <textarea
                className="input"
                rows={4}
                value={editing.body}
                aria-label={ta('refused.edit')}
                onChange={(event) => setEditing({ entryId: item.entryId, body: event.target.value })}
              />
            ) : (
              <div className="message-body">{item.body}</div>
            )}
            {item.error && (
              <div className="message-actions">
                {editing?.entryId === item.entryId ? (
                  <>
                    <button
                      type="button"
                      className="button primary"
                      disabled={editing.body.trim() === ''}
                      onClick={() => resend(item.entryId, item.caseRef, editing.body)}
                    >
                      {ta('refused.save')}
                    </button>
                    <button type="button" className="button" onClick={() => setEditing(undefined)}>
                      {ta('refused.cancel')}
                    </button>
                  </>
                ) : (
                  refusalOf(item.error, ta).editable && (
                    <button
                      type="button"
                      className="button"
                      data-testid="refusal-edit"
                      onClick={() => setEditing({ entryId: item.entryId, body: item.body })}
                    >
                      {ta('refused.edit')}
                    </button>
                  )
                )}
                <button type="button" className="button danger" data-testid="refusal-discard" onClick={() => discard(item.entryId)}>
                  {ta('refused.discard')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {comments === undefined && <p className="muted">{t('thread.loading')}</p>}
      {comments !== undefined && ordered.length === 0 && pending.length === 0 && <p className="muted">{t('thread.empty')}</p>}
      {actionError && <p className="error-text">{actionError}</p>}
      {discarded !== undefined && (
        <div className="notice discarded" role="status">
          <p>{t('thread.discarded')}</p>
          <textarea className="input" readOnly rows={4} value={discarded} aria-label={t('thread.discarded')} />
        </div>
      )}
    </section>
  );
}
