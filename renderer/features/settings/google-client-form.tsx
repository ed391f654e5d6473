import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/app-store';
import { isGoogleClientId, parseOAuthClientFile } from './oauth-client';
import { useLock } from './policy-store';
import { LockedNote, useSave } from './settings-fields';

/** The Google OAuth client: import the "Desktop app" JSON file from Google Cloud console, or paste id and secret. */
export function GoogleClientForm(): React.JSX.Element | null {
  const { t } = useTranslation('settings');
  const save = useSave();
  const settings = useAppStore((state) => state.settings);
  const { locked } = useLock('googleClientId');
  const fileInput = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [clientId, setClientId] = useState(settings?.googleClientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  if (!settings) return null;

  const importFile = (file: File | undefined): void => {
    if (!file) return;
    void file.text().then((text) => {
      const parsed = parseOAuthClientFile(text);
      if (!parsed.ok) {
        setMessage({ ok: false, text: t('oauth.invalidFile', { reason: t(`oauth.reasons.${parsed.problem}`) }) });
        return;
      }
      save({ googleClientId: parsed.clientId, googleClientSecret: parsed.clientSecret });
      setClientId(parsed.clientId);
      setMessage({ ok: true, text: t('oauth.imported', { clientId: parsed.clientId }) });
    });
  };
  const savePasted = (): void => {
    if (!isGoogleClientId(clientId)) {
      setMessage({ ok: false, text: t('oauth.invalidId') });
      return;
    }
    save({ googleClientId: clientId.trim(), ...(clientSecret.trim() ? { googleClientSecret: clientSecret.trim() } : {}) });
    setMessage({ ok: true, text: t('oauth.imported', { clientId: clientId.trim() }) });
  };

  return (
    <div className="google-client" data-testid="google-client">
      <p className="muted">{t('oauth.intro')}</p>
      <p data-testid="google-client-state">
        {settings.googleClientId ? t('oauth.isSet', { clientId: settings.googleClientId }) : t('oauth.notSet')}
      </p>
      <LockedNote setting="googleClientId" id="locked-google-client" />
      {!locked && (
        <>
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            hidden
            data-testid="google-client-file"
            onChange={(event) => importFile(event.target.files?.[0])}
          />
          <button type="button" className="button" onClick={() => fileInput.current?.click()}>
            {t('oauth.importFile')}
          </button>
          <p className="muted">{t('oauth.orPaste')}</p>
          <label className="field">
            {t('common:settings.googleClientId')}
            <input type="text" value={clientId} data-testid="google-client-id" onChange={(event) => setClientId(event.target.value)} />
          </label>
          <label className="field">
            {t('common:settings.googleClientSecret')}
            <input
              type="password"
              value={clientSecret}
              autoComplete="off"
              data-testid="google-client-secret"
              onChange={(event) => setClientSecret(event.target.value)}
            />
          </label>
          <button type="button" className="button" onClick={savePasted} data-testid="google-client-save">
            {t('oauth.save')}
          </button>
        </>
      )}
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'muted' : 'error-banner'} data-testid="google-client-message">
          {message.text}
        </p>
      )}
    </div>
  );
}
