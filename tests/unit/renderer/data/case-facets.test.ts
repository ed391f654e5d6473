import { describe, expect, it } from 'vitest';
import { createProjection } from '../../../../renderer/data/projection';
import { toCaseRecord } from '../../../../renderer/data/records';
import { makeCase } from './fixtures';

// Issue 17 §1: the sets behind "Mine", "Needs my reply" and the category filter.

const me = 'agent1@reseller-a.example';

function projectionWith() {
  const projection = createProjection();
  projection.upsertCases([
    toCaseRecord(makeCase(1, { creatorEmail: 'Agent1@Reseller-A.example', classificationId: 'gmail' })),
    toCaseRecord(makeCase(2, { creatorEmail: 'agent2@reseller-a.example', subscriberEmails: [me], classificationId: 'drive' })),
    toCaseRecord(makeCase(3, { creatorEmail: 'agent2@reseller-a.example', classificationId: 'gmail' })),
    toCaseRecord(makeCase(4, { creatorEmail: 'admin@customer.example', state: 'CLOSED' })),
  ]);
  return projection;
}
const nameOf = (n: number): string => makeCase(n).name;

describe('case facets', () => {
  it('knows which cases an agent created or follows, case-blind', () => {
    const projection = projectionWith();
    expect([...projection.facets.involving(me)].sort()).toEqual([nameOf(1), nameOf(2)]);
    // A change of subscribers moves the case in or out.
    projection.upsertCases([toCaseRecord(makeCase(2, { creatorEmail: 'agent2@reseller-a.example', subscriberEmails: [] }))]);
    expect([...projection.facets.involving(me)]).toEqual([nameOf(1)]);
  });

  it('knows who spoke last, whatever order the comments arrive in', () => {
    const projection = projectionWith();
    projection.addCommentText(nameOf(1), 'Google asks for headers', { googleSupport: true, createTimeMs: 2_000 });
    projection.addCommentText(nameOf(1), 'Agent replied earlier', { googleSupport: false, createTimeMs: 1_000 });
    projection.addCommentText(nameOf(3), 'Google answered', { googleSupport: true, createTimeMs: 1_000 });
    projection.addCommentText(nameOf(3), 'Customer replied', { googleSupport: false, createTimeMs: 3_000 });
    expect([...projection.facets.googleSpokeLast()]).toEqual([nameOf(1)]);
    projection.removeCases([nameOf(1)]);
    expect(projection.facets.googleSpokeLast().size).toBe(0);
  });

  it('filters a query to a view set and to categories, with the other filters', () => {
    const projection = projectionWith();
    const gmail = projection.facets.inCategories(['gmail']);
    expect([...gmail].sort()).toEqual([nameOf(1), nameOf(3)]);
    expect(projection.facets.inCategories(['gmail', 'drive']).size).toBe(3);
    const result = projection.query({ onlyNames: projection.facets.involving(me), openOnly: true });
    expect(projection.names(result).sort()).toEqual([nameOf(1), nameOf(2)]);
    expect(projection.query({ onlyNames: new Set() }).total).toBe(0);
  });
});
