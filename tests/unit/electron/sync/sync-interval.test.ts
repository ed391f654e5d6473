import { afterAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../../../electron/ports';
import { systemClock } from '../../../../electron/services/system-clock';
import { createCoreFixture, type CoreFixture } from '../../support/core-fixture';

// Settings → "Sync every (minutes)" drives each account's cycle, at once and for later cycles.

const sender = { url: 'test', isMainFrame: true };
const minute = 60_000;

/** The real clock, remembering the delay of every timer the engine sets. */
function recordingClock(): Clock & { delays: number[] } {
  const delays: number[] = [];
  return {
    delays,
    now: () => systemClock.now(),
    setTimer: (ms, callback) => {
      delays.push(ms);
      return systemClock.setTimer(ms, callback);
    },
  };
}

let fixture: CoreFixture | undefined;
afterAll(async () => fixture?.close());

describe('sync interval setting', () => {
  it('the scheduler waits what the agent set, from the moment it is changed', async () => {
    const clock = recordingClock();
    fixture = await createCoreFixture({ clock, intervalFromSettings: true, sandbox: { cases: 100 } });
    const accountId = await fixture.signIn('agent1@reseller-a.example');
    const idle = (status: { syncing: boolean; connection: string }): boolean => !status.syncing && status.connection === 'online';
    const first = fixture.waitForStatus(accountId, idle);
    await fixture.openReplica(accountId);
    await first;
    // The default setting: 5 minutes.
    expect(clock.delays).toContain(5 * minute);

    clock.delays.length = 0;
    const set = await fixture.core.dispatch('settings.set', { syncIntervalMinutes: 7 }, sender);
    expect(set.ok).toBe(true);
    expect(clock.delays).toContain(7 * minute);

    clock.delays.length = 0;
    const next = fixture.waitForStatus(accountId, idle);
    await fixture.core.dispatch('sync.now', { accountId }, sender);
    await next;
    expect(clock.delays).toContain(7 * minute);
    expect(clock.delays).not.toContain(5 * minute);
  });
});
