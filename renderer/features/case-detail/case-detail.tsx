import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isOpenState } from '../../../shared/domain';
import type { Mutation } from '../../../shared/ipc';
import { enqueueMutation } from '../../app/commands';
import { useAccountRuntime, useRuntimeVersion } from '../../app/runtime-context';
import { isTypingTarget } from '../../app/shortcuts';
import { pendingComments, type ViewCase } from '../../data';
import { useCase, useComments } from '../../data/hooks';
import { getBridgeClient } from '../../platform';
import { useAppStore } from '../../state/app-store';
import { useTab } from '../../state/tab-store';
import { AttachmentList } from '../attachments';
import { useAgency } from '../sla-plans';
import { CloseDialog, EscalateDialog, PriorityDialog, ShareDialog, type ActionDialog } from './action-dialogs';
import { useBackendInfo, useResolvedRef, useCustomer, useFetchThreadOnce, viewOf } from './case-data';
import { CaseHeader } from './case-header';
import { caseNumberOf, portalCaseUrl } from './case-links';
import { Composer } from './composer';
import { requestFollowUp, type FollowUpRequest } from './follow-up';
import { markReopenRefused, reopenStateOf, wasReopenRefused, type ReopenState } from './reopen-state';
import { slaClocksOf } from './sla-view';
import { Thread } from './thread';
import { formatInZone, agentTimeZone } from '../../ui/format';
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
  useFetchThreadOnce(account.id, ref, Boolean(record) && comments !== undefined && comments.length === 0);

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
  return <CaseDetailBody key={view.name} view={view} comments={comments} customer={customer} />;
}

function CaseDetailBody({
  view,
  comments,
  customer,
}: {
  view: ViewCase;
  comments: ReturnType<typeof useComments>;
  customer: ReturnType<typeof useCustomer>;
}): React.JSX.Element {
  const { t } = useTranslation('caseDetail');
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

  const existing = useMemo(() => new Set((comments ?? []).map((c) => c.name)), [comments]);
  const pending = pendingComments(view.name, entries, existing);
  const agency = useAgency();
  const facts = runtime.facts.get(view.name);
  const { clocks, current } = useMemo(
    () => slaClocksOf(view, comments, facts, agency.planOf(view.customerId), now),
    [view, comments, facts, agency, now],
  );
  const open = isOpenState(view.state);
  const number = view.local ? '' : view.caseNumber || caseNumberOf(view.name);
  const reopen = reopenStateOf(view, info, now, wasReopenRefused(localStorage, account.id, view.name));
  const variables = { caseNumber: number, customer: customer?.displayName ?? '', agent: account.displayName ?? account.email };

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
  const shortcuts = useRef({ open, dialog, local: view.local === true });
  shortcuts.current = { open, dialog, local: view.local === true };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      const app = useAppStore.getState();
      const state = shortcuts.current;
      if (state.dialog || app.paletteOpen || app.shortcutsOpen) return;
      if (event.key === 'r' && !event.shiftKey) {
        event.preventDefault();
        composerRef.current?.focus();
      } else if (event.key === 'p' && !event.shiftKey && state.open) {
        event.preventDefault();
        setDialog('priority');
      } else if (event.key === 'e' && !event.shiftKey && !state.local) {
        event.preventDefault();
        setDialog('escalate');
      } else if (event.key === 'C' && event.shiftKey && state.open) {
        event.preventDefault();
        setDialog('close');
      }
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
  const closedReason = !open ? t('composer.closedHint') : undefined;

  return (
    <article className="case-detail" data-testid="case-detail" data-case={view.name} style={{ borderTopColor: account.color }}>
      <CaseHeader view={view} customer={customer} clocks={clocks} current={current} offering={agency.offeringOf(view.customerId)}>
        <div className="case-actions" role="toolbar" aria-label={t('actions.label')}>
          <button type="button" className="button" onClick={() => composerRef.current?.focus()} disabled={!open}>
            {t('actions.reply')} <kbd>r</kbd>
          </button>
          <button type="button" className="button" data-testid="action-priority" onClick={() => setDialog('priority')} disabled={!open}>
            {t('actions.priority')} <kbd>p</kbd>
          </button>
          <button
            type="button"
            className="button"
            data-testid="action-escalate"
            onClick={() => setDialog('escalate')}
            disabled={view.local === true}
          >
            {t('actions.escalate')} <kbd>e</kbd>
          </button>
          <button type="button" className="button" data-testid="action-share" onClick={() => setDialog('share')} disabled={!open}>
            {t('actions.share')}
          </button>
          {open && (
            <button type="button" className="button" data-testid="action-close" onClick={() => setDialog('close')}>
              {t('actions.close')} <kbd>Shift+C</kbd>
            </button>
          )}
          {number && (
            <>
              <button type="button" className="button" data-testid="action-copy-link" onClick={copyLink}>
                {t('actions.copyLink')}
              </button>
              <button type="button" className="button" data-testid="action-portal" onClick={openPortal}>
                {t('actions.openPortal')} ↗
              </button>
            </>
          )}
        </div>
        <ReopenBar
          state={reopen}
          onReopen={() => void enqueue({ kind: 'reopen', caseRef: view.name })}
          onFollowUp={startFollowUp}
          onDiscard={(id) => void discardEntry(account.id, id, setDiscarded)}
        />
        {notice && (
          <p className={notice.kind === 'error' ? 'error-text' : 'ok-text'} role="status" data-testid="case-notice">
            {notice.text}
          </p>
        )}
        {otherFailures.map((failure) => (
          <div key={failure.entryId} className="failed-change" role="alert" data-testid="failed-change">
            <span>
              <span aria-hidden="true">✕</span> {t('failedChange', { kind: t(`kinds.${failure.kind}`), message: failure.message })}
            </span>
            <button
              type="button"
              className="button"
              onClick={() =>
                void getBridgeClient()
                  .invoke('mutations.retry', { accountId: account.id, id: failure.entryId })
                  .catch(() => undefined)
              }
            >
              {t('thread.retry')}
            </button>
            <button type="button" className="button danger" onClick={() => void discardEntry(account.id, failure.entryId, setDiscarded)}>
              {t('thread.discard')}
            </button>
          </div>
        ))}
        {discarded && (
          <div className="notice discarded" role="status">
            <p>{t('thread.discarded')}</p>
            <textarea className="input" readOnly rows={3} value={discarded} aria-label={t('thread.discarded')} />
          </div>
        )}
      </CaseHeader>
      <div className="case-body">
        <Thread view={view} comments={comments} pending={pending} account={account} />
        {!view.local && (
          <section className="case-attachments" aria-label={t('attachments')}>
            <h3 className="section-title">{t('attachments')}</h3>
            <AttachmentList caseName={view.name} />
          </section>
        )}
        <Composer
          account={account}
          caseRef={view.name}
          disabledReason={closedReason}
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
        offering={agency.offeringOf(view.customerId)}
        enqueue={enqueue}
        variables={variables}
      />
      <ShareDialog open={dialog === 'share'} onClose={() => setDialog(undefined)} view={view} account={account} enqueue={enqueue} />
    </article>
  );
}

/** Drops a failed change; the agent's text (if any) comes back so it is never lost unseen. */
async function discardEntry(accountId: string, id: string, show: (text: string | undefined) => void): Promise<void> {
  const removed = await getBridgeClient().invoke('mutations.discard', { accountId, id });
  const m = removed.mutation;
  show(m.kind === 'escalate' ? m.justification : m.kind === 'set_subscribers' ? m.subscriberEmails.join(', ') : undefined);
}

function ReopenBar({
  state,
  onReopen,
  onFollowUp,
  onDiscard,
}: {
  state: ReopenState;
  onReopen: () => void;
  onFollowUp: (refusedEntry?: string) => void;
  onDiscard: (entryId: string) => void;
}): React.JSX.Element | null {
  const { t, i18n } = useTranslation('caseDetail');
  const date = (iso: string): string => formatInZone(iso, i18n.language, agentTimeZone());
  switch (state.kind) {
    case 'not_closed':
      return null;
    case 'pending':
      return (
        <p className="reopen-bar" data-testid="reopen-state" data-kind={state.kind}>
          <span className="queued">◔ {t('reopen.pending')}</span>
        </p>
      );
    case 'can_reopen':
      return (
        <p className="reopen-bar" data-testid="reopen-state" data-kind={state.kind}>
          <span title={t('reopen.deadline', { date: date(state.deadline) })}>{t('reopen.countdown', { count: state.remainingDays })}</span>
          <button type="button" className="button primary" data-testid="action-reopen" onClick={onReopen}>
            {t('actions.reopen')}
          </button>
        </p>
      );
    case 'not_supported':
      return (
        <p className="reopen-bar" data-testid="reopen-state" data-kind={state.kind}>
          <span>{t('reopen.notSupported')}</span>
          <button type="button" className="button" data-testid="action-follow-up" onClick={() => onFollowUp()}>
            {t('reopen.followUp')}
          </button>
        </p>
      );
    case 'window_over':
    case 'refused':
      return (
        <div
          className="reopen-bar over"
          data-testid="reopen-state"
          data-kind={state.kind}
          role={state.kind === 'refused' ? 'alert' : undefined}
        >
          <span>{state.kind === 'refused' ? t('reopen.refused') : t('reopen.over', { date: date(state.deadline) })}</span>
          <button
            type="button"
            className="button primary"
            data-testid="action-follow-up"
            onClick={() => onFollowUp(state.kind === 'refused' ? state.entryId : undefined)}
          >
            {t('reopen.followUp')}
          </button>
          {state.kind === 'refused' && (
            <button type="button" className="button" onClick={() => onDiscard(state.entryId)}>
              {t('reopen.dismiss')}
            </button>
          )}
        </div>
      );
  }
}
