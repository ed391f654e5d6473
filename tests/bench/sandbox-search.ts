// Benchmark for sandbox search (issue 3: a state + priority + keyword cases.search
// returning a 100-row page at 100k cases in ≤ 50 ms p95). Measured over real HTTP;
// the floor is a trivial GET of the capabilities document on the same server, so a
// slow machine shows up as a slow floor rather than as a search regression.

import { LEGACY_EXTENSIONS_FOR_CLIENT, startSandbox } from '../../electron/sandbox/index';

const QUERIES = [
  'state=OPEN AND (priority=P1 OR priority=P2) AND "mail"',
  'state=OPEN AND (priority=P2 OR priority=P3) AND "printer"',
  'state=CLOSED AND priority=P3 AND "calendar"',
  'state=OPEN AND (priority=P1 OR priority=P2) AND "邮件"',
];

export async function measureSandboxSearch(opts: {
  cases: number;
  runs: number;
  warmup: number;
}): Promise<{ samplesMs: number[]; floorMs: number[] }> {
  const sandbox = await startSandbox({
    seed: 'bench',
    cases: opts.cases,
    supportSimulation: { enabled: false },
    extensions: LEGACY_EXTENSIONS_FOR_CLIENT,
  });
  try {
    const token = sandbox.admin.mintTokens('agent1@reseller-a.example').accessToken;
    const org = sandbox.admin.resellerOrganization('reseller-a.example') ?? '';
    const headers = { authorization: `Bearer ${token}` };
    const search = async (i: number): Promise<void> => {
      const q = encodeURIComponent(QUERIES[i % QUERIES.length] ?? '');
      const res = await fetch(`${sandbox.baseUrl}/v2/${org}/cases:search?query=${q}&pageSize=100`, { headers });
      if (res.status !== 200) throw new Error(`search answered ${res.status}`);
      const body = (await res.json()) as { cases?: unknown[] };
      if (i % QUERIES.length === 0 && (body.cases?.length ?? 0) < 100 && opts.cases >= 10_000)
        throw new Error('benchmark query returned fewer than 100 rows');
    };
    const floor = async (): Promise<void> => {
      const res = await fetch(`${sandbox.baseUrl}/sandbox/capabilities`);
      await res.arrayBuffer();
    };
    for (let i = 0; i < opts.warmup; i++) {
      await search(i);
      await floor();
    }
    const samplesMs: number[] = [];
    const floorMs: number[] = [];
    for (let i = 0; i < opts.runs; i++) {
      let t = performance.now();
      await search(i);
      samplesMs.push(performance.now() - t);
      t = performance.now();
      await floor();
      floorMs.push(performance.now() - t);
    }
    return { samplesMs, floorMs };
  } finally {
    await sandbox.close();
  }
}
