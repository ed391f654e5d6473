import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/ipc';
import { PiiPanel } from './pii-panel';
import { SlashMenu } from './slash-menu';
import type { TemplateVariables } from './templates';
import { TemplatesMenu } from './templates-menu';
import { useComposer } from './use-composer';

/** Reply box: draft kept per case, PII check while typing, templates from the menu or "/". */
export function Composer({
  account,
  caseRef,
  disabledReason,
  allowEmails,
  variables,
  textareaRef,
}: {
  account: Account;
  caseRef: string;
  disabledReason?: string | undefined;
  allowEmails: readonly (string | undefined)[];
  variables: TemplateVariables;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
}): React.JSX.Element {
  const { t } = useTranslation('caseDetail');
  const composer = useComposer({ account, caseRef, disabledReason, allowEmails, variables, textareaRef });
  const { text, error, slash } = composer;
  const menuId = `slash-${caseRef}`;
  const menuOpen = slash.suggestions.length > 0;

  return (
    <section className="composer" aria-label={t('composer.label')}>
      <label className="composer-label" htmlFor={`composer-${caseRef}`}>
        {t('composer.label')} <kbd>r</kbd>
      </label>
      {disabledReason && (
        <p className="muted" data-testid="composer-blocked">
          {disabledReason}
        </p>
      )}
      <div className="composer-box">
        <textarea
          id={`composer-${caseRef}`}
          ref={textareaRef}
          className="input composer-input"
          data-testid="composer"
          rows={4}
          value={text}
          disabled={Boolean(disabledReason)}
          placeholder={t('composer.placeholder')}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `composer-error-${caseRef}` : undefined}
          aria-autocomplete="list"
          aria-controls={menuOpen ? menuId : undefined}
          aria-activedescendant={menuOpen ? `${menuId}-${slash.index}` : undefined}
          onChange={(event) => composer.onChange(event.target.value, event.target.selectionStart)}
          onSelect={(event) => composer.setCaret(event.currentTarget.selectionStart)}
          onKeyDown={composer.onKeyDown}
        />
        <SlashMenu id={menuId} suggestions={slash.suggestions} activeIndex={slash.index} onChoose={composer.insertTemplate} />
        {slash.command && !menuOpen && composer.templates.length === 0 && <p className="muted small">{t('templates.none')}</p>}
      </div>
      <PiiPanel
        text={text}
        findings={composer.findings}
        decisions={composer.decisions}
        onRemove={composer.onRemove}
        onKeep={composer.onKeep}
        testId="composer-pii"
      />
      {error && (
        <p className="error-text" id={`composer-error-${caseRef}`} role="alert">
          {error}
        </p>
      )}
      <div className="composer-actions">
        <TemplatesMenu
          kind="comment"
          domain={account.domain}
          currentText={text}
          onInsert={composer.insertTemplate}
          accentColor={account.color}
        />
        <span className="muted small">{t('composer.hint')}</span>
        <span className="spacer" />
        <button
          type="button"
          className="button primary"
          data-testid="send-comment"
          disabled={composer.sending || Boolean(disabledReason)}
          onClick={composer.send}
        >
          {t('composer.send')} <kbd>Ctrl+Enter</kbd>
        </button>
      </div>
    </section>
  );
}
