import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { validateCommentBody, type PiiFinding } from '../../../shared/domain';
import type { Account } from '../../../shared/ipc';
import { enqueueMutation } from '../../runtime/commands';
import { clearCommentDraft, loadCommentDraft, saveCommentDraft } from './comment-draft';
import { keepFinding, openFindings, pruneDecisions, recordKeptPii, removeFinding, type PiiDecisions } from './pii-decisions';
import { PiiPanel } from './pii-panel';
import {
  applySlashTemplate,
  fillTemplate,
  filterTemplates,
  insertAt,
  slashQuery,
  templatesFor,
  type Template,
  type TemplateVariables,
} from './templates';
import { TemplatesMenu } from './templates-menu';
import { usePiiCheck } from './use-pii-check';
import { useTemplates } from './use-templates';

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
  const [text, setText] = useState(() => loadCommentDraft(localStorage, account.id, caseRef));
  const [decisions, setDecisions] = useState<PiiDecisions>({});
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const [caret, setCaret] = useState(0);
  const [slashIndex, setSlashIndex] = useState(0);
  const [slashDismissed, setSlashDismissed] = useState(false);
  const findings = usePiiCheck(text, allowEmails);
  const all = useTemplates();
  const templates = useMemo(() => templatesFor(all, account.domain, 'comment'), [all, account.domain]);
  const pendingCaret = useRef<number | undefined>(undefined);

  // Another case in the same component: load its draft.
  useEffect(() => {
    setText(loadCommentDraft(localStorage, account.id, caseRef));
    setDecisions({});
    setError(undefined);
  }, [account.id, caseRef]);

  useEffect(() => {
    const el = textareaRef.current;
    if (el && pendingCaret.current !== undefined) {
      el.setSelectionRange(pendingCaret.current, pendingCaret.current);
      pendingCaret.current = undefined;
    }
  }, [text, textareaRef]);

  const update = (next: string, nextCaret?: number): void => {
    setText(next);
    saveCommentDraft(localStorage, account.id, caseRef, next);
    if (error) setError(undefined);
    if (nextCaret !== undefined) {
      pendingCaret.current = nextCaret;
      setCaret(nextCaret);
    }
  };

  const command = slashDismissed ? null : slashQuery(text, caret);
  const suggestions = command ? filterTemplates(templates, command.query).slice(0, 6) : [];

  const insertTemplate = (template: Template): void => {
    const body = fillTemplate(template.body, variables);
    const el = textareaRef.current;
    if (command && suggestions.includes(template)) {
      const edit = applySlashTemplate(text, command, caret, body);
      update(edit.text, edit.caret);
    } else {
      const edit = insertAt(text, el?.selectionStart ?? text.length, el?.selectionEnd ?? text.length, body);
      update(edit.text, edit.caret);
    }
    el?.focus();
  };

  const live = pruneDecisions(findings, decisions);
  const open = openFindings(findings, live);

  const send = (): void => {
    if (sending || disabledReason) return;
    const problem = validateCommentBody(text);
    if (problem) {
      setError(
        problem.code === 'required' ? t('composer.empty') : t('composer.tooLong', { max: String((problem as { max: number }).max) }),
      );
      return;
    }
    if (open.length > 0) {
      setError(t('pii.open', { count: open.length }));
      return;
    }
    setSending(true);
    enqueueMutation(account.id, { kind: 'comment', caseRef, body: text.trim() })
      .then(() => {
        recordKeptPii(localStorage, account.id, findings, live, caseRef);
        clearCommentDraft(localStorage, account.id, caseRef);
        setText('');
        setDecisions({});
      })
      .catch((reason: unknown) => setError(t('errors.enqueue', { message: (reason as Error).message ?? String(reason) })))
      .finally(() => setSending(false));
  };

  const onRemove = (finding: PiiFinding): void => update(removeFinding(text, findings, finding));
  const onKeep = (finding: PiiFinding, reason: string): void => setDecisions(keepFinding(live, finding, reason));

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
          aria-controls={suggestions.length > 0 ? `slash-${caseRef}` : undefined}
          aria-activedescendant={suggestions.length > 0 ? `slash-${caseRef}-${slashIndex}` : undefined}
          onChange={(event) => {
            setSlashDismissed(false);
            setSlashIndex(0);
            setCaret(event.target.selectionStart);
            update(event.target.value);
          }}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
          onKeyDown={(event) => {
            if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
              event.preventDefault();
              send();
              return;
            }
            if (suggestions.length === 0) return;
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              const step = event.key === 'ArrowDown' ? 1 : -1;
              setSlashIndex((i) => (i + step + suggestions.length) % suggestions.length);
            } else if (event.key === 'Enter' || event.key === 'Tab') {
              const chosen = suggestions[slashIndex];
              if (chosen) {
                event.preventDefault();
                insertTemplate(chosen);
              }
            } else if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              setSlashDismissed(true);
            }
          }}
        />
        {suggestions.length > 0 && (
          <ul className="slash-menu popover" role="listbox" id={`slash-${caseRef}`} aria-label={t('templates.menu')}>
            {suggestions.map((template, index) => (
              <li
                key={template.id}
                id={`slash-${caseRef}-${index}`}
                role="option"
                aria-selected={index === slashIndex}
                className={`menu-item${index === slashIndex ? ' active' : ''}`}
                onMouseDown={(event) => {
                  event.preventDefault();
                  insertTemplate(template);
                }}
              >
                {template.name}
              </li>
            ))}
          </ul>
        )}
        {command && suggestions.length === 0 && templates.length === 0 && <p className="muted small">{t('templates.none')}</p>}
      </div>
      <PiiPanel text={text} findings={findings} decisions={live} onRemove={onRemove} onKeep={onKeep} testId="composer-pii" />
      {error && (
        <p className="error-text" id={`composer-error-${caseRef}`} role="alert">
          {error}
        </p>
      )}
      <div className="composer-actions">
        <TemplatesMenu kind="comment" domain={account.domain} currentText={text} onInsert={insertTemplate} accentColor={account.color} />
        <span className="muted small">{t('composer.hint')}</span>
        <span className="spacer" />
        <button
          type="button"
          className="button primary"
          data-testid="send-comment"
          disabled={sending || Boolean(disabledReason)}
          onClick={send}
        >
          {t('composer.send')} <kbd>Ctrl+Enter</kbd>
        </button>
      </div>
    </section>
  );
}
