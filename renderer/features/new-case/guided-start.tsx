import { useDeferredValue, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { helpCenterSearchUrl, type Incident } from '../../../shared/api';
import { useAccountRuntime } from '../../runtime/runtime-context';
import { useCustomerCases } from '../../data/hooks';
import { formatInZone, agentTimeZone, relativeTime } from '../../ui/format';
import { useStatusStore } from '../status';
import { CustomerField } from './customer-section';
import type { LinkedIncident } from './new-case-form';
import { matchingIncidents, similarCases, keywordCategoryMatcher } from './suggestions';
import { useHelpArticles, type HelpSuggestions } from './use-help-articles';
import type { NewCaseForm } from './use-new-case-form';

export function linkOf(incident: Incident): LinkedIncident {
  return {
    id: incident.id,
    number: incident.number,
    serviceName: incident.service_name,
    description: incident.external_desc,
    begin: incident.begin,
    uri: incident.uri,
  };
}

/**
 * The guided start (as in the Admin console's support flow): the agent describes the problem
 * and sees what may already answer it — help articles, a current incident, the customer's own
 * recent case — before "none of these helps" opens the form, prefilled.
 */
export function GuidedStart({
  form,
  onContinue,
  onSkip,
  onAddToCase,
}: {
  form: NewCaseForm;
  onContinue: () => void;
  onSkip: () => void;
  onAddToCase: (caseName: string) => void;
}): React.JSX.Element {
  const { t } = useTranslation('newCase');
  const { draft, update } = form;
  const deferred = useDeferredValue(draft.description);
  // On the window, not the container: a suggestion that was just acted on (linked) may have taken the focus with it.
  const keys = useRef({ onContinue, onSkip });
  keys.current = { onContinue, onSkip };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented) return;
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
        event.preventDefault();
        keys.current.onContinue();
      } else if (event.key === 'Escape' && !document.querySelector('[role="dialog"]')) {
        event.preventDefault();
        keys.current.onSkip();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  return (
    <div className="guided-start" data-testid="guided-start">
      <div className="guided-describe">
        <h3>{t('guided.heading')}</h3>
        <CustomerField customers={form.customers} value={draft.customerId} errors={{}} onChange={form.chooseCustomer} />
        <label className="field wide">
          <span>{t('guided.describe')}</span>
          <textarea
            className="input guided-description"
            data-testid="guided-description"
            rows={7}
            autoFocus
            value={draft.description}
            placeholder={t('guided.placeholder')}
            onChange={(event) => update({ description: event.target.value })}
          />
        </label>
        <div className="guided-actions">
          <button type="button" className="button primary" data-testid="guided-continue" onClick={onContinue}>
            {t('guided.noneHelps')} <kbd>Ctrl+Enter</kbd>
          </button>
          <button type="button" className="button" data-testid="guided-skip" onClick={onSkip}>
            {t('guided.skip')} <kbd>Esc</kbd>
          </button>
        </div>
      </div>
      <Suggestions form={form} text={deferred} onAddToCase={onAddToCase} />
    </div>
  );
}

function Suggestions({ form, text, onAddToCase }: { form: NewCaseForm; text: string; onAddToCase: (caseName: string) => void }) {
  const { t, i18n } = useTranslation('newCase');
  const runtime = useAccountRuntime();
  const incidents = useStatusStore((state) => state.incidents);
  const help = useHelpArticles(runtime.account.id, text, i18n.language);
  const recent = useCustomerCases(runtime.db, form.draft.customerId, 50);
  const category = useMemo(() => keywordCategoryMatcher.rank(form.categories ?? [], text, 1)[0], [form.categories, text]);
  const matching = useMemo(() => matchingIncidents(incidents, text, category?.displayName), [incidents, text, category]);
  const similar = useMemo(() => (recent && text.trim() ? similarCases(recent, text, Date.now()) : []), [recent, text]);
  const linked = form.draft.linkedIncident;
  if (!text.trim()) return <aside className="guided-suggestions muted">{t('guided.typeFirst')}</aside>;
  return (
    <aside className="guided-suggestions" aria-label={t('guided.suggestions')} aria-live="polite" data-testid="guided-suggestions">
      {matching.map((incident) => (
        <div key={incident.id} className="guided-incident" role="group" aria-label={incident.service_name} data-testid="guided-incident">
          <strong>{t('guided.incident', { product: incident.service_name })}</strong>
          <p>{incident.external_desc}</p>
          <p className="muted small">{t('guided.since', { time: formatInZone(incident.begin, i18n.language, agentTimeZone()) })}</p>
          {linked?.id === incident.id ? (
            <p className="muted small" data-testid="incident-linked">
              {t('guided.linked')}{' '}
              <button type="button" className="link" onClick={() => form.update({ linkedIncident: undefined })}>
                {t('guided.unlink')}
              </button>
            </p>
          ) : (
            <button
              type="button"
              className="button"
              data-testid="link-incident"
              onClick={() => form.update({ linkedIncident: linkOf(incident) })}
            >
              {t('guided.linkIncident')}
            </button>
          )}
        </div>
      ))}
      <HelpList help={help} text={text} language={i18n.language} />
      {similar.length > 0 && (
        <section className="guided-similar">
          <h4>{t('guided.similarTitle')}</h4>
          <ul>
            {similar.map((c) => (
              <li key={c.name} data-testid="similar-case">
                <span className="mono">#{c.caseNumber}</span> {c.displayName}{' '}
                <span className="muted small">· {relativeTime(c.updateTimeMs, Date.now(), i18n.language)}</span>{' '}
                <button type="button" className="button" data-testid="add-to-case" onClick={() => onAddToCase(c.name)}>
                  {t('guided.addToCase', { number: c.caseNumber })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </aside>
  );
}

function HelpList({ help, text, language }: { help: HelpSuggestions; text: string; language: string }): React.JSX.Element | null {
  const { t } = useTranslation('newCase');
  const searchLink = (
    <a
      className="link"
      href={helpCenterSearchUrl(text, language)}
      target="_blank"
      rel="noopener noreferrer"
      data-testid="help-center-search"
    >
      {t('guided.searchHelpCenter')} ↗
    </a>
  );
  if (help.status === 'idle') return null;
  return (
    <section className="guided-help">
      <h4>{t('guided.helpTitle')}</h4>
      {help.status === 'loading' && <p className="muted small">{t('guided.helpLoading')}</p>}
      {help.status === 'articles' && help.articles.length === 0 && <p className="muted small">{t('guided.helpNone')}</p>}
      {help.status === 'articles' && (
        <ul>
          {help.articles.map((article) => (
            <li key={article.id} data-testid="help-article">
              <a href={article.uri} target="_blank" rel="noopener noreferrer">
                {article.title} ↗
              </a>
              <p className="muted small">{article.snippet}</p>
            </li>
          ))}
        </ul>
      )}
      {searchLink}
    </section>
  );
}
