import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { showNotification } from '../../app/notifications';
import { openCase } from '../../app/open-case';
import { useRuntimes } from '../../app/runtime-context';
import { listCustomers, supportTierOf, type ProjectedCase, type Projection } from '../../data';
import type { SupportTier } from '../../../shared/domain';
import { slaCellOf } from './row-model';

const notifiedKey = 'rsc-sla-notified';
const checkEveryMs = 60_000;

function notifiedSet(): Set<string> {
  try {
    return new Set(JSON.parse(localStorage.getItem(notifiedKey) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

/** Cases whose running SLA clock is close to breach and not notified yet (keys: account|case|state). */
export function dueSlaNotifications(
  projection: Projection,
  accountId: string,
  tierOf: (customerId: string) => SupportTier,
  now: number,
  notified: ReadonlySet<string>,
): Array<{ key: string; row: ProjectedCase }> {
  const due: Array<{ key: string; row: ProjectedCase }> = [];
  for (const id of projection.query({ states: ['NEW', 'ACTION_REQUIRED'] }).ids) {
    const row = projection.rowOf(id);
    const key = `${accountId}|${row.name}|${row.state}`;
    if (notified.has(key)) continue;
    if (slaCellOf(row, tierOf(row.customerId), now)?.level === 'danger') due.push({ key, row });
  }
  return due;
}

/**
 * Every minute, looks at the running SLA clocks of every account (Google's first response
 * while NEW, the agent's reply while ACTION_REQUIRED) and raises one desktop notification
 * per case and clock when it comes close to breach; clicking opens the case in its domain.
 */
export function useSlaWatch(): void {
  const runtimes = useRuntimes();
  const { t } = useTranslation('cases');
  useEffect(() => {
    let cancelled = false;
    const check = async (): Promise<void> => {
      const notified = notifiedSet();
      const now = Date.now();
      for (const runtime of runtimes.values()) {
        if (!runtime.isHydrated) continue;
        const tiers = new Map(
          (await listCustomers(runtime.db)).map((customer) => [customer.customerId, supportTierOf(customer.customerId)]),
        );
        if (cancelled) return;
        for (const { key, row } of dueSlaNotifications(
          runtime.projection,
          runtime.account.id,
          (id) => tiers.get(id) ?? 'standard',
          now,
          notified,
        )) {
          notified.add(key);
          showNotification(runtime.account.domain, t('sla.closeToBreach', { number: row.caseNumber, title: row.title }), () =>
            openCase(runtime.account.id, row.name),
          );
        }
      }
      // Keep the memory bounded: the newest keys are the ones that matter.
      localStorage.setItem(notifiedKey, JSON.stringify([...notified].slice(-2000)));
    };
    void check();
    const timer = setInterval(() => void check(), checkEveryMs);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [runtimes, t]);
}
