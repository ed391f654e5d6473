import { describe, expect, it } from 'vitest';
import type { Outbox } from '../../../../electron/services/sync/outbox';
import { outboxTransitions, type OutboxAction } from '../../../../electron/services/sync/outbox/transitions';
import type { OutboxEntry, OutboxStatus } from '../../../../shared/ipc/outbox';
import { comment, open, serverCase, tempDir } from './helpers';

// The state machine as a table: every status × every action, what the rules say and what a real
// outbox (journaled, reopened) does. A change to the rules must change this table too.

const statuses: readonly OutboxStatus[] = ['queued', 'in_flight', 'failed', 'done'];

/** Expected outcome of `action` on an entry in `status`: the new status, 'removed', or 'refused'. */
const table: Readonly<Record<OutboxAction, Readonly<Record<OutboxStatus, OutboxStatus | 'removed' | 'refused'>>>> = {
  send: { queued: 'in_flight', in_flight: 'in_flight', failed: 'refused', done: 'refused' },
  complete: { queued: 'done', in_flight: 'done', failed: 'refused', done: 'refused' },
  fail: { queued: 'failed', in_flight: 'failed', failed: 'refused', done: 'refused' },
  requeue: { queued: 'refused', in_flight: 'queued', failed: 'refused', done: 'refused' },
  retry: { queued: 'refused', in_flight: 'refused', failed: 'queued', done: 'refused' },
  edit: { queued: 'queued', in_flight: 'refused', failed: 'failed', done: 'refused' },
  discard: { queued: 'removed', in_flight: 'refused', failed: 'removed', done: 'removed' },
};

async function entryIn(outbox: Outbox, status: OutboxStatus): Promise<OutboxEntry> {
  const entry = await outbox.enqueue(comment(serverCase));
  if (status === 'queued') return entry;
  await outbox.markInFlight(entry.id);
  if (status === 'failed') return outbox.markFailed(entry.id, { code: 'invalid_argument', message: 'no' }, { permanent: true });
  if (status === 'done') return outbox.markDone(entry.id, `${serverCase}/comments/1`);
  return outbox.get(entry.id) as OutboxEntry;
}

const act: Record<OutboxAction, (outbox: Outbox, id: string) => Promise<unknown>> = {
  send: (outbox, id) => outbox.markInFlight(id),
  complete: (outbox, id) => outbox.markDone(id, `${serverCase}/comments/2`),
  fail: (outbox, id) => outbox.markFailed(id, { code: 'permission_denied', message: 'no' }, { permanent: true }),
  requeue: (outbox, id) => outbox.markFailed(id, { code: 'unavailable', message: 'later' }, { permanent: false }),
  retry: (outbox, id) => outbox.retry(id),
  edit: (outbox, id) => outbox.edit(id, comment(serverCase, 'Edited text')),
  discard: (outbox, id) => outbox.discard(id),
};

describe('outbox state machine', () => {
  it('the rules as code match the table', () => {
    for (const [action, row] of Object.entries(table) as [OutboxAction, (typeof table)[OutboxAction]][]) {
      const rule = outboxTransitions[action];
      for (const status of statuses) {
        const expected = row[status];
        expect(rule.from.includes(status), `${action} from ${status}`).toBe(expected !== 'refused');
        if (expected === 'refused') continue;
        expect(rule.to === 'unchanged' ? status : rule.to, `${action} from ${status}`).toBe(expected);
      }
    }
  });

  const cases = (Object.keys(table) as OutboxAction[]).flatMap((action) => statuses.map((status) => [action, status] as const));
  it.each(cases)('%s from %s behaves as the table says, and survives a reopen', async (action, status) => {
    const dir = tempDir();
    const outbox = await open(dir);
    const entry = await entryIn(outbox, status);
    const expected = table[action][status];
    if (expected === 'refused') {
      await expect(act[action](outbox, entry.id)).rejects.toMatchObject({ code: 'invalid_state' });
      expect(outbox.get(entry.id)?.status).toBe(status);
    } else {
      await act[action](outbox, entry.id);
      expect(outbox.get(entry.id)?.status).toBe(expected === 'removed' ? undefined : expected);
    }
    await outbox.close();
    const reopened = await open(dir);
    expect(reopened.get(entry.id)?.status).toBe(expected === 'removed' ? undefined : expected === 'refused' ? status : expected);
    await reopened.close();
  });
});
