import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/ipc';
import { uiLanguages } from '../../i18n';
import { useAppStore } from '../../state/app-store';
import { CacheSettings } from '../attachments';
import { SlaPlansSettings } from '../sla-plans';
import { DiagnosticsDialog } from './diagnostics-dialog';
import { GoogleClientForm } from './google-client-form';
import { usePolicy } from './policy-store';
import { createSave, NumberField, SaveContext, useSave } from './settings-fields';
import { UpdatesSection } from './updates';

/**
 * One section of Settings. Sections are a list so a feature adds its own (e.g. SLA plans)
 * with one entry: an id, a title key (namespace:key) and a component.
 */
export interface SettingsSection {
  readonly id: string;
  readonly title: string;
  readonly Component: () => ReactNode;
}

function GeneralSection(): React.JSX.Element | null {
  const { t } = useTranslation();
  const save = useSave();
  const settings = useAppStore((state) => state.settings);
  if (!settings) return null;
  return (
    <>
      <label className="field">
        {t('common:settings.language')}
        <select
          data-testid="language-select"
          value={settings.language}
          onChange={(event) => save({ language: event.target.value as Settings['language'] })}
        >
          {(['system', ...uiLanguages] as const).map((language) => (
            <option key={language} value={language}>
              {t(`common:settings.languages.${language}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {t('common:settings.theme')}
        <select value={settings.theme} onChange={(event) => save({ theme: event.target.value as Settings['theme'] })}>
          {(['system', 'light', 'dark'] as const).map((theme) => (
            <option key={theme} value={theme}>
              {t(`common:settings.themes.${theme}`)}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

function SyncSection(): React.JSX.Element {
  return (
    <>
      <NumberField setting="syncIntervalMinutes" label="settings.syncInterval" min={1} max={240} />
      <NumberField setting="attachmentCacheCapMb" label="settings.cacheCap" min={16} max={65536} />
      <NumberField setting="eagerDownloadMaxMb" label="settings.eagerDownload" min={0} max={1024} />
      <CacheSettings />
    </>
  );
}

function PolicySection(): React.JSX.Element | null {
  const { t } = useTranslation('settings');
  const policy = usePolicy();
  if (!policy) return null;
  return (
    <div data-testid="policy-state" data-state={policy.state}>
      {policy.state === 'none' && <p className="muted">{t('policy.none')}</p>}
      {policy.state === 'applied' && <p>{t('policy.applied', { file: policy.file })}</p>}
      {policy.state === 'invalid' && (
        <div role="alert" className="warning">
          <p>{t('policy.invalid', { file: policy.file })}</p>
          <ul>
            {policy.problems.map((problem) => (
              <li key={problem}>
                <code>{problem}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {policy.allowedDomains && <p>{t('policy.domains', { domains: policy.allowedDomains.join(', ') })}</p>}
      {policy.organisation?.contact && <p className="muted">{t('policy.contact', { contact: policy.organisation.contact })}</p>}
    </div>
  );
}

function HelpSection(): React.JSX.Element {
  const { t } = useTranslation('settings');
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)} data-testid="settings-export-diagnostics">
        {t('diagnostics.export')}
      </button>
      <DiagnosticsDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}

export const settingsSections: SettingsSection[] = [
  { id: 'general', title: 'settings:sections.general', Component: GeneralSection },
  { id: 'sync', title: 'settings:sections.sync', Component: SyncSection },
  { id: 'google', title: 'settings:sections.google', Component: GoogleClientForm },
  { id: 'sla-plans', title: 'slaPlans:title', Component: SlaPlansSettings },
  { id: 'updates', title: 'settings:sections.updates', Component: UpdatesSection },
  { id: 'policy', title: 'settings:sections.policy', Component: PolicySection },
  { id: 'help', title: 'settings:sections.help', Component: HelpSection },
];

/** App settings (kept by main; none belongs to a domain), in sections; policy-locked values are read-only. */
export function SettingsView(): React.JSX.Element | null {
  const { t } = useTranslation();
  const settings = useAppStore((state) => state.settings);
  const [outcome, setOutcome] = useState<{ saved: boolean; error?: string }>({ saved: false });
  const save = useMemo(() => createSave(setOutcome), []);
  if (!settings) return null;
  return (
    <SaveContext.Provider value={save}>
      <section className="settings-view" aria-labelledby="settings-title" data-testid="settings-view">
        <h2 id="settings-title">{t('common:settings.title')}</h2>
        {settingsSections.map(({ id, title, Component }) => (
          <fieldset key={id} className="fieldset settings-section" data-section={id}>
            <legend>{t(title)}</legend>
            <Component />
          </fieldset>
        ))}
        <p role="status" className="muted">
          {outcome.saved ? t('common:settings.saved') : ''}
        </p>
        {outcome.error && (
          <p role="alert" className="error-banner">
            {outcome.error}
          </p>
        )}
      </section>
    </SaveContext.Provider>
  );
}
