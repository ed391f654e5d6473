import { useState } from 'react';
import { Button, Dialog, Heading, Menu, MenuItem, MenuTrigger, Modal, ModalOverlay, Popover } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/ipc';
import { getBridgeClient } from '../../platform';
import { useSignIn } from './sign-in';

/** Per-domain menu: status, sign in again, Google's portal, sign out (with a confirmation that counts unsynced changes). */
export function AccountMenu({ account, pendingCount }: { account: Account; pendingCount: number }): React.JSX.Element {
  const { t } = useTranslation('accounts');
  const { signIn } = useSignIn();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <MenuTrigger>
        <Button
          className="icon-button"
          aria-label={t('menu.label', { domain: account.domain })}
          data-testid={`account-menu-${account.domain}`}
        >
          ⋯
        </Button>
        <Popover className="popover">
          <Menu
            className="menu"
            onAction={(key) => {
              if (key === 'reauth') signIn(account.backend, { domain: account.domain, loginHint: account.email });
              if (key === 'signout') setConfirming(true);
              // Google's portal in this account's own window and session.
              if (key === 'portal')
                void getBridgeClient()
                  .invoke('portal.open', { accountId: account.id })
                  .catch(() => undefined);
            }}
          >
            <MenuItem className="menu-item static" id="who" isDisabled>
              {t('menu.signedInAs', { email: account.email })} · {t(`menu.status.${account.status}`)}
            </MenuItem>
            <MenuItem className="menu-item" id="reauth">
              {t('menu.signInAgain')}
            </MenuItem>
            <MenuItem className="menu-item" id="portal" data-testid="menu-portal">
              {t('menu.openPortal')}
            </MenuItem>
            <MenuItem className="menu-item danger" id="signout">
              {t('menu.signOut')}
            </MenuItem>
          </Menu>
        </Popover>
      </MenuTrigger>
      <SignOutDialog account={account} pendingCount={pendingCount} open={confirming} onClose={() => setConfirming(false)} />
    </>
  );
}

function SignOutDialog({
  account,
  pendingCount,
  open,
  onClose,
}: {
  account: Account;
  pendingCount: number;
  open: boolean;
  onClose: () => void;
}): React.JSX.Element {
  const { t } = useTranslation('accounts');
  const [busy, setBusy] = useState(false);
  return (
    <ModalOverlay className="modal-overlay" isOpen={open} onOpenChange={(next) => !next && onClose()} isDismissable>
      <Modal className="modal" style={{ borderTopColor: account.color }}>
        <Dialog role="alertdialog" className="dialog">
          <Heading slot="title">{t('signOut.title', { domain: account.domain })}</Heading>
          <p>{t('signOut.body')}</p>
          <p className={pendingCount > 0 ? 'warning' : 'muted'} data-testid="signout-pending">
            {pendingCount > 0 ? t('signOut.pending', { count: pendingCount }) : t('signOut.noPending')}
          </p>
          <div className="dialog-actions">
            <Button className="button" onPress={onClose} autoFocus>
              {t('signOut.cancel')}
            </Button>
            <Button
              className="button danger"
              isDisabled={busy}
              data-testid="confirm-signout"
              onPress={() => {
                setBusy(true);
                void getBridgeClient()
                  .invoke('accounts.signOut', { accountId: account.id })
                  .finally(() => {
                    setBusy(false);
                    onClose();
                  });
              }}
            >
              {t('signOut.confirm')}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
