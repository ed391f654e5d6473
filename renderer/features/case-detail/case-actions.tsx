import { useTranslation } from 'react-i18next';
import { isOpenState, type CaseAction, type CaseBlock } from '../../../shared/domain';
import type { Account } from '../../../shared/ipc';
import type { ViewCase } from '../../data';
import { getBridgeClient } from '../../platform';
import { Icon, icons } from '../../ui/icons';
import type { ActionDialog } from './action-dialogs';
import { portalCaseUrl } from './case-links';
import { ActionButton } from './case-toolbar';
import { TakeButton } from './take-button';
import type { CaseNotice } from './use-case-detail';

/** The case's actions: reply, priority, escalate, share, take, close, and its links to Google's portal. */
export function CaseToolbar({
  view,
  account,
  number,
  blocks,
  onReply,
  onDialog,
  onBlocked,
  onNotice,
}: {
  view: ViewCase;
  account: Account;
  /** The case's number; empty while it is not filed yet (no link to copy or open). */
  number: string;
  blocks: Readonly<Record<CaseAction, CaseBlock | undefined>>;
  onReply: () => void;
  onDialog: (dialog: Exclude<ActionDialog, undefined>) => void;
  onBlocked: (reason: string) => void;
  onNotice: (notice: CaseNotice) => void;
}): React.JSX.Element {
  const { t } = useTranslation('caseDetail');
  const copyLink = (): void => {
    navigator.clipboard
      .writeText(portalCaseUrl(number, account.email))
      .then(() => onNotice({ kind: 'ok', text: t('actions.linkCopied') }))
      .catch(() => onNotice({ kind: 'error', text: t('actions.copyFailed') }));
  };
  // The domain's own portal window (its own Google session), not the system browser.
  const openPortal = (): void => {
    const caseNumber = /^\d{1,20}$/.test(number) ? number : undefined;
    getBridgeClient()
      .invoke('portal.open', { accountId: account.id, ...(caseNumber ? { caseNumber } : {}) })
      .catch((error: unknown) => onNotice({ kind: 'error', text: t('actions.portalFailed', { message: (error as Error).message }) }));
  };
  const dialogButton = (action: Exclude<ActionDialog, undefined>) => ({
    action,
    testId: `action-${action}`,
    block: blocks[action],
    onRun: () => onDialog(action),
    onBlocked,
  });

  return (
    <div className="case-actions" role="toolbar" aria-label={t('actions.label')}>
      <ActionButton action="reply" block={blocks.reply} onRun={onReply} onBlocked={onBlocked}>
        {t('actions.reply')} <kbd>r</kbd>
      </ActionButton>
      <ActionButton {...dialogButton('priority')}>
        {t('actions.priority')} <kbd>p</kbd>
      </ActionButton>
      <ActionButton {...dialogButton('escalate')}>
        {t('actions.escalate')} <kbd>e</kbd>
      </ActionButton>
      <ActionButton {...dialogButton('share')}>{t('actions.share')}</ActionButton>
      {!view.local && <TakeButton accountId={account.id} caseName={view.name} />}
      {isOpenState(view.state) && (
        <ActionButton {...dialogButton('close')}>
          {t('actions.close')} <kbd>Shift+C</kbd>
        </ActionButton>
      )}
      {number && (
        <>
          <button type="button" className="button" data-testid="action-copy-link" onClick={copyLink}>
            {t('actions.copyLink')}
          </button>
          <button type="button" className="button" data-testid="action-portal" onClick={openPortal}>
            {t('actions.openPortal')} <Icon icon={icons.external} />
          </button>
        </>
      )}
    </div>
  );
}
