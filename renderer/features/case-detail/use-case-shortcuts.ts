import { useEffect, useRef } from 'react';
import { isTypingTarget } from '../../ui/keyboard';
import { useAppStore } from '../../state/app-store';
import type { ActionDialog } from './action-dialogs';

export interface CaseShortcutTargets {
  /** The dialog open now: while one is, the letters are the dialog's. */
  readonly dialog: ActionDialog;
  readonly openDialog: (dialog: Exclude<ActionDialog, undefined>, action: 'priority' | 'escalate' | 'close') => void;
  readonly reply: () => void;
}

/** Single-letter shortcuts of the case: r reply, p priority, e escalate, Shift+C close. */
export function useCaseShortcuts(targets: CaseShortcutTargets): void {
  // One listener for the case's lifetime; it reads the latest targets through the ref.
  const latest = useRef(targets);
  latest.current = targets;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      const app = useAppStore.getState();
      const state = latest.current;
      if (state.dialog || app.paletteOpen || app.shortcutsOpen) return;
      if (event.key === 'r' && !event.shiftKey) state.reply();
      else if (event.key === 'p' && !event.shiftKey) state.openDialog('priority', 'priority');
      else if (event.key === 'e' && !event.shiftKey) state.openDialog('escalate', 'escalate');
      else if (event.key === 'C' && event.shiftKey) state.openDialog('close', 'close');
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
