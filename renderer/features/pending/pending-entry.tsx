import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mutation, OutboxEntry } from '../../../shared/ipc';
import { isLocalCaseRef } from '../../../shared/ipc/outbox';
import { openCase } from '../../runtime/open-case';
import type { CaseRecord, CategoryRecord } from '../../data';
import { exactTime } from '../../ui/format';
import { Icon, icons } from '../../ui/icons';
import { ChangeSummary } from './change-summary';
import { EntryEditor, isEditable } from './entry-editor';
import { causeOf, stateOf } from './pending-model';

export interface PendingEntryProps {
  readonly entry: OutboxEntry;
  readonly accountId: string;
  /** The server's version of the case (undefined for a case created here, or not synced). */
  readonly record: CaseRecord | undefined;
  /** The case's title (from the replica, or the queued create). */
  readonly title: string | undefined;
  readonly caseRef: string;
  readonly categories: readonly CategoryRecord[];
  readonly onRetry: (entry: OutboxEntry) => Promise<void>;
  readonly onEdit: (entry: OutboxEntry, mutation: Mutation) => Promise<void>;
  readonly onDiscard: (entry: OutboxEntry) => void;
}

/** One queued change: its case (a link), what it changes, its state in words, and retry now / edit / discard. */
export function PendingEntry({
  entry,
  accountId,
  record,
  title,
  caseRef,
  categories,
  onRetry,
  onEdit,
  onDiscard,
}: PendingEntryProps): React.JSX.Element {
  const { t, i18n } = useTranslation('pending');
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string>();
  const state = stateOf(entry);
  const cause = causeOf(entry.lastError?.code);
  const number = isLocalCaseRef(caseRef) ? undefined : caseRef.split('/').pop();
  const act = (run: () => Promise<void>): void => {
    setError(undefined);
    run().catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)));
  };

  return (
    <li
      className={`pending-entry state-${state}`}
      data-status={entry.status}
      data-kind={entry.mutation.kind}
      data-entry={entry.id}
      data-testid="pending-entry"
    >
      <div className="pending-line">
        <span className="pending-kind">{t(`caseDetail:kinds.${entry.mutation.kind}`)}</span>
        <button
          type="button"
          className="link pending-case"
          onClick={() => openCase(accountId, record?.name ?? caseRef)}
          data-testid="pending-case-link"
        >
          {number ? <span className="mono">#{number}</span> : <span className="muted">{t('notFiled')}</span>} {title ?? caseRef}
        </button>
        <span className="muted pending-time">{exactTime(Date.parse(entry.createdAt), i18n.language)}</span>
      </div>
      <div className="pending-line">
        <ChangeSummary entry={entry} record={record} />
      </div>
      <div className="pending-line">
        <span className={`pending-state ${state}`} data-testid="pending-state">
          <Icon icon={state === 'failed' ? icons.failed : state === 'sending' ? icons.sending : icons.queued} />{' '}
          {state === 'failed' || state === 'retrying' ? t(`state.${state}`, { cause: t(`cause.${cause}`) }) : t(`state.${state}`)}
        </span>
        {entry.lastError && state === 'failed' && (
          <span className="muted server-says" title={entry.lastError.message}>
            {t('serverSays', { message: entry.lastError.message })}
          </span>
        )}
      </div>
      {!editing && (
        <div className="pending-actions">
          <button
            type="button"
            className="button"
            onClick={() => act(() => onRetry(entry))}
            disabled={state === 'sending'}
            data-testid="pending-retry"
          >
            <Icon icon={icons.retry} /> {t('actions.retry')}
          </button>
          {isEditable(entry) && (
            <button
              type="button"
              className="button"
              onClick={() => setEditing(true)}
              disabled={state === 'sending'}
              data-testid="pending-edit"
            >
              <Icon icon={icons.edit} /> {t('actions.edit')}
            </button>
          )}
          <button
            type="button"
            className="button danger"
            onClick={() => onDiscard(entry)}
            disabled={state === 'sending'}
            data-testid="pending-discard"
          >
            <Icon icon={icons.discard} /> {t('actions.discard')}
          </button>
        </div>
      )}
      {editing && (
        <EntryEditor
          entry={entry}
          categories={categories}
          onCancel={() => setEditing(false)}
          onSave={async (mutation) => {
            await onEdit(entry, mutation);
            setEditing(false);
          }}
        />
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
