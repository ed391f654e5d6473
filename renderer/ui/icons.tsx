// The app's icon set (issue 17 §7): Lucide's SVG icons instead of emoji and symbol glyphs,
// which render as missing-glyph boxes where no emoji font is installed. Icons are
// decorative by default (the text beside them says the same); pass `label` when an icon
// stands alone.

import {
  ArrowDown,
  ArrowLeft,
  ArrowRight,
  ArrowUp,
  Ban,
  Check,
  ChevronDown,
  CircleAlert,
  CircleX,
  Clock,
  Eye,
  Ellipsis,
  ExternalLink,
  GripVertical,
  Hand,
  History,
  LoaderCircle,
  PanelRightClose,
  PanelRightOpen,
  Pencil,
  RotateCw,
  Settings,
  Trash2,
  WifiOff,
  X,
  type LucideIcon,
} from 'lucide-react';
import type { CaseState } from '../../shared/domain';
import './state-icons.css';

/** What each icon means in this app; components pick by meaning, not by shape. */
export const icons = {
  queued: Clock,
  sending: LoaderCircle,
  failed: CircleAlert,
  offline: WifiOff,
  retry: RotateCw,
  edit: Pencil,
  discard: Trash2,
  close: X,
  back: ArrowLeft,
  sortAsc: ArrowUp,
  sortDesc: ArrowDown,
  menu: Ellipsis,
  dropdown: ChevronDown,
  external: ExternalLink,
  ok: Check,
  refused: Ban,
  blocked: CircleX,
  take: Hand,
  history: History,
  collapse: PanelRightClose,
  expand: PanelRightOpen,
  grip: GripVertical,
  settings: Settings,
  readOnly: Eye,
  transferred: ArrowRight,
} satisfies Record<string, LucideIcon>;

export function Icon({ icon: Shape, label, className }: { icon: LucideIcon; label?: string; className?: string }): React.JSX.Element {
  return (
    <Shape
      className={className ? `icon ${className}` : 'icon'}
      size="1em"
      strokeWidth={2.25}
      focusable="false"
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}
    />
  );
}

/**
 * The small shape beside a status (docs/ui.md): new, Google working, action required, solved,
 * closed. Geometric characters every system font stack has: text is the cheapest thing to
 * paint in a scrolled list row (CSS masks cost each row its own compositing effect, SVG its
 * own layout tree; issue 21).
 */
const stateShapes: Record<CaseState, string> = {
  STATE_UNSPECIFIED: '\u25CC', // ◌
  NEW: '\u2299', // ⊙
  IN_PROGRESS_GOOGLE_SUPPORT: '\u25CC', // ◌
  ACTION_REQUIRED: '\u25C7', // ◇
  SOLUTION_PROVIDED: '\u2713', // ✓
  CLOSED: '\u25CB', // ○
};

/** A state's shape: decorative, the state's name is beside it. */
export function StateIcon({ state }: { state: CaseState }): React.JSX.Element {
  return (
    <span className="state-shape" aria-hidden="true">
      {stateShapes[state] ?? stateShapes.STATE_UNSPECIFIED}
    </span>
  );
}
