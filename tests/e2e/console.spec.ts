import { choosePriority, chooseStates, collectRows, domainOfParent, listTotal, searchAsAgent, signInSandbox } from './helpers';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import type { SandboxHandle } from '../../electron/sandbox';

// The console's case lists against the sandbox: domain separation, filters equal to the
// server's own cases.search, restart restore, the all-domains queue and the palette.

const domainA = 'reseller-a.example';
// apac.reseller-a.example has cases in Chinese (world.ts LANGS_BY_DOMAIN).
const domainB = 'apac.reseller-a.example';
const screens = 'test-results/screens';
// The console folds Traditional into Simplified Chinese; the API does not: ask it for both scripts.
const chinese = '郵件';

/** Each filter on a domain tab lists exactly what the sandbox's cases.search returns for the same query. */
async function filtersEqualSearch(
  page: Page,
  sandbox: SandboxHandle,
  sandboxSearch: (domain: string, query: string) => Promise<Set<string>>,
): Promise<void> {
  await page.getByTestId(`tab-${domainA}`).click();
  const keyword = page.getByTestId('filter-keyword');
  const filterCases: Array<{
    label: string;
    apply: () => Promise<void>;
    queries: string[];
    domain?: string;
    keep?: (name: string) => boolean;
  }> = [
    // A trailing space finishes the word (no prefix match), as the API matches whole words.
    { label: 'English keyword', apply: () => keyword.fill('printer '), queries: ['printer'] },
    { label: 'Chinese keyword', apply: () => keyword.fill(chinese), queries: ['郵件', '邮件'], domain: domainB },
    {
      label: 'state',
      apply: () => chooseStates(page, ['ACTION_REQUIRED']),
      // Google's grammar knows only state=OPEN/CLOSED: a specific state is checked case by case.
      queries: ['state=OPEN'],
      keep: (name) => sandbox.admin.getCase(name)?.state === 'ACTION_REQUIRED',
    },
    {
      label: 'open + priority',
      apply: async () => {
        await chooseStates(page, 'open');
        await choosePriority(page, 'P2');
      },
      queries: ['state=OPEN priority=P2'],
    },
  ];
  for (const filter of filterCases) {
    const domain = filter.domain ?? domainA;
    await page.getByTestId(`tab-${domain}`).click();
    await page.getByTestId('case-view-all').click();
    await filter.apply();
    const expected = new Set<string>();
    for (const query of filter.queries)
      for (const name of await sandboxSearch(domain, query)) if (filter.keep?.(name) ?? true) expected.add(name);
    expect(expected.size, `${filter.label}: the demo data has matches`).toBeGreaterThan(0);
    await expect.poll(() => listTotal(page), { message: filter.label }).toBe(expected.size);
    const rows = await collectRows(page);
    expect([...rows.keys()].sort(), filter.label).toEqual([...expected].sort());
  }
}

test('case lists: domain separation, filters equal cases.search, restart restore, all-domains queue, palette', async ({ app }) => {
  test.setTimeout(180_000); // scrolls every row of two domains twice; slow on a loaded 2-core machine
  const sandbox = app.harness.sandbox;
  if (!sandbox) throw new Error('the harness sandbox is required');

  await signInSandbox(app, `agent1@${domainA}`);
  await signInSandbox(app, `agent1@${domainB}`);

  // Which reseller domain each case belongs to: its customer's organization (or project) is the case parent.
  const domainOfCase = domainOfParent(sandbox);
  /** The same query, asked of the sandbox as Google works: each readable customer organization's cases:search. */
  const sandboxSearch = (domain: string, query: string): Promise<Set<string>> => searchAsAgent(sandbox, `agent1@${domain}`, query);

  const page = app.page;
  const count = page.getByTestId('list-count');

  // Each domain tab lists all of its own cases and nothing else.
  for (const domain of [domainA, domainB]) {
    await page.getByTestId(`tab-${domain}`).click();
    await page.getByTestId('case-view-all').click();
    const expected = await sandboxSearch(domain, '');
    await expect(count).toHaveAttribute('data-hydrated', 'true');
    await expect.poll(() => listTotal(page), { timeout: 20_000 }).toBe(expected.size);
    const rows = await collectRows(page);
    expect(rows.size).toBe(expected.size);
    for (const name of rows.keys()) expect(domainOfCase(name), name).toBe(domain);
  }

  // Filters on domain A give exactly what the sandbox's cases.search returns for the same query.
  await filtersEqualSearch(page, sandbox, sandboxSearch);
  const keyword = page.getByTestId('filter-keyword');

  // Leave a filter and a selection in place, check the default order, then restart.
  await page.getByTestId(`tab-${domainB}`).click();
  await keyword.fill('');
  await page.getByTestId(`tab-${domainA}`).click();
  await page.getByTestId('case-view-all-open').click();
  await expect(page.locator('[data-testid="case-list"] [role="columnheader"][aria-sort="descending"]')).toHaveText(/Updated/);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  const selected = page.locator('[data-testid="case-list"] [aria-selected="true"]');
  await expect(selected).toHaveCount(1);
  const selectedName = await selected.getAttribute('data-case');
  // With the detail open the list is narrower: if the sorted column stepped aside, the title header says the order.
  await expect(
    page.locator('[data-testid="case-list"] [role="columnheader"][aria-sort="descending"], [data-testid="sort-hint"]').first(),
  ).toContainText(/Updated/);
  await page.screenshot({ path: `${screens}/cases-en.png` });

  await page.getByTestId('view-customers').click();
  await expect(page.getByTestId('customers-view')).toBeVisible();
  await page.screenshot({ path: `${screens}/customers-en.png` });
  await page.getByTestId('view-cases').click();

  await app.restart();
  const after = app.page;
  await expect(after.getByTestId(`tab-${domainA}`)).toHaveAttribute('aria-selected', 'true');
  await expect(after.getByTestId(`tab-${domainB}`)).toBeVisible();
  await expect(after.getByTestId('case-view-all-open')).toHaveAttribute('aria-current', 'true');
  await expect(after.getByTestId('filter-state')).toContainText('Open');
  await expect(after.locator('[data-testid="case-list"] [aria-selected="true"]')).toHaveAttribute('data-case', selectedName ?? '');
  await expect(after.getByTestId('cases-detail').locator(`[data-case="${selectedName}"]`).first()).toBeAttached();

  // The all-domains queue: every case of both domains, each row tagged with its own domain.
  await after.getByTestId('tab-all').click();
  await expect(after.getByTestId('all-domains')).toBeVisible();
  await after.getByTestId('case-view-all').click();
  await expect(after.getByTestId('list-count')).toHaveAttribute('data-hydrated', 'true');
  const [allA, allB] = [await sandboxSearch(domainA, ''), await sandboxSearch(domainB, '')];
  await expect.poll(() => listTotal(after)).toBe(allA.size + allB.size);
  const queue = await collectRows(after);
  expect(queue.size).toBe(allA.size + allB.size);
  for (const [name, row] of queue) expect(row.domain, name).toBe(domainOfCase(name));
  await after.screenshot({ path: `${screens}/all-domains-en.png` });

  // The palette opens a case of domain B by its number, in B's tab.
  const target = [...allB][0] ?? '';
  const number = target.split('/').pop() ?? '';
  await after.keyboard.press('Control+k');
  await expect(after.getByTestId('palette')).toBeVisible();
  await after.getByTestId('palette-input').fill(number);
  await expect(after.getByRole('option', { name: new RegExp(`#${number}`) })).toBeVisible();
  await after.screenshot({ path: `${screens}/palette-en.png` });
  await after.keyboard.press('Enter');
  await expect(after.getByTestId('palette')).toHaveCount(0);
  await expect(after.getByTestId(`tab-${domainB}`)).toHaveAttribute('aria-selected', 'true');
  await expect(after.getByRole('tab', { name: `#${number}` })).toHaveAttribute('aria-selected', 'true');

  // The same screens in Traditional Chinese.
  await after.evaluate(() =>
    (window as unknown as { consoleBridge: { invoke(c: string, r: unknown): Promise<unknown> } }).consoleBridge.invoke('settings.set', {
      language: 'zh-TW',
    }),
  );
  await after.getByRole('tab', { name: `#${number}` }).waitFor();
  await after.getByTestId('view-cases').click();
  await after.getByTestId('case-view-all').click();
  await expect(after.getByTestId('filter-keyword')).toHaveAttribute('placeholder', /關鍵字/);
  await after.getByTestId('filter-keyword').fill(chinese);
  await expect.poll(() => listTotal(after)).toBeGreaterThan(0);
  await after.locator('[data-testid="case-list"] [data-case]').first().click();
  await after.screenshot({ path: `${screens}/cases-zh-TW.png` });
  await after.getByTestId('view-customers').click();
  await after.screenshot({ path: `${screens}/customers-zh-TW.png` });
  await after.getByTestId('tab-all').click();
  await expect(after.getByTestId('all-domains')).toBeVisible();
  await after.screenshot({ path: `${screens}/all-domains-zh-TW.png` });
  await after.keyboard.press('Control+k');
  await after.getByTestId('palette-input').fill(number);
  await expect(after.getByRole('option', { name: new RegExp(`#${number}`) })).toBeVisible();
  await after.screenshot({ path: `${screens}/palette-zh-TW.png` });
  await after.keyboard.press('Escape');
  await expect(after.getByTestId('palette')).toHaveCount(0);
});
