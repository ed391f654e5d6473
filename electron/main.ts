// Entry of the Electron main process: build the core from Electron's ports, start the shell.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from './core';
import { createElectronPorts } from './shell/adapters/electron-ports';
import { startShell } from './shell';
import { isTrustedSender } from './shell/policies';

const core = createCore(createElectronPorts(), { isTrustedSender: (sender) => isTrustedSender(sender) });
startShell(core, path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));
