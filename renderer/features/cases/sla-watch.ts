import { useEffect } from 'react';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { showNotification } from '../../runtime/notifications';
import { openCase } from '../../runtime/open-case';
import { useRuntimes } from '../../runtime/runtime-context';
import { caseSla, type AgencyIndex } from '../../../shared/domain';
import { yieldToBackground, type CaseFactsStore, type ProjectedCase, type Projection } from '../../data';
import { browserStorage, defineSlot, storageKeys } from '../../platform/storage';
import { slaInputOf, useAgency } from '../sla-plans';

const checkEveryMs = 60_000;

/** Notifications already shown (keys start with the account id, so sign-out can drop an account's). */
const notifiedSlot = defineSlot({ version: 1, schema: z.array(z.string()) });

function notifiedSet(): Set<string> {
  return new Set(notifiedSlot.read(browserStorage.local(), storageKeys.slaNotified.prefix) ?? []);
}

/** Sign-out: the account's notification marks go with it. */
export function forgetSlaNotifications(accountId: string, storage: Storage = browserStorage.local()): void {
  const kept = [...notifiedSet()].filter((key) => !key.startsWith(`${accountId}|`));
  notifiedSlot.write(storage, storageKeys.slaNotified.prefix, kept);
}

/** Cases whose running SLA clock is close to breach and not notified yet (keys: account|case|clock|start). */
export function dueSlaNotifications(
  projection: Projection,
  facts: CaseFactsStore,
  accountId: string,
  agency: AgencyIndex,
  now: number,
  notified: ReadonlySet<string>,
  ids: ArrayLike<number> = projection.query({ openOnly: true }).ids,
): Array<{ key: string; row: ProjectedCase }> {
  const due: Array<{ key: string; row: ProjectedCase }> = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    const row = projection.rowOf(id);
    const clock = caseSla(slaInputOf(row, facts.get(row.name)), agency.planOf(row.customerId), now).current;
    if (clock?.status.level !== 'danger') continue;
    const key = `${accountId}|${row.name}|${clock.kind}|${clock.startMs}`;
    if (!notified.has(key)) due.push({ key, row });
  }
  return due;
}

/**
 * Open cases checked per task: a whole replica at once would hold the main thread. 2,000 a
 * slice was a 112 ms task under load at 20k cases (the scroll bench, issue 21); 200 keep a
 * slice to about a tenth of that.
 */
const sliceSize = 200;

/**
 * Every minute, looks at the running SLA clocks of every account (Google's first response,
 * then the next update due under the customer's plan) and raises one desktop notification
 * per case and clock when it comes close to breach; clicking opens the case in its domain.
 */
export function useSlaWatch(): void {
  const runtimes = useRuntimes();
  const { t } = useTranslation('cases');
  const agency = useAgency();
  useEffect(() => {
    let cancelled = false;
    const check = async (): Promise<void> => {
      const notified = notifiedSet();
      const now = Date.now();
      for (const runtime of runtimes.values()) {
        if (!runtime.isHydrated) continue;
        const ids = runtime.projection.query({ openOnly: true }).ids;
        for (let start = 0; start < ids.length; start += sliceSize) {
          if (cancelled) return;
          const slice = ids.subarray(start, start + sliceSize);
          for (const { key, row } of dueSlaNotifications(
            runtime.projection,
            runtime.facts,
            runtime.account.id,
            agency,
            now,
            notified,
            slice,
          )) {
            notified.add(key);
            showNotification(runtime.account.domain, t('sla.closeToBreach', { number: row.caseNumber, title: row.title }), () =>
              openCase(runtime.account.id, row.name),
            );
          }
          await yieldToBackground();
        }
      }
      // Keep the memory bounded: the newest keys are the ones that matter.
      notifiedSlot.write(browserStorage.local(), storageKeys.slaNotified.prefix, [...notified].slice(-2000));
    };
    void check();
    const timer = setInterval(() => void check(), checkEveryMs);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [runtimes, t, agency]);
}
