// Charts are drawn one per task, so painting a whole dashboard never holds the main thread
// in one long task (issue 19: no task over 50 ms). A MessageChannel gives a macrotask
// without setTimeout's clamping.

type Job = () => void;
const jobs: Job[] = [];
/** Callers waiting for the queue to drain (chartsSettled). */
const waiters: Array<() => void> = [];
let scheduled = false;
const channel = typeof MessageChannel === 'undefined' ? undefined : new MessageChannel();

/** After the last chart job: let the browser paint, then tell whoever waits. */
function settle(): void {
  if (waiters.length === 0) return;
  const ready = waiters.splice(0);
  requestAnimationFrame(() => setTimeout(() => ready.forEach((resolve) => resolve()), 0));
}

function runNext(): void {
  scheduled = false;
  const job = jobs.shift();
  try {
    job?.();
  } catch (error) {
    // One chart failing must not stop the others (nor "all charts painted").
    console.error('chart rendering failed', error);
  } finally {
    if (jobs.length > 0) schedule();
    else settle();
  }
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
    waiters.push(resolve);
    // Nothing queued: settle after a pass through the queue, so jobs queued in this same task count too.
    schedule();
  });
}
