import { useTranslation } from 'react-i18next';
import { agentTimeZone, formatInZone } from '../../ui/format';
import { Icon, icons } from '../../ui/icons';
import type { ReopenState } from './reopen-state';

/**
 * What a closed case offers: a reopen inside the window (a sandbox extension: Google's API
 * has no reopen method), otherwise a follow-up case prefilled from this one.
 */
export function ReopenBar({
  state,
  onReopen,
  onFollowUp,
  onDiscard,
}: {
  state: ReopenState;
  onReopen: () => void;
  onFollowUp: (refusedEntry?: string) => void;
  onDiscard: (entryId: string) => void;
}): React.JSX.Element | null {
  const { t, i18n } = useTranslation('caseDetail');
  const date = (iso: string): string => formatInZone(iso, i18n.language, agentTimeZone());
  switch (state.kind) {
    case 'not_closed':
      return null;
    case 'pending':
      return (
        <p className="reopen-bar" data-testid="reopen-state" data-kind={state.kind}>
          <span className="queued">
            <Icon icon={icons.queued} /> {t('reopen.pending')}
          </span>
        </p>
      );
    case 'can_reopen':
      return (
        <p className="reopen-bar" data-testid="reopen-state" data-kind={state.kind}>
          <span title={t('reopen.deadline', { date: date(state.deadline) })}>{t('reopen.countdown', { count: state.remainingDays })}</span>
          <button type="button" className="button primary" data-testid="action-reopen" onClick={onReopen}>
            {t('actions.reopen')}
          </button>
        </p>
      );
    case 'not_supported':
      return (
        <p className="reopen-bar" data-testid="reopen-state" data-kind={state.kind}>
          <span>{t('reopen.notSupported')}</span>
          <button type="button" className="button" data-testid="action-follow-up" onClick={() => onFollowUp()}>
            {t('reopen.followUp')}
          </button>
        </p>
      );
    case 'window_over':
    case 'refused':
      return (
        <div
          className="reopen-bar over"
          data-testid="reopen-state"
          data-kind={state.kind}
          role={state.kind === 'refused' ? 'alert' : undefined}
        >
          <span>{state.kind === 'refused' ? t('reopen.refused') : t('reopen.over', { date: date(state.deadline) })}</span>
          <button
            type="button"
            className="button primary"
            data-testid="action-follow-up"
            onClick={() => onFollowUp(state.kind === 'refused' ? state.entryId : undefined)}
          >
            {t('reopen.followUp')}
          </button>
          {state.kind === 'refused' && (
            <button type="button" className="button" onClick={() => onDiscard(state.entryId)}>
              {t('reopen.dismiss')}
            </button>
          )}
        </div>
      );
  }
}
