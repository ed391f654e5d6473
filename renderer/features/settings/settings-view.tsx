import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/ipc';
import { uiLanguages } from '../../i18n';
import { CacheSettings } from '../attachments';
import { SlaPlansSettings } from '../sla-plans';
import { getBridgeClient } from '../../platform';
import { useAppStore } from '../../state/app-store';

/** App settings (kept by main): language, theme, sync, attachment cache, Google OAuth client. */
export function SettingsView(): React.JSX.Element | null {
  const { t } = useTranslation();
  const settings = useAppStore((state) => state.settings);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  if (!settings) return null;

  const save = (patch: Partial<Settings>): void => {
    setSaved(false);
    getBridgeClient()
      .invoke('settings.set', patch)
      .then(() => {
        setError(undefined);
        setSaved(true);
      })
      .catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)));
  };
  const numberField = (
    key: 'syncIntervalMinutes' | 'attachmentCacheCapMb' | 'eagerDownloadMaxMb',
    label: string,
    min: number,
    max: number,
  ) => (
    <label className="field">
      {t(label)}
      <input
        type="number"
        min={min}
        max={max}
        defaultValue={settings[key]}
        onBlur={(event) => event.target.validity.valid && save({ [key]: Number(event.target.value) })}
      />
    </label>
  );

  return (
    <section className="settings-view" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <label className="field">
        {t('settings.language')}
        <select
          data-testid="language-select"
          value={settings.language}
          onChange={(event) => save({ language: event.target.value as Settings['language'] })}
        >
          {(['system', ...uiLanguages] as const).map((language) => (
            <option key={language} value={language}>
              {t(`settings.languages.${language}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {t('settings.theme')}
        <select value={settings.theme} onChange={(event) => save({ theme: event.target.value as Settings['theme'] })}>
          {(['system', 'light', 'dark'] as const).map((theme) => (
            <option key={theme} value={theme}>
              {t(`settings.themes.${theme}`)}
            </option>
          ))}
        </select>
      </label>
      {numberField('syncIntervalMinutes', 'settings.syncInterval', 1, 240)}
      {numberField('attachmentCacheCapMb', 'settings.cacheCap', 16, 65536)}
      {numberField('eagerDownloadMaxMb', 'settings.eagerDownload', 0, 1024)}
      <CacheSettings />
      <fieldset className="fieldset">
        <legend>{t('settings.googleClientId')}</legend>
        <p className="muted">{t('settings.googleHint')}</p>
        <label className="field">
          {t('settings.googleClientId')}
          <input
            type="text"
            defaultValue={settings.googleClientId}
            onBlur={(event) => save({ googleClientId: event.target.value.trim() })}
          />
        </label>
        <label className="field">
          {t('settings.googleClientSecret')}
          <input
            type="password"
            defaultValue={settings.googleClientSecret}
            onBlur={(event) => save({ googleClientSecret: event.target.value.trim() })}
          />
        </label>
      </fieldset>
      <p role="status" className="muted">
        {saved ? t('settings.saved') : ''}
      </p>
      {error && (
        <p role="alert" className="error-banner">
          {error}
        </p>
      )}
      <SlaPlansSettings />
    </section>
  );
}
