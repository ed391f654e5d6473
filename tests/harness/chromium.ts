import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Chromium to drive: $CHROMIUM_PATH, then Debian's, then Playwright's own download (if any). */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  try {
    const bundled = chromium.executablePath();
    return existsSync(bundled) ? bundled : undefined;
  } catch {
    return undefined;
  }
}

/** Flags measured on our machines: no background traffic (the network is closed), no first-run UI. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=Translate,MediaRouter',
  '--test-type',
];

/** Why the window is headless, or undefined for a visible window. Only X11 systems need $DISPLAY. */
export function headlessReason(argv: readonly string[], env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  if (argv.includes('--headless')) return 'headless, as asked';
  const needsDisplayServer = platform !== 'darwin' && platform !== 'win32';
  if (needsDisplayServer && !env.DISPLAY) return 'headless: no display found ($DISPLAY is unset)';
  return undefined;
}
