import { describe, expect, it } from 'vitest';
import { createCaseFacts } from '../../../../renderer/data/case-facts';

const caseName = 'organizations/1/cases/1001';
const comment = (n: number, createTimeMs: number, googleSupport: boolean) => ({
  name: `${caseName}/comments/${n}`,
  caseName,
  createTimeMs,
  googleSupport,
});

describe('case facts: comment times', () => {
  it('counts a comment seen twice once (hydration and a batch can both bring it)', () => {
    const facts = createCaseFacts();
    facts.addComments([comment(1, 1_000, true), comment(2, 2_000, false)]);
    facts.addComments([comment(1, 1_000, true), comment(2, 2_000, false), comment(3, 3_000, true)]);
    expect(facts.get(caseName)?.thread).toEqual({ google: [1_000, 3_000], others: [2_000] });
  });

  it('keeps two different comments written in the same millisecond on the same side', () => {
    const facts = createCaseFacts();
    facts.addComments([comment(1, 5_000, false), comment(2, 5_000, false)]);
    expect(facts.get(caseName)?.thread).toEqual({ google: [], others: [5_000, 5_000] });
  });
});
