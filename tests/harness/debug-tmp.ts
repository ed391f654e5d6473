import { launchHarness } from './launch';
const app = await launchHarness({ heartbeatMs: 0 });
const signInPage = app.context.waitForEvent('page');
await app.page.getByTestId('try-sandbox').click();
const b = await signInPage;
await b.locator(`button[value="agent1@reseller-a.example"]`).click();
await b.getByRole('heading', { name: 'Signed in' }).waitFor();
await b.close();
await app.page.getByTestId('tab-reseller-a.example').waitFor();
await app.restart();
await app.page.getByTestId('tab-reseller-a.example').waitFor();
console.log('closing');
const t = setTimeout(() => {
  console.log('close TIMEOUT');
  process.exit(1);
}, 8000);
await app.close();
clearTimeout(t);
console.log('closed');
