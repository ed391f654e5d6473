import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccountRuntime } from '../../runtime/runtime-context';
import { openCase } from '../../runtime/open-case';
import { saveCommentDraft } from '../case-detail';
import { AttachmentsSection } from './attachments-section';
import { CustomerField } from './customer-section';
import { LanguageSection, PrioritySection, SharingSection } from './details-sections';
import { fieldId } from './form-bits';
import { GuidedStart } from './guided-start';
import { ProblemSection } from './problem-section';
import { SubmitBar } from './submit-bar';
import { keywordCategoryMatcher, titleFromDescription } from './suggestions';
import { useNewCaseForm } from './use-new-case-form';
import type { NewCaseField } from './new-case-form';
import './new-case.css';

/** Where the focus goes for a field that needs attention. */
function focusField(root: HTMLElement | null, field: NewCaseField | 'attachments'): void {
  const selector =
    field === 'attachments'
      ? '[data-testid="attachments-section"] button'
      : `#${fieldId(field)}, [data-field="${field}"] input, [data-field="${field}"] [role="radio"]`;
  root?.querySelector<HTMLElement>(selector)?.focus();
}

/** New case on behalf of a customer: the guided start, then one scrolling form with sections. */
export function NewCaseView({ followUpOf }: { followUpOf?: string }): React.JSX.Element {
  const { t } = useTranslation('newCase');
  const runtime = useAccountRuntime();
  const account = runtime.account;
  const form = useNewCaseForm(followUpOf);
  const { draft } = form;
  const rootRef = useRef<HTMLDivElement>(null);

  const submit = (): void =>
    void form.submit().then((field) => {
      if (field) focusField(rootRef.current, field);
    });

  /** "None of these helps": the form, prefilled from what the agent wrote. */
  const toForm = (prefill: boolean): void => {
    const patch: Parameters<typeof form.update>[0] = { step: 'form' };
    if (prefill && draft.description.trim()) {
      if (!draft.title.trim()) patch.title = titleFromDescription(draft.description);
      const category = keywordCategoryMatcher.rank(form.categories ?? [], draft.description, 1)[0];
      if (!draft.classificationId && category)
        Object.assign(patch, { classificationId: category.id, classificationName: category.displayName });
    }
    form.update(patch);
    requestAnimationFrame(() => {
      const first: NewCaseField = !draft.customerId ? 'customer' : patch.title || draft.title ? 'priority' : 'title';
      focusField(rootRef.current, first);
    });
  };

  /** The problem belongs to an existing case: its reply box gets the text, and the case opens. */
  const addToCase = (caseName: string): void => {
    saveCommentDraft(localStorage, account.id, caseName, draft.description);
    form.reset();
    openCase(account.id, caseName);
  };

  return (
    <div
      ref={rootRef}
      className="new-case"
      role="form"
      aria-labelledby="new-case-title"
      data-testid="new-case"
      data-step={draft.step}
      style={{ borderTopColor: account.color }}
      onKeyDown={(event) => {
        if (draft.step === 'form' && (event.ctrlKey || event.metaKey) && event.key === 'Enter') {
          event.preventDefault();
          submit();
        }
      }}
    >
      <header className="new-case-header">
        <h2 id="new-case-title">{t('title')}</h2>
        <p className="muted">{t('intro', { domain: account.domain })}</p>
        {draft.followUpOf && (
          <p className="follow-up-banner" data-testid="follow-up-banner">
            {t('followUp.banner', { number: form.followUp?.caseNumber ?? draft.followUpOf.split('/').pop() ?? '' })}
          </p>
        )}
      </header>
      {draft.step === 'describe' ? (
        <GuidedStart form={form} onContinue={() => toForm(true)} onSkip={() => toForm(false)} onAddToCase={addToCase} />
      ) : (
        <>
          {draft.linkedIncident && (
            <p className="incident-banner" data-testid="linked-incident-banner">
              {t('guided.linkedBanner', { product: draft.linkedIncident.serviceName, description: draft.linkedIncident.description })}{' '}
              <button type="button" className="link" onClick={() => form.update({ linkedIncident: undefined })}>
                {t('guided.unlink')}
              </button>
            </p>
          )}
          <section className="form-section" aria-labelledby="sec-customer">
            <h3 id="sec-customer">{t('sections.customer')}</h3>
            <CustomerField customers={form.customers} value={draft.customerId} errors={form.errors} onChange={form.chooseCustomer} />
          </section>
          <ProblemSection form={form} />
          <PrioritySection form={form} />
          <LanguageSection form={form} />
          <SharingSection form={form} />
          <AttachmentsSection form={form} />
          <p className="muted small">
            <button type="button" className="link" data-testid="back-to-guided" onClick={() => form.update({ step: 'describe' })}>
              {t('guided.back')}
            </button>
          </p>
          <SubmitBar form={form} accountId={account.id} onSubmit={submit} />
        </>
      )}
    </div>
  );
}
