import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackendKind } from '../../../shared/ipc';
import { getBridgeClient } from '../../platform';

/** First screen with no account: sandbox or Google, one line on each. */
export function FirstRun(): React.JSX.Element {
  const { t } = useTranslation('accounts');
  const { busy, error, signIn, cancel } = useSignIn();
  return (
    <main className="first-run" aria-labelledby="first-run-title">
      <h1 id="first-run-title">{t('firstRun.title')}</h1>
      <p className="lead">{t('firstRun.lead')}</p>
      <div className="first-run-choices">
        <button type="button" className="choice primary" disabled={busy} onClick={() => signIn('sandbox')} data-testid="try-sandbox">
          <strong>{t('firstRun.sandbox')}</strong>
          <span>{t('firstRun.sandboxHint')}</span>
        </button>
        <button type="button" className="choice" disabled={busy} onClick={() => signIn('google')}>
          <strong>{t('firstRun.google')}</strong>
          <span>{t('firstRun.googleHint')}</span>
        </button>
      </div>
      {busy && (
        <p role="status" className="muted">
          {t('firstRun.waiting')}{' '}
          <button type="button" className="link" onClick={cancel}>
            {t('firstRun.cancel')}
          </button>
        </p>
      )}
      {error && (
        <p role="alert" className="error-banner">
          {t('errors.signInFailed', { message: error })}
        </p>
      )}
    </main>
  );
}

/** Sign-in through main (the browser opens; main waits for the loopback redirect). */
export function useSignIn(): {
  busy: boolean;
  error: string | undefined;
  signIn: (backend: BackendKind, loginHint?: string) => void;
  cancel: () => void;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  return {
    busy,
    error,
    signIn(backend, loginHint) {
      setBusy(true);
      setError(undefined);
      getBridgeClient()
        .invoke('accounts.signIn', { backend, ...(loginHint ? { loginHint } : {}) })
        .catch((reason: unknown) => {
          const code = (reason as { code?: string }).code;
          if (code !== 'cancelled') setError(reason instanceof Error ? reason.message : String(reason));
        })
        .finally(() => setBusy(false));
    },
    cancel() {
      void getBridgeClient().invoke('accounts.cancelSignIn', {});
    },
  };
}
