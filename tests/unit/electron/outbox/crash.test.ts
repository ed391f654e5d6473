import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeJournal } from '../../../../electron/services/sync/outbox/journal';
import { open, tempDir } from './helpers';

const driver = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'enqueue-driver.ts');
const account = 'acct-crash';

/** Runs the driver, SIGKILLs it at a random moment after it is up, returns the ids it acknowledged. */
function runAndKill(dir: string, run: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', driver, dir, account, String(run)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: string[] = [];
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), 20 + Math.random() * 200);
        else if (line.startsWith('ack ')) acked.push(line.slice(4));
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`driver exited without being killed: ${stderr}`));
    });
  });
}

describe('outbox survives kill -9', () => {
  it('keeps every acknowledged enqueue exactly once across repeated SIGKILLs', async () => {
    const dir = tempDir();
    const acked: string[] = [];
    let sawInFlight = false;
    for (let run = 0; run < 6; run += 1) {
      acked.push(...(await runAndKill(dir, run)));
      const outbox = await open(dir, { account });
      const entries = outbox.list();
      const ids = entries.map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      const present = new Set(ids);
      expect(acked.filter((id) => !present.has(id))).toEqual([]);
      const seqs = entries.map((e) => e.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(seqs).size).toBe(seqs.length);
      // Every body was enqueued once: no record replayed twice, none written twice.
      const bodies = entries.map((e) => (e.mutation.kind === 'comment' ? e.mutation.body : ''));
      expect(new Set(bodies).size).toBe(bodies.length);
      // Entries the child had marked in flight stay in flight for the engine to reconcile.
      sawInFlight ||= outbox.inFlight().length > 0;
      await outbox.close();
      const decoded = decodeJournal(readFileSync(path.join(dir, account, 'outbox.journal')));
      expect(decoded.skippedLines).toBe(0);
    }
    expect(acked.length).toBeGreaterThan(20);
    expect(sawInFlight).toBe(true);
  }, 120_000); // spawns and kills child processes: generous for a loaded 2-core machine
});
