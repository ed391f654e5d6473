import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf, Settings } from '../../shared/ipc';
import { uiLanguages } from '../i18n';
import { getBridgeClient } from '../platform';

type AppInfo = ResponseOf<'app.info'>;

/** The app shell: header with the app's identity (fetched over the bridge), main area, status bar. */
export function App({ onSettings }: { onSettings: (settings: Settings) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const [info, setInfo] = useState<AppInfo>();
  const [settings, setSettings] = useState<Settings>();
  const [heartbeat, setHeartbeat] = useState<number>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    const client = getBridgeClient();
    const stopHeartbeat = client.on('app.heartbeat', (payload) => setHeartbeat(payload.seq));
    const stopSettings = client.on('settings.changed', (next) => {
      setSettings(next);
      onSettings(next);
    });
    void Promise.all([client.invoke('app.info', {}), client.invoke('settings.get', {})])
      .then(([appInfo, current]) => {
        setInfo(appInfo);
        setSettings(current);
        onSettings(current);
      })
      .catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)));
    return () => {
      stopHeartbeat();
      stopSettings();
    };
  }, [onSettings]);

  const changeLanguage = (language: Settings['language']): void => {
    void getBridgeClient()
      .invoke('settings.set', { language })
      .catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)));
  };

  return (
    <div className="app-shell">
      <header className="app-header">
        <h1 data-testid="app-name">{info ? info.name : t('app.name')}</h1>
        <span className="muted" data-testid="app-version">
          {info ? t('app.version', { version: info.version }) : t('app.loading')}
        </span>
        {info && (
          <span className="muted" data-testid="app-host">
            {t(`app.host.${info.host}`)}
          </span>
        )}
      </header>
      <main className="app-main">
        {error && (
          <p role="alert" className="error-banner">
            {t('app.bridgeError', { message: error })}
          </p>
        )}
        <h2>{t('settings.title')}</h2>
        <label className="field">
          {t('settings.language')}
          <select
            data-testid="language-select"
            value={settings?.language ?? 'system'}
            onChange={(event) => changeLanguage(event.target.value as Settings['language'])}
          >
            {(['system', ...uiLanguages] as const).map((language) => (
              <option key={language} value={language}>
                {t(`settings.languages.${language}`)}
              </option>
            ))}
          </select>
        </label>
      </main>
      <footer className="app-status" aria-live="polite">
        <span data-testid="heartbeat">{heartbeat === undefined ? t('app.noHeartbeat') : t('app.heartbeat', { seq: heartbeat })}</span>
      </footer>
    </div>
  );
}
