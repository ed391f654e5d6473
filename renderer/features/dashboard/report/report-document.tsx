import { useTranslation } from 'react-i18next';
import { shortDuration } from '../../../ui/format';
import { ChartCard } from '../charts/chart-card';
import type { ChartSpec } from '../charts/options';
import type { ChartPalette } from '../charts/palette';
import type { CustomerReport, DashboardInput, DashboardModel } from '../model/types';

/**
 * The service review as it is printed: key figures, two charts and the customer's cases
 * with their SLA results. Rendered inside an I18nextProvider of the report's language, so
 * every word, number and date follows that language. It only ever receives one customer's data.
 */
export function ReportDocument({
  report,
  model,
  specs,
  input,
  palette,
  domain,
}: {
  report: CustomerReport;
  model: DashboardModel;
  specs: readonly ChartSpec[];
  input: DashboardInput;
  palette: ChartPalette;
  domain: string;
}): React.JSX.Element {
  const { t, i18n } = useTranslation('dashboard');
  const language = i18n.language;
  const day = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: input.timeZone });
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: input.timeZone });
  const number = new Intl.NumberFormat(language);
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  const { kpis } = model;
  const figures: Array<[string, string]> = [
    [t('kpi.created'), number.format(kpis.created)],
    [t('kpi.resolved'), number.format(kpis.resolved)],
    [t('kpi.attainment'), kpis.measured === 0 ? '—' : percent.format(kpis.met / kpis.measured)],
    [t('kpi.firstResponse'), kpis.firstResponseMedianMs === undefined ? '—' : shortDuration(kpis.firstResponseMedianMs, language)],
    [t('kpi.resolution'), kpis.resolutionMedianMs === undefined ? '—' : shortDuration(kpis.resolutionMedianMs, language)],
    [t('kpi.escalations'), number.format(kpis.escalations)],
    [t('kpi.reopens'), number.format(kpis.reopens)],
    [t('kpi.open'), number.format(kpis.open)],
  ];
  return (
    <article className="report-document" data-testid="report-document" lang={language}>
      <header className="report-head">
        <h1 data-testid="report-customer">{t('report.heading', { name: report.customerName })}</h1>
        <p>
          {t('report.period', { from: day.format(input.period.startMs), to: day.format(input.period.endMs - 1) })}
          <br />
          {t('report.plan', { plan: report.planName })} · {t('report.domain', { domain })}
          <br />
          <span className="muted">{t('report.generated', { time: when.format(input.nowMs) })}</span>
        </p>
      </header>
      <section aria-labelledby="report-figures">
        <h2 id="report-figures">{t('report.figures')}</h2>
        <dl className="report-figures">
          {figures.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <div className="report-charts">
        {specs.map((spec) => (
          <ChartCard key={spec.id} spec={spec} palette={palette} onDrill={() => undefined} height={220} />
        ))}
      </div>
      <section aria-labelledby="report-cases" className="report-cases">
        <h2 id="report-cases">{t('report.cases', { count: report.rows.length })}</h2>
        <table data-testid="report-table">
          <thead>
            <tr>
              {['case', 'title', 'priority', 'state', 'created', 'firstResponse', 'firstResponseResult', 'updates', 'closed'].map(
                (column) => (
                  <th key={column} scope="col">
                    {t(`report.columns.${column}`)}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <tr key={row.name} data-case={row.caseNumber}>
                <td className="mono">{row.caseNumber}</td>
                <td>{row.title}</td>
                <td>{row.priority}</td>
                <td>{t(`common:caseState.${row.state}`)}</td>
                <td>{when.format(row.createTimeMs)}</td>
                <td>{row.firstResponseMs === undefined ? '—' : shortDuration(row.firstResponseMs, language)}</td>
                <td className={`outcome outcome-${row.firstResponse}`}>{t(`report.outcome.${row.firstResponse}`)}</td>
                <td>{t(`report.updates.${row.updates}`)}</td>
                <td>{row.resolvedMs === undefined ? '—' : when.format(row.resolvedMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </article>
  );
}
