import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BUSINESS_HOURS_8X5, SELECTABLE_PRIORITIES, type SlaCoverage, type SlaPlan } from '../../../shared/domain';
import { slaPlanSchema } from '../../../shared/ipc';
import { shortDuration } from '../../ui/format';

const WEEK = [1, 2, 3, 4, 5, 6, 0] as const;

function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

function minuteOf(value: string): number {
  const [h, m] = value.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function weekdayName(day: number, language: string): string {
  // 2026-01-04 was a Sunday.
  return new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' }).format(Date.UTC(2026, 0, 4 + day));
}

export function newPlanId(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `${slug || 'plan'}-${crypto.randomUUID().slice(0, 6)}`;
}

export function blankPlan(): SlaPlan {
  return {
    id: '',
    name: '',
    coverage: { ...BUSINESS_HOURS_8X5, holidays: [] } as SlaCoverage,
    targets: {
      P1: { firstResponseMinutes: 60, updateMinutes: 240 },
      P2: { firstResponseMinutes: 240, updateMinutes: 480 },
      P3: { firstResponseMinutes: 480, updateMinutes: 960 },
      P4: { firstResponseMinutes: 960, updateMinutes: 2400 },
    },
  };
}

/** Edits one plan: name, coverage (24×7 or business hours in a zone, with holidays) and targets per priority. */
export function PlanEditor({
  plan,
  onSave,
  onCancel,
}: {
  plan: SlaPlan;
  onSave: (plan: SlaPlan) => Promise<void>;
  onCancel: () => void;
}): React.JSX.Element {
  const { t } = useTranslation('slaPlans');
  const id = useId();
  const [draft, setDraft] = useState<SlaPlan>(plan);
  const [holidayText, setHolidayText] = useState(draft.coverage.kind === 'business_hours' ? (draft.coverage.holidays ?? []).join(' ') : '');
  const [error, setError] = useState<string>();
  const hours = draft.coverage.kind === 'business_hours' ? draft.coverage : undefined;
  const setHours = (patch: Partial<Extract<SlaCoverage, { kind: 'business_hours' }>>): void =>
    setDraft({ ...draft, coverage: { ...(hours ?? (BUSINESS_HOURS_8X5 as Extract<SlaCoverage, { kind: 'business_hours' }>)), ...patch } });
  const setTarget = (
    priority: (typeof SELECTABLE_PRIORITIES)[number],
    key: 'firstResponseMinutes' | 'updateMinutes',
    value: number,
  ): void => setDraft({ ...draft, targets: { ...draft.targets, [priority]: { ...draft.targets[priority], [key]: value } } });

  const submit = (): void => {
    const coverage: SlaCoverage = hours ? { ...hours, holidays: holidayText.split(/[\s,;]+/).filter(Boolean) } : { kind: '24x7' };
    const candidate = { ...draft, id: draft.id || newPlanId(draft.name), coverage };
    const checked = slaPlanSchema.safeParse(candidate);
    if (!checked.success) {
      setError(checked.error.issues.map((issue) => `${issue.path.join(' › ')}: ${issue.message}`).join('; '));
      return;
    }
    setError(undefined);
    onSave(checked.data).catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)));
  };

  return (
    <form
      className="plan-editor fieldset"
      data-testid="plan-editor"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h4 id={`${id}-title`}>{plan.id ? t('editor.editTitle', { name: plan.name }) : t('editor.newTitle')}</h4>
      <label className="field">
        {t('editor.name')}
        <input
          data-testid="plan-name"
          required
          maxLength={120}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
      </label>
      <label className="field">
        {t('editor.coverage')}
        <select
          data-testid="plan-coverage"
          value={draft.coverage.kind}
          onChange={(e) => (e.target.value === '24x7' ? setDraft({ ...draft, coverage: { kind: '24x7' } }) : setHours({}))}
        >
          <option value="24x7">{t('coverage.24x7')}</option>
          <option value="business_hours">{t('coverage.businessHours')}</option>
        </select>
      </label>
      {hours && <BusinessHoursFields hours={hours} setHours={setHours} holidayText={holidayText} setHolidayText={setHolidayText} />}
      <TargetsTable draft={draft} setTarget={setTarget} />
      {error && (
        <p role="alert" className="error-text" data-testid="plan-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="submit" className="button primary" data-testid="plan-save">
          {t('editor.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('editor.cancel')}
        </button>
      </div>
    </form>
  );
}

type Hours = Extract<SlaCoverage, { kind: 'business_hours' }>;

function BusinessHoursFields({
  hours,
  setHours,
  holidayText,
  setHolidayText,
}: {
  hours: Hours;
  setHours: (patch: Partial<Hours>) => void;
  holidayText: string;
  setHolidayText: (text: string) => void;
}): React.JSX.Element {
  const { t, i18n } = useTranslation('slaPlans');
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  return (
    <>
      <label className="field">
        {t('editor.timeZone')}
        <select
          data-testid="plan-time-zone"
          value={hours.timeZone ?? ''}
          onChange={(e) => setHours({ timeZone: e.target.value || undefined })}
        >
          <option value="">{t('editor.caseTimeZone')}</option>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="weekday-picker">
        <legend>{t('editor.weekdays')}</legend>
        {WEEK.map((day) => (
          <label key={day} className="check">
            <input
              type="checkbox"
              checked={hours.weekdays.includes(day)}
              onChange={(e) =>
                setHours({ weekdays: e.target.checked ? [...hours.weekdays, day].sort() : hours.weekdays.filter((d) => d !== day) })
              }
            />
            {weekdayName(day, i18n.language)}
          </label>
        ))}
      </fieldset>
      <div className="field-row">
        <label className="field">
          {t('editor.opens')}
          <input type="time" required value={hhmm(hours.openMinute)} onChange={(e) => setHours({ openMinute: minuteOf(e.target.value) })} />
        </label>
        <label className="field">
          {t('editor.closes')}
          <input
            type="time"
            required
            value={hhmm(hours.closeMinute)}
            onChange={(e) => setHours({ closeMinute: minuteOf(e.target.value) })}
          />
        </label>
      </div>
      <label className="field">
        {t('editor.holidays')}
        <textarea rows={2} value={holidayText} placeholder="2026-12-25 2027-01-01" onChange={(e) => setHolidayText(e.target.value)} />
      </label>
    </>
  );
}

function TargetsTable({
  draft,
  setTarget,
}: {
  draft: SlaPlan;
  setTarget: (priority: (typeof SELECTABLE_PRIORITIES)[number], key: 'firstResponseMinutes' | 'updateMinutes', value: number) => void;
}): React.JSX.Element {
  const { t, i18n } = useTranslation('slaPlans');
  return (
    <table className="target-table">
      <caption>{t('editor.targets')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('editor.priority')}</th>
          <th scope="col">{t('editor.firstResponse')}</th>
          <th scope="col">{t('editor.update')}</th>
        </tr>
      </thead>
      <tbody>
        {SELECTABLE_PRIORITIES.map((priority) => (
          <tr key={priority}>
            <th scope="row">{priority}</th>
            {(['firstResponseMinutes', 'updateMinutes'] as const).map((key) => (
              <td key={key}>
                <input
                  type="number"
                  min={1}
                  className="input minutes"
                  data-testid={`target-${priority}-${key}`}
                  aria-label={t(key === 'firstResponseMinutes' ? 'editor.firstResponseFor' : 'editor.updateFor', { priority })}
                  value={draft.targets[priority][key]}
                  onChange={(e) => setTarget(priority, key, Math.round(Number(e.target.value)))}
                />{' '}
                <span className="muted">{shortDuration(draft.targets[priority][key] * 60_000, i18n.language)}</span>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
