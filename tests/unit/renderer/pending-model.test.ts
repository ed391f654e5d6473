import { describe, expect, it } from 'vitest';
import { agentText, causeOf, dependentsOf, groupEntries, secondsUntil, stateOf } from '../../../renderer/features/pending/pending-model';
import type { Mutation, OutboxEntry } from '../../../shared/ipc';

let seq = 0;
function entry(mutation: Mutation, patch: Partial<OutboxEntry> = {}): OutboxEntry {
  seq += 1;
  return { id: `e${seq}`, accountId: 'a', seq, createdAt: '2026-01-01T10:00:00.000Z', mutation, status: 'queued', attempts: 0, ...patch };
}
const create: Mutation = {
  kind: 'create_case',
  localId: 'local:1',
  customerId: 'C1',
  displayName: 'Mail bounces',
  description: 'Steps…',
  classificationId: 'x',
  priority: 'P3',
  languageCode: 'en',
  timeZone: 'UTC',
  subscriberEmails: [],
};

describe('pending changes model', () => {
  it('says why a change failed in the agent’s terms', () => {
    expect(causeOf('network')).toBe('offline');
    expect(causeOf('ambiguous')).toBe('interrupted');
    expect(causeOf('RESOURCE_EXHAUSTED')).toBe('busy');
    expect(causeOf('503')).toBe('unavailable');
    expect(causeOf('PERMISSION_DENIED')).toBe('permission');
    expect(causeOf('FAILED_PRECONDITION')).toBe('notAllowedNow');
    expect(causeOf('INVALID_ARGUMENT')).toBe('invalid');
    expect(causeOf('SOMETHING_NEW')).toBe('other');
    expect(causeOf(undefined)).toBe('other');
  });

  it('tells waiting, retrying after a hiccup, sending and refused apart', () => {
    expect(stateOf(entry(create))).toBe('waiting');
    expect(stateOf(entry(create, { lastError: { code: 'network', message: 'ECONNREFUSED', permanent: false } }))).toBe('retrying');
    expect(stateOf(entry(create, { status: 'in_flight' }))).toBe('sending');
    expect(stateOf(entry(create, { status: 'failed' }))).toBe('failed');
  });

  it('finds what depends on a case created here (comments, uploads, follow-ups), and nothing for other changes', () => {
    const parent = entry(create);
    const comment = entry({ kind: 'comment', caseRef: 'local:1', body: 'More info' });
    const upload = entry({
      kind: 'upload_attachment',
      caseRef: 'local:1',
      stagedFileId: 's',
      filename: 'a.txt',
      mimeType: 'text/plain',
      sizeBytes: 3,
    });
    const followUp = entry({ ...create, localId: 'local:2', followUpOf: 'local:1' });
    const elsewhere = entry({ kind: 'comment', caseRef: 'organizations/1/cases/2', body: 'x' });
    const done = entry({ kind: 'comment', caseRef: 'local:1', body: 'sent' }, { status: 'done' });
    const all = [parent, comment, upload, followUp, elsewhere, done];
    expect(dependentsOf(parent, all).map((e) => e.id)).toEqual([comment.id, upload.id, followUp.id]);
    expect(dependentsOf(comment, all)).toEqual([]);
  });

  it('groups refused changes by cause, largest first, and keeps the rest on their way', () => {
    const refused = (code: string): OutboxEntry =>
      entry(
        { kind: 'close', caseRef: 'organizations/1/cases/9' },
        { status: 'failed', lastError: { code, message: code, permanent: true } },
      );
    const { failed, onTheirWay } = groupEntries([refused('403'), refused('INVALID_ARGUMENT'), refused('PERMISSION_DENIED'), entry(create)]);
    expect(failed.map((group) => [group.cause, group.entries.length])).toEqual([
      ['permission', 2],
      ['invalid', 1],
    ]);
    expect(onTheirWay).toHaveLength(1);
  });

  it('keeps the agent’s text and counts down to the next try', () => {
    expect(agentText(entry(create))).toBe('Mail bounces\n\nSteps…');
    expect(agentText(entry({ kind: 'close', caseRef: 'x' }))).toBeUndefined();
    expect(secondsUntil('2026-01-01T10:00:03.200Z', Date.parse('2026-01-01T10:00:00.000Z'))).toBe(4);
    expect(secondsUntil('2026-01-01T09:00:00.000Z', Date.parse('2026-01-01T10:00:00.000Z'))).toBe(0);
    expect(secondsUntil(undefined, 0)).toBeUndefined();
  });
});
