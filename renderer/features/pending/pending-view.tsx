import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mutation, OutboxEntry } from '../../../shared/ipc';
import { isLocalCaseRef } from '../../../shared/ipc/outbox';
import { syncNow } from '../../runtime/commands';
import { useAccountRuntime, useRuntimeVersion } from '../../runtime/runtime-context';
import { getCases } from '../../data';
import { useCategories } from '../../data/hooks';
import { getBridgeClient } from '../../platform';
import { useAppStore } from '../../state/app-store';
import { formatNumber } from '../../ui/format';
import { Icon, icons } from '../../ui/icons';
import { useNow } from '../cases';
import { DiscardDialog } from './discard-dialog';
import { PendingEntry } from './pending-entry';
import { agentText, caseRefOf, dependentsOf, groupEntries, secondsUntil } from './pending-model';
import './pending.css';

/** When sync tries again, live: "next try in 3 s", "offline since 10:42". */
function RetryCountdown({ accountId }: { accountId: string }): React.JSX.Element | null {
  const { t, i18n } = useTranslation('pending');
  const status = useAppStore((state) => state.syncStatus[accountId]);
  const nowMs = useNow(1_000);
  if (!status) return null;
  const seconds = secondsUntil(status.nextAttemptAt, nowMs);
  const since = status.offlineSince
    ? new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(new Date(status.offlineSince))
    : undefined;
  return (
    <p className="retry-countdown" role="status" data-testid="retry-countdown" data-seconds={seconds ?? ''}>
      {status.syncing ? (
        <>
          <Icon icon={icons.sending} /> {t('countdown.sending')}
        </>
      ) : seconds !== undefined ? (
        <>
          {status.connection === 'offline' && <Icon icon={icons.offline} />}{' '}
          {status.connection === 'offline' && since ? `${t('countdown.offlineSince', { time: since })} · ` : ''}
          {t('countdown.next', { count: seconds })}
        </>
      ) : (
        t('countdown.idle')
      )}
    </p>
  );
}

/** Every change of this domain not on the server yet: refused ones grouped by cause, each with retry now / edit / discard. */
export function PendingView(): React.JSX.Element {
  const { t, i18n } = useTranslation('pending');
  const runtime = useAccountRuntime();
  useRuntimeVersion(runtime);
  const accountId = runtime.account.id;
  const entries = runtime.pendingEntries;
  const categories = useCategories(runtime.db) ?? [];
  const [discarded, setDiscarded] = useState<string>();
  const [error, setError] = useState<string>();
  const [discarding, setDiscarding] = useState<{ entry: OutboxEntry; dependents: OutboxEntry[] }>();
  const refs = useMemo(() => [...new Set(entries.map(caseRefOf).filter((ref) => !isLocalCaseRef(ref)))], [entries]);
  const records = useLiveQuery(() => getCases(runtime.db, refs), [runtime.db, refs.join('\n')]);
  const { failed, onTheirWay } = groupEntries(entries);
  const client = getBridgeClient();

  const titleOf = (entry: OutboxEntry): string | undefined => {
    const ref = caseRefOf(entry);
    if (!isLocalCaseRef(ref)) return records?.get(ref)?.displayName;
    const create = runtime.outbox.find((other) => other.mutation.kind === 'create_case' && other.mutation.localId === ref);
    return create?.mutation.kind === 'create_case' ? create.mutation.displayName : undefined;
  };
  const retry = async (entry: OutboxEntry): Promise<void> => {
    // A refused change goes back in the queue; one that waits anyway is sent at once.
    if (entry.status === 'failed') await client.invoke('mutations.retry', { accountId, id: entry.id });
    else await syncNow(accountId);
  };
  const edit = async (entry: OutboxEntry, mutation: Mutation): Promise<void> => {
    await client.invoke('mutations.edit', { accountId, id: entry.id, mutation });
    await retry(entry);
  };
  const discard = async (entry: OutboxEntry, withDependents: readonly OutboxEntry[]): Promise<void> => {
    // Dependents first, newest first: main refuses to drop a new case that later changes still need.
    const removed: OutboxEntry[] = [];
    for (const dependent of [...withDependents].sort((a, b) => b.seq - a.seq))
      removed.push(await client.invoke('mutations.discard', { accountId, id: dependent.id }));
    removed.unshift(await client.invoke('mutations.discard', { accountId, id: entry.id }));
    const texts = removed.flatMap((gone) => agentText(gone) ?? []);
    setDiscarded(texts.length > 0 ? texts.join('\n\n———\n\n') : undefined);
  };
  const discardNow = (entry: OutboxEntry, dependents: readonly OutboxEntry[]): void => {
    setError(undefined);
    discard(entry, dependents).catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)));
  };
  const askDiscard = (entry: OutboxEntry): void => {
    const dependents = dependentsOf(entry, runtime.outbox);
    if (dependents.length > 0) setDiscarding({ entry, dependents });
    else discardNow(entry, []);
  };
  const item = (entry: OutboxEntry): React.JSX.Element => (
    <PendingEntry
      key={entry.id}
      entry={entry}
      accountId={accountId}
      caseRef={caseRefOf(entry)}
      record={records?.get(caseRefOf(entry))}
      title={titleOf(entry)}
      categories={categories}
      onRetry={retry}
      onEdit={edit}
      onDiscard={askDiscard}
    />
  );

  return (
    <section className="pending-view" aria-labelledby="pending-title" data-testid="pending-view">
      <div className="pending-header">
        <h2 id="pending-title">{t('title')}</h2>
        <span className="muted">{t('count', { count: entries.length })}</span>
        <span className="spacer" />
        {entries.length > 0 && (
          <button type="button" className="button" onClick={() => void syncNow(accountId)} data-testid="pending-sync-now">
            <Icon icon={icons.retry} /> {t('actions.sendAll')}
          </button>
        )}
      </div>
      {onTheirWay.length > 0 && <RetryCountdown accountId={accountId} />}
      {entries.length === 0 && <p className="muted">{t('empty')}</p>}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {discarded && (
        <div className="notice" role="status">
          <p>{t('discardedText')}</p>
          <textarea className="input" readOnly value={discarded} rows={4} aria-label={t('discardedText')} />
        </div>
      )}
      <div data-testid="pending-list">
        {failed.map((group) => (
          <section key={group.cause} className="pending-group failed" data-cause={group.cause} data-testid="pending-group">
            <h3>
              <Icon icon={icons.failed} /> {t(`cause.${group.cause}`)}{' '}
              <span className="muted">({formatNumber(group.entries.length, i18n.language)})</span>
            </h3>
            <p className="muted">{t(`advice.${group.cause}`)}</p>
            <ul className="pending-entries">{group.entries.map(item)}</ul>
          </section>
        ))}
        {onTheirWay.length > 0 && (
          <section className="pending-group" data-testid="pending-waiting">
            <h3>
              <Icon icon={icons.queued} /> {t('waitingTitle')}
            </h3>
            <ul className="pending-entries">{onTheirWay.map(item)}</ul>
          </section>
        )}
      </div>
      {discarding && (
        <DiscardDialog
          entry={discarding.entry}
          dependents={discarding.dependents}
          color={runtime.account.color}
          onCancel={() => setDiscarding(undefined)}
          onConfirm={() => {
            const { entry, dependents } = discarding;
            setDiscarding(undefined);
            discardNow(entry, dependents);
          }}
        />
      )}
    </section>
  );
}
