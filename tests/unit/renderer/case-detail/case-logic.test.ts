import { beforeEach, describe, expect, it } from 'vitest';
import { scanPii, type PiiFinding } from '../../../../shared/domain';
import type { ViewCase } from '../../../../renderer/data';
import {
  clearCommentDraft,
  commentDraftKey,
  loadCommentDraft,
  saveCommentDraft,
} from '../../../../renderer/features/case-detail/comment-draft';
import { caseNumberOf, portalCaseUrl } from '../../../../renderer/features/case-detail/case-links';
import {
  clearFollowUp,
  followUpKey,
  followUpPrefill,
  peekFollowUp,
  requestFollowUp,
} from '../../../../renderer/features/case-detail/follow-up';
import {
  keepFinding,
  loadKeptPii,
  openFindings,
  pruneDecisions,
  recordKeptPii,
  removeFinding,
} from '../../../../renderer/features/case-detail/pii-decisions';
import { markReopenRefused, reopenStateOf, wasReopenRefused } from '../../../../renderer/features/case-detail/reopen-state';
import { authorOf } from '../../../../renderer/features/case-detail/thread';
import { subscriberProblem } from '../../../../renderer/features/case-detail/share-dialog';

const DAY = 86_400_000;

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('comment drafts', () => {
  it('are kept per account and case, and a blank draft removes the entry', () => {
    saveCommentDraft(localStorage, 'acc1', 'organizations/1/cases/7', 'half a reply');
    saveCommentDraft(localStorage, 'acc2', 'organizations/1/cases/7', 'other account');
    expect(loadCommentDraft(localStorage, 'acc1', 'organizations/1/cases/7')).toBe('half a reply');
    expect(loadCommentDraft(localStorage, 'acc1', 'organizations/1/cases/8')).toBe('');
    saveCommentDraft(localStorage, 'acc1', 'organizations/1/cases/7', '   ');
    expect(localStorage.getItem(commentDraftKey('acc1', 'organizations/1/cases/7'))).toBeNull();
    clearCommentDraft(localStorage, 'acc2', 'organizations/1/cases/7');
    expect(loadCommentDraft(localStorage, 'acc2', 'organizations/1/cases/7')).toBe('');
  });
});

describe('PII decisions', () => {
  const text = 'Call 0912-345-678 or mail jane.doe@customer.example, again jane.doe@customer.example';
  const findings = scanPii(text, { allowEmails: ['agent1@reseller-a.example'] });
  const email = findings.find((f) => f.kind === 'email') as PiiFinding;

  it('remove replaces every repeat of the value and nothing else', () => {
    expect(email).toBeDefined();
    const out = removeFinding(text, findings, email);
    expect(out).not.toContain('jane.doe@customer.example');
    expect(out.match(/\[removed\]/g)).toHaveLength(2);
    expect(out).toContain('0912-345-678');
  });

  it('keep needs a reason; open findings block until every value is decided', () => {
    expect(openFindings(findings, {})).toHaveLength(findings.length);
    const kept = keepFinding({}, email, '  customer agreed ');
    expect(kept[`email:${email.match}`]).toEqual({ action: 'keep', reason: 'customer agreed' });
    expect(openFindings(findings, kept).some((f) => f.kind === 'email')).toBe(false);
    expect(openFindings(findings, keepFinding({}, email, '   ')).some((f) => f.kind === 'email')).toBe(true);
  });

  it('prunes decisions for values no longer in the text', () => {
    const kept = keepFinding({}, email, 'ok');
    expect(pruneDecisions([], kept)).toEqual({});
    expect(pruneDecisions(findings, kept)).toEqual(kept);
  });

  it('logs kept reasons locally without the value itself', () => {
    const added = recordKeptPii(
      localStorage,
      'acc1',
      findings,
      keepFinding({}, email, 'needed'),
      'organizations/1/cases/7',
      new Date('2025-01-01T00:00:00Z'),
    );
    expect(added).toEqual([
      { kind: 'email', subtype: 'email', reason: 'needed', context: 'organizations/1/cases/7', at: '2025-01-01T00:00:00.000Z' },
    ]);
    expect(loadKeptPii(localStorage, 'acc1')).toEqual(added);
    expect(JSON.stringify(localStorage)).not.toContain('jane.doe');
    expect(recordKeptPii(localStorage, 'acc1', findings, {}, 'x')).toEqual([]);
  });

  it('never flags the agent’s own address or the customer admin contact', () => {
    const own = scanPii('Reply to agent1@reseller-a.example or admin@acme.example', {
      allowEmails: ['agent1@reseller-a.example', 'admin@acme.example'],
    });
    expect(own).toEqual([]);
  });
});

describe('follow-up request', () => {
  const request = {
    caseName: 'organizations/9/cases/123',
    caseNumber: '123',
    displayName: 'Mail delayed',
    customerId: 'C1',
    priority: 'P2' as const,
  };

  it('is written by case detail, read once by New case', () => {
    requestFollowUp(sessionStorage, 'acc1', request);
    expect(sessionStorage.getItem(followUpKey('acc1'))).not.toBeNull();
    expect(peekFollowUp(sessionStorage, 'acc2')).toBeUndefined();
    expect(peekFollowUp(sessionStorage, 'acc1')).toEqual(request);
    clearFollowUp(sessionStorage, 'acc1');
    expect(peekFollowUp(sessionStorage, 'acc1')).toBeUndefined();
  });

  it('prefills a title and description that refer to the old case, within the title limit', () => {
    const format = (key: string, vars: Record<string, string>): string =>
      key === 'followUp.title'
        ? `Follow-up to case #${vars['number']}: ${vars['title']}`
        : `Follows up on #${vars['number']} (${vars['title']})`;
    expect(followUpPrefill(request, format)).toEqual({
      title: 'Follow-up to case #123: Mail delayed',
      description: 'Follows up on #123 (Mail delayed)',
    });
    const long = followUpPrefill({ ...request, displayName: 'x'.repeat(300) }, format);
    expect(long.title.length).toBe(200);
    expect(long.title.endsWith('…')).toBe(true);
  });
});

function view(patch: Partial<ViewCase>): ViewCase {
  const now = Date.parse('2025-03-01T00:00:00Z');
  return {
    name: 'organizations/9/cases/1',
    caseNumber: '1',
    customerId: 'C1',
    displayName: 't',
    description: 'd',
    priority: 'P3',
    state: 'CLOSED',
    subscriberEmails: [],
    escalated: false,
    createTime: new Date(now - 40 * DAY).toISOString(),
    updateTime: new Date(now).toISOString(),
    createTimeMs: now - 40 * DAY,
    updateTimeMs: now,
    pending: false,
    pendingKinds: [],
    ...patch,
  };
}

describe('reopen window', () => {
  const closedAt = Date.parse('2025-03-01T00:00:00Z');
  const info = { reopenSupported: true, reopenWindowDays: 30 };

  it('counts down the days left, then offers a follow-up', () => {
    expect(reopenStateOf(view({}), info, closedAt + 18 * DAY + 1)).toMatchObject({ kind: 'can_reopen', remainingDays: 12 });
    expect(reopenStateOf(view({}), info, closedAt + 31 * DAY)).toMatchObject({ kind: 'window_over' });
    expect(reopenStateOf(view({ state: 'IN_PROGRESS_GOOGLE_SUPPORT' }), info, closedAt)).toEqual({ kind: 'not_closed' });
  });

  it('believes the server over the local clock: a refused reopen ends the window for good', () => {
    const refused = view({
      failed: [{ entryId: 'e1', kind: 'reopen', code: 'FAILED_PRECONDITION', message: 'more than 30 days ago', permanent: true }],
    });
    expect(reopenStateOf(refused, info, closedAt + DAY)).toEqual({ kind: 'refused', entryId: 'e1', message: 'more than 30 days ago' });
    markReopenRefused(localStorage, 'acc1', refused.name);
    expect(wasReopenRefused(localStorage, 'acc1', refused.name)).toBe(true);
    expect(reopenStateOf(view({}), info, closedAt + DAY, true)).toMatchObject({ kind: 'window_over' });
  });

  it('shows a queued reopen as pending and says when the backend cannot reopen', () => {
    expect(reopenStateOf(view({ state: 'IN_PROGRESS_GOOGLE_SUPPORT', pendingKinds: ['reopen'], pending: true }), info, closedAt)).toEqual({
      kind: 'pending',
    });
    expect(reopenStateOf(view({}), { reopenSupported: false, reopenWindowDays: 30 }, closedAt + DAY)).toEqual({ kind: 'not_supported' });
  });
});

describe('thread authors and links', () => {
  const account = { email: 'agent1@reseller-a.example', domain: 'reseller-a.example' };

  it('tells Google Support, the reseller side and the customer apart', () => {
    expect(authorOf({ googleSupport: true, creatorEmail: 'x@google.com' }, account)).toBe('google');
    expect(authorOf({ googleSupport: false, creatorEmail: 'Agent1@Reseller-A.example' }, account)).toBe('agent');
    expect(authorOf({ googleSupport: false, creatorEmail: 'agent2@reseller-a.example' }, account)).toBe('agent');
    expect(authorOf({ googleSupport: false, creatorEmail: 'admin@acme.example' }, account)).toBe('customer');
    expect(authorOf({ googleSupport: false }, account)).toBe('customer');
  });

  it('builds an https portal link on an allowlisted Google host', () => {
    const url = new URL(portalCaseUrl('43595344', 'agent1@reseller-a.example'));
    expect(url.protocol).toBe('https:');
    expect(url.hostname).toBe('support.google.com');
    expect(url.pathname).toContain('43595344');
    expect(url.searchParams.get('authuser')).toBe('agent1@reseller-a.example');
    expect(caseNumberOf('organizations/1/cases/43595344')).toBe('43595344');
  });

  it('validates a subscriber before it is added', () => {
    expect(subscriberProblem('not-an-email', [])).toBe('invalid');
    expect(subscriberProblem('a@b.example', ['A@B.example'])).toBe('duplicate');
    expect(
      subscriberProblem(
        'a@b.example',
        Array.from({ length: 50 }, (_, i) => `u${i}@x.example`),
      ),
    ).toBe('too_many');
    expect(subscriberProblem('a@b.example', [])).toBeNull();
  });
});
