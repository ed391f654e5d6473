// Entry of the Electron main process: build the core from Electron's ports, start the shell.
import { app } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from './core';
import { loadPolicy } from './services/policy/policy-file';
import { createElectronPorts } from './shell/adapters/electron-ports';
import { startShell } from './shell';
import { openInTestWindow } from './shell/e2e-browser';
import { e2eModeFrom } from './shell/e2e-mode';
import { startCrashReporter } from './shell/managed';
import { isTrustedSender } from './shell/policies';

// Unpackaged builds only: the e2e launcher's profile, sandbox and in-app "system browser".
const e2e = e2eModeFrom(process.env, app.isPackaged);
if (e2e?.userData) {
  app.setPath('userData', e2e.userData);
  app.setAppLogsPath(path.join(e2e.userData, 'logs'));
}
// The machine policy first: it decides crash uploads and the proxy before anything starts.
const policy = loadPolicy();
startCrashReporter(policy);
const ports = createElectronPorts();
const core = createCore(e2e ? { ...ports, browser: { open: openInTestWindow } } : ports, {
  isTrustedSender: (sender) => isTrustedSender(sender),
  policy,
  ...(e2e?.sandbox ? { sandbox: e2e.sandbox } : {}),
});
startShell(core, path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));
