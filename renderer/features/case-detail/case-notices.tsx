import { useTranslation } from 'react-i18next';
import type { ViewCase } from '../../data';
import type { ActionDialog } from './action-dialogs';
import { discardEntry, FailedChange } from './failed-changes';
import type { CaseNotice } from './use-case-detail';

/** The dialog where a refused change of each kind can be made again. */
const editDialog: Partial<Record<string, Exclude<ActionDialog, undefined>>> = {
  set_priority: 'priority',
  set_subscribers: 'share',
  escalate: 'escalate',
};

/**
 * Under the case's actions: the last action's notice, the changes Google refused (other than
 * comments and reopens, which the thread and the reopen bar show), and the words of a
 * discarded change so they are never lost unseen.
 */
export function CaseNotices({
  view,
  accountId,
  notice,
  discarded,
  onDiscarded,
  onEditIn,
}: {
  view: ViewCase;
  accountId: string;
  notice: CaseNotice | undefined;
  discarded: string | undefined;
  onDiscarded: (text: string | undefined) => void;
  /** Opens the dialog where the discarded change can be made again. */
  onEditIn: (dialog: Exclude<ActionDialog, undefined>) => void;
}): React.JSX.Element {
  const { t } = useTranslation('caseDetail');
  const otherFailures = (view.failed ?? []).filter((f) => f.kind !== 'comment' && f.kind !== 'reopen');
  return (
    <>
      {notice && (
        <p className={notice.kind === 'error' ? 'error-text' : 'ok-text'} role="status" data-testid="case-notice">
          {notice.text}
        </p>
      )}
      {otherFailures.map((failure) => {
        const dialogKind = editDialog[failure.kind];
        return (
          <FailedChange
            key={failure.entryId}
            accountId={accountId}
            failure={failure}
            kindLabel={t(`kinds.${failure.kind}`)}
            onEdit={
              dialogKind
                ? () =>
                    void discardEntry(accountId, failure.entryId).then((text) => {
                      onDiscarded(text);
                      onEditIn(dialogKind);
                    })
                : undefined
            }
            onDiscarded={onDiscarded}
          />
        );
      })}
      {discarded && (
        <div className="notice discarded" role="status">
          <p>{t('thread.discarded')}</p>
          <textarea className="input" readOnly rows={3} value={discarded} aria-label={t('thread.discarded')} />
        </div>
      )}
    </>
  );
}
