import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import type { AgencyData } from '../../../shared/domain';
import type { AccountRuntime } from '../../runtime/account-runtime';
import { agentTimeZone } from '../../ui/format';
import { dashboardClient } from './dashboard-client';
import { previousPeriod, resolvePeriod } from './model/periods';
import type { DashboardInput, DashboardModel, DashboardScope } from './model/types';
import type { DashboardPrefs } from './prefs';

/** A replica that keeps changing (a first sync) is re-read once it has been quiet this long. */
const REFRESH_AFTER_MS = 2_000;
/** Running clocks move: recompute every few minutes while the dashboard is open. */
const RECOMPUTE_EVERY_MS = 5 * 60_000;

export interface DashboardState {
  readonly model: DashboardModel | undefined;
  readonly input: DashboardInput | undefined;
  readonly loading: boolean;
  readonly error: string | undefined;
  /** The model shown is for other choices (scope, period) than the ones now asked for: a new one is on its way. */
  readonly stale: boolean;
}

/**
 * The dashboard of a scope: the worker reads the accounts' replicas (again when one changed),
 * then computes; the page only receives the small model.
 */
export function useDashboard(
  runtimes: readonly AccountRuntime[],
  scope: DashboardScope,
  prefs: DashboardPrefs,
  agency: AgencyData,
): DashboardState {
  const [loadedAt, setLoadedAt] = useState(0);
  const [tick, setTick] = useState(() => Date.now());
  const [state, setState] = useState<Omit<DashboardState, 'stale'> & { key: string }>({
    model: undefined,
    input: undefined,
    loading: true,
    error: undefined,
    key: '',
  });
  const accountIds = useMemo(() => runtimes.map((r) => r.account.id), [runtimes]);
  const ids = accountIds.join(',');
  const seen = useRef(new Map<string, number>());

  // Read the replicas into the worker, and again after a replica changed. `ids` decides
  // when to resubscribe: a new array of the same accounts is no change.
  const followReplicas = useEffectEvent(() => {
    let cancelled = false;
    const client = dashboardClient();
    const load = (refresh: string[]): void => {
      client.load(accountIds, refresh).then(
        () => !cancelled && setLoadedAt(Date.now()),
        (error: unknown) => !cancelled && setState((s) => ({ ...s, loading: false, error: String(error) })),
      );
    };
    load([]);
    for (const runtime of runtimes) seen.current.set(runtime.account.id, runtime.version);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const offs = runtimes.map((runtime) =>
      runtime.subscribe(() => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          const changed = runtimes.filter((r) => seen.current.get(r.account.id) !== r.version).map((r) => r.account.id);
          for (const r of runtimes) seen.current.set(r.account.id, r.version);
          if (changed.length > 0) load(changed);
        }, REFRESH_AFTER_MS);
      }),
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
      offs.forEach((off) => off());
    };
  });
  useEffect(() => followReplicas(), [ids]);

  useEffect(() => {
    const timer = setInterval(() => setTick(Date.now()), RECOMPUTE_EVERY_MS);
    return () => clearInterval(timer);
  }, []);

  const scopeKey = JSON.stringify(scope);
  const periodKey = JSON.stringify(prefs.period);
  const key = `${scopeKey}|${periodKey}|${prefs.compare}`;
  // scopeKey / periodKey stand for scope and prefs.period (new objects with the same content are no change).
  const compute = useEffectEvent(() => {
    let cancelled = false;
    const nowMs = Date.now();
    const timeZone = agentTimeZone();
    const period = resolvePeriod(prefs.period, nowMs, timeZone);
    const input: DashboardInput = { scope, period, previous: prefs.compare ? previousPeriod(period) : undefined, nowMs, timeZone, agency };
    setState((s) => ({ ...s, loading: s.model === undefined }));
    dashboardClient()
      .compute(input)
      .then(
        (model) => !cancelled && setState({ model, input, loading: false, error: undefined, key }),
        (error: unknown) => !cancelled && setState((s) => ({ ...s, loading: false, error: String(error) })),
      );
    return () => {
      cancelled = true;
    };
  });
  useEffect(() => (loadedAt === 0 ? undefined : compute()), [loadedAt, tick, scopeKey, periodKey, prefs.compare, agency]);

  return { model: state.model, input: state.input, loading: state.loading, error: state.error, stale: state.key !== key };
}
