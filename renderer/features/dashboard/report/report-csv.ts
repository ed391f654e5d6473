import type { TFunction } from 'i18next';
import Papa from 'papaparse';
import type { CustomerReport } from '../model/types';

/** The report's case table as CSV, headers and values in the report's language; formula-like cells are escaped. */
export function reportCsv(report: CustomerReport, t: TFunction, language: string, timeZone: string): string {
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const at = (ms: number | undefined): string => (ms === undefined || !Number.isFinite(ms) ? '' : date.format(ms));
  const fields = [
    'case',
    'title',
    'priority',
    'state',
    'category',
    'created',
    'firstResponse',
    'target',
    'firstResponseResult',
    'updates',
    'closed',
    'escalated',
  ].map((column) => t(`dashboard:report.columns.${column}`));
  const data = report.rows.map((row) => [
    row.caseNumber,
    row.title,
    row.priority,
    t(`common:caseState.${row.state}`),
    row.category,
    at(row.createTimeMs),
    at(row.firstResponseMs === undefined ? undefined : row.createTimeMs + row.firstResponseMs),
    at(row.firstResponseTargetMs),
    t(`dashboard:report.outcome.${row.firstResponse}`),
    t(`dashboard:report.updates.${row.updates}`),
    at(row.resolvedMs),
    row.escalated ? t('dashboard:report.yes') : '',
  ]);
  return Papa.unparse({ fields, data }, { escapeFormulae: true });
}
