import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlaPlan } from '../../../shared/domain';
import { getBridgeClient } from '../../platform';
import { shortDuration } from '../../ui/format';
import { useAgency, useAgencyStore } from './agency-store';
import { CsvTools } from './csv-tools';
import { CustomerPlans } from './customer-plans';
import { PlanEditor, blankPlan } from './plan-editor';
import './sla-plans.css';

function coverageText(plan: SlaPlan, t: (key: string, options?: Record<string, unknown>) => string): string {
  const c = plan.coverage;
  if (c.kind === '24x7') return t('coverage.24x7');
  const time = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const summary = t('coverage.summary', {
    hours: `${time(c.openMinute)}–${time(c.closeMinute)}`,
    zone: c.timeZone ?? t('editor.caseTimeZone'),
  });
  const holidays = (c.holidays ?? []).length;
  return holidays > 0 ? `${summary} · ${t('coverage.holidays', { count: holidays })}` : summary;
}

/** Settings → SLA plans: the agency's own plans, the default, and each customer's plan and Google support offering. */
export function SlaPlansSettings(): React.JSX.Element {
  const { t, i18n } = useTranslation('slaPlans');
  const agency = useAgency();
  const loadError = useAgencyStore((state) => state.error);
  const [editing, setEditing] = useState<SlaPlan>();
  const [error, setError] = useState<string>();
  const { data } = agency;
  const hasDemo = data.plans.some((p) => p.demo) || data.customers.some((c) => c.demo);
  const call = (work: Promise<unknown>): void => {
    work.then(
      () => setError(undefined),
      (reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)),
    );
  };

  return (
    <div className="sla-plans-settings" data-testid="sla-plans-settings">
      <p className="muted">{t('intro')}</p>
      {hasDemo && (
        <p className="notice demo-notice" role="note" data-testid="demo-notice">
          {t('demo.notice')}{' '}
          <button type="button" className="link" onClick={() => call(getBridgeClient().invoke('agency.clearDemo', {}))}>
            {t('demo.remove')}
          </button>
        </p>
      )}
      <table className="settings-table" data-testid="plans-table">
        <thead>
          <tr>
            <th scope="col">{t('plans.name')}</th>
            <th scope="col">{t('plans.coverage')}</th>
            <th scope="col">{t('plans.p1')}</th>
            <th scope="col">{t('plans.default')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('plans.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {data.plans.map((plan) => (
            <tr key={plan.id} data-plan={plan.id}>
              <th scope="row">
                {plan.name} {plan.demo && <span className="demo-tag">{t('demo.tag')}</span>}
              </th>
              <td>{coverageText(plan, t)}</td>
              <td>
                {t('plans.targets', {
                  first: shortDuration(plan.targets.P1.firstResponseMinutes * 60_000, i18n.language),
                  update: shortDuration(plan.targets.P1.updateMinutes * 60_000, i18n.language),
                })}
              </td>
              <td>
                <input
                  type="radio"
                  name="default-plan"
                  aria-label={t('plans.makeDefault', { name: plan.name })}
                  checked={plan.id === data.defaultPlanId}
                  onChange={() => call(getBridgeClient().invoke('agency.setDefaultPlan', { planId: plan.id }))}
                />
              </td>
              <td className="row-actions">
                <button type="button" className="button" data-testid="plan-edit" onClick={() => setEditing(plan)}>
                  {t('plans.edit')}
                </button>
                <button
                  type="button"
                  className="button danger"
                  disabled={plan.id === data.defaultPlanId}
                  title={plan.id === data.defaultPlanId ? t('plans.defaultCannotGo') : undefined}
                  onClick={() => call(getBridgeClient().invoke('agency.deletePlan', { planId: plan.id }))}
                >
                  {t('plans.delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="settings-actions">
        <button type="button" className="button" data-testid="plan-add" onClick={() => setEditing(blankPlan())}>
          {t('plans.add')}
        </button>
        <CsvTools kind="plans" />
      </div>
      {editing && (
        <PlanEditor
          key={editing.id || 'new'}
          plan={editing}
          onCancel={() => setEditing(undefined)}
          onSave={async (plan) => {
            await getBridgeClient().invoke('agency.savePlan', { plan });
            setEditing(undefined);
          }}
        />
      )}
      <CustomerPlans agency={agency} onError={setError} />
      <CsvTools kind="customers" />
      {(error ?? loadError) && (
        <p role="alert" className="error-banner">
          {error ?? loadError}
        </p>
      )}
    </div>
  );
}
