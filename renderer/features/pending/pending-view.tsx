import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxEntry } from '../../../shared/ipc';
import { useAccountRuntime, useRuntimeVersion } from '../../app/runtime-context';
import { getBridgeClient } from '../../platform';

/** Text the agent wrote in a change, so discarding never throws it away unseen. */
function agentText(entry: OutboxEntry): string | undefined {
  const mutation = entry.mutation;
  if (mutation.kind === 'comment') return mutation.body;
  if (mutation.kind === 'create_case') return `${mutation.displayName}\n\n${mutation.description}`;
  if (mutation.kind === 'escalate') return mutation.justification;
  return undefined;
}

/** Every queued change of this domain with its state; failed ones offer retry, copy and discard. */
export function PendingView(): React.JSX.Element {
  const { t, i18n } = useTranslation('shell');
  const runtime = useAccountRuntime();
  useRuntimeVersion(runtime);
  const [discarded, setDiscarded] = useState<string>();
  const entries = runtime.pendingEntries;
  const accountId = runtime.account.id;
  const time = (iso: string): string =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));

  return (
    <section className="pending-view" aria-labelledby="pending-title">
      <h2 id="pending-title">{t('rail.pending')}</h2>
      {entries.length === 0 && <p className="muted">{t('pending.empty')}</p>}
      {discarded && (
        <div className="notice" role="status">
          <p>{t('pending.discardedText')}</p>
          <textarea readOnly value={discarded} rows={4} aria-label={t('pending.discardedText')} />
        </div>
      )}
      <ul className="pending-list" data-testid="pending-list">
        {entries.map((entry) => {
          const target = entry.mutation.kind === 'create_case' ? entry.mutation.displayName : entry.mutation.caseRef.split('/').pop();
          return (
            <li key={entry.id} className={`pending-item ${entry.status}`} data-status={entry.status}>
              <span className="pending-kind">{t(`pending.kind.${entry.mutation.kind}`)}</span>
              <span className="pending-target">{target}</span>
              <span className="pending-state">{t(`pending.state.${entry.status}`)}</span>
              <span className="muted">{time(entry.createdAt)}</span>
              {entry.lastError && <span className={entry.status === 'failed' ? 'error-text' : 'muted'}>{entry.lastError.message}</span>}
              {entry.status === 'failed' && (
                <span className="pending-actions">
                  <button
                    type="button"
                    className="button"
                    onClick={() => void getBridgeClient().invoke('mutations.retry', { accountId, id: entry.id })}
                  >
                    {t('pending.retry')}
                  </button>
                  <button
                    type="button"
                    className="button danger"
                    onClick={() =>
                      void getBridgeClient()
                        .invoke('mutations.discard', { accountId, id: entry.id })
                        .then((removed) => setDiscarded(agentText(removed)))
                    }
                  >
                    {t('pending.discard')}
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
