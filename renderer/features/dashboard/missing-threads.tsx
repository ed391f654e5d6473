import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridgeClient } from '../../platform';
import { dashboardClient } from './dashboard-client';
import type { DashboardInput } from './model/types';

/**
 * Old closed cases keep no thread on this computer (it is fetched on demand), so their first
 * response cannot be measured. Online, the agent can load those threads; the dashboard then
 * recomputes from the replica as usual.
 */
export function MissingThreads({
  input,
  count,
  keyOfUnknown,
}: {
  input: DashboardInput;
  count: number;
  keyOfUnknown: string;
}): React.JSX.Element {
  const { t } = useTranslation('dashboard');
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [error, setError] = useState<string>();
  const load = async (): Promise<void> => {
    const cases = await dashboardClient().drill(input, keyOfUnknown);
    setProgress({ done: 0, total: cases.length });
    for (const [index, ref] of cases.entries()) {
      await getBridgeClient().invoke('cases.fetchThread', { accountId: ref.accountId, caseName: ref.name });
      setProgress({ done: index + 1, total: cases.length });
    }
  };
  return (
    <span className="missing-threads">
      {t('status.unmeasurable', { count })}{' '}
      {progress ? (
        <span role="status" data-testid="threads-progress">
          {t('status.loadingThreads', { done: progress.done, total: progress.total })}
        </span>
      ) : (
        <button
          type="button"
          className="link"
          data-testid="load-threads"
          onClick={() => void load().catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)))}
        >
          {t('status.loadThreads')}
        </button>
      )}
      {error && (
        <span role="alert" className="error-text">
          {' '}
          {error}
        </span>
      )}
    </span>
  );
}
