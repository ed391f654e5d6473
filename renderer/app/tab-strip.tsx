import { useState } from 'react';
import { Button, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../shared/ipc';
import { GoogleSignInDialog, useSignIn } from '../features/accounts';
import { HelpMenu } from '../features/settings';
import { StatusTab } from '../features/status';
import { allDomainsTabId, settingsTabId, statusTabId, useAppStore } from '../state/app-store';
import { useUnreadStore } from '../state/unread-store';
import { useRuntimes } from '../runtime/runtime-context';
import { Icon, icons } from '../ui/icons';

const noAccounts: readonly Account[] = [];

/** One tab per reseller domain (colour dot, pending badge), then "All domains", then "+". */
export function TabStrip(): React.JSX.Element {
  const { t } = useTranslation('shell');
  const { t: tAccounts } = useTranslation('accounts');
  const tabOrder = useAppStore((state) => state.tabOrder);
  const activeTabId = useAppStore((state) => state.activeTabId);
  const accounts = useAppStore((state) => state.accounts?.accounts ?? noAccounts);
  const syncStatus = useAppStore((state) => state.syncStatus);
  const activate = useAppStore((state) => state.activateTab);
  const runtimes = useRuntimes();
  const unread = useUnreadStore((state) => state.unread);
  const { signIn, busy } = useSignIn();
  const [askDomain, setAskDomain] = useState(false);

  return (
    <nav className="tab-strip" aria-label={t('tabs.label')}>
      <div role="tablist" aria-orientation="horizontal" className="tabs">
        {tabOrder.map((tabId, index) => {
          const account = accounts.find((candidate) => candidate.id === tabId);
          const selected = tabId === activeTabId;
          const label = account ? account.domain : t('tabs.allDomains');
          const status = account ? syncStatus[account.id] : undefined;
          const pending = account ? (runtimes.get(account.id)?.pendingEntries.length ?? 0) : 0;
          return (
            <button
              key={tabId}
              role="tab"
              type="button"
              aria-selected={selected}
              tabIndex={selected ? 0 : -1}
              className={`tab${selected ? ' selected' : ''}${account?.status === 'reauth_required' ? ' reauth' : ''}`}
              data-testid={`tab-${account ? account.domain : allDomainsTabId}`}
              title={index < 9 ? `Ctrl+${index + 1}` : undefined}
              onClick={() => activate(tabId)}
              onKeyDown={(event) => {
                if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
                const next = tabOrder[(index + (event.key === 'ArrowRight' ? 1 : -1) + tabOrder.length) % tabOrder.length];
                if (next) {
                  activate(next);
                  (event.currentTarget.parentElement?.querySelector(`[data-tab-id="${next}"]`) as HTMLElement | null)?.focus();
                }
              }}
              data-tab-id={tabId}
            >
              <span className="dot" aria-hidden="true" style={account ? { backgroundColor: account.color } : undefined} />
              <span className="tab-label">{label}</span>
              {account && (unread[account.id]?.length ?? 0) > 0 && (
                <span
                  className="badge unread"
                  data-testid={`unread-${account.domain}`}
                  aria-label={t('tabs.unread', { count: unread[account.id]?.length ?? 0 })}
                >
                  {unread[account.id]?.length}
                </span>
              )}
              {pending > 0 && (
                <span className="badge pending" aria-label={t('status.pending', { count: pending })}>
                  <Icon icon={icons.queued} />
                  {pending}
                </span>
              )}
              {status?.connection === 'offline' && (
                <span className="tab-offline">
                  <Icon icon={icons.offline} label={t('status.offlineShort')} />
                </span>
              )}
            </button>
          );
        })}
        <StatusTab selected={activeTabId === statusTabId} onSelect={() => activate(statusTabId)} />
      </div>
      <MenuTrigger>
        <Button className="icon-button add-account" aria-label={t('tabs.addAccount')} isDisabled={busy}>
          +
        </Button>
        <Popover className="popover">
          <Menu
            className="menu"
            aria-label={t('tabs.addAccount')}
            onAction={(key) => (key === 'google' ? setAskDomain(true) : signIn('sandbox'))}
          >
            <MenuItem className="menu-item" id="sandbox">
              {tAccounts('add.sandbox')}
            </MenuItem>
            <MenuItem className="menu-item" id="google">
              {tAccounts('add.google')}
            </MenuItem>
          </Menu>
        </Popover>
      </MenuTrigger>
      <button
        type="button"
        className={`icon-button settings-tab${activeTabId === settingsTabId ? ' selected' : ''}`}
        aria-label={tAccounts('firstRun.settings')}
        aria-pressed={activeTabId === settingsTabId}
        title={tAccounts('firstRun.settings')}
        data-testid="tab-settings"
        onClick={() => activate(settingsTabId)}
      >
        <Icon icon={icons.settings} />
      </button>
      <HelpMenu onOpenSettings={() => activate(settingsTabId)} />
      <GoogleSignInDialog open={askDomain} onClose={() => setAskDomain(false)} signIn={signIn} />
    </nav>
  );
}
