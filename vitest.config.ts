import { defineConfig } from 'vitest/config';

// Two projects, one per runtime: shared/electron/sandbox code runs in plain Node;
// renderer code runs in happy-dom with fake-indexeddb standing in for IndexedDB.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'tests/unit/shared/**/*.test.ts',
            'tests/unit/electron/**/*.test.ts',
            'tests/unit/sandbox/**/*.test.ts',
            'tests/conformance/**/*.test.ts',
          ],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['tests/unit/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['fake-indexeddb/auto'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
