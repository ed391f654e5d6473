import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseActionBlocks, isOpenState, offeringAllowsEscalation } from '../../../shared/domain';
import type { Mutation } from '../../../shared/ipc';
import { enqueueMutation } from '../../runtime/commands';
import { useAccountRuntime, useRuntimeVersion } from '../../runtime/runtime-context';
import { isTypingTarget } from '../../ui/keyboard';
import { pendingComments, type ViewCase } from '../../data';
import { useCase, useCaseEvents, useComments } from '../../data/hooks';
import { getBridgeClient } from '../../platform';
import { useAppStore } from '../../state/app-store';
import { useTab } from '../../state/tab-store';
import { AttachmentList } from '../attachments';
import { AccessNotice, blockText } from '../customer-access';
import { useAgency } from '../sla-plans';
import { CloseDialog, EscalateDialog, PriorityDialog, ShareDialog, type ActionDialog } from './action-dialogs';
import { useBackendInfo, useCaseHistory, useResolvedRef, useCustomer, viewOf } from './case-data';
import { CaseHeader } from './case-header';
import { caseNumberOf, portalCaseUrl } from './case-links';
import { ActionButton } from './case-toolbar';
import { Composer } from './composer';
import { FailedChange, discardEntry } from './failed-changes';
import { requestFollowUp, type FollowUpRequest } from './follow-up';
import { ReopenBar } from './reopen-bar';
import { markReopenRefused, reopenStateOf, wasReopenRefused } from './reopen-state';
import { slaClocksOf } from './sla-view';
import { Icon, icons } from '../../ui/icons';
import { TakeButton } from './take-button';
import { Thread } from './thread';
import './case-detail.css';

/** Re-renders every `ms` so clocks and countdowns move while the case is open. */
function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
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

/** One case: header, thread, attachments, composer and every action. */
export function CaseDetail({ caseName }: { caseName: string }): React.JSX.Element {
  const { t } = useTranslation('caseDetail');
  const runtime = useAccountRuntime();
  useRuntimeVersion(runtime);
  const account = runtime.account;
  const entries = runtime.outbox;
  const resolvedRef = useResolvedRef(runtime.db, caseName, entries);
  const ref = resolvedRef ?? caseName;
  const record = useCase(runtime.db, ref);
  const comments = useComments(runtime.db, ref);
  // A create that just went through: loading until its server case is in the replica.
  const view = resolvedRef === undefined ? undefined : viewOf(ref, record, entries);
  const customer = useCustomer(runtime.db, view?.customerId);
  const history = useCaseHistory(account.id, ref, Boolean(record) && comments !== undefined && comments.length === 0);

  if (view === undefined) {
    return (
      <div className="case-detail loading" aria-busy="true">
        <div className="skeleton wide" />
        <div className="skeleton" />
      </div>
    );
  }
  if (view === null) {
    return (
      <div className="case-detail empty-state" data-testid="case-not-found">
        <p>{t('notFound')}</p>
        <p className="muted">{t('notFoundHint')}</p>
      </div>
    );
  }
  return <CaseDetailBody key={view.name} view={view} comments={comments} customer={customer} history={history} />;
}

function CaseDetailBody({
  view,
  comments,
  customer,
  history,
}: {
  view: ViewCase;
  comments: ReturnType<typeof useComments>;
  customer: ReturnType<typeof useCustomer>;
  history: ReturnType<typeof useCaseHistory>;
}): React.JSX.Element {
  const { t } = useTranslation('caseDetail');
  const { t: ta } = useTranslation('customerAccess');
  const runtime = useAccountRuntime();
  const account = runtime.account;
  const entries = runtime.outbox;
  const info = useBackendInfo(account.id);
  const setTabView = useTab((state) => state.setView);
  const [dialog, setDialog] = useState<ActionDialog>();
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [discarded, setDiscarded] = useState<string>();
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const now = useNow(60_000);

  const events = useCaseEvents(runtime.db, view.name);
  const existing = useMemo(() => new Set((comments ?? []).map((c) => c.name)), [comments]);
  const pending = pendingComments(view.name, entries, existing);
  const agency = useAgency();
  const offering = agency.offeringOf(view.customerId);
  const facts = runtime.facts.get(view.name);
  const { clocks, current } = useMemo(
    () => slaClocksOf(view, comments, facts, agency.planOf(view.customerId), now),
    [view, comments, facts, agency, now],
  );
  const open = isOpenState(view.state);
  const number = view.local ? '' : view.caseNumber || caseNumberOf(view.name);
  const reopen = reopenStateOf(view, info, now, wasReopenRefused(localStorage, account.id, view.name));
  const variables = { caseNumber: number, customer: customer?.displayName ?? '', agent: account.displayName ?? account.email };
  // What Google would refuse, known before the agent types (the customer's access, the case's state).
  const blocks = caseActionBlocks({
    state: view.state,
    local: view.local === true,
    escalated: view.escalated,
    access: customer?.access,
    escalationOffered: offeringAllowsEscalation(offering),
  });
  const reasonOf = (action: keyof typeof blocks): string | undefined => {
    const block = blocks[action];
    if (!block) return undefined;
    // A closed case can still be reopened where the backend offers it: say so instead.
    if (block.kind === 'closed' && action === 'reply' && reopen.kind === 'can_reopen') return t('composer.closedHint');
    return blockText(block, ta);
  };
  const showBlocked = (reason: string): void => setNotice({ kind: 'error', text: reason });
  const openDialog = (next: Exclude<ActionDialog, undefined>, action: keyof typeof blocks): void => {
    const reason = reasonOf(action);
    if (reason) showBlocked(reason);
    else setDialog(next);
  };

  useEffect(() => {
    if (reopen.kind === 'refused') markReopenRefused(localStorage, account.id, view.name);
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
    requestFollowUp(sessionStorage, account.id, followUpOf(view));
    // The follow-up replaces the refused reopen: drop it so it does not sit in Pending forever.
    if (refusedEntry)
      void getBridgeClient()
        .invoke('mutations.discard', { accountId: account.id, id: refusedEntry })
        .catch(() => undefined);
    setTabView('new-case');
  };

  // Single-letter shortcuts of the case: r reply, p priority, e escalate, Shift+C close.
  const shortcuts = useRef({ dialog, openDialog, reply: () => composerRef.current?.focus() });
  shortcuts.current = { dialog, openDialog, reply: () => composerRef.current?.focus() };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      const app = useAppStore.getState();
      const state = shortcuts.current;
      if (state.dialog || app.paletteOpen || app.shortcutsOpen) return;
      const run = (): void => {
        if (event.key === 'r' && !event.shiftKey) state.reply();
        else if (event.key === 'p' && !event.shiftKey) state.openDialog('priority', 'priority');
        else if (event.key === 'e' && !event.shiftKey) state.openDialog('escalate', 'escalate');
        else if (event.key === 'C' && event.shiftKey) state.openDialog('close', 'close');
        else return;
        event.preventDefault();
      };
      run();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const copyLink = (): void => {
    navigator.clipboard
      .writeText(portalCaseUrl(number, account.email))
      .then(() => setNotice({ kind: 'ok', text: t('actions.linkCopied') }))
      .catch(() => setNotice({ kind: 'error', text: t('actions.copyFailed') }));
  };

  // The domain's own portal window (its own Google session), not the system browser.
  const openPortal = (): void => {
    const caseNumber = /^\d{1,20}$/.test(number) ? number : undefined;
    getBridgeClient()
      .invoke('portal.open', { accountId: account.id, ...(caseNumber ? { caseNumber } : {}) })
      .catch((error: unknown) => setNotice({ kind: 'error', text: t('actions.portalFailed', { message: (error as Error).message }) }));
  };

  const otherFailures = (view.failed ?? []).filter((f) => f.kind !== 'comment' && f.kind !== 'reopen');
  const editDialog: Partial<Record<string, Exclude<ActionDialog, undefined>>> = {
    set_priority: 'priority',
    set_subscribers: 'share',
    escalate: 'escalate',
  };

  return (
    <article className="case-detail" data-testid="case-detail" data-case={view.name} style={{ borderTopColor: account.color }}>
      <CaseHeader view={view} customer={customer} clocks={clocks} current={current} offering={offering}>
        {customer && <AccessNotice customer={customer} accountId={account.id} />}
        <div className="case-actions" role="toolbar" aria-label={t('actions.label')}>
          <ActionButton action="reply" block={blocks.reply} onRun={() => composerRef.current?.focus()} onBlocked={showBlocked}>
            {t('actions.reply')} <kbd>r</kbd>
          </ActionButton>
          <ActionButton
            action="priority"
            testId="action-priority"
            block={blocks.priority}
            onRun={() => setDialog('priority')}
            onBlocked={showBlocked}
          >
            {t('actions.priority')} <kbd>p</kbd>
          </ActionButton>
          <ActionButton
            action="escalate"
            testId="action-escalate"
            block={blocks.escalate}
            onRun={() => setDialog('escalate')}
            onBlocked={showBlocked}
          >
            {t('actions.escalate')} <kbd>e</kbd>
          </ActionButton>
          <ActionButton action="share" testId="action-share" block={blocks.share} onRun={() => setDialog('share')} onBlocked={showBlocked}>
            {t('actions.share')}
          </ActionButton>
          {!view.local && <TakeButton accountId={account.id} caseName={view.name} />}
          {open && (
            <ActionButton
              action="close"
              testId="action-close"
              block={blocks.close}
              onRun={() => setDialog('close')}
              onBlocked={showBlocked}
            >
              {t('actions.close')} <kbd>Shift+C</kbd>
            </ActionButton>
          )}
          {number && (
            <>
              <button type="button" className="button" data-testid="action-copy-link" onClick={copyLink}>
                {t('actions.copyLink')}
              </button>
              <button type="button" className="button" data-testid="action-portal" onClick={openPortal}>
                {t('actions.openPortal')} <Icon icon={icons.external} />
              </button>
            </>
          )}
        </div>
        <ReopenBar
          state={reopen}
          onReopen={() => void enqueue({ kind: 'reopen', caseRef: view.name })}
          onFollowUp={startFollowUp}
          onDiscard={(id) => void discardEntry(account.id, id).then(setDiscarded)}
        />
        {notice && (
          <p className={notice.kind === 'error' ? 'error-text' : 'ok-text'} role="status" data-testid="case-notice">
            {notice.text}
          </p>
        )}
        {otherFailures.map((failure) => {
          const dialogKind = editDialog[failure.kind];
          return (
            <FailedChange
              key={failure.entryId}
              accountId={account.id}
              failure={failure}
              kindLabel={t(`kinds.${failure.kind}`)}
              onEdit={
                dialogKind
                  ? () =>
                      void discardEntry(account.id, failure.entryId).then((text) => {
                        setDiscarded(text);
                        setDialog(dialogKind);
                      })
                  : undefined
              }
              onDiscarded={setDiscarded}
            />
          );
        })}
        {discarded && (
          <div className="notice discarded" role="status">
            <p>{t('thread.discarded')}</p>
            <textarea className="input" readOnly rows={3} value={discarded} aria-label={t('thread.discarded')} />
          </div>
        )}
      </CaseHeader>
      <div className="case-body">
        <HistoryBar state={history.state} onLoad={history.load} />
        <Thread view={view} comments={comments} pending={pending} events={events ?? []} entries={entries} account={account} />
        {!view.local && (
          <section className="case-attachments" aria-label={t('attachments')}>
            <h3 className="section-title">{t('attachments')}</h3>
            <AttachmentList caseName={view.name} uploadBlockedReason={reasonOf('attach')} />
          </section>
        )}
        <Composer
          account={account}
          caseRef={view.name}
          disabledReason={reasonOf('reply')}
          allowEmails={[account.email, customer?.adminContactEmail]}
          variables={variables}
          textareaRef={composerRef}
        />
      </div>
      <PriorityDialog open={dialog === 'priority'} onClose={() => setDialog(undefined)} view={view} account={account} enqueue={enqueue} />
      <CloseDialog open={dialog === 'close'} onClose={() => setDialog(undefined)} view={view} account={account} enqueue={enqueue} />
      <EscalateDialog
        open={dialog === 'escalate'}
        onClose={() => setDialog(undefined)}
        view={view}
        account={account}
        blockedReason={reasonOf('escalate')}
        enqueue={enqueue}
        variables={variables}
      />
      <ShareDialog open={dialog === 'share'} onClose={() => setDialog(undefined)} view={view} account={account} enqueue={enqueue} />
    </article>
  );
}

/** A long-closed case's thread is fetched when opened; offline, the agent can ask again later. */
function HistoryBar({
  state,
  onLoad,
}: {
  state: ReturnType<typeof useCaseHistory>['state'];
  onLoad: () => void;
}): React.JSX.Element | null {
  const { t } = useTranslation('caseDetail');
  if (state === 'loading')
    return (
      <p className="muted history-bar" data-testid="history-state" data-state={state} aria-busy="true">
        {t('history.loading')}
      </p>
    );
  if (state !== 'failed') return null;
  return (
    <p className="history-bar" data-testid="history-state" data-state={state}>
      <span className="muted">{t('history.notHere')}</span>{' '}
      <button type="button" className="button" data-testid="load-history" onClick={onLoad}>
        {t('history.load')}
      </button>
    </p>
  );
}
