import type { CaseRef, CustomerReport, DashboardInput, DashboardModel } from '../model/types';

// Messages between the page and the dashboard worker. Every request carries an id; the
// worker answers each with the same id (or an error).

export type WorkerRequest =
  /** Keep exactly `accountIds`; (re)read from IndexedDB those not held yet and those in `refresh`. */
  | { readonly id: number; readonly type: 'load'; readonly accountIds: readonly string[]; readonly refresh: readonly string[] }
  | { readonly id: number; readonly type: 'compute'; readonly input: DashboardInput }
  | { readonly id: number; readonly type: 'drill'; readonly input: DashboardInput; readonly key: string }
  | { readonly id: number; readonly type: 'report'; readonly input: DashboardInput };

export type WorkerAnswer =
  | { readonly id: number; readonly type: 'loaded'; readonly cases: number }
  | { readonly id: number; readonly type: 'model'; readonly model: DashboardModel; readonly computeMs: number }
  | { readonly id: number; readonly type: 'drill'; readonly cases: readonly CaseRef[] }
  | { readonly id: number; readonly type: 'report'; readonly report: CustomerReport }
  | { readonly id: number; readonly type: 'error'; readonly message: string };
