import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountRuntime } from '../../runtime/account-runtime';
import { useAccountRuntime, useRuntimes } from '../../runtime/runtime-context';
import { useCustomers } from '../../data/hooks';
import { allDomainsTabId, useAppStore } from '../../state/app-store';
import { agentTimeZone } from '../../ui/format';
import { useAgency } from '../sla-plans';
import { appFont, ChartCard } from './charts/chart-card';
import { useChartPalette } from './charts/palette';
import { prewarmCharts } from './charts/echarts';
import { queueChartJob } from './charts/render-queue';
import { useChartsReady } from './charts/use-charts-ready';
import { warmUpOptions } from './charts/options';
import { chartSpecs } from './charts/specs';
import { openDrill } from './drill';
import { KpiCards } from './kpis';
import { MissingThreads } from './missing-threads';
import type { DashboardScope } from './model/types';
import { PeriodPicker } from './period-picker';
import { useDashboardPrefs, useDashboardPrefsStore } from './prefs';
import { CustomerReportDialog } from './report/report-dialog';
import { useDashboard } from './use-dashboard';
import './dashboard.css';

/** A reseller domain's dashboard: the whole domain, or one customer of it. */
export function DomainDashboard(): React.JSX.Element {
  const runtime = useAccountRuntime();
  const { t } = useTranslation('dashboard');
  const tabId = runtime.account.id;
  const prefs = useDashboardPrefs(tabId);
  const customers = useCustomers(runtime.db);
  const customer = customers?.find((c) => c.customerId === prefs.customerId);
  const scope: DashboardScope = prefs.customerId
    ? { kind: 'customer', accountId: tabId, customerId: prefs.customerId }
    : { kind: 'account', accountId: tabId };
  const runtimes = useMemo(() => [runtime], [runtime]);
  const scopePicker = (
    <label className="inline-field">
      {t('scope.label')}
      <select
        data-testid="dashboard-scope"
        value={prefs.customerId ?? ''}
        onChange={(e) => useDashboardPrefsStore.getState().set(tabId, { customerId: e.target.value || undefined })}
      >
        <option value="">{t('scope.domain', { domain: runtime.account.domain })}</option>
        {(customers ?? []).map((c) => (
          <option key={c.customerId} value={c.customerId}>
            {c.displayName}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <DashboardBody
      tabId={tabId}
      runtimes={runtimes}
      scope={scope}
      title={customer ? t('title.customer', { name: customer.displayName }) : t('title.domain', { domain: runtime.account.domain })}
      scopePicker={scopePicker}
      customerName={customer?.displayName}
    />
  );
}

/** Every signed-in domain at once. */
export function AllDomainsDashboard(): React.JSX.Element {
  const { t } = useTranslation('dashboard');
  const runtimeMap = useRuntimes();
  const tabOrder = useAppStore((state) => state.tabOrder);
  const runtimes = useMemo(
    () => [...runtimeMap.values()].sort((a, b) => tabOrder.indexOf(a.account.id) - tabOrder.indexOf(b.account.id)),
    [runtimeMap, tabOrder],
  );
  return <DashboardBody tabId={allDomainsTabId} runtimes={runtimes} scope={{ kind: 'all' }} title={t('title.all')} />;
}

function DashboardBody({
  tabId,
  runtimes,
  scope,
  title,
  scopePicker,
  customerName,
}: {
  tabId: string;
  runtimes: readonly AccountRuntime[];
  scope: DashboardScope;
  title: string;
  scopePicker?: React.ReactNode;
  customerName?: string | undefined;
}): React.JSX.Element {
  const { t, i18n } = useTranslation('dashboard');
  const prefs = useDashboardPrefs(tabId);
  const agency = useAgency();
  const palette = useChartPalette();
  const state = useDashboard(runtimes, scope, prefs, agency.data);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- once per app run, with the first palette
  useEffect(() => prewarmCharts(queueChartJob, warmUpOptions(palette, appFont())), []);
  const [reportOpen, setReportOpen] = useState(false);
  const [drillError, setDrillError] = useState<string>();
  const setPrefs = useDashboardPrefsStore((s) => s.set);
  const { model, input } = state;
  const specs = useMemo(
    () => (model ? chartSpecs(model, { t, language: i18n.language, timeZone: input?.timeZone ?? agentTimeZone(), palette }) : []),
    [model, input, t, i18n.language, palette],
  );
  const drill = useCallback(
    (key: string, label: string) => {
      if (!input) return;
      openDrill(tabId, input, key, label).catch((error: unknown) => setDrillError(String(error)));
    },
    [tabId, input],
  );
  // "Ready" once every chart of this model is painted (the e2e waits on it).
  const chartsReady = useChartsReady(specs);

  return (
    <section
      className="dashboard"
      aria-labelledby="dashboard-title"
      data-testid="dashboard"
      data-ready={model !== undefined && !state.stale && chartsReady}
      aria-busy={state.stale || undefined}
    >
      <header className="dashboard-header">
        <h2 id="dashboard-title">{title}</h2>
        <div className="dashboard-controls">
          {scopePicker}
          <PeriodPicker
            value={prefs.period}
            compare={prefs.compare}
            onChange={(period) => setPrefs(tabId, { period })}
            onCompare={(compare) => setPrefs(tabId, { compare })}
          />
          {scope.kind === 'customer' && (
            <button
              type="button"
              className="button primary"
              data-testid="open-report"
              onClick={() => setReportOpen(true)}
              disabled={!input}
            >
              {t('report.open')}
            </button>
          )}
        </div>
      </header>
      {state.error && (
        <p role="alert" className="error-banner">
          {t('status.error', { message: state.error })}
        </p>
      )}
      {drillError && (
        <p role="alert" className="error-banner">
          {drillError}
        </p>
      )}
      {state.loading && !model && (
        <p className="muted" role="status" aria-busy="true" data-testid="dashboard-loading">
          {t('status.loading')}
        </p>
      )}
      {model && (
        <>
          <p className="muted dashboard-meta" data-testid="dashboard-meta">
            {t('status.summary', { count: model.caseCount, formatted: new Intl.NumberFormat(i18n.language).format(model.caseCount) })}
            {model.unmeasurable > 0 && input && (
              <>
                {' · '}
                <MissingThreads key={model.unmeasurable} input={input} count={model.unmeasurable} keyOfUnknown={model.kpiKeys.unknown} />
              </>
            )}
          </p>
          <KpiCards model={model} onDrill={drill} />
          <div className="chart-grid">
            {specs.map((spec) => (
              <ChartCard key={spec.id} spec={spec} palette={palette} onDrill={drill} height={spec.horizontal ? 280 : 240} />
            ))}
          </div>
        </>
      )}
      {reportOpen && input && scope.kind === 'customer' && (
        <CustomerReportDialog
          input={input}
          customerName={customerName ?? scope.customerId}
          tabId={tabId}
          onClose={() => setReportOpen(false)}
        />
      )}
    </section>
  );
}
