import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCurrentIncident } from '../../../shared/domain';
import { useRuntimes } from '../../runtime/runtime-context';
import { hasOpenCaseOfProduct } from '../../data';
import { useStatusStore } from './status-store';

const RECHECK_MS = 2 * 60_000;

/** Current incidents of a product for which some signed-in domain has open cases. */
function useAffectingIncidents(): number {
  const runtimes = useRuntimes();
  const incidents = useStatusStore((state) => state.incidents);
  const [count, setCount] = useState(0);
  useEffect(() => {
    const current = incidents.filter(isCurrentIncident);
    let live = true;
    const check = (): void => {
      void Promise.all(
        current.map(async (incident) => {
          for (const runtime of runtimes.values()) if (await hasOpenCaseOfProduct(runtime.db, incident).catch(() => false)) return true;
          return false;
        }),
      ).then((hits) => live && setCount(hits.filter(Boolean).length));
    };
    if (current.length === 0) {
      setCount(0);
      return;
    }
    check();
    const timer = setInterval(check, RECHECK_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [incidents, runtimes]);
  return count;
}

/** The status page's tab: a quiet dot when an ongoing incident touches a product the agent has open cases for. */
export function StatusTab({ selected, onSelect }: { selected: boolean; onSelect: () => void }): React.JSX.Element {
  const { t } = useTranslation('status');
  const affecting = useAffectingIncidents();
  return (
    <button
      type="button"
      role="tab"
      aria-selected={selected}
      tabIndex={selected ? 0 : -1}
      className={`tab status-tab${selected ? ' selected' : ''}`}
      data-testid="tab-status"
      onClick={onSelect}
      title={affecting > 0 ? t('tab.affecting', { count: affecting }) : t('tab.title')}
    >
      <span className="tab-label">{t('tab.title')}</span>
      {affecting > 0 && (
        <span className="status-dot" data-testid="status-indicator" role="img" aria-label={t('tab.affecting', { count: affecting })} />
      )}
    </button>
  );
}
