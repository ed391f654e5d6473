// How big each benchmark runs: the real sizes, or tiny ones with `--smoke` (part of `npm test`).
export const smoke = process.argv.includes('--smoke');

export const size = smoke
  ? {
      runs: 3,
      warmup: 1,
      accounts: 2,
      perAccount: 400,
      searchCases: 1_000,
      noopWorld: 300,
      initialWorld: 400,
      fullWorld: 800,
      attachmentMb: 1,
      transferMb: 1,
      transferRuns: 2,
      firstRowsRuns: 2,
      scrollWorld: 800,
      scrollFrames: 20,
    }
  : {
      runs: 20,
      warmup: 3,
      accounts: 5,
      perAccount: 20_000,
      searchCases: 100_000,
      noopWorld: 2_000,
      initialWorld: 30_000,
      fullWorld: 100_000,
      attachmentMb: 25,
      transferMb: 20,
      transferRuns: 5,
      firstRowsRuns: 20,
      // The agent's domain holds about a sixth of the world: a list of about 20,000 cases.
      scrollWorld: 120_000,
      scrollFrames: 300,
    };

export const sender = { url: 'bench', isMainFrame: true };
export const idle = (status: { syncing: boolean; connection: string; pending: number }): boolean =>
  !status.syncing && status.connection === 'online';
