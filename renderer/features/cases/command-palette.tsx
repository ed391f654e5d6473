/** Ctrl/Cmd+K: go to a case by number, switch domain, open a view, run an action. */
export function CommandPalette(): React.JSX.Element | null {
  return null;
}
