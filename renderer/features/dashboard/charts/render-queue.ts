// Charts are drawn one per task, so painting a whole dashboard never holds the main thread
// in one long task (issue 19: no task over 50 ms). A MessageChannel gives a macrotask
// without setTimeout's clamping.

type Job = () => void;
const jobs: Job[] = [];
let scheduled = false;
const channel = typeof MessageChannel === 'undefined' ? undefined : new MessageChannel();

function runNext(): void {
  scheduled = false;
  const job = jobs.shift();
  if (job) job();
  if (jobs.length > 0) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  if (channel) channel.port2.postMessage(0);
  else setTimeout(runNext, 0);
}

if (channel) channel.port1.onmessage = runNext;

/** Runs `job` in a task of its own after the jobs already queued; returns a cancel function. */
export function queueChartJob(job: Job): () => void {
  jobs.push(job);
  schedule();
  return () => {
    const index = jobs.indexOf(job);
    if (index >= 0) jobs.splice(index, 1);
  };
}

/** Resolves once every queued chart job has run and the result was painted. */
export function chartsSettled(): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (jobs.length > 0 || scheduled) queueChartJob(check);
      else requestAnimationFrame(() => setTimeout(resolve, 0));
    };
    queueChartJob(check);
  });
}
