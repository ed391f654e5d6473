// The fonts the case list needs, loaded before the agent first scrolls. The browser opens a
// system font the first time text needs it: scrolling into the first Chinese title cost one
// frame 30 ms of font loading and shaping (issue 21's trace of the first scroll after start).
// Once, in idle time after the first screen: a hidden sample of each script in the regular,
// bold and monospace faces the list uses, laid out and painted once, then removed.

/** Latin with accents (fr, id), Han in the traditional and simplified forms, kana and hangul. */
const SAMPLE = 'Aa 0123 àéèçôœ ĄąĘę 繁體中文客服案件 简体中文客户服务 日本語のテキスト 한국어 텍스트';

export function warmUpFonts(doc: Document = document): void {
  const run = (): void => {
    const probe = doc.createElement('div');
    probe.className = 'font-warmup';
    probe.setAttribute('aria-hidden', 'true');
    for (const face of ['regular', 'bold', 'mono']) {
      const line = doc.createElement('span');
      line.className = face;
      line.textContent = SAMPLE;
      probe.append(line);
    }
    doc.body.append(probe);
    requestAnimationFrame(() => requestAnimationFrame(() => probe.remove()));
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 3000 });
  else setTimeout(run, 1000);
}
