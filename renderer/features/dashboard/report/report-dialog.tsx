import { useEffect, useMemo, useRef, useState } from 'react';
import type { i18n } from 'i18next';
import { createPortal } from 'react-dom';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { REPORT_LANGUAGES, type ReportLanguage } from '../../../../shared/domain';
import { useAccountRuntime } from '../../../runtime/runtime-context';
import { matchUiLanguage } from '../../../i18n';
import { getBridgeClient } from '../../../platform';
import { useAgency } from '../../sla-plans';
import { useChartPalette } from '../charts/palette';
import { useChartsReady } from '../charts/use-charts-ready';
import { chartSpecs } from '../charts/specs';
import { dashboardClient } from '../dashboard-client';
import { openDrill } from '../drill';
import type { CustomerReport, DashboardInput, DashboardModel } from '../model/types';
import { reportCsv } from './report-csv';
import { ReportDocument } from './report-document';
import './report.css';

type Status =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'saved'; text: string; path: string; pages: number | undefined }
  | { kind: 'error'; text: string };

function fileStem(customerName: string, input: DashboardInput): string {
  const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
  return `Service review ${customerName} ${day(input.period.startMs)} to ${day(input.period.endMs - 1)}`;
}

/** The report's rows and figures from the worker (one customer's only). */
function useReportData(input: DashboardInput): {
  data: { report: CustomerReport; model: DashboardModel } | undefined;
  error: string | undefined;
} {
  const [data, setData] = useState<{ report: CustomerReport; model: DashboardModel }>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let cancelled = false;
    const client = dashboardClient();
    Promise.all([client.report(input), client.compute(input)]).then(
      ([report, model]) => !cancelled && setData({ report, model }),
      (reason: unknown) => !cancelled && setError(String(reason)),
    );
    return () => {
      cancelled = true;
    };
  }, [input]);
  return { data, error };
}

/** An i18next instance in the report's language (the app's own stays as it is). */
function useReportI18n(language: ReportLanguage): i18n {
  const { i18n: app } = useTranslation('dashboard');
  return useMemo(() => {
    const clone = app.cloneInstance({ lng: language });
    void clone.changeLanguage(language);
    return clone;
  }, [app, language]);
}

type Saved = { saved: boolean; path?: string | undefined; pages?: number };

/** Runs an export and turns its answer into the status line ("Saved to …", page count, or the error). */
function useSaveRunner(setStatus: (status: Status) => void): (work: () => Promise<Saved>) => Promise<void> {
  const { t } = useTranslation('dashboard');
  return async (work) => {
    setStatus({ kind: 'busy' });
    try {
      const saved = await work();
      const path = saved.path ?? '';
      const text = saved.pages === undefined ? t('report.saved', { path }) : t('report.savedPdf', { path, count: saved.pages });
      setStatus(saved.saved ? { kind: 'saved', text, path, pages: saved.pages } : { kind: 'idle' });
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };
}

/** Closes on Escape and takes the focus when opened. */
function useDialogFocus(onClose: () => void): React.RefObject<HTMLDivElement | null> {
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    dialog.current?.focus();
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return dialog;
}

/**
 * A customer's service review for the dashboard's period, in the agent's or the customer's
 * language, exported as PDF (main prints this page: print CSS shows only the report) or CSV.
 */
export function CustomerReportDialog({
  input,
  customerName,
  tabId,
  onClose,
}: {
  input: DashboardInput;
  customerName: string;
  tabId: string;
  onClose: () => void;
}): React.JSX.Element {
  const { t, i18n } = useTranslation('dashboard');
  const runtime = useAccountRuntime();
  const agency = useAgency();
  const palette = useChartPalette();
  const { data, error } = useReportData(input);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const dialog = useDialogFocus(onClose);
  const customerId = input.scope.kind === 'customer' ? input.scope.customerId : '';
  const agentLanguage = matchUiLanguage(i18n.language);
  const customerLanguage: ReportLanguage =
    agency.customer(customerId)?.reportLanguage ?? matchUiLanguage(data?.report.languageCodes[0] ?? agentLanguage);
  const [language, setLanguage] = useState<ReportLanguage>(agentLanguage);
  const reportI18n = useReportI18n(language);

  const specs = useMemo(() => {
    if (!data) return [];
    const all = chartSpecs(data.model, { t: reportI18n.getFixedT(language, 'dashboard'), language, timeZone: input.timeZone, palette });
    return all.filter((spec) => spec.id === 'volume' || spec.id === 'attainment-priority');
  }, [data, reportI18n, language, input.timeZone, palette]);

  const ready = useChartsReady(specs);

  const run = useSaveRunner(setStatus);
  const stem = fileStem(customerName, input);
  const exportPdf = (): Promise<void> => run(() => getBridgeClient().invoke('reports.savePdf', { suggestedName: `${stem}.pdf` }));
  const exportCsv = (): Promise<void> =>
    run(async () =>
      data
        ? getBridgeClient().invoke('reports.saveCsv', {
            suggestedName: `${stem}.csv`,
            text: reportCsv(data.report, reportI18n.getFixedT(language, 'dashboard'), language, input.timeZone),
          })
        : { saved: false },
    );
  const openList = (): void => {
    void openDrill(tabId, input, data?.model.kpiKeys.created ?? 'kpi|created|', t('report.listLabel', { name: customerName }));
    onClose();
  };

  return createPortal(
    <div className="report-overlay" id="report-print-root">
      <div
        className="report-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="report-dialog-title"
        tabIndex={-1}
        ref={dialog}
        data-testid="report-dialog"
      >
        <div className="report-toolbar" style={{ borderTopColor: runtime.account.color }}>
          <h2 id="report-dialog-title">{t('report.title', { name: customerName })}</h2>
          <ReportLanguagePicker value={language} onChange={setLanguage} agent={agentLanguage} customer={customerLanguage} />
          <button
            type="button"
            className="button primary"
            data-testid="report-pdf"
            disabled={!ready || !data || status.kind === 'busy'}
            onClick={() => void exportPdf()}
          >
            {t('report.exportPdf')}
          </button>
          <button
            type="button"
            className="button"
            data-testid="report-csv"
            disabled={!data || status.kind === 'busy'}
            onClick={() => void exportCsv()}
          >
            {t('report.exportCsv')}
          </button>
          <button type="button" className="button" data-testid="report-list" disabled={!data} onClick={openList}>
            {t('report.openList')}
          </button>
          <button type="button" className="button" onClick={onClose} data-testid="report-close">
            {t('report.close')}
          </button>
          <ReportStatus status={error ? { kind: 'error', text: error } : status} />
        </div>
        {data ? (
          <I18nextProvider i18n={reportI18n}>
            <ReportDocument
              report={data.report}
              model={data.model}
              specs={specs}
              input={input}
              palette={palette}
              domain={runtime.account.domain}
            />
          </I18nextProvider>
        ) : (
          <p className="muted" aria-busy="true">
            {t('status.loading')}
          </p>
        )}
      </div>
    </div>,
    document.body,
  );
}

function ReportLanguagePicker({
  value,
  onChange,
  agent,
  customer,
}: {
  value: ReportLanguage;
  onChange: (language: ReportLanguage) => void;
  agent: ReportLanguage;
  customer: ReportLanguage;
}): React.JSX.Element {
  const { t } = useTranslation('dashboard');
  const name = (language: ReportLanguage): string => t(`common:settings.languages.${language}`);
  return (
    <label className="inline-field">
      {t('report.language')}
      <select data-testid="report-language" value={value} onChange={(e) => onChange(e.target.value as ReportLanguage)}>
        <option value={agent}>{t('report.agentLanguage', { language: name(agent) })}</option>
        {customer !== agent && <option value={customer}>{t('report.customerLanguage', { language: name(customer) })}</option>}
        {REPORT_LANGUAGES.filter((l) => l !== agent && l !== customer).map((l) => (
          <option key={l} value={l}>
            {name(l)}
          </option>
        ))}
      </select>
    </label>
  );
}

function ReportStatus({ status }: { status: Status }): React.JSX.Element {
  const { t } = useTranslation('dashboard');
  return (
    <p
      role="status"
      className={status.kind === 'error' ? 'error-text' : 'muted'}
      data-testid="report-status"
      data-path={status.kind === 'saved' ? status.path : undefined}
      data-pages={status.kind === 'saved' ? status.pages : undefined}
    >
      {status.kind === 'busy' ? t('report.busy') : status.kind === 'saved' || status.kind === 'error' ? status.text : ''}
    </p>
  );
}
