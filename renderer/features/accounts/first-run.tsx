import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HelpMenu, SettingsView, usePolicy } from '../settings';
import { GoogleSignInDialog } from './google-sign-in';
import { useSignIn } from './sign-in';

/** First screen with no account: sandbox or Google, one line on each; settings and help before any sign-in. */
export function FirstRun(): React.JSX.Element {
  const { t } = useTranslation('accounts');
  const { busy, error, signIn, cancel } = useSignIn();
  const policy = usePolicy();
  const [askDomain, setAskDomain] = useState(false);
  const [showSettings, setShowSettings] = useState(false);
  const offers = (backend: 'sandbox' | 'google'): boolean => policy?.backends.includes(backend) ?? true;
  return (
    <main className="first-run" aria-labelledby="first-run-title">
      <div className="first-run-tools">
        <button
          type="button"
          className="button"
          aria-pressed={showSettings}
          onClick={() => setShowSettings(!showSettings)}
          data-testid="first-run-settings"
        >
          {t('firstRun.settings')}
        </button>
        <HelpMenu onOpenSettings={() => setShowSettings(true)} />
      </div>
      <h1 id="first-run-title">{t('firstRun.title')}</h1>
      <p className="lead">{t('firstRun.lead')}</p>
      <div className="first-run-choices">
        {offers('sandbox') && (
          <button type="button" className="choice primary" disabled={busy} onClick={() => signIn('sandbox')} data-testid="try-sandbox">
            <strong>{t('firstRun.sandbox')}</strong>
            <span>{t('firstRun.sandboxHint')}</span>
          </button>
        )}
        {offers('google') && (
          <button type="button" className="choice" disabled={busy} onClick={() => setAskDomain(true)} data-testid="sign-in-google">
            <strong>{t('firstRun.google')}</strong>
            <span>{t('firstRun.googleHint')}</span>
          </button>
        )}
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
        <p role="alert" className="error-banner" data-testid="sign-in-error">
          {error}
        </p>
      )}
      {showSettings && <SettingsView />}
      <GoogleSignInDialog open={askDomain} onClose={() => setAskDomain(false)} signIn={signIn} />
    </main>
  );
}
