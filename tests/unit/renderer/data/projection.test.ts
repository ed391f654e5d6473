import { describe, expect, it } from 'vitest';
import { createProjection, type ProjectionCaseInput, type Projection, type ProjectionQuery } from '../../../../renderer/data/projection';
import { toCaseRecord } from '../../../../renderer/data/records';
import { matchesQuery, parseQuery, uniqueTokens } from '../../../../shared/domain/search-tokens';
import { makeCase } from './fixtures';
import type { ReplicaCase } from '../../../../shared/ipc/replica';

function rec(n: number, over: Partial<ReplicaCase> = {}): ProjectionCaseInput {
  return toCaseRecord(makeCase(n, over));
}

function names(p: Projection, q: ProjectionQuery): string[] {
  return p.names(p.query(q));
}

function num(n: number): string {
  return makeCase(n).name;
}

function sample(): Projection {
  const p = createProjection(4);
  p.setCustomers([
    { customerId: 'C1', displayName: 'Lumière Boulangerie SARL' },
    { customerId: 'C2', displayName: 'PT Sinar Nusantara' },
    { customerId: 'C3', displayName: '台北貿易股份有限公司' },
  ]);
  p.upsertCases([
    rec(1, {
      displayName: 'Printer offline after update',
      description: 'The printer in the EU office stays offline.',
      customerId: 'C1',
      priority: 'P2',
      state: 'NEW',
    }),
    rec(2, {
      displayName: '打印机无法连接',
      description: '用户反映打印机无法连接到云端。',
      customerId: 'C3',
      priority: 'P1',
      state: 'ACTION_REQUIRED',
      escalated: true,
    }),
    rec(3, {
      displayName: 'Problème de réseau',
      description: 'Les e-mails ne sont plus délivrés.',
      customerId: 'C1',
      priority: 'P3',
      state: 'CLOSED',
    }),
    rec(4, {
      displayName: 'Pengguna tidak dapat mengirim email',
      description: 'Sejak pagi, delivery delayed.',
      customerId: 'C2',
      priority: 'P4',
      state: 'IN_PROGRESS_GOOGLE_SUPPORT',
    }),
    rec(5, {
      displayName: 'Delivery delayed for external recipients',
      description: 'Gmail queues messages.',
      customerId: 'C2',
      priority: 'P2',
      state: 'CLOSED',
    }),
  ]);
  return p;
}

describe('projection keyword search', () => {
  it('finds an English term in title or description, case-insensitively', () => {
    const p = sample();
    expect(names(p, { keyword: 'PRINTER ' })).toEqual([num(1)]);
    expect(names(p, { keyword: 'delayed ' }).sort()).toEqual([num(4), num(5)].sort());
  });

  it('finds a French accented term typed without accents', () => {
    const p = sample();
    expect(names(p, { keyword: 'reseau' })).toEqual([num(3)]);
    expect(names(p, { keyword: 'delivres' })).toEqual([num(3)]);
    expect(names(p, { keyword: 'Réseau' })).toEqual([num(3)]);
  });

  it('finds Chinese through bigrams: 打印机 matches 打印机无法连接, a lone character matches too', () => {
    const p = sample();
    expect(names(p, { keyword: '打印机' })).toEqual([num(2)]);
    expect(names(p, { keyword: '无法连接' })).toEqual([num(2)]);
    expect(names(p, { keyword: '机' })).toEqual([num(2)]);
    expect(names(p, { keyword: '打印机 printer' })).toEqual([]);
  });

  it('matches the last word as a prefix while it is being typed', () => {
    const p = sample();
    const typed = ['p', 'pr', 'pri', 'prin', 'print', 'printe', 'printer'].map((k) => names(p, { keyword: k }));
    expect(typed.at(-1)).toEqual([num(1)]);
    expect(typed[3]).toEqual([num(1)]);
    expect(typed[0]).toContain(num(4)); // "pengguna", "pagi"
    // A finished word (trailing space) is an exact token, not a prefix.
    expect(names(p, { keyword: 'deliv ' })).toEqual([]);
    expect(names(p, { keyword: 'deliv' }).sort()).toEqual([num(3), num(4), num(5)].sort()); // délivrés too
  });

  it('searches case numbers and customer names', () => {
    const p = sample();
    expect(names(p, { keyword: makeCase(3).caseNumber })).toEqual([num(3)]);
    expect(names(p, { keyword: '100' }).length).toBe(5); // prefix of every case number
    expect(names(p, { keyword: 'nusantara' }).sort()).toEqual([num(4), num(5)].sort());
    expect(names(p, { keyword: 'lumiere printer' })).toEqual([num(1)]);
    expect(names(p, { keyword: '貿易' })).toEqual([num(2)]);
  });

  it('searches comment text added later, also for comments that arrive before their case', () => {
    const p = sample();
    p.addCommentText(num(5), 'Please send the HAR file');
    expect(names(p, { keyword: 'har ' })).toEqual([num(5)]);
    p.addCommentText(num(9), 'quarantaine du courriel');
    expect(names(p, { keyword: 'quarantaine' })).toEqual([]);
    p.upsertCases([rec(9)]);
    expect(names(p, { keyword: 'quarantaine' })).toEqual([num(9)]);
  });

  it('re-indexes an edited title exactly, keeping words a comment still has', () => {
    const p = sample();
    p.addCommentText(num(1), 'offline since Monday');
    p.upsertCases([rec(1, { displayName: 'Scanner jammed', description: 'Nothing else', customerId: 'C1', priority: 'P2', state: 'NEW' })]);
    expect(names(p, { keyword: 'printer ' })).toEqual([]);
    expect(names(p, { keyword: 'scanner ' })).toEqual([num(1)]);
    expect(names(p, { keyword: 'offline ' })).toEqual([num(1)]);
  });

  it('removes cases from the index and the lists', () => {
    const p = sample();
    p.removeCases([num(2), 'unknown']);
    expect(p.size).toBe(4);
    expect(p.has(num(2))).toBe(false);
    expect(names(p, { keyword: '打印机' })).toEqual([]);
    expect(names(p, {})).not.toContain(num(2));
    expect(p.stats().postings).toBe(p.stats().rowTokenIds);
  });

  it('agrees with the reference matcher of shared/domain on every query', () => {
    const p = sample();
    const docs = new Map<string, Set<string>>();
    const customers: Record<string, string> = { C1: 'Lumière Boulangerie SARL', C2: 'PT Sinar Nusantara', C3: '台北貿易股份有限公司' };
    for (let n = 1; n <= 5; n++) {
      const r = p.rowOf(p.query({}).ids[0] as number) && rowByName(p, num(n));
      docs.set(num(n), uniqueTokens(`${r.title}\n${descOf(n)}\n${r.caseNumber}\n${customers[r.customerId] ?? ''}`));
    }
    for (const q of ['p', 'de', 'del', 'printer', '打印', '机', '連', 'ré', 'e-mail', 'sinar pt', '100', 'email ', 'gmail queue']) {
      const parsed = parseQuery(q);
      const expected = [...docs]
        .filter(([, tokens]) => matchesQuery(tokens, parsed))
        .map(([n]) => n)
        .sort();
      expect(names(p, { keyword: q }).sort(), q).toEqual(expected);
    }
  });
});

const DESCS: Record<number, string> = {
  1: 'The printer in the EU office stays offline.',
  2: '用户反映打印机无法连接到云端。',
  3: 'Les e-mails ne sont plus délivrés.',
  4: 'Sejak pagi, delivery delayed.',
  5: 'Gmail queues messages.',
};
function descOf(n: number): string {
  return DESCS[n] ?? '';
}
function rowByName(p: Projection, name: string): ReturnType<Projection['rowOf']> {
  const all = p.query({});
  for (const id of all.ids) if (p.nameOf(id) === name) return p.rowOf(id);
  throw new Error(`no row ${name}`);
}

describe('projection filters and sorting', () => {
  it('defaults to most recently updated first', () => {
    const p = sample();
    expect(names(p, {})).toEqual([5, 4, 3, 2, 1].map(num));
  });

  it('combines keyword, state, priority, customer, escalated and pending filters', () => {
    const p = sample();
    expect(names(p, { openOnly: true })).toEqual([4, 2, 1].map(num));
    expect(names(p, { closedOnly: true })).toEqual([5, 3].map(num));
    expect(names(p, { states: ['NEW', 'ACTION_REQUIRED'] })).toEqual([2, 1].map(num));
    expect(names(p, { priorities: ['P2'] })).toEqual([5, 1].map(num));
    expect(names(p, { customerIds: ['C2'] })).toEqual([5, 4].map(num));
    expect(names(p, { escalated: true })).toEqual([num(2)]);
    expect(names(p, { escalated: false, customerIds: ['C3'] })).toEqual([]);
    expect(names(p, { pendingCaseNames: new Set([num(3), num(4), 'local:x']) })).toEqual([4, 3].map(num));
    expect(names(p, { keyword: 'delayed', openOnly: true })).toEqual([num(4)]);
    expect(names(p, { keyword: 'delayed', priorities: ['P2'], customerIds: ['C2'], closedOnly: true })).toEqual([num(5)]);
    expect(names(p, { keyword: 'delayed', priorities: ['P1'] })).toEqual([]);
  });

  it('sorts by every column in both directions, ties by most recent update', () => {
    const p = sample();
    expect(names(p, { sort: { key: 'updateTime', dir: 'asc' } })).toEqual([1, 2, 3, 4, 5].map(num));
    expect(names(p, { sort: { key: 'priority', dir: 'asc' } })).toEqual([2, 5, 1, 3, 4].map(num));
    expect(names(p, { sort: { key: 'priority', dir: 'desc' } })).toEqual([4, 3, 5, 1, 2].map(num));
    expect(names(p, { sort: { key: 'state', dir: 'asc' } })).toEqual([1, 4, 2, 5, 3].map(num));
    expect(names(p, { sort: { key: 'caseNumber', dir: 'desc' } })).toEqual([5, 4, 3, 2, 1].map(num));
    expect(names(p, { sort: { key: 'createTime', dir: 'asc' } })).toEqual([1, 2, 3, 4, 5].map(num));
    expect(names(p, { sort: { key: 'title', dir: 'asc' } })).toEqual([5, 4, 1, 3, 2].map(num));
    expect(names(p, { sort: { key: 'customer', dir: 'asc' } })).toEqual([3, 1, 5, 4, 2].map(num));
  });

  it('keeps cached orders right through incremental updates', () => {
    const p = sample();
    expect(names(p, {})).toEqual([5, 4, 3, 2, 1].map(num));
    names(p, { sort: { key: 'title', dir: 'asc' } });
    p.upsertCases([rec(1, { updateTime: '2027-01-01T00:00:00Z', displayName: 'Aardvark', customerId: 'C1' }), rec(6)]);
    p.removeCases([num(4)]);
    expect(names(p, {})).toEqual([1, 6, 5, 3, 2].map(num));
    expect(names(p, { sort: { key: 'title', dir: 'asc' } })[0]).toBe(num(1));
    expect(names(p, { sort: { key: 'title', dir: 'asc' } })).toHaveLength(5);
  });

  it('matches a brute-force filter on a larger random set after many updates', () => {
    const p = createProjection();
    const all = new Map<string, ProjectionCaseInput>();
    let seed = 7;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const words = ['alpha', 'beta', 'gamma', '打印机', '无法', 'réseau', 'email'];
    for (let step = 0; step < 600; step++) {
      const n = Math.floor(rnd() * 150);
      if (rnd() < 0.15) {
        p.removeCases([num(n)]);
        all.delete(num(n));
        continue;
      }
      const r = rec(n, {
        displayName: `${words[Math.floor(rnd() * words.length)] ?? ''} ${words[Math.floor(rnd() * words.length)] ?? ''}`,
        priority: (['P1', 'P2', 'P3', 'P4'] as const)[Math.floor(rnd() * 4)] ?? 'P3',
        state: rnd() < 0.5 ? 'CLOSED' : 'NEW',
        updateTime: new Date(Date.UTC(2026, 0, 1) + Math.floor(rnd() * 1e9)).toISOString(),
      });
      p.upsertCases([r]);
      all.set(r.name, r);
      if (step % 50 === 0) names(p, { keyword: 'alp', openOnly: true }); // exercise the incremental order path
    }
    for (const keyword of ['alp', 'email ', '打印', 'reseau', '']) {
      const parsed = parseQuery(keyword);
      const expected = [...all.values()]
        .filter((r) => r.state !== 'CLOSED' && matchesQuery(uniqueTokens(`${r.displayName}\n${r.description}\n${r.caseNumber}`), parsed))
        .sort((a, b) => b.updateTimeMs - a.updateTimeMs || (a.name < b.name ? -1 : 1))
        .map((r) => r.updateTimeMs);
      const got = p.query({ keyword, openOnly: true });
      expect(
        [...got.ids].map((id) => p.rowOf(id).updateTimeMs),
        keyword,
      ).toEqual(expected);
    }
  });
});
