import { useEffect } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/app-store';
import { isTypingTarget } from '../ui/keyboard';

/** App-wide keys: Ctrl/Cmd+1…9 and Ctrl+Tab switch tabs, Ctrl/Cmd+K opens the palette, ? the sheet. */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const store = useAppStore.getState();
      const mod = event.ctrlKey || event.metaKey;
      if (mod && /^[1-9]$/.test(event.key)) {
        const tabId = store.tabOrder[Number(event.key) - 1];
        if (tabId) {
          event.preventDefault();
          store.activateTab(tabId);
        }
      } else if (event.ctrlKey && event.key === 'Tab') {
        event.preventDefault();
        store.cycleTab(event.shiftKey ? -1 : 1);
      } else if (mod && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        store.setPaletteOpen(!store.paletteOpen);
      } else if (event.key === '?' && !mod && !isTypingTarget(event.target)) {
        event.preventDefault();
        store.setShortcutsOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

const rows: ReadonlyArray<[string, string]> = [
  ['Ctrl/⌘ K', 'shortcuts.palette'],
  ['Ctrl/⌘ 1…9', 'shortcuts.switchTab'],
  ['Ctrl Tab', 'shortcuts.nextTab'],
  ['j / k, ↓ / ↑', 'shortcuts.nextCase'],
  ['Enter / o', 'shortcuts.openCase'],
  ['/', 'shortcuts.focusFilter'],
  ['c', 'shortcuts.newCase'],
  ['r', 'shortcuts.reply'],
  ['Ctrl/⌘ Enter', 'shortcuts.send'],
  ['p', 'shortcuts.priority'],
  ['e', 'shortcuts.escalate'],
  ['Shift C', 'shortcuts.closeCase'],
  ['x', 'shortcuts.select'],
  ['?', 'shortcuts.help'],
];

export function ShortcutSheet(): React.JSX.Element {
  const { t } = useTranslation('shell');
  const open = useAppStore((state) => state.shortcutsOpen);
  const setOpen = useAppStore((state) => state.setShortcutsOpen);
  return (
    <ModalOverlay className="modal-overlay" isOpen={open} onOpenChange={setOpen} isDismissable>
      <Modal className="modal">
        <Dialog className="dialog" aria-label={t('shortcuts.title')}>
          <Heading slot="title">{t('shortcuts.title')}</Heading>
          <table className="shortcut-table">
            <tbody>
              {rows.map(([keys, label]) => (
                <tr key={label}>
                  <td>
                    <kbd>{keys}</kbd>
                  </td>
                  <td>{t(label)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="dialog-actions">
            <Button className="button" slot="close" autoFocus>
              {t('shortcuts.close')}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
