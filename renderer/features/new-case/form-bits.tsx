import { useTranslation } from 'react-i18next';
import type { FormErrors, FormProblem, NewCaseField } from './new-case-form';

// Small pieces every section of the form uses: ids, the message under a field, aria wiring.

export const fieldId = (field: NewCaseField): string => `new-case-${field}`;
export const errorId = (field: NewCaseField): string => `new-case-${field}-error`;

export function useProblemText(): (problem: FormProblem | undefined) => string | undefined {
  const { t, i18n } = useTranslation('newCase');
  return (problem) => {
    if (!problem) return undefined;
    switch (problem.code) {
      case 'too_long':
        return t('errors.too_long', {
          max: problem.max.toLocaleString(i18n.language),
          actual: problem.actual.toLocaleString(i18n.language),
        });
      case 'too_many':
        return t('errors.too_many', { max: String(problem.max) });
      case 'invalid_emails':
        return t('errors.invalid_emails', { values: problem.values.join(', ') });
      case 'not_authorized':
        return t('errors.not_authorized', { reason: t(`customer.reasons.${problem.access}`) });
      case 'pii_open':
        return t('errors.pii_open', { count: problem.count });
      default:
        return t(`errors.${problem.code}`);
    }
  };
}

export function FieldError({ field, errors }: { field: NewCaseField; errors: FormErrors }): React.JSX.Element | null {
  const text = useProblemText()(errors[field]);
  return text ? (
    <span className="field-error error-text" id={errorId(field)} data-testid={`error-${field}`}>
      {text}
    </span>
  ) : null;
}

export function invalidProps(errors: FormErrors, field: NewCaseField): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return errors[field] ? { 'aria-invalid': true, 'aria-describedby': errorId(field) } : {};
}
