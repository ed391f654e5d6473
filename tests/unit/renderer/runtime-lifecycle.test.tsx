// Account runtimes live in a registry outside React (driven by accounts.changed): StrictMode's
// double mount and remounts never stop them. A crash in one tab's render stays in that tab.
import { act, StrictMode, useState, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Account, AccountsState } from '../../../shared/ipc';
import type { AccountRuntime } from '../../../renderer/runtime/account-runtime';
import { RuntimeProvider, useRuntimes } from '../../../renderer/runtime/runtime-context';
import { defaultLifecycle, RuntimeRegistry, type RuntimeLifecycle } from '../../../renderer/runtime/runtime-registry';
import { TabBoundary } from '../../../renderer/app/tab-boundary';
import { createI18n, uiLanguages } from '../../../renderer/i18n';
import type { BridgeClient } from '../../../renderer/platform';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const account = (id: string, domain: string): Account => ({
  id,
  email: `agent1@${domain}`,
  domain,
  backend: 'sandbox',
  color: '#336699',
  status: 'active',
  addedAt: '2026-11-01T00:00:00Z',
});
const A = account('acc_a', 'reseller-a.example');
const B = account('acc_b', 'reseller-b.example');
const stateOf = (...accounts: Account[]): AccountsState => ({ accounts, secretsPersisted: true });

/** Main as the renderer sees it: answers the few channels a runtime uses and emits events on demand. */
function fakeMain(initial: AccountsState) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: Array<{ channel: string; request: unknown }> = [];
  let answerList: (state: AccountsState) => void = () => undefined;
  let listAnswer: Promise<AccountsState> = Promise.resolve(initial);
  const client = {
    async invoke(channel: string, request: unknown) {
      calls.push({ channel, request });
      if (channel === 'accounts.list') return listAnswer;
      if (channel === 'mutations.list') return [];
      if (channel === 'replica.hello') return {};
      throw new Error(`unexpected ${channel}`);
    },
    on(event: string, listener: (payload: unknown) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  } as unknown as BridgeClient;
  return {
    client,
    calls,
    emit: (event: string, payload: unknown) => listeners.get(event)?.forEach((listener) => listener(payload)),
    /** Makes accounts.list answer only when told to (to race it against an event). */
    holdList() {
      listAnswer = new Promise((resolve) => (answerList = resolve));
    },
    answerList: (state: AccountsState) => answerList(state),
  };
}

function recordingLifecycle() {
  const created: AccountRuntime[] = [];
  const forgotten: string[] = [];
  const lifecycle: RuntimeLifecycle = {
    create(accountToRun, client) {
      const runtime = defaultLifecycle.create(accountToRun, client);
      created.push(runtime);
      return runtime;
    },
    forget: (accountId) => void forgotten.push(accountId),
  };
  return { lifecycle, created, forgotten };
}

function Domains(): React.JSX.Element {
  const runtimes = useRuntimes();
  return <p data-testid="domains">{[...runtimes.values()].map((runtime) => runtime.account.domain).join(',')}</p>;
}

let container: HTMLElement;
const roots: Root[] = [];
function mount(node: ReactNode): Root {
  const root = createRoot(container);
  roots.push(root);
  act(() => root.render(<StrictMode>{node}</StrictMode>));
  return root;
}
const text = (testId: string): string | null | undefined => container.querySelector(`[data-testid="${testId}"]`)?.textContent;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  for (const root of roots.splice(0)) act(() => root.unmount());
  container.remove();
});

describe('account runtimes outside render', () => {
  it('survive a StrictMode double mount and a remount: created and started once, never disposed', async () => {
    const main = fakeMain(stateOf(A, B));
    const { lifecycle, created } = recordingLifecycle();
    const registry = new RuntimeRegistry(main.client, lifecycle);
    registry.start();
    registry.start();
    await vi.waitFor(() => expect(main.calls.filter((c) => c.channel === 'replica.hello')).toHaveLength(2));
    const first = mount(
      <RuntimeProvider registry={registry}>
        <Domains />
      </RuntimeProvider>,
    );
    expect(text('domains')).toBe('reseller-a.example,reseller-b.example');

    act(() => first.unmount());
    mount(
      <RuntimeProvider registry={registry}>
        <Domains />
      </RuntimeProvider>,
    );
    expect(text('domains')).toBe('reseller-a.example,reseller-b.example');
    expect(created).toHaveLength(2);
    expect(created.map((runtime) => runtime.disposed)).toEqual([false, false]);
    expect([...registry.getSnapshot().values()]).toEqual(created);
    expect(main.calls.filter((c) => c.channel === 'accounts.list')).toHaveLength(1);
    expect(main.calls.filter((c) => c.channel === 'replica.hello')).toHaveLength(2);
    act(() => registry.stop());
  });

  it('accounts.changed creates and disposes them; a signed-out account loses its local data', async () => {
    const main = fakeMain(stateOf(A, B));
    const { lifecycle, created, forgotten } = recordingLifecycle();
    const registry = new RuntimeRegistry(main.client, lifecycle);
    registry.start();
    await vi.waitFor(() => expect(registry.getSnapshot().size).toBe(2));
    mount(
      <RuntimeProvider registry={registry}>
        <Domains />
      </RuntimeProvider>,
    );
    expect(text('domains')).toBe('reseller-a.example,reseller-b.example');
    const [runtimeA, runtimeB] = created;

    act(() => main.emit('accounts.changed', stateOf({ ...A, status: 'reauth_required' })));
    expect(text('domains')).toBe('reseller-a.example');
    expect(runtimeB?.disposed).toBe(true);
    expect(forgotten).toEqual(['acc_b']);
    expect(registry.getSnapshot().get('acc_a')).toBe(runtimeA);
    expect(runtimeA?.account.status).toBe('reauth_required');

    act(() => main.emit('accounts.changed', stateOf(A, B)));
    expect(text('domains')).toBe('reseller-a.example,reseller-b.example');
    expect(created).toHaveLength(3);
    act(() => registry.stop());
    expect(created.every((runtime) => runtime.disposed)).toBe(true);
    // Closing the app is not signing out: nothing more was forgotten.
    expect(forgotten).toEqual(['acc_b']);
  });

  it('a late accounts.list answer does not undo a newer accounts.changed', async () => {
    const main = fakeMain(stateOf());
    main.holdList();
    const { lifecycle, forgotten } = recordingLifecycle();
    const registry = new RuntimeRegistry(main.client, lifecycle);
    registry.start();
    main.emit('accounts.changed', stateOf(A, B));
    main.answerList(stateOf(A));
    await Promise.resolve();
    await Promise.resolve();
    expect([...registry.getSnapshot().keys()]).toEqual(['acc_a', 'acc_b']);
    expect(forgotten).toEqual([]);
    act(() => registry.stop());
  });
});

describe('one error boundary per tab', () => {
  let broken = new Set<string>();
  function TabContent({ tab }: { tab: string }): React.JSX.Element {
    if (broken.has(tab)) throw new Error(`render failed in ${tab}`);
    return <p data-testid="tab-content">{tab}</p>;
  }
  let select: (tab: string) => void = () => undefined;
  function Shell(): React.JSX.Element {
    const [active, setActive] = useState('reseller-a.example');
    select = setActive;
    return (
      <>
        <nav data-testid="tab-strip">tabs</nav>
        <TabBoundary key={active}>
          <TabContent tab={active} />
        </TabBoundary>
      </>
    );
  }

  beforeEach(() => {
    broken = new Set();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => vi.mocked(console.error).mockRestore());

  it("a crash in one domain's tab shows a recoverable error there; the other tabs keep working", () => {
    broken.add('reseller-a.example');
    mount(
      <I18nextProvider i18n={createI18n('en')}>
        <Shell />
      </I18nextProvider>,
    );
    expect(text('tab-crashed')).toContain('This tab ran into a problem');
    expect(text('tab-crashed')).toContain('render failed in reseller-a.example');
    expect(text('tab-strip')).toBe('tabs');

    act(() => select('reseller-b.example'));
    expect(text('tab-content')).toBe('reseller-b.example');
    expect(text('tab-crashed')).toBeUndefined();

    act(() => select('reseller-a.example'));
    expect(text('tab-crashed')).toContain('This tab ran into a problem');
    broken.clear();
    act(() => container.querySelector<HTMLButtonElement>('[data-testid="tab-crashed-retry"]')?.click());
    expect(text('tab-content')).toBe('reseller-a.example');
  });

  it('says so in every UI language', () => {
    broken.add('reseller-a.example');
    const titles = uiLanguages.map((language) => {
      const root = mount(
        <I18nextProvider i18n={createI18n(language)}>
          <Shell />
        </I18nextProvider>,
      );
      const title = container.querySelector('[data-testid="tab-crashed"] h2')?.textContent ?? '';
      act(() => root.unmount());
      return title;
    });
    expect(titles.every((title) => title !== '' && !title.includes('tabCrashed'))).toBe(true);
    expect(new Set(titles).size).toBe(uiLanguages.length);
  });
});
