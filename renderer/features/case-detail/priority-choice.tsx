import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { PRIORITY_DEFINITIONS, SELECTABLE_PRIORITIES, type SelectablePriority } from '../../../shared/domain';

/** P1–P4 with Google's definition and example next to each choice, so the priority is picked by its meaning. */
export function PriorityChoice({
  value,
  onChange,
  label,
  errorId,
  autoFocus,
}: {
  value: SelectablePriority | '';
  onChange: (priority: SelectablePriority) => void;
  label: string;
  errorId?: string;
  autoFocus?: boolean;
}): React.JSX.Element {
  const { t } = useTranslation('caseDetail');
  return (
    <RadioGroup
      className="priority-choice"
      value={value || null}
      onChange={(next) => onChange(next as SelectablePriority)}
      aria-describedby={errorId}
      data-testid="priority-choice"
    >
      <Label className="field-label">{label}</Label>
      {SELECTABLE_PRIORITIES.map((priority, index) => {
        const definition = PRIORITY_DEFINITIONS[priority];
        return (
          <Radio
            key={priority}
            value={priority}
            className="priority-option"
            autoFocus={autoFocus === true && (value ? value === priority : index === 0)}
          >
            <span className={`priority-tag p-${priority.toLowerCase()}`}>{t(definition.labelKey)}</span>
            <span className="priority-text">
              <span>{t(definition.meaningKey)}</span>
              <span className="muted">{t('priority.exampleLabel', { example: t(definition.exampleKey) })}</span>
            </span>
          </Radio>
        );
      })}
    </RadioGroup>
  );
}
