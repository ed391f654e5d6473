import { describe, expect, it } from 'vitest';
import { createCaseFacts } from '../../../../renderer/data/case-facts';
import { createProjection } from '../../../../renderer/data/projection';
import { toCaseRecord, toCommentRecord, type CommentRecord } from '../../../../renderer/data/records';
import { slaClocksOf } from '../../../../renderer/features/case-detail/sla-view';
import { dueSlaNotifications } from '../../../../renderer/features/cases/sla-watch';
import { slaCellsFor, slaDueFor } from '../../../../renderer/features/sla-plans';
import { EMPTY_AGENCY_DATA, STARTER_PLAN, indexAgency, type AgencyData, type SlaPlan } from '../../../../shared/domain';
import { makeCase, makeComment } from '../data/fixtures';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const plan24: SlaPlan = {
  id: 'p24',
  name: '24×7',
  coverage: { kind: '24x7' },
  targets: {
    P1: { firstResponseMinutes: 15, updateMinutes: 60 },
    P2: { firstResponseMinutes: 120, updateMinutes: 240 },
    P3: { firstResponseMinutes: 480, updateMinutes: 960 },
    P4: { firstResponseMinutes: 1440, updateMinutes: 2880 },
  },
};
const agencyWith = (over: Partial<AgencyData>) => indexAgency({ ...EMPTY_AGENCY_DATA, plans: [STARTER_PLAN, plan24], ...over });

describe('the list’s SLA column (issue 14: the list ignored the thread and the case’s time zone)', () => {
  // Fri 20 Nov 2026 01:00Z = 09:00 in Taipei, 20:00 Thursday in New York.
  const created = Date.parse('2026-11-20T01:00:00Z');
  const kase = toCaseRecord(
    makeCase(1, {
      state: 'IN_PROGRESS_GOOGLE_SUPPORT',
      priority: 'P2',
      timeZone: 'Asia/Taipei',
      createTime: new Date(created).toISOString(),
      updateTime: new Date(created + 2 * HOUR).toISOString(),
    }),
  );
  const googleReply: CommentRecord = toCommentRecord(
    makeComment(kase.name, 2, { googleSupport: true, createTime: new Date(created + HOUR).toISOString() }),
  );

  function setup(agency = agencyWith({})) {
    const projection = createProjection();
    const facts = createCaseFacts();
    projection.upsertCases([kase]);
    facts.upsertCases([kase]);
    facts.addComments([googleReply]);
    const row = projection.rowOf(projection.query({}).ids[0] as number);
    return { projection, facts, row, agency };
  }

  /** The clocks the case detail shows for the same case at `now`. */
  const detailClocks = (facts: ReturnType<typeof setup>['facts'], agency: ReturnType<typeof setup>['agency'], now: number) =>
    slaClocksOf({ ...kase, pending: false, pendingKinds: [] }, [googleReply], facts.get(kase.name), agency.planOf('C1'), now);

  it('shows exactly the detail’s running clock: the update due after Google’s reply, in business hours of the case’s zone', () => {
    const { facts, row, agency } = setup();
    const now = created + 3 * HOUR; // 12:00 Taipei
    const cell = slaCellsFor(facts, agency, now)(row);
    const detail = detailClocks(facts, agency, now);
    expect(cell?.kind).toBe('update');
    expect(detail.current?.kind).toBe('update');
    expect(cell?.targetAt).toBe(new Date(detail.current!.status.targetMs).toISOString());
    expect(cell?.ms).toBe(detail.current!.status.remainingMs);
    // Starter plan P2: the next update within 8 business hours of Google's reply (Fri 10:00 Taipei): 7 h Friday + 1 h Monday.
    expect(cell?.targetAt).toBe('2026-11-23T02:00:00.000Z');
  });

  it('follows the customer’s plan: another plan changes the list and the detail alike', () => {
    const { facts, row } = setup();
    const agency = agencyWith({ customers: [{ customerId: 'C1', planId: 'p24' }] });
    const now = created + 90 * MINUTE;
    const cell = slaCellsFor(facts, agency, now)(row);
    const detail = detailClocks(facts, agency, now);
    expect(cell?.targetAt).toBe(new Date(created + HOUR + 4 * HOUR).toISOString());
    expect(cell?.ms).toBe(detail.current!.status.remainingMs);
  });

  it('sorts by time left through the projection’s sla order, cases without a running clock last', () => {
    const projection = createProjection();
    const facts = createCaseFacts();
    const agency = agencyWith({ defaultPlanId: 'p24' });
    const at = (n: number, priority: 'P1' | 'P3', state: 'NEW' | 'CLOSED') =>
      toCaseRecord(
        makeCase(n, { priority, state, createTime: new Date(created).toISOString(), updateTime: new Date(created + n).toISOString() }),
      );
    const records = [at(1, 'P3', 'NEW'), at(2, 'P1', 'NEW'), at(3, 'P1', 'CLOSED')];
    projection.upsertCases(records);
    facts.upsertCases(records);
    projection.setSlaKey(slaDueFor(facts, agency, created));
    const order = Array.from(projection.query({ sort: { key: 'sla', dir: 'asc' } }).ids, (id) => projection.rowOf(id).caseNumber);
    expect(order).toEqual(['1002', '1001', '1003']);
    // A new plan re-keys the order.
    projection.setSlaKey(
      slaDueFor(
        facts,
        agencyWith({
          defaultPlanId: 'p24',
          plans: [STARTER_PLAN, { ...plan24, targets: { ...plan24.targets, P3: { firstResponseMinutes: 1, updateMinutes: 1 } } }],
        }),
        created,
      ),
    );
    const reordered = Array.from(projection.query({ sort: { key: 'sla', dir: 'asc' } }).ids, (id) => projection.rowOf(id).caseNumber);
    expect(reordered).toEqual(['1001', '1002', '1003']);
  });

  it('notifies once per case and clock when a running clock comes close to breach', () => {
    const projection = createProjection();
    const facts = createCaseFacts();
    const now = Date.parse('2026-11-22T10:00:00Z');
    const record = (n: number, minutesAgo: number, state: 'NEW' | 'CLOSED') =>
      toCaseRecord(
        makeCase(n, {
          priority: 'P1',
          state,
          createTime: new Date(now - minutesAgo * MINUTE).toISOString(),
          updateTime: new Date(now - minutesAgo * MINUTE).toISOString(),
        }),
      );
    // 24×7 P1: a 15-minute first response. 14 min in = 93 % (danger); 2 min = 13 %.
    const records = [record(1, 14, 'NEW'), record(2, 2, 'NEW'), record(3, 14, 'CLOSED')];
    projection.upsertCases(records);
    facts.upsertCases(records);
    const agency = agencyWith({ defaultPlanId: 'p24' });
    const due = dueSlaNotifications(projection, facts, 'acc', agency, now, new Set());
    expect(due.map((item) => item.row.caseNumber)).toEqual(['1001']);
    expect(dueSlaNotifications(projection, facts, 'acc', agency, now, new Set(due.map((item) => item.key)))).toEqual([]);
  });
});
