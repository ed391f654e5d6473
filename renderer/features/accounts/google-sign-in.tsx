import { useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/app-store';
import { GoogleClientForm, usePolicy } from '../settings';
import { isDomainName } from './sign-in';

/** "Sign in with Google" asks which reseller domain first (the ID token's hd must match it); sets up the OAuth client if missing. */
export function GoogleSignInDialog({
  open,
  onClose,
  signIn,
}: {
  open: boolean;
  onClose: () => void;
  /** useSignIn's signIn of the caller, so its busy state and error show where the agent started. */
  signIn: (backend: 'google', request: { domain: string }) => void;
}): React.JSX.Element {
  const { t } = useTranslation('accounts');
  const policy = usePolicy();
  const clientSet = useAppStore((state) => (state.settings?.googleClientId ?? '') !== '');
  const allowed = policy?.allowedDomains;
  const [domain, setDomain] = useState('');
  const [touched, setTouched] = useState(false);
  const value = allowed && allowed.length > 0 && domain === '' ? (allowed[0] ?? '') : domain;
  const valid = isDomainName(value);
  return (
    <ModalOverlay className="modal-overlay" isOpen={open} onOpenChange={(next) => !next && onClose()} isDismissable>
      <Modal className="modal">
        <Dialog className="dialog" data-testid="google-sign-in">
          <Heading slot="title">{t('google.title')}</Heading>
          {!clientSet && (
            <>
              <p className="warning">{t('google.needsClient')}</p>
              <GoogleClientForm />
            </>
          )}
          <form
            onSubmit={(event) => {
              event.preventDefault();
              setTouched(true);
              if (!valid || !clientSet) return;
              onClose();
              signIn('google', { domain: value.trim().toLowerCase() });
            }}
          >
            <label className="field">
              {t('google.label')}
              {allowed ? (
                <select value={value} onChange={(event) => setDomain(event.target.value)} data-testid="google-domain">
                  {allowed.map((candidate) => (
                    <option key={candidate} value={candidate}>
                      {candidate}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  type="text"
                  inputMode="url"
                  autoComplete="off"
                  spellCheck={false}
                  placeholder="reseller.example"
                  value={value}
                  aria-invalid={touched && !valid}
                  aria-describedby="google-domain-hint"
                  data-testid="google-domain"
                  onChange={(event) => setDomain(event.target.value)}
                  onBlur={() => setTouched(true)}
                  autoFocus
                />
              )}
            </label>
            <p id="google-domain-hint" className={touched && !valid ? 'error-text' : 'muted'}>
              {touched && !valid ? t('google.invalid') : t('google.hint')}
            </p>
            <div className="dialog-actions">
              <Button className="button" onPress={onClose}>
                {t('google.cancel')}
              </Button>
              <Button type="submit" className="button primary" isDisabled={!clientSet} data-testid="google-continue">
                {t('google.continue')}
              </Button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
