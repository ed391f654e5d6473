import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseDetail } from '../features/case-detail';
import { CasesView, CaseViewsRail, CustomersView } from '../features/cases';
import { DomainDashboard } from '../features/dashboard';
import { NewCaseView } from '../features/new-case';
import { PendingView } from '../features/pending';
import { SettingsView } from '../features/settings';
import { useAppStore } from '../state/app-store';
import { useTab, type DomainView } from '../state/tab-store';
import { useUnreadStore } from '../state/unread-store';
import { Icon, icons } from '../ui/icons';
import { useAccountRuntime } from '../runtime/runtime-context';

const noCaseTabs: readonly string[] = [];

const views: ReadonlyArray<{ id: DomainView; label: string }> = [
  { id: 'cases', label: 'rail.cases' },
  { id: 'customers', label: 'rail.customers' },
  { id: 'new-case', label: 'rail.newCase' },
  { id: 'pending', label: 'rail.pending' },
  { id: 'dashboard', label: 'rail.dashboard' },
  { id: 'settings', label: 'rail.settings' },
];

/** A reseller domain's tab: left rail of views, case sub-tabs, and the view itself, framed in the domain's colour. */
export function DomainTab({ menu }: { menu: ReactNode }): React.JSX.Element {
  const { t } = useTranslation('shell');
  const runtime = useAccountRuntime();
  const view = useTab((state) => state.view);
  const setView = useTab((state) => state.setView);
  const caseTab = useTab((state) => state.caseTab);
  const setCaseTab = useTab((state) => state.setCaseTab);
  const caseTabs = useAppStore((state) => state.caseTabs[runtime.account.id] ?? noCaseTabs);
  const closeCaseTab = useAppStore((state) => state.closeCaseTab);
  const pendingCount = runtime.pendingEntries.length;
  const selectedCase = useTab((state) => state.selectedCase);
  const shownCase = caseTab ?? (view === 'cases' ? selectedCase : undefined);
  // Showing a case is reading it: it is no longer unread.
  useEffect(() => {
    if (shownCase) useUnreadStore.getState().markSeen(runtime.account.id, shownCase);
  }, [shownCase, runtime.account.id]);

  return (
    <div className="domain-tab" style={{ borderTopColor: runtime.account.color }} data-domain={runtime.account.domain}>
      <nav className="rail" aria-label={t('rail.label')}>
        <div className="rail-account">
          <span className="dot" aria-hidden="true" style={{ backgroundColor: runtime.account.color }} />
          <span className="rail-domain">{runtime.account.domain}</span>
          {menu}
        </div>
        <ul>
          {views.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className={`rail-item${view === item.id && !caseTab ? ' selected' : ''}`}
                aria-current={view === item.id && !caseTab ? 'page' : undefined}
                data-testid={`view-${item.id}`}
                onClick={() => setView(item.id)}
              >
                {t(item.label)}
                {item.id === 'pending' && pendingCount > 0 && <span className="badge">{pendingCount}</span>}
              </button>
              {/* The case views (Mine, Needs my reply, …, saved ones) sit under "My cases". */}
              {item.id === 'cases' && <CaseViewsRail />}
            </li>
          ))}
        </ul>
      </nav>
      <section className="domain-main">
        {caseTabs.length > 0 && (
          <div className="case-tabs" role="tablist" aria-label={runtime.account.domain}>
            {caseTabs.map((name) => {
              const number = name.split('/').pop() ?? name;
              return (
                <span key={name} className={`case-tab${caseTab === name ? ' selected' : ''}`}>
                  <button type="button" role="tab" aria-selected={caseTab === name} onClick={() => setCaseTab(name)}>
                    #{number}
                  </button>
                  <button
                    type="button"
                    className="icon-button small"
                    aria-label={t('tabs.closeCase', { name: number })}
                    onClick={() => {
                      closeCaseTab(runtime.account.id, name);
                      if (caseTab === name) setCaseTab(undefined);
                    }}
                  >
                    <Icon icon={icons.close} />
                  </button>
                </span>
              );
            })}
          </div>
        )}
        <div className="view">{caseTab ? <CaseDetail caseName={caseTab} /> : <ViewSwitch view={view} />}</div>
      </section>
    </div>
  );
}

function ViewSwitch({ view }: { view: DomainView }): React.JSX.Element {
  switch (view) {
    case 'cases':
      return <CasesView />;
    case 'customers':
      return <CustomersView />;
    case 'new-case':
      return <NewCaseView />;
    case 'pending':
      return <PendingView />;
    case 'settings':
      return <SettingsView />;
    case 'dashboard':
      return <DomainDashboard />;
  }
}
