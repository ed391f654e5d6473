import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidEmail, parseEmailList, PRIORITIES, SELECTABLE_PRIORITIES, type SelectablePriority } from '../../../shared/domain';
import type { Incident } from '../../../shared/api';
import type { Mutation } from '../../../shared/ipc';
import type { AccountRuntime } from '../../runtime/account-runtime';
import { enqueueMutation } from '../../runtime/commands';
import { openCase } from '../../runtime/open-case';
import { useRuntimes } from '../../runtime/runtime-context';
import { openCasesDuringIncident, type CaseRecord } from '../../data';
import { formatInZone, agentTimeZone } from '../../ui/format';

interface LinkedCase {
  readonly runtime: AccountRuntime;
  readonly record: CaseRecord;
}

const keyOf = (c: LinkedCase): string => `${c.runtime.account.id}|${c.record.name}`;

/** Open cases of every signed-in domain that the incident may have caused (same product, created while it ran). */
function useIncidentCases(incident: Incident): LinkedCase[] | undefined {
  const runtimes = useRuntimes();
  // Any domain's replica or outbox changed (a sync brought a case): read again.
  const version = useSyncExternalStore(
    (listener) => {
      const offs = [...runtimes.values()].map((runtime) => runtime.subscribe(listener));
      return () => offs.forEach((off) => off());
    },
    () => [...runtimes.values()].reduce((sum, runtime) => sum + runtime.version, 0),
  );
  const [cases, setCases] = useState<LinkedCase[]>();
  useEffect(() => {
    let live = true;
    void Promise.all(
      [...runtimes.values()].map(async (runtime) =>
        (await openCasesDuringIncident(runtime.db, incident, Date.now()).catch(() => [])).map((record) => ({ runtime, record })),
      ),
    ).then((lists) => live && setCases(lists.flat().sort((a, b) => b.record.createTimeMs - a.record.createTimeMs)));
    return () => {
      live = false;
    };
  }, [runtimes, incident, version]);
  return cases;
}

type Action = 'comment' | 'subscribers' | 'priority';

/** One change per selected case, each under its own domain's account. */
function mutationsFor(
  action: Action,
  cases: readonly LinkedCase[],
  input: { text: string; emails: string[]; priority: SelectablePriority },
) {
  const out: Array<{ accountId: string; mutation: Mutation }> = [];
  for (const { runtime, record } of cases) {
    const accountId = runtime.account.id;
    if (action === 'comment') out.push({ accountId, mutation: { kind: 'comment', caseRef: record.name, body: input.text.trim() } });
    else if (action === 'subscribers') {
      const merged = [...new Set([...record.subscriberEmails, ...input.emails])];
      if (merged.length !== record.subscriberEmails.length)
        out.push({ accountId, mutation: { kind: 'set_subscribers', caseRef: record.name, subscriberEmails: merged } });
    } else if (PRIORITIES.indexOf(input.priority) < PRIORITIES.indexOf(record.priority)) {
      // Only raised, never lowered: a P1 case stays P1 when the agent raises the rest to P2.
      out.push({ accountId, mutation: { kind: 'set_priority', caseRef: record.name, priority: input.priority } });
    }
  }
  return out;
}

export function IncidentCases({ incident }: { incident: Incident }): React.JSX.Element {
  const { t } = useTranslation('status');
  const cases = useIncidentCases(incident);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // A new incident starts a new selection.
  useEffect(() => setSelected(new Set()), [incident.id]);

  if (cases === undefined) return <p className="muted">{t('link.loading')}</p>;
  if (cases.length === 0)
    return (
      <p className="muted" data-testid="incident-no-cases">
        {t('link.none')}
      </p>
    );
  const chosen = cases.filter((c) => selected.has(keyOf(c)));

  return (
    <section className="incident-cases" aria-label={t('link.title')} data-testid="incident-cases">
      <h4>{t('link.title')}</h4>
      <p className="muted small">{t('link.explain')}</p>
      <label className="check-all">
        <input
          type="checkbox"
          checked={chosen.length === cases.length}
          onChange={(event) => setSelected(event.target.checked ? new Set(cases.map(keyOf)) : new Set())}
        />
        {t('link.selectAll', { count: cases.length })}
      </label>
      <ul className="incident-case-list">
        {cases.map((c) => (
          <li key={keyOf(c)} data-testid="incident-case" data-case={c.record.name}>
            <label>
              <input
                type="checkbox"
                checked={selected.has(keyOf(c))}
                onChange={(event) => {
                  const next = new Set(selected);
                  if (event.target.checked) next.add(keyOf(c));
                  else next.delete(keyOf(c));
                  setSelected(next);
                }}
              />
              <span className="dot" aria-hidden="true" style={{ backgroundColor: c.runtime.account.color }} />
              <span className="muted small">{c.runtime.account.domain}</span>
              <span className="mono">#{c.record.caseNumber}</span>
              <span className={`priority-tag p-${c.record.priority.toLowerCase()}`}>{c.record.priority}</span>
              <span className="incident-case-title">{c.record.displayName}</span>
            </label>
            <button type="button" className="link" onClick={() => openCase(c.runtime.account.id, c.record.name)}>
              {t('link.open')}
            </button>
          </li>
        ))}
      </ul>
      <IncidentActions key={incident.id} incident={incident} chosen={chosen} onDone={() => setSelected(new Set())} />
    </section>
  );
}

/** What to do with the selected cases: one templated comment, subscribers, or a raised priority — each queued in its own domain. */
function IncidentActions({ incident, chosen, onDone }: { incident: Incident; chosen: readonly LinkedCase[]; onDone: () => void }) {
  const { t, i18n } = useTranslation('status');
  const [action, setAction] = useState<Action>('comment');
  const [text, setText] = useState(() =>
    t('link.template', {
      number: incident.number,
      product: incident.service_name,
      time: formatInZone(incident.begin, i18n.language, agentTimeZone()),
      description: incident.external_desc,
    }),
  );
  const [emails, setEmails] = useState('');
  const [priority, setPriority] = useState<SelectablePriority>('P2');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string>();
  const emailList = parseEmailList(emails);
  const invalidEmails = emailList.filter((e) => !isValidEmail(e));
  const ready =
    chosen.length > 0 &&
    !busy &&
    (action === 'comment' ? text.trim() !== '' : action === 'subscribers' ? emailList.length > 0 && invalidEmails.length === 0 : true);

  const apply = async (): Promise<void> => {
    setBusy(true);
    setResult(undefined);
    const planned = mutationsFor(action, chosen, { text, emails: emailList, priority });
    let queued = 0;
    for (const { accountId, mutation } of planned) {
      await enqueueMutation(accountId, mutation).then(
        () => (queued += 1),
        () => undefined,
      );
    }
    setResult(t('link.queued', { count: queued, failed: planned.length - queued }));
    onDone();
    setBusy(false);
  };

  return (
    <div className="incident-actions" role="group" aria-label={t('link.actions')}>
      <select className="input" value={action} onChange={(event) => setAction(event.target.value as Action)} data-testid="incident-action">
        <option value="comment">{t('link.action.comment')}</option>
        <option value="subscribers">{t('link.action.subscribers')}</option>
        <option value="priority">{t('link.action.priority')}</option>
      </select>
      {action === 'comment' && (
        <textarea
          className="input"
          rows={4}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-label={t('link.comment')}
          data-testid="incident-comment"
        />
      )}
      {action === 'subscribers' && (
        <input
          className="input"
          value={emails}
          placeholder="noc@example.com"
          onChange={(event) => setEmails(event.target.value)}
          aria-label={t('link.subscribers')}
        />
      )}
      {action === 'subscribers' && invalidEmails.length > 0 && (
        <p className="error-text">{t('link.invalidEmails', { values: invalidEmails.join(', ') })}</p>
      )}
      {action === 'priority' && (
        <select
          className="input"
          value={priority}
          onChange={(event) => setPriority(event.target.value as SelectablePriority)}
          aria-label={t('link.priority')}
        >
          {SELECTABLE_PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t('link.raiseTo', { priority: p })}
            </option>
          ))}
        </select>
      )}
      <button type="button" className="button primary" disabled={!ready} onClick={() => void apply()} data-testid="incident-apply">
        {t('link.apply', { count: chosen.length })}
      </button>
      {result && (
        <p role="status" data-testid="incident-result">
          {result}
        </p>
      )}
    </div>
  );
}
