import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { caseActionBlocks } from '../../../../shared/domain';
import type { Account } from '../../../../shared/ipc';
import type { PendingComment, ViewCase } from '../../../../renderer/data';
import { CaseNotices } from '../../../../renderer/features/case-detail/case-notices';
import { CaseToolbar } from '../../../../renderer/features/case-detail/case-actions';
import { EscalateDialog } from '../../../../renderer/features/case-detail/escalate-dialog';
import { HistoryBar } from '../../../../renderer/features/case-detail/history-bar';
import { PendingMessage } from '../../../../renderer/features/case-detail/pending-message';
import { SlashMenu } from '../../../../renderer/features/case-detail/slash-menu';
import type { Template } from '../../../../renderer/features/case-detail/templates';
import { createI18n } from '../../../../renderer/i18n';
import { calls, fakeMain } from '../attachments/fake-bridge';

// Component tests of the case detail's sections (Testing Library over happy-dom): each renders
// from props, so its behaviour is checked without a runtime or IndexedDB; the bridge is the fake main.

const i18n = createI18n('en');
const t = i18n.t.bind(i18n);
const wrap = (node: React.ReactNode) => render(<I18nextProvider i18n={i18n}>{node}</I18nextProvider>);
afterEach(cleanup);

const account: Account = {
  id: 'acc1',
  email: 'agent1@reseller-a.example',
  domain: 'reseller-a.example',
  backend: 'sandbox',
  color: '#1a73e8',
  status: 'active',
  addedAt: '2026-01-01T00:00:00Z',
};

function view(patch: Partial<ViewCase> = {}): ViewCase {
  const at = Date.parse('2026-11-01T09:00:00Z');
  return {
    name: 'organizations/9/cases/41000034',
    caseNumber: '41000034',
    customerId: 'C1',
    displayName: 'Mail delayed',
    description: 'd',
    priority: 'P3',
    state: 'IN_PROGRESS_GOOGLE_SUPPORT',
    subscriberEmails: [],
    escalated: false,
    createTime: new Date(at).toISOString(),
    updateTime: new Date(at).toISOString(),
    createTimeMs: at,
    updateTimeMs: at,
    pending: false,
    pendingKinds: [],
    ...patch,
  };
}

const blocksOf = (patch: Partial<Parameters<typeof caseActionBlocks>[0]> = {}) =>
  caseActionBlocks({
    state: 'IN_PROGRESS_GOOGLE_SUPPORT',
    local: false,
    escalated: false,
    access: 'authorized',
    escalationOffered: true,
    ...patch,
  });

describe('CaseToolbar', () => {
  const handlers = () => ({ onReply: vi.fn(), onDialog: vi.fn(), onBlocked: vi.fn(), onNotice: vi.fn() });

  it('opens the dialog of an offered action and says why when one is not offered', () => {
    const on = handlers();
    wrap(<CaseToolbar view={view()} account={account} number="41000034" blocks={blocksOf({ escalated: true })} {...on} />);
    fireEvent.click(screen.getByTestId('action-priority'));
    expect(on.onDialog).toHaveBeenCalledWith('priority');
    const escalate = screen.getByTestId('action-escalate');
    expect(escalate.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(escalate);
    expect(on.onDialog).toHaveBeenCalledTimes(1);
    expect(on.onBlocked).toHaveBeenCalledWith(escalate.getAttribute('title'));
    fireEvent.click(screen.getByText('Reply', { exact: false }));
    expect(on.onReply).toHaveBeenCalledOnce();
  });

  it('offers Close only on an open case, and no links to the portal before the case has a number', () => {
    const on = handlers();
    const { rerender } = wrap(
      <CaseToolbar view={view({ state: 'CLOSED' })} account={account} number="41000034" blocks={blocksOf({ state: 'CLOSED' })} {...on} />,
    );
    expect(screen.queryByTestId('action-close')).toBeNull();
    expect(screen.getByTestId('action-portal')).toBeTruthy();
    rerender(
      <I18nextProvider i18n={i18n}>
        <CaseToolbar view={view({ local: true })} account={account} number="" blocks={blocksOf({ local: true })} {...on} />
      </I18nextProvider>,
    );
    expect(screen.getByTestId('action-close')).toBeTruthy();
    expect(screen.queryByTestId('action-portal')).toBeNull();
    expect(screen.queryByTestId('action-copy-link')).toBeNull();
    expect(screen.queryByTestId('action-take')).toBeNull();
  });

  it("opens the domain's portal window at the case and reports a failure as a notice", async () => {
    const on = handlers();
    fakeMain(() => {
      throw Object.assign(new Error('no window'), { code: 'internal' });
    });
    wrap(<CaseToolbar view={view()} account={account} number="41000034" blocks={blocksOf()} {...on} />);
    await act(async () => {
      fireEvent.click(screen.getByTestId('action-portal'));
    });
    expect(calls).toEqual([{ channel: 'portal.open', request: { accountId: 'acc1', caseNumber: '41000034' } }]);
    await vi.waitFor(() => expect(on.onNotice).toHaveBeenCalledWith({ kind: 'error', text: expect.stringContaining('no window') }));
  });
});

describe('CaseNotices', () => {
  const failure = { entryId: 'e1', kind: 'set_priority' as const, code: 'INVALID_ARGUMENT', message: 'bad', permanent: true };

  it('shows the notice, the refused changes but comments, and the words of a discarded change', () => {
    wrap(
      <CaseNotices
        view={view({ failed: [failure, { ...failure, entryId: 'e2', kind: 'comment' }] })}
        accountId="acc1"
        notice={{ kind: 'ok', text: 'Link copied' }}
        discarded="my justification"
        onDiscarded={() => undefined}
        onEditIn={() => undefined}
      />,
    );
    expect(screen.getByTestId('case-notice').textContent).toBe('Link copied');
    expect(screen.getAllByTestId('failed-change')).toHaveLength(1);
    expect(screen.getByTestId('failed-change').textContent).toContain(t('caseDetail:kinds.set_priority'));
    expect((screen.getByLabelText(t('caseDetail:thread.discarded')) as HTMLTextAreaElement).value).toBe('my justification');
  });

  it('Edit drops the refused change, hands its words back and opens the dialog of its kind', async () => {
    fakeMain((channel) => {
      expect(channel).toBe('mutations.discard');
      return { id: 'e1', mutation: { kind: 'set_subscribers', caseRef: 'c', subscriberEmails: ['a@b.example'] } };
    });
    const onDiscarded = vi.fn();
    const onEditIn = vi.fn();
    wrap(
      <CaseNotices
        view={view({ failed: [{ ...failure, kind: 'set_subscribers' }] })}
        accountId="acc1"
        notice={undefined}
        discarded={undefined}
        onDiscarded={onDiscarded}
        onEditIn={onEditIn}
      />,
    );
    await act(async () => {
      fireEvent.click(screen.getByTestId('refusal-edit'));
    });
    await vi.waitFor(() => expect(onEditIn).toHaveBeenCalledWith('share'));
    expect(onDiscarded).toHaveBeenCalledWith('a@b.example');
  });
});

describe('PendingMessage', () => {
  const item: PendingComment = {
    entryId: 'e1',
    caseRef: 'organizations/9/cases/1',
    body: 'Thanks',
    createdAt: '2026-11-01T09:00:00Z',
    status: 'failed',
    error: { entryId: 'e1', kind: 'comment', code: 'INVALID_ARGUMENT', message: 'too long', permanent: true },
  };

  it('a queued comment says so and offers nothing to do', () => {
    wrap(
      <PendingMessage
        item={{ ...item, status: 'queued', error: undefined }}
        caseZone={undefined}
        editing={undefined}
        onEdit={vi.fn()}
        onResend={vi.fn()}
        onDiscard={vi.fn()}
      />,
    );
    expect(screen.getByTestId('pending-comment').textContent).toContain(t('caseDetail:queued'));
    expect(screen.queryByTestId('refusal-discard')).toBeNull();
  });

  it('a refused comment can be edited, saved only when not blank, or discarded', () => {
    const on = { onEdit: vi.fn(), onResend: vi.fn(), onDiscard: vi.fn() };
    const { rerender } = wrap(<PendingMessage item={item} caseZone={undefined} editing={undefined} {...on} />);
    expect(screen.getByTestId('refusal-text').textContent).toContain(t('customerAccess:refused.INVALID_ARGUMENT'));
    fireEvent.click(screen.getByTestId('refusal-edit'));
    expect(on.onEdit).toHaveBeenCalledWith('Thanks');
    fireEvent.click(screen.getByTestId('refusal-discard'));
    expect(on.onDiscard).toHaveBeenCalledOnce();

    const editing = (text: string) => (
      <I18nextProvider i18n={i18n}>
        <PendingMessage item={item} caseZone={undefined} editing={text} {...on} />
      </I18nextProvider>
    );
    rerender(editing('  '));
    const save = screen.getByText(t('customerAccess:refused.save')) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText(t('customerAccess:refused.edit')), { target: { value: 'Shorter' } });
    expect(on.onEdit).toHaveBeenLastCalledWith('Shorter');
    rerender(editing('Shorter'));
    fireEvent.click(screen.getByText(t('customerAccess:refused.save')));
    expect(on.onResend).toHaveBeenCalledWith('Shorter');
    fireEvent.click(screen.getByText(t('customerAccess:refused.cancel')));
    expect(on.onEdit).toHaveBeenLastCalledWith(undefined);
  });
});

describe('SlashMenu', () => {
  const templates: Template[] = [
    { id: 'a', name: 'Greeting', body: 'Hello', kind: 'comment' },
    { id: 'b', name: 'Closing', body: 'Bye', kind: 'comment' },
  ];

  it('marks the active option for the textarea and inserts the one pressed', () => {
    const onChoose = vi.fn();
    wrap(<SlashMenu id="slash-c" suggestions={templates} activeIndex={1} onChoose={onChoose} />);
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.id)).toEqual(['slash-c-0', 'slash-c-1']);
    expect(options.map((o) => o.getAttribute('aria-selected'))).toEqual(['false', 'true']);
    fireEvent.mouseDown(options[0]!);
    expect(onChoose).toHaveBeenCalledWith(templates[0]);
  });

  it('renders nothing without suggestions', () => {
    wrap(<SlashMenu id="slash-c" suggestions={[]} activeIndex={0} onChoose={vi.fn()} />);
    expect(screen.queryByRole('listbox')).toBeNull();
  });
});

describe('HistoryBar', () => {
  it('offers to fetch a thread that is not here, and says when it is loading', () => {
    const onLoad = vi.fn();
    const { rerender } = wrap(<HistoryBar state="failed" onLoad={onLoad} />);
    fireEvent.click(screen.getByTestId('load-history'));
    expect(onLoad).toHaveBeenCalledOnce();
    rerender(
      <I18nextProvider i18n={i18n}>
        <HistoryBar state="loading" onLoad={onLoad} />
      </I18nextProvider>,
    );
    expect(screen.getByTestId('history-state').getAttribute('aria-busy')).toBe('true');
    rerender(
      <I18nextProvider i18n={i18n}>
        <HistoryBar state="loaded" onLoad={onLoad} />
      </I18nextProvider>,
    );
    expect(screen.queryByTestId('history-state')).toBeNull();
  });
});

describe('EscalateDialog', () => {
  const variables = { caseNumber: '41000034', customer: 'Wingtip Toys', agent: 'Agent One' };

  it('names both missing fields, queues the escalation with the trimmed justification and closes', async () => {
    const enqueue = vi.fn(async () => true);
    const onClose = vi.fn();
    wrap(
      <EscalateDialog
        open
        onClose={onClose}
        view={view()}
        account={account}
        blockedReason={undefined}
        enqueue={enqueue}
        variables={variables}
      />,
    );
    fireEvent.click(screen.getByTestId('submit-escalation'));
    expect(screen.getByText(t('caseDetail:escalate.reasonRequired'))).toBeTruthy();
    expect(screen.getByText(t('caseDetail:escalate.justificationRequired'))).toBeTruthy();
    expect(enqueue).not.toHaveBeenCalled();

    fireEvent.change(screen.getByTestId('escalate-reason'), { target: { value: 'BUSINESS_IMPACT' } });
    fireEvent.change(screen.getByTestId('escalate-justification'), { target: { value: '  Payroll is blocked.  ' } });
    await act(async () => {
      fireEvent.keyDown(screen.getByTestId('escalate-justification'), { key: 'Enter', ctrlKey: true });
    });
    expect(enqueue).toHaveBeenCalledWith({
      kind: 'escalate',
      caseRef: 'organizations/9/cases/41000034',
      reason: 'BUSINESS_IMPACT',
      justification: 'Payroll is blocked.',
    });
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledOnce());
  });

  it('says why escalating is not offered instead of the form', () => {
    wrap(
      <EscalateDialog
        open
        onClose={vi.fn()}
        view={view()}
        account={account}
        blockedReason="Already escalated."
        enqueue={vi.fn()}
        variables={variables}
      />,
    );
    expect(screen.getByTestId('escalate-blocked').textContent).toBe('Already escalated.');
    expect(screen.queryByTestId('escalate-justification')).toBeNull();
  });
});
