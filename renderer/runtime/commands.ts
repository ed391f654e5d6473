import type { Mutation, OutboxEntry } from '../../shared/ipc';
import { getBridgeClient } from '../platform';

/** Queues a change in main's durable outbox; resolves once it is on disk ("queued"). */
export function enqueueMutation(accountId: string, mutation: Mutation): Promise<OutboxEntry> {
  return getBridgeClient().invoke('mutations.enqueue', { accountId, mutation });
}

export function syncNow(accountId?: string): Promise<unknown> {
  return getBridgeClient().invoke('sync.now', accountId ? { accountId } : {});
}
