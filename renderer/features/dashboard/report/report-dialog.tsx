import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { REPORT_LANGUAGES, type ReportLanguage } from '../../../../shared/domain';
import { useAccountRuntime } from '../../../app/runtime-context';
import { matchUiLanguage } from '../../../i18n';
import { getBridgeClient } from '../../../platform';
import { useAgency } from '../../sla-plans';
import { useChartPalette } from '../charts/palette';
import { chartsSettled } from '../charts/render-queue';
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
  const [data, setData] = useState<{ report: CustomerReport; model: DashboardModel }>();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [ready, setReady] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const customerId = input.scope.kind === 'customer' ? input.scope.customerId : '';
  const agentLanguage = matchUiLanguage(i18n.language);
  const customerLanguage: ReportLanguage =
    agency.customer(customerId)?.reportLanguage ?? matchUiLanguage(data?.report.languageCodes[0] ?? agentLanguage);
  const [language, setLanguage] = useState<ReportLanguage>(agentLanguage);
  const reportI18n = useMemo(() => {
    const clone = i18n.cloneInstance({ lng: language });
    void clone.changeLanguage(language);
    return clone;
  }, [i18n, language]);

  useEffect(() => {
    let cancelled = false;
    const client = dashboardClient();
    Promise.all([client.report(input), client.compute(input)]).then(
      ([report, model]) => !cancelled && setData({ report, model }),
      (error: unknown) => !cancelled && setStatus({ kind: 'error', text: String(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [input]);

  const specs = useMemo(() => {
    if (!data) return [];
    const all = chartSpecs(data.model, { t: reportI18n.getFixedT(language, 'dashboard'), language, timeZone: input.timeZone, palette });
    return all.filter((spec) => spec.id === 'volume' || spec.id === 'attainment-priority');
  }, [data, reportI18n, language, input.timeZone, palette]);

  useEffect(() => {
    setReady(false);
    let cancelled = false;
    void chartsSettled().then(() => !cancelled && setReady(true));
    return () => {
      cancelled = true;
    };
  }, [specs]);

  useEffect(() => {
    dialog.current?.focus();
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const run = async (work: () => Promise<{ saved: boolean; path?: string | undefined; pages?: number }>): Promise<void> => {
    setStatus({ kind: 'busy' });
    try {
      const saved = await work();
      const text =
        saved.pages === undefined
          ? t('report.saved', { path: saved.path ?? '' })
          : t('report.savedPdf', { path: saved.path ?? '', count: saved.pages });
      setStatus(saved.saved ? { kind: 'saved', text, path: saved.path ?? '', pages: saved.pages } : { kind: 'idle' });
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };
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
          <label className="inline-field">
            {t('report.language')}
            <select data-testid="report-language" value={language} onChange={(e) => setLanguage(e.target.value as ReportLanguage)}>
              <option value={agentLanguage}>
                {t('report.agentLanguage', { language: t(`common:settings.languages.${agentLanguage}`) })}
              </option>
              {customerLanguage !== agentLanguage && (
                <option value={customerLanguage}>
                  {t('report.customerLanguage', { language: t(`common:settings.languages.${customerLanguage}`) })}
                </option>
              )}
              {REPORT_LANGUAGES.filter((l) => l !== agentLanguage && l !== customerLanguage).map((l) => (
                <option key={l} value={l}>
                  {t(`common:settings.languages.${l}`)}
                </option>
              ))}
            </select>
          </label>
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
          <p
            role="status"
            className={status.kind === 'error' ? 'error-text' : 'muted'}
            data-testid="report-status"
            data-path={status.kind === 'saved' ? status.path : undefined}
            data-pages={status.kind === 'saved' ? status.pages : undefined}
          >
            {status.kind === 'busy' ? t('report.busy') : status.kind === 'saved' || status.kind === 'error' ? status.text : ''}
          </p>
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
