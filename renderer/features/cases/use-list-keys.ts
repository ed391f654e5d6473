import { useEffect, useRef } from 'react';
import { isTypingTarget } from '../../ui/keyboard';
import { useAppStore } from '../../state/app-store';

export interface ListKeyHandlers {
  readonly count: number;
  readonly selectedIndex: number;
  readonly select: (index: number) => void;
  readonly open: (index: number) => void;
  readonly toggle?: (index: number) => void;
  readonly newCase?: () => void;
  readonly focusKeyword: () => void;
}

/** Whether a key aimed at `target` may drive the list (not a field, not another widget's own key). */
function listOwns(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return true;
  return target === document.body || target.closest('.case-grid') !== null;
}

/**
 * The list's keyboard map (docs/ui.md): j/k ↑/↓ move, Enter/o open, x pick, c new case,
 * / focus the keyword, Escape lets go of the selected case. Single letters never fire while typing or under a dialog.
 */
export function useListKeys(handlers: ListKeyHandlers): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTypingTarget(event.target)) return;
      const app = useAppStore.getState();
      if (app.paletteOpen || app.shortcutsOpen || document.querySelector('.modal-overlay')) return;
      const { count, selectedIndex, select, open, toggle, newCase, focusKeyword } = ref.current;
      const move = (step: number): void => {
        if (count === 0) return;
        event.preventDefault();
        select(selectedIndex < 0 ? 0 : Math.min(count - 1, Math.max(0, selectedIndex + step)));
      };
      switch (event.key) {
        case 'j':
          move(1);
          break;
        case 'k':
          move(-1);
          break;
        case 'ArrowDown':
          if (listOwns(event.target)) move(1);
          break;
        case 'ArrowUp':
          if (listOwns(event.target)) move(-1);
          break;
        case 'Enter':
          if (!listOwns(event.target) || selectedIndex < 0) return;
          event.preventDefault();
          open(selectedIndex);
          break;
        case 'o':
          if (selectedIndex < 0) return;
          event.preventDefault();
          open(selectedIndex);
          break;
        case 'x':
          if (!toggle || selectedIndex < 0) return;
          event.preventDefault();
          toggle(selectedIndex);
          break;
        case 'c':
          if (!newCase) return;
          event.preventDefault();
          newCase();
          break;
        case '/':
          event.preventDefault();
          focusKeyword();
          break;
        case 'Escape':
          // Lets go of the selected case: its detail pane closes and the list takes the width.
          if (selectedIndex < 0 || !listOwns(event.target)) return;
          event.preventDefault();
          select(-1);
          break;
        default:
          break;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
