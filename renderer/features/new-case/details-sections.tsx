import { useTranslation } from 'react-i18next';
import { CONTACT_CHANNELS } from '../../../shared/domain';
import { PriorityChoice } from '../case-detail';
import { errorId, FieldError, fieldId, invalidProps } from './form-bits';
import { CASE_LANGUAGES } from './new-case-form';
import { suggestPriority } from './suggestions';
import { TimeZonePicker } from './time-zone-picker';
import type { NewCaseForm } from './use-new-case-form';

export function languageName(code: string, uiLanguage: string): string {
  try {
    const name = new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(code);
    return name ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** P1–P4 by their definitions, with the level the description suggests (a hint: the agent decides). */
export function PrioritySection({ form }: { form: NewCaseForm }): React.JSX.Element {
  const { t } = useTranslation('newCase');
  const { draft, errors, update } = form;
  const hint = suggestPriority(`${draft.title}\n${draft.description}`);
  return (
    <section className="form-section" aria-labelledby="sec-priority">
      <h3 id="sec-priority">{t('sections.priority')}</h3>
      {hint && (
        <p className="priority-hint" data-testid="priority-hint">
          {t('guided.priorityHint', { priority: hint.priority, cue: hint.cue })}{' '}
          {draft.priority !== hint.priority && (
            <button type="button" className="link" onClick={() => update({ priority: hint.priority })}>
              {t('guided.usePriority', { priority: hint.priority })}
            </button>
          )}
        </p>
      )}
      <div data-field="priority">
        <PriorityChoice
          value={draft.priority}
          onChange={(priority) => update({ priority })}
          label={t('priority.label')}
          {...(errors.priority ? { errorId: errorId('priority') } : {})}
        />
        <FieldError field="priority" errors={errors} />
      </div>
    </section>
  );
}

function LanguageSelect({ id, label, value, onChange }: { id?: string; label: string; value: string; onChange: (code: string) => void }) {
  const { i18n } = useTranslation();
  return (
    <label className="field">
      <span>{label}</span>
      <select id={id} className="input" value={value} onChange={(event) => onChange(event.target.value)}>
        {CASE_LANGUAGES.map((code) => (
          <option key={code} value={code}>
            {languageName(code, i18n.language)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The case's language and time zone, and how the customer's contact wants to be reached. */
export function LanguageSection({ form }: { form: NewCaseForm }): React.JSX.Element {
  const { t } = useTranslation('newCase');
  const { draft, errors, update } = form;
  return (
    <section className="form-section" aria-labelledby="sec-language">
      <h3 id="sec-language">{t('sections.language')}</h3>
      <div className="inline-fields">
        <LanguageSelect
          id={fieldId('languageCode')}
          label={t('language.label')}
          value={draft.languageCode}
          onChange={(languageCode) => update({ languageCode })}
        />
        <div className="field">
          <TimeZonePicker
            value={draft.timeZone}
            onChange={(timeZone) => update({ timeZone })}
            invalid={errors.timeZone !== undefined}
            {...(errors.timeZone ? { describedBy: errorId('timeZone') } : {})}
          />
          <span className="muted small">{t('language.timeZoneHint')}</span>
          <FieldError field="timeZone" errors={errors} />
        </div>
      </div>
      <fieldset className="contact-fields" data-testid="contact-preference">
        <legend>{t('contact.legend')}</legend>
        <div className="inline-fields">
          <div role="radiogroup" aria-label={t('contact.channel')} className="field">
            <span>{t('contact.channel')}</span>
            <span className="segmented">
              {CONTACT_CHANNELS.map((channel) => (
                <label key={channel} className="segment">
                  <input
                    type="radio"
                    name="contact-channel"
                    value={channel}
                    checked={draft.contactChannel === channel}
                    onChange={() => update({ contactChannel: channel })}
                    data-testid={`contact-${channel}`}
                  />
                  {t(`contact.channels.${channel}`)}
                </label>
              ))}
            </span>
          </div>
          <LanguageSelect
            label={t('contact.language')}
            value={draft.contactLanguage}
            onChange={(contactLanguage) => update({ contactLanguage })}
          />
        </div>
        <span className="muted small">{t('contact.hint')}</span>
        <FieldError field="languageCode" errors={errors} />
      </fieldset>
    </section>
  );
}

export function SharingSection({ form }: { form: NewCaseForm }): React.JSX.Element {
  const { t } = useTranslation('newCase');
  const { draft, errors, update } = form;
  return (
    <section className="form-section" aria-labelledby="sec-sharing">
      <h3 id="sec-sharing">{t('sections.sharing')}</h3>
      <label className="field wide">
        <span>{t('subscribers.label')}</span>
        <input
          id={fieldId('subscribers')}
          className="input"
          data-testid="subscribers-input"
          value={draft.subscribers}
          placeholder="name@example.com, team@example.com"
          onChange={(event) => update({ subscribers: event.target.value })}
          {...invalidProps(errors, 'subscribers')}
        />
        <span className="muted small">{t('subscribers.hint')}</span>
        <FieldError field="subscribers" errors={errors} />
      </label>
    </section>
  );
}
