// The process the chaos suite kills: the real core (sync engine, outbox) with Node
// ports, pushing against the sandbox. It prints one JSON line per status change
// and exits 0 once every account's outbox is empty.
import path from 'node:path';
import { createCore } from '../../../../electron/core';
import { createNodePorts } from '../../../harness/node-ports';
import { createFileVault } from '../../support/file-vault';

const userData = process.env.CHAOS_USER_DATA ?? '';
const core = createCore(
  createNodePorts({
    userData,
    host: { kind: 'harness', appName: 'chaos', appVersion: '0', platform: process.platform },
    vault: createFileVault(path.join(userData, 'vault.json')),
    browser: { open: async () => undefined },
  }),
  {
    isTrustedSender: () => true,
    heartbeatMs: 0,
    sandbox: {
      mode: 'external',
      baseUrl: process.env.CHAOS_BASE_URL ?? '',
      issuer: process.env.CHAOS_ISSUER ?? '',
      clientId: process.env.CHAOS_CLIENT_ID ?? '',
    },
    // No request budget: the suite is about faults and kills (tests/unit/electron/sync-chaos.test.ts).
    sync: { afterChangeMs: 5, maxBackoffMs: 100, intervalMs: 60_000, requestsPerMinute: Number.POSITIVE_INFINITY },
    httpTimeoutMs: 2_000,
  },
);

const pending = new Map<string, number>();
core.events.subscribe((event, payload) => {
  if (event !== 'sync.status') return;
  const status = payload as { accountId: string; pending: number; failed: number; syncing: boolean };
  pending.set(status.accountId, status.pending - status.failed);
  process.stdout.write(`${JSON.stringify(status)}\n`);
  if (!status.syncing && [...pending.values()].every((count) => count === 0) && pending.size === Number(process.env.CHAOS_ACCOUNTS ?? 0)) {
    process.stdout.write('{"drained":true}\n');
    void core.stop().then(() => process.exit(0));
  }
});
// The engine's timers are unref'd (they must not keep an app from quitting): hold the process open.
setInterval(() => undefined, 1_000);
await core.start();
