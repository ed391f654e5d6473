import { useTranslation } from 'react-i18next';
import { useTakenStore } from '../../state/taken-store';
import { Icon, icons } from '../../ui/icons';

/** "I am on it": puts the case in the agent's Mine view. Google keeps no owner, so this stays on this workstation (and says so). */
export function TakeButton({ accountId, caseName }: { accountId: string; caseName: string }): React.JSX.Element {
  const { t } = useTranslation('views');
  const taken = useTakenStore((state) => state.taken[accountId]?.includes(caseName) ?? false);
  const { take, release } = useTakenStore.getState();
  return (
    <button
      type="button"
      className={`button${taken ? ' taken' : ''}`}
      aria-pressed={taken}
      title={t('take.hint')}
      data-testid="action-take"
      onClick={() => (taken ? release(accountId, caseName) : take(accountId, caseName))}
    >
      <Icon icon={icons.take} /> {taken ? t('take.taken') : t('take.take')}
    </button>
  );
}
