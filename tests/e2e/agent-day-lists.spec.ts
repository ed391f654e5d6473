import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { collectRows, listTotal, replicaWith, signInSandbox } from './helpers';

// Issue 17: an agent's day — my work first, search that finds (both Chinese scripts,
// highlighting, the palette across domains, categories by their everyday names).

const me = 'agent1@reseller-a.example';
const domainB = 'apac.reseller-a.example';

interface CaseRow {
  name: string;
  caseNumber: string;
  displayName: string;
  state: string;
  creatorEmail?: string;
  subscriberEmails: string[];
}

async function allCases(page: Page): Promise<CaseRow[]> {
  const rows = await replicaWith(page, (r) => r.cases.length > 0);
  return rows.cases as unknown as CaseRow[];
}

async function waitForSyncedList(page: Page): Promise<void> {
  await expect(page.getByTestId('list-count')).toHaveAttribute('data-hydrated', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('last-synced')).toContainText(/Synced/, { timeout: 30_000 });
}

test('the default view is my open cases; "Needs my reply" is exactly where Google spoke last or asked for action', async ({ app }) => {
  test.setTimeout(120_000);
  const sandbox = app.harness.sandbox!;
  const page = app.page;
  await signInSandbox(app, me);
  await waitForSyncedList(page);
  const cases = await allCases(page);
  const mineOpen = cases
    .filter((c) => c.state !== 'CLOSED' && (c.creatorEmail === me || c.subscriberEmails.includes(me)))
    .map((c) => c.name)
    .sort();
  expect(mineOpen.length, 'the demo data has open cases of mine').toBeGreaterThan(0);
  expect(mineOpen.length).toBeLessThan(cases.filter((c) => c.state !== 'CLOSED').length);

  await expect(page.getByTestId('case-view-mine')).toHaveAttribute('aria-current', 'true');
  await expect.poll(() => listTotal(page)).toBe(mineOpen.length);
  expect([...(await collectRows(page)).keys()].sort()).toEqual(mineOpen);
  await expect(page.getByTestId('case-view-mine')).toContainText(String(mineOpen.length));

  // Google spoke last (the server's own thread), or the case waits for the agent.
  const expected: string[] = [];
  for (const c of cases.filter((candidate) => candidate.state !== 'CLOSED')) {
    const comments = sandbox.admin.listAllComments(c.name).sort((a, b) => Date.parse(a.createTime ?? '') - Date.parse(b.createTime ?? ''));
    if (c.state === 'ACTION_REQUIRED' || comments.at(-1)?.creator?.googleSupport === true) expected.push(c.name);
  }
  expect(expected.length).toBeGreaterThan(0);
  await page.getByTestId('case-view-needs-reply').click();
  await expect(page.getByTestId('case-view-needs-reply')).toHaveAttribute('aria-current', 'true');
  await expect.poll(() => listTotal(page)).toBe(expected.length);
  expect([...(await collectRows(page)).keys()].sort()).toEqual(expected.sort());

  // Taking a case puts it in Mine (on this workstation only).
  const other = cases.find((c) => c.state !== 'CLOSED' && !mineOpen.includes(c.name));
  expect(other).toBeDefined();
  await page.getByTestId('case-view-all').click();
  await page.getByTestId('filter-keyword').fill(other!.caseNumber);
  await page.locator(`[role="row"][data-case="${other!.name}"]`).click();
  await page.getByTestId('action-take').click();
  await expect(page.getByTestId('action-take')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('case-view-mine').click();
  await expect.poll(() => listTotal(page)).toBe(mineOpen.length + 1);
});

test('郵件 and 邮件 find the same cases, highlighted; the palette finds a case of another domain by a word of its title', async ({
  app,
}) => {
  test.setTimeout(120_000);
  const page = app.page;
  await signInSandbox(app, me);
  await signInSandbox(app, `agent1@${domainB}`);
  await expect(page.getByTestId(`tab-${domainB}`)).toHaveAttribute('aria-selected', 'true');
  await waitForSyncedList(page);
  await page.getByTestId('case-view-all').click();

  const found = async (keyword: string): Promise<string[]> => {
    await page.getByTestId('filter-keyword').fill(keyword);
    await expect(page.getByTestId('list-count')).toHaveAttribute('data-hydrated', 'true');
    await expect.poll(() => listTotal(page)).toBeGreaterThan(0);
    return [...(await collectRows(page)).keys()].sort();
  };
  // Threads may still be arriving (their words are indexed too): compare once both answers are settled.
  let traditional: string[] = [];
  let simplified: string[] = [];
  await expect
    .poll(
      async () => {
        traditional = await found('郵件');
        simplified = await found('邮件');
        return traditional.length > 0 && JSON.stringify(simplified) === JSON.stringify(traditional);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  expect(simplified).toEqual(traditional);
  await expect(page.locator('[data-testid="case-list"] mark').first()).toBeVisible();
  // Both scripts are really among them (the demo domain files in zh-TW and zh-CN).
  const titles = await page.locator('[data-testid="case-list"] .title-text').allTextContents();
  expect(titles.some((title) => title.includes('郵件')) || titles.some((title) => title.includes('邮件'))).toBe(true);

  // From domain A's tab, a word of a title of domain B's case.
  const target = page.locator('[data-testid="case-list"] [data-case]').first();
  const name = (await target.getAttribute('data-case')) ?? '';
  const number = name.split('/').pop() ?? '';
  await page.getByTestId('tab-reseller-a.example').click();
  await page.keyboard.press('Control+k');
  await page.getByTestId('palette-input').fill('郵件');
  const option = page.getByRole('option', { name: new RegExp(`#${number}`) });
  await expect(option).toBeVisible();
  await expect(option.locator('mark').first()).toBeVisible();
  await option.click();
  await expect(page.getByTestId(`tab-${domainB}`)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: `#${number}` })).toHaveAttribute('aria-selected', 'true');
});

test('"courriel" finds the Gmail categories in the category filter', async ({ app }) => {
  test.setTimeout(90_000);
  const page = app.page;
  await signInSandbox(app, me);
  await waitForSyncedList(page);
  await page.getByTestId('filter-category').click();
  await page.getByTestId('filter-category-search').fill('courriel');
  const options = page.getByTestId('filter-category-options').getByRole('option');
  await expect(options.first()).toBeVisible();
  const labels = (await options.allTextContents()).map((text) => text.trim());
  expect(labels.length).toBeGreaterThanOrEqual(4);
  for (const label of labels) expect(label, label).toMatch(/Gmail$/);
  // Choosing them filters the list to Gmail cases.
  await options.first().click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('filter-category')).not.toContainText(/Any/);
});

test.describe('at 1440×900', () => {
  test.use({ appOptions: { viewport: { width: 1440, height: 900 } } });

  test('title, status and SLA stay legible in all five languages, with and without the detail pane', async ({ app }) => {
    test.setTimeout(120_000);
    const page = app.page;
    await signInSandbox(app, me);
    await waitForSyncedList(page);
    await page.getByTestId('case-view-all-open').click();
    /** Widths of the visible rows' cells, and whether a status or SLA text is cut. */
    const measure = () =>
      page.evaluate(() => {
        const rows = [...document.querySelectorAll<HTMLElement>('[data-testid="case-list"] [data-case]')].slice(0, 15);
        const cut = (selector: string): string[] =>
          rows.flatMap((row) => {
            const text = row.querySelector<HTMLElement>(`${selector} .ellipsis`);
            return text && text.scrollWidth > text.clientWidth + 1 ? [text.textContent ?? ''] : [];
          });
        return {
          titleWidth: Math.min(...rows.map((row) => row.querySelector<HTMLElement>('.cell.title')?.clientWidth ?? 0)),
          stateCut: cut('.cell.state'),
          slaCut: cut('.cell.sla'),
          slaShown: rows.filter((row) => (row.querySelector('.cell.sla')?.textContent ?? '') !== '').length,
        };
      });
    for (const language of ['en', 'zh-TW', 'zh-CN', 'id', 'fr']) {
      await page.evaluate(
        (language) =>
          (window as unknown as { consoleBridge: { invoke(c: string, r: unknown): Promise<unknown> } }).consoleBridge.invoke(
            'settings.set',
            {
              language,
            },
          ),
        language,
      );
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      // No case selected (Escape lets go of it): the list has the whole width.
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('detail-splitter')).toHaveCount(0);
      const wide = await measure();
      expect(wide.stateCut, `${language}: status`).toEqual([]);
      expect(wide.slaCut, `${language}: SLA`).toEqual([]);
      expect(wide.titleWidth, `${language}: title`).toBeGreaterThan(400);
      // A case open beside the list.
      await page.locator('[data-testid="case-list"] [data-case]').first().click();
      await expect(page.getByTestId('detail-splitter')).toBeVisible();
      const split = await measure();
      expect(split.stateCut, `${language}: status beside the detail`).toEqual([]);
      expect(split.slaCut, `${language}: SLA beside the detail`).toEqual([]);
      expect(split.titleWidth, `${language}: title beside the detail`).toBeGreaterThanOrEqual(240);
      expect(split.slaShown, 'some rows have a running SLA clock').toBeGreaterThan(0);
      await page.screenshot({ path: `test-results/screens/list-${language}.png` });
    }
  });
});
