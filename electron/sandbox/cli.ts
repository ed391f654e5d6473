import { parseArgs } from 'node:util';
import { SANDBOX_EXTENSIONS } from '../../shared/api';
import { startSandbox, type SandboxExtension, type SandboxOptions } from './index';

// `npm run sandbox -- --port N --data DIR --seed S [--cases N] [--extensions a,b]`: prints one
// JSON "ready" line, then serves until SIGINT/SIGTERM.

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    data: { type: 'string' },
    seed: { type: 'string' },
    cases: { type: 'string' },
    'reopen-window-days': { type: 'string' },
    'max-attachment-bytes': { type: 'string' },
    'no-simulation': { type: 'boolean' },
    /** Comma-separated extension names (see /sandbox/capabilities); all are off by default. */
    extensions: { type: 'string' },
  },
  strict: true,
});

const int = (name: string, v: string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) {
    process.stderr.write(`--${name} must be a non-negative integer\n`);
    process.exit(2);
  }
  return Number(v);
};

const opts: SandboxOptions = {};
const port = int('port', values.port);
const cases = int('cases', values.cases);
const reopen = int('reopen-window-days', values['reopen-window-days']);
const maxBytes = int('max-attachment-bytes', values['max-attachment-bytes']);
if (port !== undefined) opts.port = port;
if (cases !== undefined) opts.cases = cases;
if (reopen !== undefined) opts.reopenWindowDays = reopen;
if (maxBytes !== undefined) opts.maxAttachmentBytes = maxBytes;
if (values.data !== undefined) opts.dataDir = values.data;
if (values.seed !== undefined) opts.seed = values.seed;
if (values['no-simulation'] === true) opts.supportSimulation = { enabled: false };
if (values.extensions !== undefined) {
  const names = values.extensions
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const unknown = names.filter((n) => !(SANDBOX_EXTENSIONS as readonly string[]).includes(n));
  if (unknown.length > 0) {
    process.stderr.write(`--extensions: unknown ${unknown.join(', ')} (known: ${SANDBOX_EXTENSIONS.join(', ')})\n`);
    process.exit(2);
  }
  opts.extensions = names as SandboxExtension[];
}

const sandbox = await startSandbox(opts);
process.stdout.write(
  `${JSON.stringify({ event: 'ready', baseUrl: sandbox.baseUrl, issuer: sandbox.issuer, adminUrl: sandbox.adminUrl, adminToken: sandbox.adminToken, desktopClientId: sandbox.desktopClientId, extensions: sandbox.extensions, demoAccounts: sandbox.demoAccounts })}\n`,
);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  void sandbox.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
