import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { useTranslation } from 'react-i18next';

/**
 * Catches a render error inside one tab: that tab shows what happened and a way to try
 * again; the tab strip, the status bar and every other tab keep working.
 */
export function TabBoundary({ children }: { children: ReactNode }): React.JSX.Element {
  return (
    <ErrorBoundary FallbackComponent={TabCrashed} onError={(error) => console.error('tab crashed', error)}>
      {children}
    </ErrorBoundary>
  );
}

function TabCrashed({ error, resetErrorBoundary }: FallbackProps): React.JSX.Element {
  const { t } = useTranslation('shell');
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="tab-crashed" role="alert" data-testid="tab-crashed">
      <h2>{t('tabCrashed.title')}</h2>
      <p>{t('tabCrashed.body')}</p>
      <p className="muted">
        <code>{message}</code>
      </p>
      <button type="button" className="button primary" onClick={resetErrorBoundary} data-testid="tab-crashed-retry">
        {t('tabCrashed.retry')}
      </button>
    </div>
  );
}
