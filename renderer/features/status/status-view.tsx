import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../shared/api';
import { useAppStore } from '../../state/app-store';
import { agentTimeZone, formatInZone, relativeTime } from '../../ui/format';
import { useNow } from '../cases';
import { IncidentCases } from './incident-cases';
import { refreshStatus, useStatusStore } from './status-store';
import './status.css';

type Period = 'current' | 'recent' | 'all';
const RECENT_MS = 7 * 24 * 3_600_000;

function shownIncidents(incidents: readonly Incident[], period: Period, product: string, text: string, nowMs: number): Incident[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  return incidents.filter((incident) => {
    if (period === 'current' && incident.end) return false;
    if (period === 'recent' && incident.end && nowMs - Date.parse(incident.end) > RECENT_MS) return false;
    if (product && incident.service_name !== product) return false;
    const haystack = `${incident.service_name} ${incident.external_desc} ${incident.most_recent_update.text}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** The age of what is shown, and whether it is the live feed or the offline copy. */
function FeedAge({ nowMs }: { nowMs: number }): React.JSX.Element {
  const { t, i18n } = useTranslation('status');
  const { fetchedAtMs, source, loading } = useStatusStore();
  const accounts = useAppStore((state) => state.accounts?.accounts);
  const age = fetchedAtMs === undefined ? undefined : relativeTime(fetchedAtMs, nowMs, i18n.language);
  return (
    <p className={`feed-age${source === 'cache' ? ' stale' : ''}`} role="status" data-testid="feed-age" data-source={source}>
      {source === 'none' && !loading && t('age.never')}
      {source === 'live' && age && t('age.live', { age })}
      {source === 'cache' && age && t('age.cached', { age })}
      {loading && <span className="muted"> {t('age.loading')}</span>}{' '}
      <button type="button" className="link" disabled={loading || !accounts} onClick={() => accounts && void refreshStatus(accounts)}>
        {t('age.refresh')}
      </button>
    </p>
  );
}

/** Service status of Google Workspace: current and recent incidents per product, from the status dashboard feed (cached offline). */
export function StatusView(): React.JSX.Element {
  const { t, i18n } = useTranslation('status');
  const incidents = useStatusStore((state) => state.incidents);
  const nowMs = useNow(30_000);
  const [period, setPeriod] = useState<Period>('recent');
  const [product, setProduct] = useState('');
  const [text, setText] = useState('');
  const [selectedId, setSelectedId] = useState<string>();
  const products = useMemo(() => [...new Set(incidents.map((i) => i.service_name))].sort(), [incidents]);
  const shown = shownIncidents(incidents, period, product, text, nowMs);
  const selected = incidents.find((i) => i.id === selectedId) ?? shown.find((i) => !i.end) ?? shown[0];
  const zone = agentTimeZone();
  return (
    <div className="status-view" data-testid="status-view">
      <header className="status-header">
        <h2>{t('title')}</h2>
        <FeedAge nowMs={nowMs} />
        <a className="link" href="https://www.google.com/appsstatus/dashboard/" target="_blank" rel="noopener noreferrer">
          {t('dashboard')} ↗
        </a>
      </header>
      <div className="status-filters" role="search">
        <select
          className="input"
          value={period}
          onChange={(event) => setPeriod(event.target.value as Period)}
          aria-label={t('filter.period')}
          data-testid="status-period"
        >
          <option value="current">{t('filter.current')}</option>
          <option value="recent">{t('filter.recent')}</option>
          <option value="all">{t('filter.all')}</option>
        </select>
        <select
          className="input"
          value={product}
          onChange={(event) => setProduct(event.target.value)}
          aria-label={t('filter.product')}
          data-testid="status-product"
        >
          <option value="">{t('filter.allProducts')}</option>
          {products.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        <input
          className="input"
          value={text}
          placeholder={t('filter.text')}
          aria-label={t('filter.text')}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <div className="status-body">
        <ul className="incident-list" aria-label={t('list')} data-testid="incident-list">
          {shown.length === 0 && <li className="muted">{t('empty')}</li>}
          {shown.map((incident) => (
            <li key={incident.id}>
              <button
                type="button"
                className={`incident-row severity-${incident.severity}${incident === selected ? ' selected' : ''}`}
                aria-current={incident === selected ? 'true' : undefined}
                data-testid="incident-row"
                data-incident={incident.id}
                onClick={() => setSelectedId(incident.id)}
              >
                <span className={`incident-state ${incident.end ? 'resolved' : 'ongoing'}`}>
                  {incident.end ? t('resolved') : t('ongoing')}
                </span>
                <strong>{incident.service_name}</strong>
                <span className="incident-desc">{incident.external_desc}</span>
                <span className="muted small">{relativeTime(Date.parse(incident.begin), nowMs, i18n.language)}</span>
              </button>
            </li>
          ))}
        </ul>
        {selected && (
          <article className="incident-detail" data-testid="incident-detail" aria-label={selected.service_name}>
            <h3>
              {selected.service_name}: {selected.external_desc}
            </h3>
            <p className="muted">
              {t('began', { time: formatInZone(selected.begin, i18n.language, zone) })}
              {selected.end && ` · ${t('ended', { time: formatInZone(selected.end, i18n.language, zone) })}`}
              {` · ${t(`impact.${selected.status_impact}`)}`}
            </p>
            <ol className="incident-updates">
              {selected.updates.map((update) => (
                <li key={`${update.when}-${update.text.slice(0, 20)}`}>
                  <span className="muted small">{formatInZone(update.when, i18n.language, zone)}</span> {update.text}
                </li>
              ))}
            </ol>
            <IncidentCases incident={selected} />
          </article>
        )}
      </div>
    </div>
  );
}
