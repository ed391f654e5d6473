import type { CaseRef, CustomerReport, DashboardInput, DashboardModel } from './model/types';
import type { WorkerAnswer, WorkerRequest } from './worker/protocol';

type Pending = { resolve: (answer: WorkerAnswer) => void; reject: (error: Error) => void };
type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** The page's side of the dashboard worker: one promise per request. */
export class DashboardClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly worker: Worker) {
    worker.onmessage = (event: MessageEvent<WorkerAnswer>) => {
      const answer = event.data;
      const waiting = this.pending.get(answer.id);
      this.pending.delete(answer.id);
      if (!waiting) return;
      if (answer.type === 'error') waiting.reject(new Error(answer.message));
      else waiting.resolve(answer);
    };
    worker.onerror = (event) => {
      for (const waiting of this.pending.values()) waiting.reject(new Error(event.message || 'The dashboard worker failed.'));
      this.pending.clear();
    };
  }

  private send(request: Request): Promise<WorkerAnswer> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id } as WorkerRequest);
    });
  }

  async load(accountIds: readonly string[], refresh: readonly string[] = []): Promise<number> {
    const answer = await this.send({ type: 'load', accountIds, refresh });
    return answer.type === 'loaded' ? answer.cases : 0;
  }

  async compute(input: DashboardInput): Promise<DashboardModel> {
    return (await this.computeTimed(input)).model;
  }

  /** The model and how long the worker computed (for the benchmark's breakdown). */
  async computeTimed(input: DashboardInput): Promise<{ model: DashboardModel; computeMs: number }> {
    const answer = await this.send({ type: 'compute', input });
    if (answer.type !== 'model') throw new Error('unexpected worker answer');
    return { model: answer.model, computeMs: answer.computeMs };
  }

  async drill(input: DashboardInput, key: string): Promise<readonly CaseRef[]> {
    const answer = await this.send({ type: 'drill', input, key });
    return answer.type === 'drill' ? answer.cases : [];
  }

  async report(input: DashboardInput): Promise<CustomerReport> {
    const answer = await this.send({ type: 'report', input });
    if (answer.type !== 'report') throw new Error('unexpected worker answer');
    return answer.report;
  }
}

let shared: DashboardClient | undefined;

/** The app's one dashboard worker, started on first use (a module worker from the app's own origin: CSP worker-src 'self'). */
export function dashboardClient(): DashboardClient {
  shared ??= new DashboardClient(
    new Worker(new URL('./worker/dashboard.worker.ts', import.meta.url), { type: 'module', name: 'dashboard' }),
  );
  return shared;
}
