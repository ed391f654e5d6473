import { useTranslation } from 'react-i18next';
import type { PendingComment } from '../../data';
import { Icon, icons } from '../../ui/icons';
import { refusalOf } from '../customer-access';
import { ZonedTime } from './case-header';

/** The refused comment being edited, with the text so far. */
export interface CommentEdit {
  readonly entryId: string;
  readonly body: string;
}

/** A comment the agent queued: sending or queued, or refused with why and a way to edit or discard it. */
export function PendingMessage({
  item,
  caseZone,
  editing,
  onEdit,
  onResend,
  onDiscard,
}: {
  item: PendingComment;
  caseZone: string | undefined;
  /** This comment's text while the agent edits it; undefined when not being edited. */
  editing: string | undefined;
  /** Starts, continues (with the text) or cancels (undefined) editing this comment. */
  onEdit: (body: string | undefined) => void;
  onResend: (body: string) => void;
  onDiscard: () => void;
}): React.JSX.Element {
  const { t } = useTranslation('caseDetail');
  const { t: ta } = useTranslation('customerAccess');
  const refusal = item.error ? refusalOf(item.error, ta) : undefined;
  return (
    <li
      className={`message msg-agent pending-message${item.error ? ' failed' : ''}`}
      data-testid="pending-comment"
      data-status={item.status}
    >
      <div className="message-meta">
        <strong>{t('thread.you')}</strong>
        <ZonedTime iso={item.createdAt} caseZone={caseZone} />
        {refusal ? (
          <span className="error-text" data-testid="refusal-text" title={refusal.detail}>
            <Icon icon={icons.failed} /> {refusal.text}
          </span>
        ) : (
          <span className="queued">
            <Icon icon={item.status === 'in_flight' ? icons.sending : icons.queued} />{' '}
            {item.status === 'in_flight' ? t('thread.sending') : t('queued')}
          </span>
        )}
      </div>
      {editing !== undefined ? (
        <textarea
          className="input"
          rows={4}
          value={editing}
          aria-label={ta('refused.edit')}
          onChange={(event) => onEdit(event.target.value)}
        />
      ) : (
        <div className="message-body">{item.body}</div>
      )}
      {refusal && (
        <div className="message-actions">
          {editing !== undefined ? (
            <>
              <button type="button" className="button primary" disabled={editing.trim() === ''} onClick={() => onResend(editing)}>
                {ta('refused.save')}
              </button>
              <button type="button" className="button" onClick={() => onEdit(undefined)}>
                {ta('refused.cancel')}
              </button>
            </>
          ) : (
            refusal.editable && (
              <button type="button" className="button" data-testid="refusal-edit" onClick={() => onEdit(item.body)}>
                {ta('refused.edit')}
              </button>
            )
          )}
          <button type="button" className="button danger" data-testid="refusal-discard" onClick={onDiscard}>
            {ta('refused.discard')}
          </button>
        </div>
      )}
    </li>
  );
}
