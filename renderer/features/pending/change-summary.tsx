import { useTranslation } from 'react-i18next';
import type { OutboxEntry } from '../../../shared/ipc';
import type { CaseRecord } from '../../data';
import { formatBytes } from '../../ui/format';

function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** What a queued change does, before → after where the case has a before (the server's version in the replica). */
export function ChangeSummary({ entry, record }: { entry: OutboxEntry; record: CaseRecord | undefined }): React.JSX.Element {
  const { t, i18n } = useTranslation('pending');
  const m = entry.mutation;
  const arrow = (before: string | undefined, after: string): React.JSX.Element => (
    <span className="change-arrow" data-testid="change">
      {before !== undefined && (
        <>
          <span className="before">{before}</span> →{' '}
        </>
      )}
      <strong className="after">{after}</strong>
    </span>
  );
  switch (m.kind) {
    case 'set_priority':
      return arrow(record?.priority, m.priority);
    case 'close':
      return arrow(record ? t(`common:caseState.${record.state}`) : undefined, t('common:caseState.CLOSED'));
    case 'reopen':
      return arrow(t('common:caseState.CLOSED'), t('change.reopened'));
    case 'set_subscribers': {
      const before = new Set((record?.subscriberEmails ?? []).map((email) => email.toLowerCase()));
      const after = new Set(m.subscriberEmails.map((email) => email.toLowerCase()));
      const added = m.subscriberEmails.filter((email) => !before.has(email.toLowerCase()));
      const removed = (record?.subscriberEmails ?? []).filter((email) => !after.has(email.toLowerCase()));
      return (
        <span data-testid="change">
          {added.length > 0 && <span>{t('change.shareWith', { emails: added.join(', ') })} </span>}
          {removed.length > 0 && <span>{t('change.stopSharing', { emails: removed.join(', ') })}</span>}
          {added.length + removed.length === 0 && <span>{t('change.subscribers', { count: m.subscriberEmails.length })}</span>}
        </span>
      );
    }
    case 'escalate':
      return (
        <span data-testid="change">
          <strong>{t(`caseDetail:escalate.reasons.${m.reason}`)}</strong> — “{excerpt(m.justification)}”
        </span>
      );
    case 'comment':
      return <span data-testid="change">“{excerpt(m.body)}”</span>;
    case 'upload_attachment':
      return (
        <span data-testid="change">
          {m.filename} <span className="muted">({formatBytes(m.sizeBytes, i18n.language)})</span>
        </span>
      );
    case 'create_case':
      return (
        <span data-testid="change">
          {t('change.newCase', { priority: m.priority })}
          {m.classificationName ? ` · ${m.classificationName}` : ''}
        </span>
      );
  }
}
