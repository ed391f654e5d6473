import { useState } from 'react';
import { Button, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/app-store';
import { DiagnosticsDialog } from './diagnostics-dialog';

/** Help: settings (reachable before any sign-in), keyboard shortcuts, export diagnostics. */
export function HelpMenu({ onOpenSettings }: { onOpenSettings: () => void }): React.JSX.Element {
  const { t } = useTranslation('settings');
  const [diagnosticsOpen, setDiagnosticsOpen] = useState(false);
  return (
    <>
      <MenuTrigger>
        <Button className="icon-button help-menu" aria-label={t('help.menu')} data-testid="help-menu">
          ?
        </Button>
        <Popover className="popover">
          <Menu
            className="menu"
            aria-label={t('help.menu')}
            onAction={(key) => {
              if (key === 'settings') onOpenSettings();
              if (key === 'shortcuts') useAppStore.getState().setShortcutsOpen(true);
              if (key === 'diagnostics') setDiagnosticsOpen(true);
            }}
          >
            <MenuItem className="menu-item" id="settings">
              {t('help.settings')}
            </MenuItem>
            <MenuItem className="menu-item" id="shortcuts">
              {t('help.shortcuts')}
            </MenuItem>
            <MenuItem className="menu-item" id="diagnostics" data-testid="export-diagnostics">
              {t('diagnostics.export')}
            </MenuItem>
          </Menu>
        </Popover>
      </MenuTrigger>
      <DiagnosticsDialog open={diagnosticsOpen} onClose={() => setDiagnosticsOpen(false)} />
    </>
  );
}
