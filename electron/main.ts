// Entry of the Electron main process: build the core from Electron's ports, start the shell.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from './core';
import { loadPolicy } from './services/policy/policy-file';
import { createElectronPorts } from './shell/adapters/electron-ports';
import { startShell } from './shell';
import { startCrashReporter } from './shell/managed';
import { isTrustedSender } from './shell/policies';

// The machine policy first: it decides crash uploads and the proxy before anything starts.
const policy = loadPolicy();
startCrashReporter(policy);
const core = createCore(createElectronPorts(), { isTrustedSender: (sender) => isTrustedSender(sender), policy });
startShell(core, path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));
