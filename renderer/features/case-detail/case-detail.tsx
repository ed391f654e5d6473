import { useTranslation } from 'react-i18next';
import { useAccountRuntime, useRuntimeVersion } from '../../runtime/runtime-context';
import { useCase, useComments } from '../../data/hooks';
import { AttachmentList } from '../attachments';
import { AccessNotice } from '../customer-access';
import { CaseDialogs } from './action-dialogs';
import { useCaseHistory, useCustomer, useResolvedRef, viewOf } from './case-data';
import { CaseHeader } from './case-header';
import { CaseNotices } from './case-notices';
import { CaseToolbar } from './case-actions';
import { Composer } from './composer';
import { discardEntry } from './failed-changes';
import { HistoryBar } from './history-bar';
import { ReopenBar } from './reopen-bar';
import { Thread } from './thread';
import { useCaseDetail, type CaseComments, type CaseCustomer } from './use-case-detail';
import type { ViewCase } from '../../data';
import './case-detail.css';
import './composer.css';

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
  comments: CaseComments;
  customer: CaseCustomer;
  history: ReturnType<typeof useCaseHistory>;
}): React.JSX.Element {
  const detail = useCaseDetail(view, comments, customer);
  const { account, setDialog, setDiscarded } = detail;
  return (
    <article className="case-detail" data-testid="case-detail" data-case={view.name} style={{ borderTopColor: account.color }}>
      <CaseHeader view={view} customer={customer} clocks={detail.clocks} current={detail.current} offering={detail.offering}>
        {customer && <AccessNotice customer={customer} accountId={account.id} />}
        <CaseToolbar
          view={view}
          account={account}
          number={detail.number}
          blocks={detail.blocks}
          onReply={detail.focusComposer}
          onDialog={setDialog}
          onBlocked={detail.showBlocked}
          onNotice={detail.setNotice}
        />
        <ReopenBar
          state={detail.reopen}
          onReopen={() => void detail.enqueue({ kind: 'reopen', caseRef: view.name })}
          onFollowUp={detail.startFollowUp}
          onDiscard={(id) => void discardEntry(account.id, id).then(setDiscarded)}
        />
        <CaseNotices
          view={view}
          accountId={account.id}
          notice={detail.notice}
          discarded={detail.discarded}
          onDiscarded={setDiscarded}
          onEditIn={setDialog}
        />
      </CaseHeader>
      <div className="case-body">
        <HistoryBar state={history.state} onLoad={history.load} />
        <Thread
          view={view}
          comments={comments}
          pending={detail.pending}
          events={detail.events}
          entries={detail.entries}
          account={account}
        />
        {!view.local && (
          // The list brings its own heading (with the count and the keep-offline switch).
          <section className="case-attachments" aria-labelledby={`attachments-${view.name}`}>
            <AttachmentList caseName={view.name} uploadBlockedReason={detail.reasonOf('attach')} />
          </section>
        )}
        <Composer
          account={account}
          caseRef={view.name}
          disabledReason={detail.reasonOf('reply')}
          allowEmails={[account.email, customer?.adminContactEmail]}
          variables={detail.variables}
          textareaRef={detail.composerRef}
        />
      </div>
      <CaseDialogs
        dialog={detail.dialog}
        onClose={() => setDialog(undefined)}
        view={view}
        account={account}
        enqueue={detail.enqueue}
        escalateBlockedReason={detail.reasonOf('escalate')}
        variables={detail.variables}
      />
    </article>
  );
}
