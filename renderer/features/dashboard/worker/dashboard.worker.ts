// The dashboard's worker: holds a compact copy of every account's replica and computes the
// dashboard, drill-downs and customer reports off the page's main thread (issue 19 §4).

import { computeDashboard, drillCases } from '../model/compute';
import { customerReport } from '../model/report';
import type { DashboardCase, DashboardCustomer } from '../model/types';
import { loadAccount } from './replica-loader';
import type { WorkerAnswer, WorkerRequest } from './protocol';

const accounts = new Map<string, { cases: DashboardCase[]; customers: DashboardCustomer[] }>();
let all: { cases: DashboardCase[]; customers: DashboardCustomer[] } = { cases: [], customers: [] };

function rebuild(): void {
  all = { cases: [...accounts.values()].flatMap((a) => a.cases), customers: [...accounts.values()].flatMap((a) => a.customers) };
}

async function handle(request: WorkerRequest): Promise<WorkerAnswer> {
  switch (request.type) {
    case 'load': {
      for (const id of [...accounts.keys()]) if (!request.accountIds.includes(id)) accounts.delete(id);
      for (const id of request.accountIds) if (!accounts.has(id) || request.refresh.includes(id)) accounts.set(id, await loadAccount(id));
      rebuild();
      return { id: request.id, type: 'loaded', cases: all.cases.length };
    }
    case 'compute': {
      const t0 = performance.now();
      const model = computeDashboard(all.cases, all.customers, request.input);
      return { id: request.id, type: 'model', model, computeMs: performance.now() - t0 };
    }
    case 'drill':
      return { id: request.id, type: 'drill', cases: drillCases(all.cases, request.input, request.key) };
    case 'report':
      return { id: request.id, type: 'report', report: customerReport(all.cases, all.customers, request.input) };
  }
}

// Requests run one at a time, in order: a load always lands before the compute that follows it.
let queue: Promise<void> = Promise.resolve();
self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  queue = queue.then(async () => {
    let answer: WorkerAnswer;
    try {
      answer = await handle(request);
    } catch (error) {
      answer = { id: request.id, type: 'error', message: error instanceof Error ? error.message : String(error) };
    }
    self.postMessage(answer);
  });
};
