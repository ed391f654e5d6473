import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseActionBlocks, offeringAllowsEscalation, type CaseAction } from '../../../shared/domain';
import type { Mutation } from '../../../shared/ipc';
import { enqueueMutation } from '../../runtime/commands';
import { useAccountRuntime } from '../../runtime/runtime-context';
import { pendingComments, type ViewCase } from '../../data';
import { useCaseEvents, type useComments } from '../../data/hooks';
import { getBridgeClient } from '../../platform';
import { useTab } from '../../state/tab-store';
import { useNow } from '../cases';
import { blockText } from '../customer-access';
import { useAgency } from '../sla-plans';
import type { ActionDialog } from './action-dialogs';
import { useBackendInfo, type useCustomer } from './case-data';
import { caseNumberOf } from './case-links';
import { requestFollowUp, type FollowUpRequest } from './follow-up';
import { markReopenRefused, reopenStateOf, wasReopenRefused } from './reopen-state';
import { slaClocksOf } from './sla-view';
import { useCaseShortcuts } from './use-case-shortcuts';
import { browserStorage } from '../../platform/storage';

export type CaseComments = ReturnType<typeof useComments>;
export type CaseCustomer = ReturnType<typeof useCustomer>;
export interface CaseNotice {
  readonly kind: 'ok' | 'error';
  readonly text: string;
}

function followUpOf(view: ViewCase): FollowUpRequest {
  const priority = view.priority === 'P0' ? 'P1' : view.priority;
  return {
    caseName: view.name,
    caseNumber: view.caseNumber || caseNumberOf(view.name),
    displayName: view.displayName,
    customerId: view.customerId,
    priority,
    subscriberEmails: view.subscriberEmails,
    closedAt: view.updateTime,
    ...(view.classificationId ? { classificationId: view.classificationId } : {}),
    ...(view.classificationName ? { classificationName: view.classificationName } : {}),
    ...(view.languageCode ? { languageCode: view.languageCode } : {}),
    ...(view.timeZone ? { timeZone: view.timeZone } : {}),
  };
}

/** The case's SLA clocks and the agency's offering for its customer; clocks move every minute. */
function useCaseClocks(view: ViewCase, comments: CaseComments) {
  const runtime = useAccountRuntime();
  const now = useNow(60_000);
  const agency = useAgency();
  const offering = agency.offeringOf(view.customerId);
  const facts = runtime.facts.get(view.name);
  const { clocks, current } = useMemo(
    () => slaClocksOf(view, comments, facts, agency.planOf(view.customerId), now),
    [view, comments, facts, agency, now],
  );
  return { now, offering, clocks, current };
}

/**
 * State and effects of one open case: what Google would refuse (known before the agent
 * types), the open dialog, the notice line, the reopen state, and the actions that queue.
 */
export function useCaseDetail(view: ViewCase, comments: CaseComments, customer: CaseCustomer) {
  const { t } = useTranslation('caseDetail');
  const { t: ta } = useTranslation('customerAccess');
  const runtime = useAccountRuntime();
  const account = runtime.account;
  const entries = runtime.outbox;
  const info = useBackendInfo(account.id);
  const setTabView = useTab((state) => state.setView);
  const [dialog, setDialog] = useState<ActionDialog>();
  const [notice, setNotice] = useState<CaseNotice>();
  const [discarded, setDiscarded] = useState<string>();
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const { now, offering, clocks, current } = useCaseClocks(view, comments);

  const events = useCaseEvents(runtime.db, view.name);
  const existing = useMemo(() => new Set((comments ?? []).map((c) => c.name)), [comments]);
  const pending = pendingComments(view.name, entries, existing);
  const number = view.local ? '' : view.caseNumber || caseNumberOf(view.name);
  const reopen = reopenStateOf(view, info, now, wasReopenRefused(browserStorage.local(), account.id, view.name));
  const variables = { caseNumber: number, customer: customer?.displayName ?? '', agent: account.displayName ?? account.email };
  const blocks = caseActionBlocks({
    state: view.state,
    local: view.local === true,
    escalated: view.escalated,
    access: customer?.access,
    escalationOffered: offeringAllowsEscalation(offering),
  });
  const reasonOf = (action: CaseAction): string | undefined => {
    const block = blocks[action];
    if (!block) return undefined;
    // A closed case can still be reopened where the backend offers it: say so instead.
    if (block.kind === 'closed' && action === 'reply' && reopen.kind === 'can_reopen') return t('composer.closedHint');
    return blockText(block, ta);
  };
  const showBlocked = (reason: string): void => setNotice({ kind: 'error', text: reason });
  const openDialog = (next: Exclude<ActionDialog, undefined>, action: CaseAction): void => {
    const reason = reasonOf(action);
    if (reason) showBlocked(reason);
    else setDialog(next);
  };
  const focusComposer = (): void => composerRef.current?.focus();
  useCaseShortcuts({ dialog, openDialog, reply: focusComposer });

  useEffect(() => {
    if (reopen.kind === 'refused') markReopenRefused(browserStorage.local(), account.id, view.name);
  }, [reopen.kind, account.id, view.name]);

  const enqueue = async (mutation: Mutation): Promise<boolean> => {
    try {
      await enqueueMutation(account.id, mutation);
      setNotice(undefined);
      return true;
    } catch (error) {
      setNotice({ kind: 'error', text: t('errors.enqueue', { message: (error as Error).message ?? String(error) }) });
      return false;
    }
  };

  const startFollowUp = (refusedEntry?: string): void => {
    requestFollowUp(browserStorage.session(), account.id, followUpOf(view));
    // The follow-up replaces the refused reopen: drop it so it does not sit in Pending forever.
    if (refusedEntry)
      void getBridgeClient()
        .invoke('mutations.discard', { accountId: account.id, id: refusedEntry })
        .catch(() => undefined);
    setTabView('new-case');
  };

  return {
    account,
    entries,
    events: events ?? [],
    pending,
    offering,
    clocks,
    current,
    number,
    reopen,
    variables,
    blocks,
    reasonOf,
    showBlocked,
    dialog,
    setDialog,
    notice,
    setNotice,
    discarded,
    setDiscarded,
    composerRef,
    focusComposer,
    enqueue,
    startFollowUp,
  };
}
