import { useTranslation } from 'react-i18next';

/** What an empty case list says: nothing matches (with a way out), or there are no cases at all. */
export function EmptyList({ filtered, onClear }: { filtered: boolean; onClear: () => void }): React.JSX.Element {
  const { t } = useTranslation('cases');
  if (!filtered) return <>{t('list.noCases')}</>;
  return (
    <>
      {t('list.noMatch')}{' '}
      <button type="button" className="link" onClick={onClear}>
        {t('filters.clear')}
      </button>
    </>
  );
}
