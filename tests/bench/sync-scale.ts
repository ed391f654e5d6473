// Sync cost with hundreds of customers (issue 14.2), against the sandbox over real HTTP:
// - one no-change cycle over ~200 customer scopes (wall time; floor: as many trivial GETs
//   at the same concurrency on the same server);
// - the peak request rate of one account over a simulated busy hour, on a virtual clock
//   (the engine's own clock), with colleagues and Google changing cases in many scopes and
//   the agent replying; it must stay within the configured per-account budget.
import { startSandbox, type SandboxHandle } from '../../electron/sandbox';
import { sandboxEndpoints } from '../../electron/services/api/endpoints';
import { createHttpClient } from '../../electron/services/api/http';
import { createSupportClient } from '../../electron/services/api/support-client';
import { CursorKeeper, parseCursor } from '../../electron/services/sync/cursor';
import { Directory } from '../../electron/services/sync/directory';
import { mapLimit } from '../../electron/services/sync/paging';
import { pullAccount } from '../../electron/services/sync/pull';
import { defaultSyncOptions } from '../../electron/services/sync/sync-service';
import { createCoreFixture, type CoreFixture } from '../unit/support/core-fixture';
import { ManualClock } from '../unit/support/manual-clock';
import { startSandboxThread } from './sandbox-thread';

const EMAIL = 'agent1@reseller-a.example';
const COLLEAGUE = 'agent2@reseller-a.example';
const MINUTE = 60_000;
const sender = { url: 'bench', isMainFrame: true };

export interface SyncScaleResult {
  readonly scopes: number;
  readonly noopCycleMs: number[];
  readonly noopFloorMs: number[];
  readonly noopRequests: number;
  readonly budgetPerMinute: number;
  readonly peakPerMinute: number;
  readonly hourRequests: number;
  readonly activity: string;
}

/** Resolves once no request is in flight for two event-loop turns (virtual time stands still meanwhile). */
async function quiescent(inFlight: () => number): Promise<void> {
  for (let calm = 0; calm < 2;) {
    await new Promise((resolve) => setTimeout(resolve, inFlight() === 0 ? 0 : 2));
    calm = inFlight() === 0 ? calm + 1 : 0;
  }
}

/** Moves virtual time in one-second steps, letting the engine finish each step's work. */
async function run(clock: ManualClock, sandbox: SandboxHandle, ms: number, inFlight: () => number, each?: (t: number) => Promise<void>) {
  for (let t = 0; t < ms; t += 1000) {
    clock.advance(1000);
    sandbox.admin.advanceClock(1000);
    await each?.(t);
    await quiescent(inFlight);
  }
}

/** Every 60-second window's request count; the largest. */
function peakPerMinute(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let peak = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end += 1) {
    while ((sorted[end] as number) - (sorted[start] as number) >= MINUTE) start += 1;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
}

async function comment(sandbox: SandboxHandle, email: string, caseName: string, body: string): Promise<void> {
  const token = sandbox.admin.mintTokens(email).accessToken;
  await fetch(`${sandbox.baseUrl}/v2/${caseName}/comments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ body }),
  }).then((response) => response.arrayBuffer());
}

/** The busy hour on the engine's virtual clock; returns the request times (virtual ms) and what happened. */
async function busyHour(fixture: CoreFixture, clock: ManualClock, times: number[], inFlight: () => number, accountId: string, ms: number) {
  const { sandbox } = fixture;
  const replica = fixture.replicas.get(accountId);
  const open = [...(replica?.cases.values() ?? [])].filter(
    (record) => record.state !== 'CLOSED' && replica?.customers.get(record.customerId)?.access === 'authorized',
  );
  let seed = 7;
  const pick = (): string => {
    seed = (seed * 48271) % 2147483647;
    return open[seed % open.length]?.name ?? '';
  };
  times.length = 0;
  let colleagueChanges = 0;
  let agentReplies = 0;
  await run(clock, sandbox, ms, inFlight, async (t) => {
    // Colleagues answer in a few scopes every minute; the agent replies every five minutes.
    if (t % MINUTE === 0) {
      for (let k = 0; k < 4; k += 1) await comment(sandbox, COLLEAGUE, pick(), `colleague note ${t}/${k}`);
      colleagueChanges += 4;
    }
    if (t % (5 * MINUTE) === 30_000) {
      await fixture.core.dispatch(
        'mutations.enqueue',
        { accountId, mutation: { kind: 'comment', caseRef: pick(), body: `agent reply ${t}` } },
        sender,
      );
      agentReplies += 1;
    }
  });
  return `${colleagueChanges} colleague comments in random scopes, ${agentReplies} agent replies, Google Support's simulated answers`;
}

/** A no-change cycle over every scope, timed; the same number of trivial GETs at the same concurrency is the floor. */
async function noopCycles(sandbox: SandboxHandle, cursorJson: string | null, runs: number) {
  const token = sandbox.admin.mintTokens(EMAIL).accessToken;
  let requests = 0;
  const http = createHttpClient({
    fetch: (url, init) => {
      requests += 1;
      return fetch(url, init);
    },
    tokens: { accessToken: async () => token, refreshAfterUnauthorized: async () => token },
  });
  const client = createSupportClient(http, sandboxEndpoints(sandbox.baseUrl, sandbox.issuer));
  let measuring = false;
  const keeper = new CursorKeeper(parseCursor(cursorJson), async () => {
    if (measuring) throw new Error('a no-change cycle sent a batch');
  });
  const directory = new Directory();
  const options = { ...defaultSyncOptions.pull, trickleCasesPerCycle: 0, orderedByUpdateTime: true };
  const context = {
    client,
    now: () => Date.now(),
    keeper,
    directory,
    activity: new Map(),
    cycleMs: 5 * MINUTE,
    resendCustomers: false,
    onProgress: () => undefined,
  };
  await pullAccount({ ...context, sweep: true }, options); // discovery, once
  measuring = true;
  const scopes = directory.readableScopes().length;
  const samples: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    context.activity.clear(); // every scope due, discovery fresh: only the scopes' searches
    requests = 0;
    const t0 = performance.now();
    await pullAccount({ ...context, sweep: false }, options);
    samples.push(performance.now() - t0);
    if (requests !== scopes) throw new Error(`a no-change cycle made ${requests} requests for ${scopes} scopes`);
    const f0 = performance.now();
    await mapLimit(Array.from({ length: scopes }), options.scopeConcurrency, () =>
      fetch(`${sandbox.baseUrl}/sandbox/capabilities`).then((response) => response.arrayBuffer()),
    );
    floor.push(performance.now() - f0);
  }
  return { scopes, samples, floor, requests: scopes };
}

export async function measureSyncScale(opts: { smoke: boolean; runs: number }): Promise<SyncScaleResult> {
  const clock = new ManualClock(Date.UTC(2026, 10, 30, 8, 0, 0));
  // 300 customers per domain: two in three let agent1 see their cases (the demo world's slots).
  const sandbox = await startSandbox({
    seed: 'bench-scale',
    cases: opts.smoke ? 1_500 : 12_000,
    customersPerDomain: opts.smoke ? 36 : 300,
    startTime: new Date(clock.now()),
    supportSimulation: { enabled: true, pickUpAfterMs: 2 * MINUTE, replyAfterMs: 10 * MINUTE },
  });
  const times: number[] = [];
  let inFlight = 0;
  const budget = defaultSyncOptions.requestsPerMinute;
  const fixture = await createCoreFixture({
    existingSandbox: sandbox,
    clock,
    intervalFromSettings: true,
    wrapFetch: (inner) => async (input, init) => {
      if (!new URL(input).pathname.startsWith('/oauth2')) times.push(clock.now());
      inFlight += 1;
      try {
        return await inner(input, init);
      } finally {
        inFlight -= 1;
      }
    },
  });
  try {
    const accountId = await fixture.signIn(EMAIL);
    let idle = false;
    const done = fixture.waitForStatus(accountId, (status) => !status.syncing && status.connection === 'online');
    void done.then(() => (idle = true));
    await fixture.openReplica(accountId);
    // The first sync, at the budget's pace on the virtual clock.
    while (!idle) await run(clock, sandbox, 1000, () => inFlight);
    await run(clock, sandbox, (opts.smoke ? 2 : 10) * MINUTE, () => inFlight); // the trickle and the first cycles settle
    const activity = await busyHour(fixture, clock, times, () => inFlight, accountId, (opts.smoke ? 10 : 60) * MINUTE);
    const hour = [...times];
    const noop = await noopCycles(sandbox, fixture.replicas.get(accountId)?.cursor ?? null, opts.runs);
    return {
      scopes: noop.scopes,
      noopCycleMs: noop.samples,
      noopFloorMs: noop.floor,
      noopRequests: noop.requests,
      budgetPerMinute: budget,
      peakPerMinute: peakPerMinute(hour),
      hourRequests: hour.length,
      activity,
    };
  } finally {
    await fixture.close();
    await sandbox.close();
  }
}

export interface FullSyncResult {
  readonly seconds: number;
  readonly cases: number;
  readonly accounts: number;
  readonly requests: number;
}

const FULL_SYNC_AGENTS = [
  'agent1@reseller-a.example',
  'agent2@reseller-a.example',
  'agent1@apac.reseller-a.example',
  'agent1@reseller-b.example',
  'agent1@reseller-c.example',
];

/**
 * The first sync of five accounts over a large world (issue 21.2): every case the agents may
 * read, with the threads of open and recently closed cases (long-closed ones are lazy). The
 * per-account budget is lifted for this figure: it measures the pipeline, not a quota. The
 * sandbox runs on its own thread, as Google runs on other machines.
 */
export async function measureFullSync(worldCases: number): Promise<FullSyncResult> {
  const sandbox = await startSandboxThread({ seed: 'bench-full', cases: worldCases, supportSimulation: { enabled: false } });
  let requests = 0;
  const fixture = await createCoreFixture({
    existingSandbox: sandbox,
    sync: { requestsPerMinute: Number.POSITIVE_INFINITY, pull: { ...defaultSyncOptions.pull, trickleCasesPerCycle: 0 } },
    wrapFetch: (inner) => (input, init) => {
      requests += 1;
      return inner(input, init);
    },
  });
  try {
    const ids: string[] = [];
    for (const email of FULL_SYNC_AGENTS) ids.push(await fixture.signIn(email));
    requests = 0;
    const t0 = performance.now();
    await Promise.all(
      ids.map(async (id) => {
        const done = fixture.waitForStatus(id, (status) => !status.syncing && status.connection === 'online');
        await fixture.openReplica(id);
        await done;
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const cases = ids.reduce((sum, id) => sum + (fixture.replicas.get(id)?.cases.size ?? 0), 0);
    return { seconds, cases, accounts: ids.length, requests };
  } finally {
    await fixture.close();
    await sandbox.close();
  }
}
