import { useEffect, useEffectEvent, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { isValidEmail, MAX_SUBSCRIBERS } from '../../../shared/domain';
import { DialogFrame, type CaseDialogProps } from './dialog-frame';

/** Returns the problem with one address the agent wants to add, or null. */
export function subscriberProblem(email: string, current: readonly string[]): 'invalid' | 'duplicate' | 'too_many' | null {
  if (!isValidEmail(email)) return 'invalid';
  if (current.some((e) => e.toLowerCase() === email.toLowerCase())) return 'duplicate';
  if (current.length >= MAX_SUBSCRIBERS) return 'too_many';
  return null;
}

export function ShareDialog({ open, onClose, view, account, enqueue }: CaseDialogProps): React.JSX.Element {
  const { t } = useTranslation('caseDetail');
  const [list, setList] = useState<string[]>(view.subscriberEmails);
  const [input, setInput] = useState('');
  const [error, setError] = useState<string>();
  const reset = useEffectEvent(() => {
    setList(view.subscriberEmails);
    setInput('');
    setError(undefined);
  });
  // Only when the dialog opens: a later server update must not wipe what the agent is editing.
  useEffect(() => {
    if (open) reset();
  }, [open, view.name]);
  const add = (): boolean => {
    const email = input.trim();
    if (!email) return true;
    const problem = subscriberProblem(email, list);
    if (problem) {
      setError(t(`share.${problem}`, { value: email, max: String(MAX_SUBSCRIBERS) }));
      return false;
    }
    setList([...list, email]);
    setInput('');
    setError(undefined);
    return true;
  };
  const changed = list.join('\n') !== view.subscriberEmails.join('\n');
  return (
    <DialogFrame open={open} onClose={onClose} title={t('share.title')} color={account.color} testId="share-dialog">
      <p className="muted">{t('share.intro')}</p>
      <ul className="subscriber-list" data-testid="share-list">
        {list.length === 0 && <li className="muted">{t('field.noSubscribers')}</li>}
        {list.map((email) => (
          <li key={email}>
            <span>{email}</span>
            <button
              type="button"
              className="button"
              aria-label={t('share.removeOne', { email })}
              onClick={() => setList(list.filter((e) => e !== email))}
            >
              {t('share.remove')}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="share-add"
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <label className="field">
          <span>{t('share.add')}</span>
          <input
            className="input"
            type="text"
            inputMode="email"
            autoFocus
            value={input}
            data-testid="share-input"
            placeholder="name@example.com"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'share-error' : undefined}
            onChange={(event) => {
              setInput(event.target.value);
              setError(undefined);
            }}
          />
          {error && (
            <span className="error-text" id="share-error" role="alert">
              {error}
            </span>
          )}
        </label>
        <button type="submit" className="button" data-testid="share-add">
          {t('share.addButton')}
        </button>
      </form>
      <div className="dialog-actions">
        <Button className="button" onPress={onClose}>
          {t('dialog.cancel')}
        </Button>
        <Button
          className="button primary"
          data-testid="share-save"
          onPress={() => {
            // A typed but not yet added address counts: the agent expects Save to include it.
            if (!add()) return;
            const email = input.trim();
            const next = email ? [...list, email] : list;
            if (!changed && !email) return onClose();
            void enqueue({ kind: 'set_subscribers', caseRef: view.name, subscriberEmails: next }).then((ok) => ok && onClose());
          }}
        >
          {t('share.save')}
        </Button>
      </div>
    </DialogFrame>
  );
}
