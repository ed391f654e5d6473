import { useTranslation } from 'react-i18next';
import type { CaseAction, CaseBlock } from '../../../shared/domain';
import { blockText } from '../customer-access';

/**
 * An action button that stays focusable when the action is not offered: it says why (as its
 * description and, when pressed, as a notice) instead of failing after the agent typed.
 */
export function ActionButton({
  action,
  block,
  onRun,
  onBlocked,
  testId,
  children,
}: {
  action: CaseAction;
  block: CaseBlock | undefined;
  onRun: () => void;
  onBlocked: (reason: string) => void;
  testId?: string;
  children: React.ReactNode;
}): React.JSX.Element {
  const { t } = useTranslation('customerAccess');
  const reason = block ? blockText(block, t) : undefined;
  return (
    <button
      type="button"
      className="button"
      data-testid={testId}
      data-action={action}
      aria-disabled={reason ? true : undefined}
      data-blocked={block?.kind}
      title={reason}
      onClick={() => (reason ? onBlocked(reason) : onRun())}
    >
      {children}
    </button>
  );
}
