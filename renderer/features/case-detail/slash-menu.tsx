import { useTranslation } from 'react-i18next';
import type { Template } from './templates';

/** The templates matching what follows "/" in the reply box; the highlighted one is the textarea's active descendant. */
export function SlashMenu({
  id,
  suggestions,
  activeIndex,
  onChoose,
}: {
  /** The listbox's id; option n is `${id}-${n}`. */
  id: string;
  suggestions: readonly Template[];
  activeIndex: number;
  onChoose: (template: Template) => void;
}): React.JSX.Element | null {
  const { t } = useTranslation('caseDetail');
  if (suggestions.length === 0) return null;
  return (
    <ul className="slash-menu popover" role="listbox" id={id} aria-label={t('templates.menu')}>
      {suggestions.map((template, index) => (
        <li
          key={template.id}
          id={`${id}-${index}`}
          role="option"
          aria-selected={index === activeIndex}
          className={`menu-item${index === activeIndex ? ' active' : ''}`}
          onMouseDown={(event) => {
            // Keep the focus (and the caret) in the textarea.
            event.preventDefault();
            onChoose(template);
          }}
        >
          {template.name}
        </li>
      ))}
    </ul>
  );
}
