import { describe, expect, it } from 'vitest';
import { planBulk, type BulkTarget } from '../../../../renderer/features/cases/bulk';

const target = (name: string, over: Partial<BulkTarget> = {}): BulkTarget => ({
  name,
  caseNumber: name.split('/').pop() ?? name,
  state: 'NEW',
  priority: 'P3',
  access: 'authorized',
  subscriberEmails: [],
  ...over,
});

describe('bulk plans: one mutation per row, or a reason', () => {
  it('closes open cases and refuses closed and unauthorised ones', () => {
    const plans = planBulk({ kind: 'close' }, [
      target('o/1/cases/1'),
      target('o/1/cases/2', { state: 'CLOSED' }),
      target('o/1/cases/3', { access: 'not_authorized' }),
      target('o/1/cases/4', { access: 'transferred' }),
      { name: 'o/1/cases/5', missing: true },
    ]);
    expect(plans).toEqual([
      { name: 'o/1/cases/1', caseNumber: '1', mutation: { kind: 'close', caseRef: 'o/1/cases/1' } },
      { name: 'o/1/cases/2', caseNumber: '2', refused: 'closed' },
      { name: 'o/1/cases/3', caseNumber: '3', refused: 'notAuthorized' },
      { name: 'o/1/cases/4', caseNumber: '4', refused: 'transferred' },
      { name: 'o/1/cases/5', caseNumber: '', refused: 'notFound' },
    ]);
  });

  it('changes priority unless it is already that one', () => {
    const plans = planBulk({ kind: 'set_priority', priority: 'P1' }, [target('a'), target('b', { priority: 'P1' })]);
    expect(plans[0]).toMatchObject({ mutation: { kind: 'set_priority', caseRef: 'a', priority: 'P1' } });
    expect(plans[1]).toMatchObject({ refused: 'samePriority' });
  });

  it('adds a subscriber to the existing list, validated and without duplicates', () => {
    const plans = planBulk({ kind: 'add_subscriber', email: ' ops@acme.example ' }, [
      target('a', { subscriberEmails: ['boss@acme.example'] }),
      target('b', { subscriberEmails: ['OPS@acme.example'] }),
      target('c', { subscriberEmails: Array.from({ length: 50 }, (_, i) => `u${i}@acme.example`) }),
    ]);
    expect(plans[0]).toMatchObject({
      mutation: { kind: 'set_subscribers', caseRef: 'a', subscriberEmails: ['boss@acme.example', 'ops@acme.example'] },
    });
    expect(plans[1]).toMatchObject({ refused: 'alreadySubscribed' });
    expect(plans[2]).toMatchObject({ refused: 'tooManySubscribers' });
    expect(planBulk({ kind: 'add_subscriber', email: 'not-an-email' }, [target('a')])[0]).toMatchObject({ refused: 'invalidEmail' });
  });
});
