import { useTranslation } from 'react-i18next';
import { localDateTime } from '../../../shared/domain';
import { agentTimeZone } from '../../ui/format';
import type { PeriodChoice } from './model/periods';

function isoDate(ms: number): string {
  const d = localDateTime(ms, agentTimeZone());
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Last 7 / 30 / 90 days, a calendar month, or custom dates; and whether to compare with the period before. */
export function PeriodPicker({
  value,
  compare,
  onChange,
  onCompare,
}: {
  value: PeriodChoice;
  compare: boolean;
  onChange: (choice: PeriodChoice) => void;
  onCompare: (compare: boolean) => void;
}): React.JSX.Element {
  const { t, i18n } = useTranslation('dashboard');
  const now = Date.now();
  const today = localDateTime(now, agentTimeZone());
  const months = Array.from({ length: 12 }, (_, i) => {
    const month = ((today.month - 1 - i + 12) % 12) + 1;
    const year = today.year - (today.month - 1 - i < 0 ? 1 : 0);
    return {
      year,
      month,
      label: new Intl.DateTimeFormat(i18n.language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        Date.UTC(year, month - 1, 15),
      ),
    };
  });
  const selectValue =
    value.kind === 'last' ? `last-${value.days}` : value.kind === 'month' ? `month-${value.year}-${value.month}` : 'custom';
  return (
    <div className="period-picker" role="group" aria-label={t('period.label')}>
      <label className="inline-field">
        {t('period.label')}
        <select
          data-testid="period-select"
          value={selectValue}
          onChange={(e) => {
            const v = e.target.value;
            if (v.startsWith('last-')) onChange({ kind: 'last', days: Number(v.slice(5)) as 7 | 30 | 90 });
            else if (v.startsWith('month-')) {
              const [, year, month] = v.split('-');
              onChange({ kind: 'month', year: Number(year), month: Number(month) });
            } else onChange({ kind: 'custom', from: isoDate(now - 13 * 86_400_000), to: isoDate(now) });
          }}
        >
          <option value="last-7">{t('period.last', { count: 7 })}</option>
          <option value="last-30">{t('period.last', { count: 30 })}</option>
          <option value="last-90">{t('period.last', { count: 90 })}</option>
          {months.map((m) => (
            <option key={`${m.year}-${m.month}`} value={`month-${m.year}-${m.month}`}>
              {m.label}
            </option>
          ))}
          <option value="custom">{t('period.custom')}</option>
        </select>
      </label>
      {value.kind === 'custom' && (
        <>
          <label className="inline-field">
            {t('period.from')}
            <input
              type="date"
              value={value.from}
              max={value.to}
              onChange={(e) => e.target.value && onChange({ ...value, from: e.target.value })}
            />
          </label>
          <label className="inline-field">
            {t('period.to')}
            <input
              type="date"
              value={value.to}
              min={value.from}
              onChange={(e) => e.target.value && onChange({ ...value, to: e.target.value })}
            />
          </label>
        </>
      )}
      <label className="inline-field check">
        <input type="checkbox" checked={compare} onChange={(e) => onCompare(e.target.checked)} data-testid="period-compare" />
        {t('period.compare')}
      </label>
    </div>
  );
}
