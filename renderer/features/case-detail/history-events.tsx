import { useTranslation } from 'react-i18next';
import type { OutboxEntry } from '../../../shared/ipc';
import { eventOfEntry, type CaseEventRecord } from '../../data';
import { Icon, icons } from '../../ui/icons';
import { ZonedTime } from './case-header';
import type { NameOf } from './people';
import './history.css';

/** Kinds of queued changes that show in the history (comments and attachments have their own places). */
const HISTORY_KINDS = new Set(['set_priority', 'set_subscribers', 'close', 'reopen', 'escalate']);

/** Changes of this case still in the queue, as history entries marked pending. */
export function pendingEvents(caseName: string, entries: readonly OutboxEntry[], selfEmail: string): CaseEventRecord[] {
  return entries.flatMap((entry) => {
    if (
      entry.status === 'done' ||
      !HISTORY_KINDS.has(entry.mutation.kind) ||
      !('caseRef' in entry.mutation) ||
      entry.mutation.caseRef !== caseName
    )
      return [];
    const event = eventOfEntry(entry, undefined, selfEmail);
    return event ? [{ ...event, id: `pending:${entry.id}` }] : [];
  });
}

function EventText({ event }: { event: CaseEventRecord }): React.JSX.Element {
  const { t } = useTranslation('history');
  const state = (value: string | undefined): string => (value ? t(`common:caseState.${value}`) : '');
  switch (event.kind) {
    case 'priority':
      return <>{event.from ? t('text.priority', { from: event.from, to: event.to }) : t('text.prioritySet', { to: event.to })}</>;
    case 'state':
      return <>{t('text.state', { from: state(event.from), to: state(event.to) })}</>;
    case 'closed':
      return <>{t('text.closed')}</>;
    case 'reopened':
      return <>{t('text.reopened')}</>;
    case 'escalated':
      return <>{t('text.escalated')}</>;
    case 'subscribers':
      return (
        <>
          {(event.added ?? []).length > 0 && t('text.shared', { emails: (event.added ?? []).join(', ') })}
          {(event.added ?? []).length > 0 && (event.removed ?? []).length > 0 && ' · '}
          {(event.removed ?? []).length > 0 && t('text.unshared', { emails: (event.removed ?? []).join(', ') })}
        </>
      );
  }
}

/** One history entry in the thread: what changed, who (where known) and when, and how the console knows. */
export function HistoryEvent({
  event,
  nameOf,
  caseZone,
  pending,
}: {
  event: CaseEventRecord;
  nameOf: NameOf;
  caseZone: string | undefined;
  pending?: boolean;
}): React.JSX.Element {
  const { t } = useTranslation('history');
  const source = pending ? 'pending' : event.source === 'here' ? (event.confirmed ? 'confirmed' : 'here') : 'sync';
  return (
    <li className={`message history-event source-${source}`} data-testid="case-event" data-kind={event.kind} data-source={source}>
      <div className="message-meta">
        <Icon icon={pending ? icons.queued : icons.history} />
        <strong>
          <EventText event={event} />
        </strong>
        <span className="muted">{event.source === 'here' ? nameOf(event.actorEmail) : t('who.unknown')}</span>
        <ZonedTime iso={new Date(event.atMs).toISOString()} caseZone={caseZone} />
        <span className="event-source" title={t(`sourceHint.${source}`)}>
          {t(`source.${source}`)}
        </span>
      </div>
      {event.kind === 'escalated' && event.reason && (
        <div className="message-body escalation" data-testid="escalation-detail">
          <div>
            <span className="muted">{t('common:labelled', { label: t('caseDetail:escalate.reason') })}</span>{' '}
            {t(`caseDetail:escalate.reasons.${event.reason}`)}
          </div>
          {event.justification && (
            <div>
              <span className="muted">{t('common:labelled', { label: t('caseDetail:escalate.justification') })}</span>{' '}
              <span data-testid="escalation-justification">{event.justification}</span>
            </div>
          )}
        </div>
      )}
    </li>
  );
}
