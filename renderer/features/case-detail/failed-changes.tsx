import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mutation } from '../../../shared/ipc';
import type { PendingFailure } from '../../data';
import { getBridgeClient } from '../../platform';
import { Icon, icons } from '../../ui/icons';
import { refusalOf } from '../customer-access';

/** What a discarded change hands back so the agent's words are never lost unseen. */
export function handBack(mutation: Mutation): string | undefined {
  switch (mutation.kind) {
    case 'comment':
      return mutation.body;
    case 'escalate':
      return mutation.justification;
    case 'set_subscribers':
      return mutation.subscriberEmails.join(', ');
    default:
      return undefined;
  }
}

/** Drops a refused change; its text (if any) comes back to the caller. */
export async function discardEntry(accountId: string, id: string): Promise<string | undefined> {
  const removed = await getBridgeClient().invoke('mutations.discard', { accountId, id });
  return handBack(removed.mutation);
}

/**
 * A change Google refused for good: why, in the agent's language (Google's own words beside
 * it), and what can be done — discard it, or edit it when the content was the problem. Never
 * "Retry": the same request would be refused the same way.
 */
export function FailedChange({
  accountId,
  failure,
  kindLabel,
  onEdit,
  onDiscarded,
}: {
  accountId: string;
  failure: PendingFailure;
  kindLabel: string;
  /** Offered only when editing could help; opens the place to change it. */
  onEdit?: (() => void) | undefined;
  onDiscarded: (text: string | undefined) => void;
}): React.JSX.Element {
  const { t } = useTranslation('customerAccess');
  const [error, setError] = useState<string>();
  const refusal = refusalOf(failure, t);
  return (
    <div className="failed-change" role="alert" data-testid="failed-change" data-code={failure.code}>
      <span>
        <Icon icon={icons.failed} /> <strong>{kindLabel}</strong> — <span data-testid="refusal-text">{refusal.text}</span>
        <span className="muted small" data-testid="refusal-detail">
          {' '}
          {refusal.detail}
        </span>
      </span>
      {refusal.editable && onEdit && (
        <button type="button" className="button" data-testid="refusal-edit" onClick={onEdit}>
          {t('refused.edit')}
        </button>
      )}
      <button
        type="button"
        className="button danger"
        data-testid="refusal-discard"
        onClick={() =>
          void discardEntry(accountId, failure.entryId)
            .then(onDiscarded)
            .catch((e: unknown) => setError(String((e as Error).message ?? e)))
        }
      >
        {t('refused.discard')}
      </button>
      {error && <span className="error-text">{error}</span>}
    </div>
  );
}
