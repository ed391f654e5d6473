import { useTranslation } from 'react-i18next';
import { shortDuration } from '../../ui/format';
import type { DashboardModel, Kpis } from './model/types';

type KpiId = 'created' | 'resolved' | 'open' | 'attainment' | 'firstResponse' | 'resolution' | 'escalations' | 'reopens';

function valueOf(kpis: Kpis, id: KpiId): number | undefined {
  switch (id) {
    case 'attainment':
      return kpis.measured === 0 ? undefined : kpis.met / kpis.measured;
    case 'firstResponse':
      return kpis.firstResponseMedianMs;
    case 'resolution':
      return kpis.resolutionMedianMs;
    default:
      return kpis[id];
  }
}

const drillKeyOf: Partial<Record<KpiId, keyof DashboardModel['kpiKeys']>> = {
  created: 'created',
  resolved: 'resolved',
  open: 'open',
  attainment: 'measured',
  escalations: 'escalations',
  reopens: 'reopens',
};

/** The key figures, each with the previous period beside it; a figure that counts cases opens them. */
export function KpiCards({ model, onDrill }: { model: DashboardModel; onDrill: (key: string, label: string) => void }): React.JSX.Element {
  const { t, i18n } = useTranslation('dashboard');
  const number = new Intl.NumberFormat(i18n.language);
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const format = (id: KpiId, value: number | undefined): string => {
    if (value === undefined) return '—';
    if (id === 'attainment') return percent.format(value);
    if (id === 'firstResponse' || id === 'resolution') return shortDuration(value, i18n.language);
    return number.format(value);
  };
  const ids: KpiId[] = ['created', 'resolved', 'open', 'attainment', 'firstResponse', 'resolution', 'escalations', 'reopens'];
  return (
    <ul className="kpi-cards" aria-label={t('kpi.label')}>
      {ids.map((id) => {
        const value = valueOf(model.kpis, id);
        const drill = drillKeyOf[id];
        const previous = model.previousKpis && id !== 'open' ? valueOf(model.previousKpis, id) : undefined;
        const body = (
          <>
            <span className="kpi-label">{t(`kpi.${id}`)}</span>
            <span className="kpi-value" data-testid={`kpi-${id}`}>
              {format(id, value)}
            </span>
            {model.previousKpis && id !== 'open' && (
              <span className="kpi-previous muted">{t('kpi.previous', { value: format(id, previous) })}</span>
            )}
          </>
        );
        return (
          <li key={id} className="kpi-card">
            {drill ? (
              <button
                type="button"
                className="kpi-button"
                data-testid={`kpi-drill-${id}`}
                onClick={() => onDrill(model.kpiKeys[drill], t(`kpi.${id}`))}
              >
                {body}
              </button>
            ) : (
              <div className="kpi-button static">{body}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
