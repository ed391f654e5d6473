import type { Page } from '@playwright/test';
import { signInSandbox } from './helpers';
import { expect, test } from './fixtures';

// The console's case lists against the sandbox: domain separation, filters equal to the
// server's own cases.search, restart restore, the all-domains queue and the palette.

const domainA = 'reseller-a.example';
// apac.reseller-a.example has cases in Chinese (world.ts LANGS_BY_DOMAIN).
const domainB = 'apac.reseller-a.example';
const screens = 'test-results/screens';

/** Every row of the (virtualized) list: scrolls it top to bottom, collecting row attributes. */
async function collectRows(page: Page): Promise<Map<string, { domain: string | null; number: string }>> {
  return page
    .evaluate(async () => {
      const out = new Map<string, { domain: string | null; number: string }>();
      const scroller = document.querySelector<HTMLElement>('[data-testid="case-scroll"]');
      const read = (): void => {
        for (const row of document.querySelectorAll<HTMLElement>('[data-testid="case-list"] [data-case]')) {
          out.set(row.dataset.case ?? '', { domain: row.dataset.domain ?? null, number: row.dataset.caseNumber ?? '' });
        }
      };
      if (!scroller) return out;
      scroller.scrollTop = 0;
      for (;;) {
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        read();
        if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) break;
        scroller.scrollTop += scroller.clientHeight - 40;
      }
      scroller.scrollTop = 0;
      return [...out.entries()];
    })
    .then((entries) => new Map(entries));
}

async function listTotal(page: Page): Promise<number> {
  return Number(await page.getByTestId('list-count').getAttribute('data-total'));
}

test('case lists: domain separation, filters equal cases.search, restart restore, all-domains queue, palette', async ({ app }) => {
  test.setTimeout(90_000);
  const sandbox = app.harness.sandbox;
  if (!sandbox) throw new Error('the harness sandbox is required');
  const { admin } = sandbox;

  await signInSandbox(app, `agent1@${domainA}`);
  await signInSandbox(app, `agent1@${domainB}`);

  // Which reseller domain each case belongs to: its customer's organization is the case parent.
  const domainOfOrg = new Map(admin.customers().map((customer) => [customer.organization, customer.resellerDomain]));
  const domainOfCase = (name: string): string | undefined => domainOfOrg.get(name.split('/cases/')[0] ?? '');

  /** The same query, asked of the sandbox: GET …/cases:search, every page. */
  async function sandboxSearch(domain: string, query: string): Promise<Set<string>> {
    const token = admin.mintTokens(`agent1@${domain}`).accessToken;
    const org = admin.resellerOrganization(domain);
    const names = new Set<string>();
    let pageToken = '';
    do {
      const url = `${sandbox?.baseUrl}/v2/${org}/cases:search?query=${encodeURIComponent(query)}&pageSize=1000${pageToken ? `&pageToken=${encodeURIComponent(pageToken)}` : ''}`;
      const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status, await response.clone().text()).toBe(200);
      const body = (await response.json()) as { cases?: Array<{ name: string }>; nextPageToken?: string };
      for (const found of body.cases ?? []) names.add(found.name);
      pageToken = body.nextPageToken ?? '';
    } while (pageToken);
    return names;
  }

  const page = app.page;
  const count = page.getByTestId('list-count');

  // Each domain tab lists all of its own cases and nothing else.
  for (const domain of [domainA, domainB]) {
    await page.getByTestId(`tab-${domain}`).click();
    await page.getByTestId('view-cases').click();
    const expected = await sandboxSearch(domain, '');
    await expect(count).toHaveAttribute('data-hydrated', 'true');
    await expect.poll(() => listTotal(page), { timeout: 20_000 }).toBe(expected.size);
    const rows = await collectRows(page);
    expect(rows.size).toBe(expected.size);
    for (const name of rows.keys()) expect(domainOfCase(name), name).toBe(domain);
  }

  // Filters on domain A give exactly what the sandbox's cases.search returns for the same query.
  await page.getByTestId(`tab-${domainA}`).click();
  const keyword = page.getByTestId('filter-keyword');
  // Chinese titles of the demo world (world-content.ts): the first one this domain has.
  let chinese = '';
  for (const term of ['印表機', '打印机', '郵件', '邮件', '日曆', '会议']) {
    if ((await sandboxSearch(domainB, term)).size > 0) {
      chinese = term;
      break;
    }
  }
  expect(chinese, 'a Chinese term present in the demo data').not.toBe('');
  const filterCases: Array<{
    label: string;
    apply: () => Promise<void>;
    query: string;
    domain?: string;
    keep?: (name: string) => boolean;
  }> = [
    // A trailing space finishes the word (no prefix match), as the API matches whole words.
    { label: 'English keyword', apply: () => keyword.fill('printer '), query: 'printer' },
    { label: 'Chinese keyword', apply: () => keyword.fill(chinese), query: chinese, domain: domainB },
    {
      label: 'state',
      apply: async () => void (await page.getByTestId('filter-state').selectOption('ACTION_REQUIRED')),
      // Google's grammar knows only state=OPEN/CLOSED: a specific state is checked case by case.
      query: 'state=OPEN',
      keep: (name) => admin.getCase(name)?.state === 'ACTION_REQUIRED',
    },
    {
      label: 'open + priority',
      apply: async () => {
        await page.getByTestId('filter-state').selectOption('open');
        await page.getByTestId('filter-priority').selectOption('P2');
      },
      query: 'state=OPEN priority=P2',
    },
  ];
  for (const filter of filterCases) {
    const domain = filter.domain ?? domainA;
    await page.getByTestId(`tab-${domain}`).click();
    await page.getByTestId('filter-keyword').fill('');
    await page.getByTestId('filter-state').selectOption('all');
    await page.getByTestId('filter-priority').selectOption('all');
    await filter.apply();
    const expected = new Set([...(await sandboxSearch(domain, filter.query))].filter((name) => filter.keep?.(name) ?? true));
    expect(expected.size, `${filter.label}: the demo data has matches`).toBeGreaterThan(0);
    await expect.poll(() => listTotal(page), { message: filter.label }).toBe(expected.size);
    const rows = await collectRows(page);
    expect([...rows.keys()].sort(), filter.label).toEqual([...expected].sort());
  }

  // Leave a filter and a selection in place, check the default order, then restart.
  await page.getByTestId(`tab-${domainB}`).click();
  await keyword.fill('');
  await page.getByTestId(`tab-${domainA}`).click();
  await page.getByTestId('filter-state').selectOption('open');
  await page.getByTestId('filter-priority').selectOption('all');
  await keyword.fill('');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  const selected = page.locator('[data-testid="case-list"] [aria-selected="true"]');
  await expect(selected).toHaveCount(1);
  const selectedName = await selected.getAttribute('data-case');
  await expect(page.locator('[data-testid="case-list"] [role="columnheader"][aria-sort="descending"]')).toHaveText(/Updated/);
  await page.screenshot({ path: `${screens}/cases-en.png` });

  await page.getByTestId('view-customers').click();
  await expect(page.getByTestId('customers-view')).toBeVisible();
  await page.screenshot({ path: `${screens}/customers-en.png` });
  await page.getByTestId('view-cases').click();

  await app.restart();
  const after = app.page;
  await expect(after.getByTestId(`tab-${domainA}`)).toHaveAttribute('aria-selected', 'true');
  await expect(after.getByTestId(`tab-${domainB}`)).toBeVisible();
  await expect(after.getByTestId('filter-state')).toHaveValue('open');
  await expect(after.locator('[data-testid="case-list"] [aria-selected="true"]')).toHaveAttribute('data-case', selectedName ?? '');
  await expect(after.getByTestId('cases-detail').locator(`[data-case="${selectedName}"]`).first()).toBeAttached();

  // The all-domains queue: every case of both domains, each row tagged with its own domain.
  await after.getByTestId('tab-all').click();
  await expect(after.getByTestId('all-domains')).toBeVisible();
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
