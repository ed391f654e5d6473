import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseContactHeader } from '../../../shared/domain';
import type { Account } from '../../../shared/ipc';
import type { CommentRecord, PendingComment, ViewCase } from '../../data';
import { getBridgeClient } from '../../platform';
import { ZonedTime } from './case-header';

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

function AuthorName({ comment, account }: { comment: CommentRecord; account: Account }): React.JSX.Element {
  const { t } = useTranslation('caseDetail');
  const author = authorOf(comment, account);
  const name = comment.creatorName ?? comment.creatorEmail ?? '';
  if (author === 'google') return <>{t('thread.google')}</>;
  if (comment.creatorEmail?.toLowerCase() === account.email.toLowerCase()) return <>{t('thread.you')}</>;
  if (author === 'agent') return <>{t('thread.colleague', { name })}</>;
  return <>{name ? t('thread.customer', { name }) : t('thread.customerUnknown')}</>;
}

/** The case thread, oldest first: the description, then comments, then the agent's queued ones. */
export function Thread({
  view,
  comments,
  pending,
  account,
}: {
  view: ViewCase;
  comments: readonly CommentRecord[] | undefined;
  pending: readonly PendingComment[];
  account: Account;
}): React.JSX.Element {
  const { t } = useTranslation('caseDetail');
  const [discarded, setDiscarded] = useState<string>();
  const [actionError, setActionError] = useState<string>();
  const ordered = [...(comments ?? [])].sort((a, b) => a.createTimeMs - b.createTimeMs);
  const accountId = account.id;

  const discard = (entryId: string): void => {
    getBridgeClient()
      .invoke('mutations.discard', { accountId, id: entryId })
      .then((removed) => setDiscarded(removed.mutation.kind === 'comment' ? removed.mutation.body : undefined))
      .catch((error: unknown) => setActionError(String((error as Error).message ?? error)));
  };
  const retry = (entryId: string): void => {
    getBridgeClient()
      .invoke('mutations.retry', { accountId, id: entryId })
      .catch((error: unknown) => setActionError(String((error as Error).message ?? error)));
  };

  return (
    <section className="thread" aria-label={t('thread.title')}>
      <h3 className="section-title">{t('thread.title')}</h3>
      <ol className="messages" data-testid="thread">
        <li className="message description">
          <div className="message-meta">
            <strong>{t('thread.description')}</strong>
            {view.creatorName || view.creatorEmail ? <span className="muted">{view.creatorName ?? view.creatorEmail}</span> : null}
            <ZonedTime iso={view.createTime} caseZone={view.timeZone} />
          </div>
          <DescriptionBody description={view.description} />
        </li>
        {ordered.map((comment) => (
          <li key={comment.name} className={`message msg-${authorOf(comment, account)}`} data-author={authorOf(comment, account)}>
            <div className="message-meta">
              <strong>
                <AuthorName comment={comment} account={account} />
              </strong>
              <ZonedTime iso={comment.createTime} caseZone={view.timeZone} />
            </div>
            <div className="message-body">{comment.body}</div>
          </li>
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
                <span className="error-text">
                  <span aria-hidden="true">✕</span> {t('thread.failed', { message: item.error.message })}
                </span>
              ) : (
                <span className="queued">
                  <span aria-hidden="true">◔</span> {item.status === 'in_flight' ? t('thread.sending') : t('queued')}
                </span>
              )}
            </div>
            <div className="message-body">{item.body}</div>
            {item.error && (
              <div className="message-actions">
                <button type="button" className="button" onClick={() => retry(item.entryId)}>
                  {t('thread.retry')}
                </button>
                <button type="button" className="button danger" onClick={() => discard(item.entryId)}>
                  {t('thread.discard')}
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
