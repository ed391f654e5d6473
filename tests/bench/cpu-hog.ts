// The "under load" condition (issue 21 §3): a child process spinning on one core while the
// browser figures are measured a second time, as when an agent's laptop runs other work.
import { spawn } from 'node:child_process';

export interface CpuHog {
  readonly label: string;
  stop(): Promise<void>;
}

/** Starts a busy-looping Node process (one core); resolves once it is spinning. */
export async function startCpuHog(): Promise<CpuHog> {
  const child = spawn(process.execPath, ['-e', 'process.stdout.write("spinning\\n"); for (;;) {}'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.stdout.once('data', () => resolve());
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    label: `under load: a CPU hog process (pid ${child.pid}) spinning on one core`,
    async stop() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
