import { useTranslation } from 'react-i18next';
import type { GoogleSupportOffering, SlaClock } from '../../../shared/domain';
import type { CustomerRecord, ViewCase } from '../../data';
import { AccessLabel } from '../customer-access';
import { caseNumberOf } from './case-links';
import { agentTimeZone, shortDuration, formatInZone } from '../../ui/format';
import { Icon, icons, StateIcon } from '../../ui/icons';

/** The case's state; one Google added after this version ("Other") shows its own value on hover. */
export function StateLabel({ state, other }: { state: ViewCase['state']; other?: string | undefined }): React.JSX.Element {
  const { t } = useTranslation('caseDetail');
  return (
    <span className={`state-label state-${state.toLowerCase()}`} data-testid="case-state" data-other={other} title={other}>
      <StateIcon state={state} /> {t(`common:caseState.${state}`)}
    </span>
  );
}

export function PriorityTag({ priority, other }: { priority: ViewCase['priority']; other?: string | undefined }): React.JSX.Element {
  const { t } = useTranslation('caseDetail');
  if (other)
    return (
      <span className="priority-tag p-other" data-testid="case-priority" data-other={other} title={other}>
        {t('priorityOther')}
      </span>
    );
  return (
    <span className={`priority-tag p-${priority.toLowerCase()}`} data-testid="case-priority" title={t(`priority.${priority}.meaning`)}>
      {t(`priority.${priority}.label`)}
    </span>
  );
}

/** A time in the agent's zone; the case's zone on hover. */
export function ZonedTime({ iso, caseZone }: { iso: string; caseZone: string | undefined }): React.JSX.Element {
  const { t, i18n } = useTranslation('caseDetail');
  const local = formatInZone(iso, i18n.language, agentTimeZone());
  const remote = caseZone ? t('time.caseZone', { zone: caseZone, time: formatInZone(iso, i18n.language, caseZone) }) : undefined;
  return (
    <time dateTime={iso} title={remote}>
      {local}
    </time>
  );
}

function SlaBadge({ clock, current }: { clock: SlaClock; current: boolean }): React.JSX.Element {
  const { t, i18n } = useTranslation('caseDetail');
  const { status } = clock;
  const label = t(`sla.${clock.kind}`);
  let text: string;
  if (!clock.running) text = clock.met ? t('sla.met') : t('sla.missed');
  else if (status.level === 'breached') text = t('sla.overdue', { time: shortDuration(status.overdueMs, i18n.language) });
  else text = t('sla.remaining', { time: shortDuration(status.remainingMs, i18n.language) });
  return (
    <span
      className={`sla sla-${clock.running ? status.level : clock.met ? 'met' : 'breached'}`}
      data-testid={`sla-${clock.kind}`}
      data-current={current || undefined}
      title={
        Number.isFinite(status.targetMs)
          ? t('sla.target', { time: formatInZone(new Date(status.targetMs).toISOString(), i18n.language, agentTimeZone()) })
          : undefined
      }
    >
      {t('common:labelled', { label })} <span className="sla-text">{text}</span>
      {clock.running && status.paused && <span className="muted"> · {t('sla.paused')}</span>}
    </span>
  );
}

/** Number, title, the facts of the case and its SLA clocks. */
export function CaseHeader({
  view,
  customer,
  clocks,
  current,
  offering,
  children,
}: {
  view: ViewCase;
  customer: CustomerRecord | null | undefined;
  clocks: readonly SlaClock[];
  /** The running clock the case list shows too. */
  current: SlaClock | null;
  /** The Google support offering the agency recorded for the customer. */
  offering: GoogleSupportOffering | undefined;
  children?: React.ReactNode;
}): React.JSX.Element {
  const { t } = useTranslation('caseDetail');
  const number = view.local ? '' : view.caseNumber || caseNumberOf(view.name);
  return (
    <header className="case-header">
      <div className="case-title-row">
        {number ? (
          <span className="case-number">#{number}</span>
        ) : (
          <span className="not-filed" data-testid="not-filed">
            {t('notFiled')}
          </span>
        )}
        <PriorityTag priority={view.priority} other={view.pendingKinds.includes('set_priority') ? undefined : view.otherPriority} />
        <StateLabel
          state={view.state}
          other={view.pendingKinds.includes('reopen') || view.pendingKinds.includes('close') ? undefined : view.otherState}
        />
        {view.escalated && <span className="escalated-tag">{t('field.escalatedYes')}</span>}
        {view.pending && (
          <span className="queued" data-testid="case-queued">
            <Icon icon={icons.queued} /> {t('queued')}
          </span>
        )}
      </div>
      <h2 className="case-title" data-testid="case-title">
        {view.displayName}
      </h2>
      {view.local && <p className="muted small">{t('notFiledHint')}</p>}
      <dl className="case-facts">
        <div>
          <dt>{t('field.customer')}</dt>
          <dd data-testid="case-customer">
            {customer ? (
              <>
                {customer.displayName} <span className="muted">({customer.domain})</span> <AccessLabel customer={customer} />{' '}
                <span className={`tier tier-${offering ?? 'none'}`} data-testid="case-offering">
                  {t(`offering.${offering ?? 'none'}`)}
                </span>
              </>
            ) : (
              view.customerId
            )}
          </dd>
        </div>
        <div>
          <dt>{t('field.category')}</dt>
          <dd>{view.classificationName ?? view.classificationId ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('field.language')}</dt>
          <dd>{view.languageCode ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('field.timeZone')}</dt>
          <dd>{view.timeZone || '—'}</dd>
        </div>
        <div>
          <dt>{t('field.created')}</dt>
          <dd>
            <ZonedTime iso={view.createTime} caseZone={view.timeZone} />
          </dd>
        </div>
        <div>
          <dt>{t('field.updated')}</dt>
          <dd>
            <ZonedTime iso={view.updateTime} caseZone={view.timeZone} />
          </dd>
        </div>
        <div>
          <dt>{t('field.escalated')}</dt>
          <dd data-testid="case-escalated">{view.escalated ? t('field.escalatedYes') : t('field.escalatedNo')}</dd>
        </div>
        <div className="wide">
          <dt>{t('field.subscribers')}</dt>
          <dd data-testid="case-subscribers">
            {view.subscriberEmails.length > 0 ? (
              view.subscriberEmails.join(', ')
            ) : (
              <span className="muted">{t('field.noSubscribers')}</span>
            )}
          </dd>
        </div>
        {clocks.length > 0 && (
          <div className="wide">
            <dt>{t('field.sla')}</dt>
            <dd className="sla-list">
              {clocks.map((clock) => (
                <SlaBadge key={clock.kind} clock={clock} current={clock === current} />
              ))}
            </dd>
          </div>
        )}
      </dl>
      {children}
    </header>
  );
}
