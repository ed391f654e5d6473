import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CASE_DESCRIPTION_MAX_LENGTH,
  CASE_TITLE_MAX_LENGTH,
  COMMENT_MAX_LENGTH,
  ESCALATION_JUSTIFICATION_MAX_LENGTH,
  ESCALATION_REASONS,
  MAX_SUBSCRIBERS,
  SELECTABLE_PRIORITIES,
  validateCommentBody,
  validateEscalationJustification,
} from '../../../../shared/domain';
import { mutationSchema } from '../../../../shared/ipc';
import {
  buildCreateCase,
  CASE_LANGUAGES,
  emptyDraft,
  hasErrors,
  validateNewCase,
} from '../../../../renderer/features/new-case/new-case-form';

// Issue 16 §2: one source for limits. Whatever a form accepts must parse as the mutation it
// queues, so nothing the agent was allowed to submit is refused later by the outbox.

/** Text around a limit: short, near the limit, just over it, with blanks and non-BMP characters. */
const textNear = (max: number): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.integer({ min: max - 3, max: max + 3 }).map((length) => 'x'.repeat(Math.max(0, length))),
    fc
      .tuple(fc.constantFrom(' ', '\n', '\t'), fc.integer({ min: max - 2, max: max + 2 }))
      .map(([pad, n]) => pad + 'y'.repeat(Math.max(0, n)) + pad),
    fc.integer({ min: max - 2, max: max + 2 }).map((n) => '😀'.repeat(Math.max(0, Math.floor(n / 2)))),
  );

const email = fc.oneof(fc.emailAddress(), fc.constantFrom('a@b.example', 'not-an-email', 'x@y', 'Ünï@cödé.example', 'a..b@c.example'));
const subscribers = fc
  .tuple(fc.array(email, { maxLength: MAX_SUBSCRIBERS + 2 }), fc.constantFrom(', ', '\n', ' ; '))
  .map(([list, separator]) => list.join(separator));

const incident = fc.record({
  id: fc.string({ minLength: 1, maxLength: 12 }),
  number: fc.string({ minLength: 1, maxLength: 12 }),
  serviceName: fc.string({ maxLength: 40 }),
  description: fc.string({ maxLength: 400 }),
  begin: fc.constant('2026-11-30T10:00:00Z'),
  uri: fc.constant('https://www.google.com/appsstatus/dashboard/incidents/abc'),
});

const draft = fc.record({
  title: textNear(CASE_TITLE_MAX_LENGTH),
  description: textNear(CASE_DESCRIPTION_MAX_LENGTH),
  priority: fc.constantFrom('', ...SELECTABLE_PRIORITIES),
  languageCode: fc.constantFrom(...CASE_LANGUAGES),
  contactLanguage: fc.constantFrom(...CASE_LANGUAGES),
  contactChannel: fc.constantFrom('email' as const, 'phone' as const),
  timeZone: fc.constantFrom('UTC', 'Asia/Taipei', 'America/Argentina/ComodRivadavia', ' Europe/Paris ', 'PST', 'Mars/Olympus'),
  subscribers,
  linkedIncident: fc.option(incident, { nil: undefined }),
});

describe('what the forms accept parses as a mutation', () => {
  it('a new case', () => {
    fc.assert(
      fc.property(draft, (fields) => {
        const { linkedIncident, ...rest } = fields;
        const candidate = {
          ...emptyDraft('UTC', 'en', 'form'),
          ...rest,
          ...(linkedIncident ? { linkedIncident } : {}),
          customerId: 'C0123abcd',
          classificationId: '100001',
          classificationName: 'Google Workspace > Gmail > Mail delivery',
        };
        const errors = validateNewCase(candidate, { customerAccess: 'authorized', openPii: { title: 0, description: 0 } });
        if (hasErrors(errors)) return;
        const parsed = mutationSchema.safeParse(buildCreateCase(candidate, 'local:00000000-0000-4000-8000-000000000000'));
        expect(parsed.error?.issues ?? []).toEqual([]);
      }),
      { numRuns: 400, seed: 16 },
    );
  });

  it('a comment and an escalation', () => {
    fc.assert(
      fc.property(
        textNear(COMMENT_MAX_LENGTH),
        textNear(ESCALATION_JUSTIFICATION_MAX_LENGTH),
        fc.constantFrom(...ESCALATION_REASONS),
        (body, justification, reason) => {
          const caseRef = 'organizations/1/cases/7';
          if (!validateCommentBody(body)) expect(mutationSchema.safeParse({ kind: 'comment', caseRef, body }).success).toBe(true);
          if (!validateEscalationJustification(justification)) {
            expect(mutationSchema.safeParse({ kind: 'escalate', caseRef, reason, justification }).success).toBe(true);
          }
        },
      ),
      { numRuns: 400, seed: 16 },
    );
  });

  it('refuses at the limit plus one in the form, not only later', () => {
    expect(validateEscalationJustification('j'.repeat(ESCALATION_JUSTIFICATION_MAX_LENGTH + 1))).toMatchObject({ code: 'too_long' });
    expect(
      mutationSchema.safeParse({
        kind: 'escalate',
        caseRef: 'c',
        reason: 'BUSINESS_IMPACT',
        justification: 'j'.repeat(ESCALATION_JUSTIFICATION_MAX_LENGTH),
      }).success,
    ).toBe(true);
    expect(CASE_DESCRIPTION_MAX_LENGTH).toBeGreaterThan(CASE_TITLE_MAX_LENGTH);
  });
});
