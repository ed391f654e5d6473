import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { SELECTABLE_PRIORITIES } from '../../../shared/domain';
import type { AccountRuntime } from '../../runtime/account-runtime';
import { openCase } from '../../runtime/open-case';
import { useRuntimes } from '../../runtime/runtime-context';
import { allDomainsTabId, useAppStore } from '../../state/app-store';
import { tabStoreFor, type DomainView } from '../../state/tab-store';
import type { BulkAction } from './bulk';
import { runBulk } from './bulk-targets';
import { caseNumberQuery, findCasesByNumber, findCasesByText, labelMatches, type CaseHit } from './palette-commands';

export interface Command {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  /** A case found by its words: its title is shown with the matches marked. */
  readonly found?: { readonly title: string; readonly customer: string; readonly number: string };
  readonly run: () => void | Promise<void>;
}

export interface Section {
  readonly id: string;
  readonly title: string;
  readonly items: Command[];
}

const views: ReadonlyArray<{ view: DomainView; label: string }> = [
  { view: 'cases', label: 'palette.view.cases' },
  { view: 'customers', label: 'palette.view.customers' },
  { view: 'new-case', label: 'palette.view.newCase' },
  { view: 'pending', label: 'palette.view.pending' },
  { view: 'settings', label: 'palette.view.settings' },
];

function casesSection(hits: readonly CaseHit[], runtimes: ReadonlyMap<string, AccountRuntime>, t: TFunction): Section {
  return {
    id: 'cases',
    title: t('palette.sections.cases'),
    items: hits.map((hit) => ({
      id: `case:${hit.accountId}:${hit.name}`,
      label: `#${hit.caseNumber} ${hit.title} · ${hit.customerName}`,
      hint: runtimes.get(hit.accountId)?.account.domain ?? '',
      found: { title: hit.title, customer: hit.customerName, number: hit.caseNumber },
      run: () => openCase(hit.accountId, hit.name),
    })),
  };
}

/** Open, close or change the priority of the case selected in the active domain. */
function actionsSection(active: AccountRuntime, selectedCase: string, t: TFunction): Section {
  const number = selectedCase.split('/').pop() ?? selectedCase;
  const act = async (action: BulkAction): Promise<void> => {
    const [outcome] = await runBulk(active, action, [selectedCase]);
    if (outcome?.outcome === 'refused') {
      throw new Error(outcome.refused ? t(`bulk.reason.${outcome.refused}`) : t(`common:errors.${outcome.errorCode ?? 'internal'}`));
    }
  };
  return {
    id: 'actions',
    title: t('palette.sections.actions', { number }),
    items: [
      { id: 'action:open', label: t('palette.action.open', { number }), run: () => openCase(active.account.id, selectedCase) },
      { id: 'action:close', label: t('palette.action.close', { number }), run: () => act({ kind: 'close' }) },
      ...SELECTABLE_PRIORITIES.map((priority) => ({
        id: `action:priority:${priority}`,
        label: t('palette.action.priority', { number, priority: t(`priority.${priority}`) }),
        run: () => act({ kind: 'set_priority', priority }),
      })),
    ],
  };
}

function domainsSection(accounts: readonly AccountRuntime[], t: TFunction): Section {
  return {
    id: 'domains',
    title: t('palette.sections.domains'),
    items: [
      ...accounts.map((runtime) => ({
        id: `domain:${runtime.account.id}`,
        label: t('palette.goToDomain', { domain: runtime.account.domain }),
        run: () => useAppStore.getState().activateTab(runtime.account.id),
      })),
      { id: 'domain:all', label: t('palette.allDomains'), run: () => useAppStore.getState().activateTab(allDomainsTabId) },
    ],
  };
}

function viewsSection(active: AccountRuntime, t: TFunction): Section {
  return {
    id: 'views',
    title: t('palette.sections.views', { domain: active.account.domain }),
    items: views.map((item) => ({
      id: `view:${item.view}`,
      label: t(item.label),
      hint: active.account.domain,
      run: () => {
        tabStoreFor(active.account.id).getState().setView(item.view);
        useAppStore.getState().activateTab(active.account.id);
      },
    })),
  };
}

/**
 * What the palette offers for `query`: found cases, actions on the selected case, domains and
 * views. A number finds the case by its number; words find cases by title, customer or thread,
 * in every domain, and filter the other sections by their labels.
 */
export function usePaletteSections(query: string): { sections: Section[]; byId: ReadonlyMap<string, Command> } {
  const { t } = useTranslation('cases');
  const runtimes = useRuntimes();
  const activeTabId = useAppStore((state) => state.activeTabId);
  const tabOrder = useAppStore((state) => state.tabOrder);
  const accounts = useMemo(
    () => [...runtimes.values()].sort((a, b) => tabOrder.indexOf(a.account.id) - tabOrder.indexOf(b.account.id)),
    [runtimes, tabOrder],
  );
  // The domain the palette acts in: the active one, else the first.
  const active = (activeTabId && runtimes.get(activeTabId)) || accounts[0];
  const selectedCase = active && activeTabId === active.account.id ? tabStoreFor(active.account.id).getState().selectedCase : undefined;

  const sections = useMemo((): Section[] => {
    const digits = caseNumberQuery(query);
    const sources = accounts
      .filter((runtime) => runtime.isHydrated)
      .map((runtime) => ({ accountId: runtime.account.id, projection: runtime.projection }));
    const hits = digits ? findCasesByNumber(sources, digits) : findCasesByText(sources, query);
    const out: Section[] = [];
    if (hits.length > 0) out.push(casesSection(hits, runtimes, t));
    if (active && selectedCase) out.push(actionsSection(active, selectedCase, t));
    out.push(domainsSection(accounts, t));
    if (active) out.push(viewsSection(active, t));
    return out
      .map((section) => ({
        ...section,
        items: section.id === 'cases' ? section.items : section.items.filter((item) => labelMatches(item.label, digits ? '' : query)),
      }))
      .filter((section) => section.items.length > 0);
  }, [query, accounts, active, selectedCase, runtimes, t]);

  const byId = useMemo(() => new Map(sections.flatMap((section) => section.items.map((item) => [item.id, item] as const))), [sections]);
  return { sections, byId };
}
