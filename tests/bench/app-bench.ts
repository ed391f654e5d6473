// The bench's app parts: the real app in the harness (bridge round trips, scrolling the
// real case list). Scrolling is measured quiet and again under load.
import type { BrowserContext, Page } from 'playwright-core';
import { launchHarness } from '../harness/launch';
import { startCpuHog } from './cpu-hog';
import { loadedRecorder, record, type Recorder } from './record';
import { size } from './sizes';
import { summarize } from './stats';

export async function bridgeBenchmarks(): Promise<void> {
  console.log('bridge…');
  const app = await launchHarness({ heartbeatMs: 0, sandbox: { seed: 'bench-app', cases: 300, supportSimulation: { enabled: false } } });
  try {
    await app.page.waitForFunction(() => 'consoleBridge' in window);
    const timings = await app.page.evaluate(
      async ({ runs }) => {
        const bridge = (window as unknown as { consoleBridge: { invoke: (c: string, r: unknown) => Promise<unknown> } }).consoleBridge;
        const small: number[] = [];
        for (let run = 0; run < runs * 10; run += 1) {
          const t0 = performance.now();
          await bridge.invoke('app.echo', { text: 'ping' });
          small.push(performance.now() - t0);
        }
        const big: number[] = [];
        const bytes = new Uint8Array(1024 * 1024);
        for (let run = 0; run < runs; run += 1) {
          const t0 = performance.now();
          await bridge.invoke('app.echo', { bytes });
          big.push(performance.now() - t0);
        }
        return { small, big };
      },
      { runs: Math.max(size.runs, 20) },
    );
    const small = summarize(timings.small);
    const big = summarize(timings.big);
    record('bridge_roundtrip_p50_ms', small.median, 'ms', { summary: small, note: 'page → bridge → core → page, harness binding' });
    record('bridge_1mib_ms', big.median, 'ms', { summary: big, note: '1 MiB Uint8Array request' });
  } finally {
    await app.close();
  }
}

interface ScrollFigures {
  readonly maxRows: number;
  readonly frames: number[];
  readonly slow: ReadonlyArray<{ ms: number; scriptMs: number; invoker: string }>;
  readonly total: number;
}

/**
 * Scrolls the list from the top, `frames` frames of 400 px (turning back at either end, so
 * every frame brings new rows into view however long the list), timing each frame (rAF to rAF).
 */
function scrollOnce(page: Page, frames: number): Promise<ScrollFigures> {
  return page.evaluate(async (count) => {
    const scroller = document.querySelector('[data-testid="case-scroll"]') as HTMLElement;
    scroller.scrollTop = 0;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    // No helper functions in here: tsx would wrap them with a __name() the page does not have.
    // Long animation frames (over 50 ms) with their script time, to tell our work from a busy machine.
    const slow: Array<{ ms: number; scriptMs: number; invoker: string }> = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as Array<{
        duration: number;
        scripts: Array<{
          duration: number;
          invoker: string;
          invokerType: string;
          sourceFunctionName: string;
          sourceURL: string;
          sourceCharPosition: number;
        }>;
      }>) {
        const scriptMs = entry.scripts.reduce((sum, script) => sum + script.duration, 0);
        // What started the frame's longest script (a scroll handler, a timer, a bridge event…) and where its code is.
        const top = [...entry.scripts].sort((a, b) => b.duration - a.duration)[0];
        const where = top
          ? `${top.sourceFunctionName || 'anonymous'} in ${top.sourceURL.split('/').pop() ?? ''}@${top.sourceCharPosition}`
          : '';
        slow.push({ ms: entry.duration, scriptMs, invoker: top ? `${top.invokerType} ${top.invoker}, ${where}` : 'no script' });
      }
    });
    observer.observe({ type: 'long-animation-frame' });
    let maxRows = scroller.querySelectorAll('[role="row"]').length;
    const times: number[] = [];
    let last = performance.now();
    let step = 400;
    for (let frame = 0; frame < count; frame += 1) {
      const end = scroller.scrollHeight - scroller.clientHeight;
      if ((step > 0 && scroller.scrollTop >= end) || (step < 0 && scroller.scrollTop <= 0)) step = -step;
      scroller.scrollTop += step;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      times.push(now - last);
      last = now;
      maxRows = Math.max(maxRows, scroller.querySelectorAll('[role="row"]').length);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    observer.disconnect();
    return {
      maxRows,
      frames: times,
      slow,
      total: Number(document.querySelector('[data-testid="list-count"]')?.getAttribute('data-total') ?? 0),
    };
  }, frames);
}

/** Rows of the plain list the scroll floor runs over. */
const ROWS_IN_FLOOR = 20_000;

/**
 * The floor of the scroll figures: the same scroll, in the same browser and run, over a plain
 * virtual list (20,000 rows of seven text cells, rows swapped by a few lines of DOM code, no
 * framework, no app styles). What this machine's browser needs for a frame at this speed.
 */
async function scrollFloor(context: BrowserContext): Promise<ScrollFigures> {
  const page = await context.newPage();
  try {
    await page.setContent(`<!doctype html><body style="margin:0;font:14px/20px sans-serif">
<div data-testid="case-scroll" style="height:760px;overflow-y:auto">
<div id="rows" style="position:relative;height:${ROWS_IN_FLOOR * 36}px"></div></div>
<span data-testid="list-count" data-total="${ROWS_IN_FLOOR}"></span>
<script>
const scroller = document.querySelector('[data-testid="case-scroll"]');
const rows = document.getElementById('rows');
const live = new Map();
function rowAt(i) {
  const row = document.createElement('div');
  row.setAttribute('role', 'row');
  row.style.cssText = 'position:absolute;left:0;right:0;height:36px;display:grid;grid-template-columns:98px 1fr 200px 68px 146px 86px 133px;transform:translateY(' + i * 36 + 'px)';
  for (const text of [String(41000000 + i), 'Case title ' + i + ' about mail routing', 'Customer ' + (i % 50), 'P' + (i % 4 + 1), 'In progress', (i % 23) + ' hr. ago', (i % 17) + 'h left']) {
    const cell = document.createElement('div');
    cell.textContent = text;
    row.appendChild(cell);
  }
  return row;
}
function render() {
  const first = Math.max(0, Math.floor(scroller.scrollTop / 36) - 6);
  const last = Math.min(${ROWS_IN_FLOOR - 1}, Math.ceil((scroller.scrollTop + 760) / 36) + 6);
  for (const [i, row] of live) if (i < first || i > last) { row.remove(); live.delete(i); }
  for (let i = first; i <= last; i++) if (!live.has(i)) { const row = rowAt(i); live.set(i, row); rows.appendChild(row); }
}
scroller.addEventListener('scroll', render);
render();
</script>`);
    await scrollOnce(page, size.scrollFrames); // warm-up, as for the list
    return await scrollOnce(page, size.scrollFrames);
  } finally {
    await page.close();
  }
}

function longestFrameNote(result: ScrollFigures): string {
  const over = result.frames.filter((ms) => ms > 32).length;
  const longest = [...result.slow].sort((a, b) => b.ms - a.ms)[0];
  const attribution = longest
    ? `; longest animation frame ${longest.ms.toFixed(0)} ms, of which script ${longest.scriptMs.toFixed(0)} ms (${longest.invoker})`
    : '';
  return `${over} of ${result.frames.length} frames over 32 ms${attribution}`;
}

function recordFirstPass(result: ScrollFigures): void {
  const summary = summarize(result.frames);
  record('scroll_first_pass_frame_max_ms', summary.max, 'ms', {
    summary,
    note: `the first scroll, as soon as the first sync of ${result.total} cases is in; ${longestFrameNote(result)}`,
  });
}

function recordScroll(rec: Recorder, result: ScrollFigures, floor: ScrollFigures): void {
  const summary = summarize(result.frames);
  const floorSummary = summarize(floor.frames);
  rec('scroll_dom_rows_max', result.maxRows, 'rows', {
    note: `${result.total} cases in the list, ${size.scrollFrames} frames of 400 px, down and back`,
  });
  rec('scroll_frame_max_ms', summary.max, 'ms', {
    summary,
    floor: floorSummary,
    note: `longest frame while scrolling the real list after a warm-up pass, headless Chromium; ${longestFrameNote(result)}`,
  });
  rec('scroll_floor_frame_max_ms', floorSummary.max, 'ms', {
    summary: floorSummary,
    note: `the same scroll over a plain list of text cells, same browser and run; ${floor.frames.filter((ms) => ms > 32).length} frames over 32 ms`,
  });
}

async function signInAndShowAll(page: Page, context: Awaited<ReturnType<typeof launchHarness>>['context']): Promise<void> {
  const signInPage = context.waitForEvent('page');
  await page.getByTestId('try-sandbox').click();
  const browser = await signInPage;
  await browser.locator('button[value="agent1@reseller-a.example"]').click();
  await browser.getByRole('heading', { name: 'Signed in' }).waitFor();
  await browser.close();
  // Every case of the domain (the default view is the agent's own open cases).
  await page.getByTestId('case-view-all').click();
  // The first full sync done and every case of it in the hydrated list: scrolling is measured
  // over the whole list with nothing arriving in the background.
  await page.waitForFunction(
    () => {
      const count = document.querySelector('[data-testid="list-count"]');
      const replica = Number(document.querySelector('[data-testid="case-count"]')?.textContent?.replace(/\D/g, '') ?? 0);
      return (
        document.querySelector('[data-testid="sync-progress"]') === null &&
        /Synced/.test(document.querySelector('[data-testid="last-synced"]')?.textContent ?? '') &&
        count?.getAttribute('data-hydrated') === 'true' &&
        replica > 100 &&
        Number(count.getAttribute('data-total') ?? 0) === replica
      );
    },
    undefined,
    { timeout: 300_000, polling: 500 },
  );
}

/** Scrolling the real case list, quiet and (unless `loaded` is false) with a CPU hog on one core. */
export async function scrollBenchmark(options: { loaded: boolean }): Promise<void> {
  console.log('scrolling the case list…');
  const app = await launchHarness({
    heartbeatMs: 0,
    // The list is measured, not the request budget (under the default 600/min the threads of a
    // 20,000-case domain take the better part of an hour to arrive).
    sync: { requestsPerMinute: Number.POSITIVE_INFINITY },
    sandbox: { seed: 'bench-scroll', cases: size.scrollWorld, supportSimulation: { enabled: false } },
  });
  try {
    await signInAndShowAll(app.page, app.context);
    // The first pass, right after the first sync, also meets the collection of what loading
    // left behind: reported on its own, then the list is measured warm, like every timed
    // figure here (after warm-up runs).
    recordFirstPass(await scrollOnce(app.page, size.scrollFrames));
    recordScroll(record, await scrollOnce(app.page, size.scrollFrames), await scrollFloor(app.context));
    if (!options.loaded) return;
    const hog = await startCpuHog();
    try {
      recordScroll(loadedRecorder(hog.label), await scrollOnce(app.page, size.scrollFrames), await scrollFloor(app.context));
    } finally {
      await hog.stop();
    }
  } finally {
    await app.close();
  }
}
