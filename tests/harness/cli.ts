// `npm run harness` (and `npm start` without an Electron binary): the app in a Chromium window.
import { headlessReason } from './chromium';
import { launchHarness } from './launch';

const headless = headlessReason(process.argv, process.env, process.platform);
const screenshot = process.argv.find((arg) => arg.startsWith('--screenshot='))?.slice('--screenshot='.length);
// With --headless and --screenshot the run is a one-shot: take the picture, then quit.
const oneShot = headless !== undefined && screenshot !== undefined;

// Like a fresh install: the app starts its own embedded sandbox backend with demo data.
const profileDir = process.argv.find((arg) => arg.startsWith('--profile='))?.slice('--profile='.length);
const app = await launchHarness({
  headless: headless !== undefined,
  appWindow: headless === undefined,
  heartbeatMs: 5_000,
  echoLogs: process.argv.includes('--verbose'),
  sandbox: 'embedded',
  ...(profileDir ? { profileDir } : {}),
});
console.log(`The app is running at ${app.appOrigin} (${headless ?? 'Chromium window'})${oneShot ? '.' : '; press Ctrl+C to quit.'}`);
if (screenshot) {
  await app.page.locator('.first-run, .app-shell').first().waitFor();
  await app.page.screenshot({ path: screenshot });
  console.log(`Screenshot saved to ${screenshot}`);
}
if (oneShot) {
  await app.close();
} else {
  const quit = (): void => void app.close().then(() => process.exit(0));
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
  app.context.on('close', quit);
}
