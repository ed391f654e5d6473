import { useEffect, useMemo, useRef, useState } from 'react';
import { ComboBox, Input, Label, ListBox, ListBoxItem, Popover } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { canManageCases, isValidIanaTimeZone, type PiiFinding } from '../../../shared/domain';
import { enqueueMutation } from '../../app/commands';
import { useAccountRuntime } from '../../app/runtime-context';
import { useCategories, useCustomers } from '../../data/hooks';
import { useAppStore } from '../../state/app-store';
import { useTab } from '../../state/tab-store';
import { AttachmentDropZone, uploadFiles, type CheckedFile } from '../attachments';
import {
  clearFollowUp,
  followUpPrefill,
  keepFinding,
  openFindings,
  peekFollowUp,
  PiiPanel,
  PriorityChoice,
  pruneDecisions,
  recordKeptPii,
  rememberLocalCreate,
  removeFinding,
  usePiiCheck,
  type FollowUpRequest,
  type PiiDecisions,
} from '../case-detail';
import { agentTimeZone, formatInZone } from '../../ui/format';
import { DESCRIPTION_PROMPTS, HELP_TOPICS, promptOutline } from './help-topics';
import {
  buildCreateCase,
  CASE_LANGUAGES,
  clearNewCaseDraft,
  emptyDraft,
  hasErrors,
  loadNewCaseDraft,
  saveNewCaseDraft,
  searchCategories,
  validateNewCase,
  type FormErrors,
  type FormProblem,
  type NewCaseDraft,
  type NewCaseField,
} from './new-case-form';
import { useIncidents } from './use-incidents';
import './new-case.css';

const FIELD_ORDER: readonly NewCaseField[] = [
  'customer',
  'category',
  'title',
  'description',
  'priority',
  'languageCode',
  'timeZone',
  'subscribers',
];
const fieldId = (field: NewCaseField): string => `new-case-${field}`;
const errorId = (field: NewCaseField): string => `new-case-${field}-error`;

function defaultLanguage(uiLanguage: string): string {
  return (CASE_LANGUAGES as readonly string[]).includes(uiLanguage) ? uiLanguage : 'en';
}

/** The form's starting point: a follow-up request from case detail, else the saved draft, else blank. */
function initialDraft(
  accountId: string,
  uiLanguage: string,
  followUpOf: string | undefined,
  format: (key: string, vars: Record<string, string>) => string,
): { draft: NewCaseDraft; followUp?: FollowUpRequest } {
  const zone = agentTimeZone();
  const blank = emptyDraft(zone, defaultLanguage(uiLanguage));
  const request = peekFollowUp(sessionStorage, accountId);
  if (request && (followUpOf === undefined || followUpOf === request.caseName)) {
    clearFollowUp(sessionStorage, accountId);
    const prefill = followUpPrefill(request, format);
    const draft: NewCaseDraft = {
      ...blank,
      customerId: request.customerId,
      classificationId: request.classificationId ?? '',
      classificationName: request.classificationName ?? '',
      title: prefill.title,
      description: prefill.description,
      priority: request.priority ?? '',
      languageCode: request.languageCode || blank.languageCode,
      timeZone: request.timeZone && isValidIanaTimeZone(request.timeZone) ? request.timeZone : zone,
      subscribers: (request.subscriberEmails ?? []).join(', '),
      followUpOf: request.caseName,
    };
    return { draft, followUp: request };
  }
  const saved = loadNewCaseDraft(localStorage, accountId, blank);
  if (followUpOf && saved.followUpOf !== followUpOf) {
    const number = followUpOf.split('/').pop() ?? followUpOf;
    const prefill = followUpPrefill({ caseName: followUpOf, caseNumber: number, displayName: '', customerId: '' }, format);
    return { draft: { ...blank, title: prefill.title, description: prefill.description, followUpOf } };
  }
  return { draft: saved };
}

/** Guided case creation on behalf of a customer: one scrolling form with sections. */
export function NewCaseView({ followUpOf }: { followUpOf?: string }): React.JSX.Element {
  const { t, i18n } = useTranslation('newCase');
  const runtime = useAccountRuntime();
  const account = runtime.account;
  const customers = useCustomers(runtime.db);
  const categories = useCategories(runtime.db);
  const incidents = useIncidents(account.id);
  const offline = useAppStore((state) => state.syncStatus[account.id]?.connection === 'offline');
  const selectCase = useTab((state) => state.selectCase);
  const setView = useTab((state) => state.setView);
  const format = (key: string, vars: Record<string, string>): string => t(key, vars);
  const [initial] = useState(() => initialDraft(account.id, i18n.language, followUpOf, format));
  const [draft, setDraft] = useState<NewCaseDraft>(initial.draft);
  const [followUp] = useState(initial.followUp);
  const [errors, setErrors] = useState<FormErrors>({});
  const [attempted, setAttempted] = useState(false);
  const [files, setFiles] = useState<CheckedFile[]>([]);
  const [titleDecisions, setTitleDecisions] = useState<PiiDecisions>({});
  const [descriptionDecisions, setDescriptionDecisions] = useState<PiiDecisions>({});
  const [categoryQuery, setCategoryQuery] = useState(initial.draft.classificationName);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const formRef = useRef<HTMLFormElement>(null);

  const customer = customers?.find((c) => c.customerId === draft.customerId);
  const allow = [account.email, customer?.adminContactEmail];
  const titleFindings = usePiiCheck(draft.title, allow);
  const descriptionFindings = usePiiCheck(draft.description, allow);
  const titleLive = pruneDecisions(titleFindings, titleDecisions);
  const descriptionLive = pruneDecisions(descriptionFindings, descriptionDecisions);
  const openPii = {
    title: openFindings(titleFindings, titleLive).length,
    description: openFindings(descriptionFindings, descriptionLive).length,
  };
  const matches = useMemo(
    () => searchCategories(categories ?? [], categoryQuery === draft.classificationName ? '' : categoryQuery, 40),
    [categories, categoryQuery, draft.classificationName],
  );
  const zones = useMemo(
    () => (Intl as typeof Intl & { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [],
    [],
  );
  const validate = (next: NewCaseDraft): FormErrors =>
    validateNewCase(next, { customerAccess: customers?.find((c) => c.customerId === next.customerId)?.access, openPii });

  const update = (patch: Partial<NewCaseDraft>): void => {
    const next = { ...draft, ...patch };
    setDraft(next);
    saveNewCaseDraft(localStorage, account.id, next);
    // After a failed submit, problems clear as the agent fixes them.
    if (attempted) setErrors(validate(next));
  };

  useEffect(() => {
    if (attempted) setErrors(validate(draft));
    // Re-check when a PII decision changes the open count (validate reads it).
  }, [openPii.title, openPii.description]);

  const reset = (): void => {
    clearNewCaseDraft(localStorage, account.id);
    const blank = emptyDraft(agentTimeZone(), defaultLanguage(i18n.language));
    setDraft(blank);
    setCategoryQuery('');
    setFiles([]);
    setErrors({});
    setAttempted(false);
    setTitleDecisions({});
    setDescriptionDecisions({});
  };

  const submit = async (): Promise<void> => {
    if (busy) return;
    setAttempted(true);
    setFailure(undefined);
    const found = validate(draft);
    setErrors(found);
    if (hasErrors(found)) {
      const first = FIELD_ORDER.find((f) => found[f] !== undefined);
      if (first)
        formRef.current
          ?.querySelector<HTMLElement>(
            `#${fieldId(first)}, [data-field="${first}"] input, [data-field="${first}"] [role="radio"], [data-field="${first}"] input[type="radio"]`,
          )
          ?.focus();
      return;
    }
    setBusy(true);
    const localId = `local:${crypto.randomUUID()}`;
    const mutation = buildCreateCase(draft, localId);
    rememberLocalCreate(localId, { customerId: mutation.customerId, displayName: mutation.displayName, createdAtMs: Date.now() });
    try {
      await enqueueMutation(account.id, mutation);
    } catch (error) {
      setFailure(t('submit.failed', { message: (error as Error).message ?? String(error) }));
      setBusy(false);
      return;
    }
    recordKeptPii(localStorage, account.id, [...titleFindings, ...descriptionFindings], { ...titleLive, ...descriptionLive }, localId);
    if (files.length > 0) await uploadFiles(account.id, localId, files).catch(() => undefined);
    reset();
    setBusy(false);
    selectCase(localId);
    setView('cases');
  };

  const problemText = (problem: FormProblem | undefined): string | undefined => {
    if (!problem) return undefined;
    switch (problem.code) {
      case 'too_long':
        return t('errors.too_long', {
          max: problem.max.toLocaleString(i18n.language),
          actual: problem.actual.toLocaleString(i18n.language),
        });
      case 'too_many':
        return t('errors.too_many', { max: String(problem.max) });
      case 'invalid_emails':
        return t('errors.invalid_emails', { values: problem.values.join(', ') });
      case 'not_authorized':
        return t('errors.not_authorized', { reason: t(`customer.reasons.${problem.access}`) });
      case 'pii_open':
        return t('errors.pii_open', { count: problem.count });
      default:
        return t(`errors.${problem.code}`);
    }
  };

  const fieldError = (field: NewCaseField): React.JSX.Element | null => {
    const text = problemText(errors[field]);
    return text ? (
      <span className="field-error error-text" id={errorId(field)} data-testid={`error-${field}`}>
        {text}
      </span>
    ) : null;
  };
  const invalid = (field: NewCaseField): { 'aria-invalid'?: true; 'aria-describedby'?: string } =>
    errors[field] ? { 'aria-invalid': true, 'aria-describedby': errorId(field) } : {};

  const blockedCustomers = (customers ?? []).filter((c) => !canManageCases(c.access));
  const errorCount = Object.keys(errors).length;

  return (
    <form
      ref={formRef}
      className="new-case"
      data-testid="new-case"
      style={{ borderTopColor: account.color }}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => {
        if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
          event.preventDefault();
          void submit();
        }
      }}
    >
      <header className="new-case-header">
        <h2>{t('title')}</h2>
        <p className="muted">{t('intro', { domain: account.domain })}</p>
        {draft.followUpOf && (
          <p className="follow-up-banner" data-testid="follow-up-banner">
            {t('followUp.banner', { number: followUp?.caseNumber ?? draft.followUpOf.split('/').pop() ?? '' })}
          </p>
        )}
      </header>

      <section className="form-section" aria-labelledby="sec-customer">
        <h3 id="sec-customer">{t('sections.customer')}</h3>
        <label className="field" data-field="customer">
          <span>{t('customer.label')}</span>
          <select
            id={fieldId('customer')}
            className="input"
            data-testid="customer-select"
            value={draft.customerId}
            onChange={(event) => update({ customerId: event.target.value })}
            {...invalid('customer')}
          >
            <option value="">{customers === undefined ? t('customer.loading') : t('customer.placeholder')}</option>
            {(customers ?? []).map((c) => (
              <option key={c.customerId} value={c.customerId} disabled={!canManageCases(c.access)}>
                {c.displayName} ({c.domain})
                {!canManageCases(c.access) ? ` — ${t('customer.cannot', { reason: t(`customer.reasons.${c.access}`) })}` : ''}
              </option>
            ))}
          </select>
          {fieldError('customer')}
        </label>
        {customers !== undefined && customers.length === 0 && <p className="muted">{t('customer.none')}</p>}
        {blockedCustomers.length > 0 && (
          <details className="blocked-customers" data-testid="blocked-customers">
            <summary>{t('customer.blockedSummary', { count: blockedCustomers.length })}</summary>
            <ul>
              {blockedCustomers.map((c) => (
                <li key={c.customerId} data-testid="blocked-customer">
                  <strong>{c.displayName}</strong> ({c.domain}): {t(`customer.reasons.${c.access}`)}. {t(`customer.fix.${c.access}`)}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>

      <section className="form-section" aria-labelledby="sec-problem">
        <h3 id="sec-problem">{t('sections.problem')}</h3>
        <p className="muted">{t('productType')}</p>
        <div className="field" data-field="category">
          <ComboBox
            className="category-combo"
            aria-describedby={errors.category ? errorId('category') : undefined}
            items={matches}
            inputValue={categoryQuery}
            onInputChange={setCategoryQuery}
            selectedKey={draft.classificationId || null}
            allowsEmptyCollection
            menuTrigger="focus"
            onSelectionChange={(key) => {
              const chosen = (categories ?? []).find((c) => c.id === key);
              if (chosen) {
                update({ classificationId: chosen.id, classificationName: chosen.displayName });
                setCategoryQuery(chosen.displayName);
              }
            }}
          >
            <Label>{t('category.label')}</Label>
            <Input
              id={fieldId('category')}
              className="input"
              data-testid="category-input"
              placeholder={t('category.placeholder')}
              aria-invalid={errors.category ? true : undefined}
            />
            <Popover className="popover category-popover" placement="bottom start">
              <ListBox
                className="menu"
                renderEmptyState={() => (
                  <p className="muted menu-empty">
                    {categories && categories.length === 0 ? t('category.noCategories') : t('category.noMatch')}
                  </p>
                )}
              >
                {(item: { id: string; displayName: string }) => (
                  <ListBoxItem id={item.id} className="menu-item" textValue={item.displayName}>
                    {item.displayName}
                  </ListBoxItem>
                )}
              </ListBox>
            </Popover>
          </ComboBox>
          {draft.classificationId && <span className="muted small">{t('category.chosen', { name: draft.classificationName })}</span>}
          {fieldError('category')}
        </div>
        <label className="field wide">
          <span>{t('titleField.label')}</span>
          <input
            id={fieldId('title')}
            className="input"
            data-testid="title-input"
            value={draft.title}
            placeholder={t('titleField.placeholder')}
            onChange={(event) => update({ title: event.target.value })}
            {...invalid('title')}
          />
          {fieldError('title')}
        </label>
        <PiiPanel
          text={draft.title}
          findings={titleFindings}
          decisions={titleLive}
          testId="title-pii"
          onRemove={(finding: PiiFinding) => update({ title: removeFinding(draft.title, titleFindings, finding) })}
          onKeep={(finding: PiiFinding, reason: string) => setTitleDecisions(keepFinding(titleLive, finding, reason))}
        />
        <div className="description-row">
          <label className="field wide">
            <span>{t('description.label')}</span>
            <textarea
              id={fieldId('description')}
              className="input description-input"
              data-testid="description-input"
              rows={10}
              value={draft.description}
              onChange={(event) => update({ description: event.target.value })}
              {...invalid('description')}
            />
            {fieldError('description')}
          </label>
          <aside className="prompts" aria-label={t('description.promptsTitle')}>
            <strong>{t('description.promptsTitle')}</strong>
            <ul>
              {DESCRIPTION_PROMPTS.map((p) => (
                <li key={p}>{t(`description.prompts.${p}`)}</li>
              ))}
            </ul>
            <button
              type="button"
              className="button"
              onClick={() =>
                update({
                  description:
                    (draft.description.trim() ? `${draft.description.trimEnd()}\n\n` : '') +
                    promptOutline(DESCRIPTION_PROMPTS.map((p) => t(`description.outline.${p}`))),
                })
              }
            >
              {t('description.insertOutline')}
            </button>
          </aside>
        </div>
        <PiiPanel
          text={draft.description}
          findings={descriptionFindings}
          decisions={descriptionLive}
          testId="description-pii"
          onRemove={(finding: PiiFinding) => update({ description: removeFinding(draft.description, descriptionFindings, finding) })}
          onKeep={(finding: PiiFinding, reason: string) => setDescriptionDecisions(keepFinding(descriptionLive, finding, reason))}
        />
      </section>

      <section className="form-section" aria-labelledby="sec-help">
        <h3 id="sec-help">{t('sections.help')}</h3>
        <div className="help-grid">
          <div>
            <h4>{t('help.title')}</h4>
            {HELP_TOPICS.map((topic) => (
              <details key={topic} className="help-topic">
                <summary>{t(`help.${topic}.title`)}</summary>
                <p>
                  <strong>{t('help.causes')}</strong> {t(`help.${topic}.causes`)}
                </p>
                <p>
                  <strong>{t('help.steps')}</strong> {t(`help.${topic}.steps`)}
                </p>
              </details>
            ))}
          </div>
          <div data-testid="incidents">
            <h4>{t('incidents.title')}</h4>
            {incidents.status === 'loading' && <p className="muted">{t('incidents.loading')}</p>}
            {incidents.status === 'failed' && <p className="warning">{t('incidents.failed')}</p>}
            {incidents.status === 'ok' && incidents.incidents.filter((i) => !i.end).length === 0 && (
              <p className="muted">{t('incidents.none')}</p>
            )}
            {incidents.status === 'ok' && (
              <ul className="incidents">
                {incidents.incidents
                  .filter((i) => !i.end)
                  .map((incident) => (
                    <li key={incident.id} className={`incident severity-${incident.severity}`}>
                      <strong>{incident.service_name}</strong>: {incident.external_desc}
                      <span className="muted small">
                        {' '}
                        · {t('incidents.since', { time: formatInZone(incident.begin, i18n.language, agentTimeZone()) })}
                      </span>
                    </li>
                  ))}
              </ul>
            )}
          </div>
        </div>
      </section>

      <section className="form-section" aria-labelledby="sec-priority">
        <h3 id="sec-priority">{t('sections.priority')}</h3>
        <div data-field="priority">
          <PriorityChoice
            value={draft.priority}
            onChange={(priority) => update({ priority })}
            label={t('priority.label')}
            {...(errors.priority ? { errorId: errorId('priority') } : {})}
          />
          {fieldError('priority')}
        </div>
      </section>

      <section className="form-section" aria-labelledby="sec-language">
        <h3 id="sec-language">{t('sections.language')}</h3>
        <div className="inline-fields">
          <label className="field">
            <span>{t('language.label')}</span>
            <select
              id={fieldId('languageCode')}
              className="input"
              value={draft.languageCode}
              onChange={(event) => update({ languageCode: event.target.value })}
              {...invalid('languageCode')}
            >
              {CASE_LANGUAGES.map((code) => (
                <option key={code} value={code}>
                  {languageName(code, i18n.language)}
                </option>
              ))}
            </select>
            {fieldError('languageCode')}
          </label>
          <label className="field">
            <span>{t('language.timeZone')}</span>
            <input
              id={fieldId('timeZone')}
              className="input"
              data-testid="time-zone-input"
              list="new-case-zones"
              value={draft.timeZone}
              onChange={(event) => update({ timeZone: event.target.value })}
              {...invalid('timeZone')}
            />
            <datalist id="new-case-zones">
              {zones.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
            <span className="muted small">{t('language.timeZoneHint')}</span>
            {fieldError('timeZone')}
          </label>
        </div>
      </section>

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
            {...invalid('subscribers')}
          />
          <span className="muted small">{t('subscribers.hint')}</span>
          {fieldError('subscribers')}
        </label>
      </section>

      <section className="form-section" aria-labelledby="sec-attachments">
        <h3 id="sec-attachments">{t('sections.attachments')}</h3>
        <p className="muted small">{t('attachments.hint')}</p>
        <AttachmentDropZone onFiles={(added) => setFiles((current) => [...current, ...added])} />
        {files.length > 0 && (
          <ul className="chosen-files" data-testid="chosen-files">
            {files.map((file, index) => (
              <li key={`${file.filename}-${index}`}>
                <span>{file.filename}</span>
                <button type="button" className="button" onClick={() => setFiles(files.filter((_, i) => i !== index))}>
                  {t('attachments.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <footer className="submit-bar">
        {offline && draft.priority === 'P1' && (
          <p className="warning" role="alert" data-testid="offline-p1">
            {t('submit.offlineP1')}
          </p>
        )}
        {offline && draft.priority !== 'P1' && <p className="muted">{t('submit.offline')}</p>}
        {attempted && errorCount > 0 && (
          <p className="error-text" role="alert" data-testid="form-errors">
            {t('submit.errors', { count: errorCount })}
          </p>
        )}
        {failure && <p className="error-text">{failure}</p>}
        <div className="submit-actions">
          <span className="muted small">{t('submit.draftHint')}</span>
          <span className="spacer" />
          <button type="button" className="button" onClick={reset}>
            {t('submit.discardDraft')}
          </button>
          <button type="submit" className="button primary" data-testid="submit-case" disabled={busy}>
            {t('submit.button')} <kbd>Ctrl+Enter</kbd>
          </button>
        </div>
      </footer>
    </form>
  );
}

function languageName(code: string, uiLanguage: string): string {
  try {
    const name = new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(code);
    return name ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}
