import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Mutation } from '../../../../shared/ipc/outbox';
import type { Clock, Logger } from '../../../../electron/ports';
import { openOutbox, type Outbox } from '../../../../electron/services/sync/outbox';

export const accountId = 'acct-a';

export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'rsc-outbox-'));
}

export function fakeClock(start = Date.UTC(2025, 0, 2, 3, 4, 5)): Clock & { advance(ms: number): void } {
  let now = start;
  return { now: () => now, setTimer: () => () => {}, advance: (ms) => void (now += ms) };
}

export interface CollectingLogger extends Logger {
  readonly lines: { level: string; message: string }[];
}

export function collectingLogger(): CollectingLogger {
  const lines: { level: string; message: string }[] = [];
  return {
    lines,
    info: (message) => void lines.push({ level: 'info', message }),
    warn: (message) => void lines.push({ level: 'warn', message }),
    error: (message) => void lines.push({ level: 'error', message }),
  };
}

export function open(dir: string, options: { compactAfterBytes?: number; account?: string } = {}): Promise<Outbox> {
  return openOutbox({
    dir,
    accountId: options.account ?? accountId,
    clock: fakeClock(),
    logger: collectingLogger(),
    ...(options.compactAfterBytes === undefined ? {} : { compactAfterBytes: options.compactAfterBytes }),
  });
}

export const serverCase = 'organizations/123456789012/cases/43595344';
export const otherServerCase = 'projects/acme-prod/cases/43595345';

export const comment = (caseRef: string, body = 'Customer confirms the MX records are back.'): Mutation => ({
  kind: 'comment',
  caseRef,
  body,
});

export const setPriority = (caseRef: string, priority: 'P1' | 'P2' | 'P3' = 'P2'): Mutation => ({
  kind: 'set_priority',
  caseRef,
  priority,
});

export function createCase(localId: string, followUpOf?: string): Mutation {
  return {
    kind: 'create_case',
    localId,
    customerId: 'C01abc234',
    displayName: 'Mail delivery delayed for all users',
    description: 'Since 09:00 UTC inbound mail is delayed by about 40 minutes.',
    classificationId: 'CLASS-MAIL-DELIVERY',
    priority: 'P2',
    languageCode: 'en',
    timeZone: 'Europe/Paris',
    subscriberEmails: ['agent1@reseller-a.example'],
    ...(followUpOf === undefined ? {} : { followUpOf }),
  };
}
