// Issue 19: the dashboard from the local replica, drill-downs to the list, and the customer
// report (PDF + CSV). The hand counts below read the sandbox's own records, not the app's.
import { promises as fs } from 'node:fs';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import type { SandboxHandle } from '../../electron/sandbox';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect, test } from './fixtures';
import { replica, screenshot, signInSandbox, type ReplicaRows } from './helpers';

const EMAIL = 'agent1@reseller-a.example';
const TARGET_MIN = { P0: 60, P1: 60, P2: 240, P3: 720, P4: 1440 } as const;

test.use({ appOptions: { sandbox: { seed: 'e2e-dashboard', cases: 2400 }, viewport: { width: 1440, height: 1500 } } });

async function invoke<T>(page: Page, channel: string, request: unknown): Promise<T> {
  return page.evaluate(
    async ({ channel, request }) => {
      const bridge = (
        window as unknown as { consoleBridge: { invoke: (c: string, r: unknown) => Promise<{ ok: boolean; value: unknown }> } }
      ).consoleBridge;
      const result = await bridge.invoke(channel, request);
      if (!result.ok) throw new Error(JSON.stringify(result));
      return result.value;
    },
    { channel, request },
  ) as Promise<T>;
}

/** Local midnight `daysBack` days before today, in this machine's zone (the browser's too). */
function localMidnight(daysBack: number): number {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - daysBack).getTime();
}

interface HandCount {
  readonly met: string[];
  readonly missed: string[];
}

/** SLA results of one customer's cases opened in the last 90 days, from the sandbox's data, under a 24×7 plan. */
function handCount(sandbox: SandboxHandle, names: readonly string[]): HandCount {
  const start = localMidnight(89);
  const now = Date.now();
  const result: HandCount = { met: [], missed: [] };
  for (const name of names) {
    const c = sandbox.admin.getCase(name)!;
    const created = Date.parse(c.createTime!);
    if (created < start || created > now) continue;
    const target = TARGET_MIN[c.priority as keyof typeof TARGET_MIN] * 60_000;
    const replies = sandbox.admin
      .listAllComments(name)
      .filter((comment) => comment.creator?.googleSupport)
      .map((comment) => Date.parse(comment.createTime!))
      .filter((at) => at >= created)
      .sort((a, b) => a - b);
    let answeredAt = replies[0];
    // Google acted without a comment we can see: the state moved on; its last update is the answer.
    if (answeredAt === undefined && ['ACTION_REQUIRED', 'SOLUTION_PROVIDED', 'CLOSED'].includes(c.state!))
      answeredAt = Date.parse(c.updateTime!);
    if (answeredAt !== undefined) (answeredAt - created <= target ? result.met : result.missed).push(name);
    else if (now - created >= target) result.missed.push(name);
  }
  return result;
}

/** The first sync is paged: wait until it finished and the replica stopped growing. */
async function fullySynced(page: Page): Promise<ReplicaRows> {
  let previous = -1;
  let rows: ReplicaRows | undefined;
  await expect
    .poll(
      async () => {
        const statuses = await invoke<Array<{ syncing: boolean; lastSyncedAt?: string }>>(page, 'sync.statuses', {});
        rows = await replica(page);
        const count = rows?.cases.length ?? 0;
        const settled = statuses.every((s) => !s.syncing && s.lastSyncedAt) && count > 0 && count === previous;
        previous = count;
        return settled;
      },
      { timeout: 120_000, intervals: [1_000, 2_000] },
    )
    .toBe(true);
  return rows!;
}

async function openCustomerDashboard(page: Page, customerName: string): Promise<void> {
  await page.getByTestId('view-dashboard').click();
  await page.getByTestId('dashboard-scope').selectOption({ label: customerName });
  await page.getByTestId('period-select').selectOption('last-90');
  await expect(page.getByRole('heading', { name: `Dashboard: ${customerName}` })).toBeVisible();
  await expect(page.locator('[data-testid="dashboard"][data-ready="true"]')).toBeVisible({ timeout: 60_000 });
}

async function listedCaseNames(page: Page, expected: number): Promise<string[]> {
  await expect(page.getByTestId('drill-banner')).toHaveAttribute('data-count', String(expected));
  await expect(page.getByTestId('list-count')).toHaveAttribute('data-total', String(expected));
  return page
    .locator('[data-testid="case-list"] [role="row"][data-case]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-case') ?? ''));
}

test.describe.configure({ timeout: 240_000 });

test('one customer’s dashboard shows the attainment of a hand count; clicking a bar lists exactly its cases; the report exports PDF and CSV', async ({
  app,
}) => {
  await signInSandbox(app, EMAIL);
  const page = app.page;
  const rows = await fullySynced(page);
  // The customer with the most cases opened in the period.
  const start = localMidnight(89);
  const counts = new Map<string, number>();
  for (const c of rows.cases)
    if (Date.parse(app.harness.sandbox!.admin.getCase(c.name)?.createTime ?? '') >= start)
      counts.set(c.customerId, (counts.get(c.customerId) ?? 0) + 1);
  const customerId = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const customer = rows.customers.find((c) => c.customerId === customerId)!;
  const mine = rows.cases.filter((c) => c.customerId === customerId);

  // The agency's plan for this customer: 24×7, targets per priority, updates never the limit.
  await invoke(page, 'agency.savePlan', {
    plan: {
      id: 'e2e-24x7',
      name: 'E2E 24×7',
      coverage: { kind: '24x7' },
      targets: Object.fromEntries(
        ['P1', 'P2', 'P3', 'P4'].map((p) => [p, { firstResponseMinutes: TARGET_MIN[p as 'P1'], updateMinutes: 129_600 }]),
      ),
    },
  });
  await invoke(page, 'agency.setCustomer', { customerId, planId: 'e2e-24x7' });

  const expected = handCount(
    app.harness.sandbox!,
    mine.map((c) => c.name),
  );
  expect(expected.met.length + expected.missed.length, 'the customer has measured cases in the period').toBeGreaterThan(3);
  await openCustomerDashboard(page, customer.displayName);
  const rate = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(
    expected.met.length / (expected.met.length + expected.missed.length),
  );
  // Old closed cases have no thread on this computer yet: load them (online), as an agent would before a review.
  const loadThreads = page.getByTestId('load-threads');
  if (await loadThreads.isVisible()) {
    await loadThreads.click();
    await expect(page.getByTestId('dashboard-meta')).not.toContainText('without a synced thread', { timeout: 60_000 });
  }
  await expect(page.getByTestId('kpi-attainment')).toHaveText(rate);
  const table = page.getByTestId('chart-attainment-customer');
  await table.locator('summary').click();
  const row = table.locator('tbody tr', { hasText: customer.displayName });
  await expect(row.locator('td').nth(0)).toHaveText(String(expected.met.length));
  await expect(row.locator('td').nth(1)).toHaveText(String(expected.missed.length));

  // Click the "missed" bar of the chart itself, where ECharts drew it.
  const canvas = page.getByTestId('canvas-attainment-customer');
  const bars = JSON.parse((await canvas.getAttribute('data-bars')) ?? '[]') as Array<{ key: string; x: number; y: number }>;
  const missedBar = bars.find((bar) => bar.key.endsWith('|missed'))!;
  await canvas.click({ position: { x: missedBar.x, y: missedBar.y } });
  expect((await listedCaseNames(page, expected.missed.length)).sort()).toEqual([...expected.missed].sort());

  // The customer report: PDF with the customer's name and no other customer's case numbers; CSV rows = the list.
  await page.getByTestId('drill-back').click();
  await expect(page.locator('[data-testid="dashboard"][data-ready="true"]')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('open-report').click();
  const dialog = page.getByTestId('report-dialog');
  await expect(dialog.getByTestId('report-customer')).toContainText(customer.displayName);
  await dialog.getByTestId('report-pdf').click();
  const status = dialog.getByTestId('report-status');
  await expect(status).toHaveAttribute('data-path', /\.pdf$/, { timeout: 60_000 });
  const pdfPath = (await status.getAttribute('data-path'))!;
  const pages = Number(await status.getAttribute('data-pages'));
  const pdf = await getDocumentProxy(new Uint8Array(await fs.readFile(pdfPath)));
  // Main counts the pages of what it printed; pdf.js reads the same number back.
  expect(pdf.numPages).toBeGreaterThanOrEqual(1);
  expect(pdf.numPages).toBe(pages);
  await screenshot(app, 'customer-report');
  const { text } = await extractText(pdf, { mergePages: true });
  expect(text).toContain(customer.displayName);
  const others = rows.cases.filter((c) => c.customerId !== customerId).map((c) => c.caseNumber);
  expect(others.filter((number) => text.includes(number))).toEqual([]);
  for (const c of mine.filter((m) => Date.parse(app.harness.sandbox!.admin.getCase(m.name)!.createTime!) >= start).slice(0, 3))
    expect(text).toContain(c.caseNumber);

  await dialog.getByTestId('report-csv').click();
  await expect(status).toHaveAttribute('data-path', /\.csv$/, { timeout: 30_000 });
  const csvPath = (await status.getAttribute('data-path'))!;
  const csv = Papa.parse<string[]>((await fs.readFile(csvPath, 'utf8')).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  expect(csv[0]?.[0]).toBe('Case');
  const csvNumbers = csv.slice(1).map((r) => r[0] ?? '');
  await dialog.getByTestId('report-list').click();
  const listed = await listedCaseNames(page, csvNumbers.length);
  expect(listed.map((name) => name.split('/').pop()).sort()).toEqual([...csvNumbers].sort());
});

test('dashboard screenshots: light, dark, zh-TW and fr', async ({ app }) => {
  await signInSandbox(app, EMAIL);
  const page = app.page;
  await page.setViewportSize({ width: 1440, height: 900 });
  await fullySynced(page);
  await page.getByTestId('view-dashboard').click();
  const ready = page.locator('[data-testid="dashboard"][data-ready="true"]');
  await expect(ready).toBeVisible({ timeout: 60_000 });
  await invoke(page, 'settings.set', { theme: 'light' });
  await screenshot(app, 'dashboard-light');
  await invoke(page, 'settings.set', { theme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(ready).toBeVisible();
  await screenshot(app, 'dashboard-dark');
  await invoke(page, 'settings.set', { theme: 'light', language: 'zh-TW' });
  await expect(page.getByTestId('view-dashboard')).toHaveText('資訊主頁');
  await expect(ready).toBeVisible();
  await screenshot(app, 'dashboard-zh-TW');
  await invoke(page, 'settings.set', { language: 'fr' });
  await expect(page.getByTestId('view-dashboard')).toHaveText('Tableau de bord');
  await expect(ready).toBeVisible();
  await screenshot(app, 'dashboard-fr');
});
