import Papa from 'papaparse';
import { SELECTABLE_PRIORITIES, type AgencyCustomer, type AgencyData, type SlaPlan } from '../../../shared/domain';
import { agencyCustomerSchema, slaPlanSchema, type CsvProblem } from '../../../shared/ipc/agency';

// The agency's plans and customers as CSV files a spreadsheet opens and writes back: one
// row per plan / per customer, human-readable times ("09:00", "Mon Tue Wed Thu Fri").
// Export escapes cells a spreadsheet would run as a formula; import checks every row
// with the same schema as the bridge and reports each bad row by its line.

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

const planColumns = [
  'id',
  'name',
  'coverage',
  'time_zone',
  'weekdays',
  'opens',
  'closes',
  'holidays',
  ...SELECTABLE_PRIORITIES.flatMap((p) => [`${p.toLowerCase()}_first_response_min`, `${p.toLowerCase()}_update_min`]),
  'default',
] as const;

const customerColumns = [
  'customer_id',
  'customer_domain',
  'customer_name',
  'plan_id',
  'google_support_offering',
  'report_language',
] as const;

function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

function unparse(fields: readonly string[], rows: Array<Record<string, string | number>>): string {
  return Papa.unparse({ fields: [...fields], data: rows.map((row) => fields.map((field) => row[field] ?? '')) }, { escapeFormulae: true });
}

export function plansToCsv(data: AgencyData): string {
  const rows = data.plans.map((plan) => {
    const row: Record<string, string | number> = { id: plan.id, name: plan.name, coverage: plan.coverage.kind };
    if (plan.coverage.kind === 'business_hours') {
      row.time_zone = plan.coverage.timeZone ?? '';
      row.weekdays = plan.coverage.weekdays.map((d) => WEEKDAYS[d]).join(' ');
      row.opens = hhmm(plan.coverage.openMinute);
      row.closes = hhmm(plan.coverage.closeMinute);
      row.holidays = (plan.coverage.holidays ?? []).join(' ');
    }
    for (const p of SELECTABLE_PRIORITIES) {
      row[`${p.toLowerCase()}_first_response_min`] = plan.targets[p].firstResponseMinutes;
      row[`${p.toLowerCase()}_update_min`] = plan.targets[p].updateMinutes;
    }
    row.default = plan.id === data.defaultPlanId ? 'yes' : '';
    return row;
  });
  return unparse(planColumns, rows);
}

export function customersToCsv(data: AgencyData): string {
  return unparse(
    customerColumns,
    data.customers.map((c) => ({
      customer_id: c.customerId,
      customer_domain: c.customerDomain ?? '',
      customer_name: c.displayName ?? '',
      plan_id: c.planId ?? '',
      google_support_offering: c.offering ?? '',
      report_language: c.reportLanguage ?? '',
    })),
  );
}

type CsvRow = Record<string, string | undefined>;

/** Rows with their 1-based line numbers; the header is line 1. A formula-escaping quote is undone. */
function parseRows(text: string): { rows: Array<{ line: number; row: CsvRow }>; problems: CsvProblem[]; fields: string[] } {
  const parsed = Papa.parse<CsvRow>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
    transform: (value) => value.trim().replace(/^'(?=[=+\-@\t\r])/, ''),
  });
  const problems: CsvProblem[] = parsed.errors.map((e) => ({ line: (e.row ?? 0) + 2, message: e.message }));
  return { rows: parsed.data.map((row, index) => ({ line: index + 2, row })), problems, fields: parsed.meta.fields ?? [] };
}

function minuteOf(text: string | undefined): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text ?? '');
  return m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
}

function weekdaysOf(text: string | undefined): number[] {
  return (text ?? '')
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((word) => WEEKDAYS.findIndex((d) => d.toLowerCase() === word.slice(0, 3).toLowerCase()));
}

function issueText(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'row'}: ${issue.message}`).join('; ');
}

function missingColumns(fields: readonly string[], required: readonly string[]): string[] {
  return required.filter((column) => !fields.includes(column));
}

export interface ParsedPlans {
  readonly plans: Array<{ plan: SlaPlan; isDefault: boolean }>;
  readonly problems: CsvProblem[];
}

export function plansFromCsv(text: string): ParsedPlans {
  const { rows, problems, fields } = parseRows(text);
  const missing = missingColumns(fields, ['id', 'name', 'coverage', ...planColumns.filter((c) => c.endsWith('_min'))]);
  if (missing.length > 0) return { plans: [], problems: [{ line: 1, message: `missing columns: ${missing.join(', ')}` }] };
  const plans: ParsedPlans['plans'] = [];
  for (const { line, row } of rows) {
    const coverage =
      row.coverage === 'business_hours'
        ? {
            kind: 'business_hours',
            weekdays: weekdaysOf(row.weekdays),
            openMinute: minuteOf(row.opens),
            closeMinute: minuteOf(row.closes),
            holidays: (row.holidays ?? '').split(/[\s,;]+/).filter(Boolean),
            ...(row.time_zone ? { timeZone: row.time_zone } : {}),
          }
        : { kind: row.coverage };
    const targets = Object.fromEntries(
      SELECTABLE_PRIORITIES.map((p) => [
        p,
        {
          firstResponseMinutes: Number(row[`${p.toLowerCase()}_first_response_min`]),
          updateMinutes: Number(row[`${p.toLowerCase()}_update_min`]),
        },
      ]),
    );
    const result = slaPlanSchema.safeParse({ id: row.id, name: row.name, coverage, targets });
    if (result.success) plans.push({ plan: result.data, isDefault: /^(yes|true|1|x)$/i.test(row.default ?? '') });
    else problems.push({ line, message: issueText(result.error) });
  }
  return { plans, problems };
}

export interface ParsedCustomers {
  readonly customers: AgencyCustomer[];
  readonly problems: CsvProblem[];
}

export function customersFromCsv(text: string, planIds: ReadonlySet<string>): ParsedCustomers {
  const { rows, problems, fields } = parseRows(text);
  const missing = missingColumns(fields, ['customer_id']);
  if (missing.length > 0) return { customers: [], problems: [{ line: 1, message: `missing columns: ${missing.join(', ')}` }] };
  const customers: AgencyCustomer[] = [];
  for (const { line, row } of rows) {
    const candidate = {
      customerId: row.customer_id,
      ...(row.customer_domain ? { customerDomain: row.customer_domain } : {}),
      ...(row.customer_name ? { displayName: row.customer_name } : {}),
      ...(row.plan_id ? { planId: row.plan_id } : {}),
      ...(row.google_support_offering ? { offering: row.google_support_offering.toLowerCase() } : {}),
      ...(row.report_language ? { reportLanguage: row.report_language } : {}),
    };
    const result = agencyCustomerSchema.safeParse(candidate);
    if (!result.success) problems.push({ line, message: issueText(result.error) });
    else if (result.data.planId !== undefined && !planIds.has(result.data.planId))
      problems.push({ line, message: `plan_id: no plan "${result.data.planId}"` });
    else customers.push(result.data);
  }
  return { customers, problems };
}
