import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { validateCommentBody, type PiiFinding } from '../../../shared/domain';
import type { Account } from '../../../shared/ipc';
import { enqueueMutation } from '../../runtime/commands';
import { clearCommentDraft, loadCommentDraft, saveCommentDraft } from './comment-draft';
import { keepFinding, openFindings, pruneDecisions, recordKeptPii, removeFinding, type PiiDecisions } from './pii-decisions';
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
import { usePiiCheck } from './use-pii-check';
import { useTemplates } from './use-templates';
import { browserStorage } from '../../platform/storage';

/** How many templates the "/" menu offers at once. */
const SLASH_SUGGESTIONS = 6;

/** The "/" menu: the command before the caret, the templates it matches, and the one highlighted. */
function useSlashMenu(text: string, caret: number, templates: readonly Template[]) {
  const [index, setIndex] = useState(0);
  const [dismissed, setDismissed] = useState(false);
  const command = dismissed ? null : slashQuery(text, caret);
  const suggestions = command ? filterTemplates(templates, command.query).slice(0, SLASH_SUGGESTIONS) : [];
  const reset = (): void => {
    setDismissed(false);
    setIndex(0);
  };
  const move = (step: 1 | -1): void => setIndex((i) => (i + step + suggestions.length) % suggestions.length);
  return { command, suggestions, index, reset, move, dismiss: () => setDismissed(true) };
}

export interface ComposerOptions {
  readonly account: Account;
  readonly caseRef: string;
  readonly disabledReason?: string | undefined;
  readonly allowEmails: readonly (string | undefined)[];
  readonly variables: TemplateVariables;
  readonly textareaRef: RefObject<HTMLTextAreaElement | null>;
}

/** The reply box's state: the draft kept per case, PII decisions, the "/" menu, and sending. */
export function useComposer({ account, caseRef, disabledReason, allowEmails, variables, textareaRef }: ComposerOptions) {
  const { t } = useTranslation('caseDetail');
  const [text, setText] = useState(() => loadCommentDraft(browserStorage.local(), account.id, caseRef));
  const [decisions, setDecisions] = useState<PiiDecisions>({});
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const [caret, setCaret] = useState(0);
  const findings = usePiiCheck(text, allowEmails);
  const all = useTemplates();
  const templates = useMemo(() => templatesFor(all, account.domain, 'comment'), [all, account.domain]);
  const slash = useSlashMenu(text, caret, templates);
  const pendingCaret = useRef<number | undefined>(undefined);

  // Another case in the same component: load its draft.
  useEffect(() => {
    setText(loadCommentDraft(browserStorage.local(), account.id, caseRef));
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
    saveCommentDraft(browserStorage.local(), account.id, caseRef, next);
    if (error) setError(undefined);
    if (nextCaret !== undefined) {
      pendingCaret.current = nextCaret;
      setCaret(nextCaret);
    }
  };

  const insertTemplate = (template: Template): void => {
    const body = fillTemplate(template.body, variables);
    const el = textareaRef.current;
    const edit =
      slash.command && slash.suggestions.includes(template)
        ? applySlashTemplate(text, slash.command, caret, body)
        : insertAt(text, el?.selectionStart ?? text.length, el?.selectionEnd ?? text.length, body);
    update(edit.text, edit.caret);
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
        recordKeptPii(browserStorage.local(), account.id, findings, live, caseRef);
        clearCommentDraft(browserStorage.local(), account.id, caseRef);
        setText('');
        setDecisions({});
      })
      .catch((reason: unknown) => setError(t('errors.enqueue', { message: (reason as Error).message ?? String(reason) })))
      .finally(() => setSending(false));
  };

  const onChange = (value: string, selectionStart: number): void => {
    slash.reset();
    setCaret(selectionStart);
    update(value);
  };

  // Ctrl/Cmd+Enter sends; while the "/" menu is open, arrows move, Enter/Tab insert, Escape closes it.
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      send();
      return;
    }
    if (slash.suggestions.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      slash.move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      const chosen = slash.suggestions[slash.index];
      if (chosen) {
        event.preventDefault();
        insertTemplate(chosen);
      }
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      slash.dismiss();
    }
  };

  return {
    text,
    error,
    sending,
    findings,
    decisions: live,
    templates,
    slash,
    setCaret,
    onChange,
    onKeyDown,
    insertTemplate,
    send,
    onRemove: (finding: PiiFinding): void => update(removeFinding(text, findings, finding)),
    onKeep: (finding: PiiFinding, reason: string): void => setDecisions(keepFinding(live, finding, reason)),
  };
}
