import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { piiFindingKey, type PiiFinding } from '../../../shared/domain';
import type { PiiDecisions } from './pii-decisions';

const CONTEXT_CHARS = 24;
const REASON_PRESETS = ['needed', 'consent', 'test'] as const;

/**
 * PII findings of one text, right under its field: each shown in context with the value
 * highlighted, and "remove" / "keep anyway" (with a reason). One row per distinct value.
 */
export function PiiPanel({
  text,
  findings,
  decisions,
  onRemove,
  onKeep,
  testId,
}: {
  text: string;
  findings: readonly PiiFinding[];
  decisions: PiiDecisions;
  onRemove: (finding: PiiFinding) => void;
  onKeep: (finding: PiiFinding, reason: string) => void;
  testId?: string;
}): React.JSX.Element | null {
  const { t } = useTranslation('caseDetail');
  const distinct = findings.filter((f, i) => findings.findIndex((o) => piiFindingKey(o) === piiFindingKey(f)) === i);
  if (distinct.length === 0) return null;
  return (
    <div className="pii-panel" role="group" aria-label={t('pii.title')} data-testid={testId}>
      <p className="pii-heading">
        <strong>{t('pii.title')}</strong> <span className="muted">{t('pii.hint')}</span>
      </p>
      <ul>
        {distinct.map((finding) => (
          <PiiRow
            key={piiFindingKey(finding)}
            text={text}
            finding={finding}
            decision={decisions[piiFindingKey(finding)]}
            onRemove={onRemove}
            onKeep={onKeep}
          />
        ))}
      </ul>
    </div>
  );
}

function PiiRow({
  text,
  finding,
  decision,
  onRemove,
  onKeep,
}: {
  text: string;
  finding: PiiFinding;
  decision: PiiDecisions[string] | undefined;
  onRemove: (finding: PiiFinding) => void;
  onKeep: (finding: PiiFinding, reason: string) => void;
}): React.JSX.Element {
  const { t } = useTranslation('caseDetail');
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const before = text.slice(Math.max(0, finding.start - CONTEXT_CHARS), finding.start);
  const after = text.slice(finding.end, finding.end + CONTEXT_CHARS);
  const kept = decision?.action === 'keep' && decision.reason !== '';
  return (
    <li className={`pii-row${kept ? ' kept' : ''}`} data-pii-kind={finding.kind}>
      <span className="pii-kind">{t(`common:piiType.${finding.subtype}`)}</span>
      <span className="pii-context">
        {finding.start > CONTEXT_CHARS && '…'}
        {before}
        <mark>{finding.match}</mark>
        {after}
        {finding.end + CONTEXT_CHARS < text.length && '…'}
      </span>
      {kept ? (
        <span className="pii-kept muted">{t('pii.kept', { reason: decision.reason })}</span>
      ) : asking ? (
        <form
          className="pii-reason"
          onSubmit={(event) => {
            event.preventDefault();
            if (reason.trim()) onKeep(finding, reason);
          }}
        >
          <input
            className="input"
            value={reason}
            autoFocus
            aria-label={t('pii.reason')}
            placeholder={t('pii.reasonPlaceholder')}
            onChange={(event) => setReason(event.target.value)}
          />
          {REASON_PRESETS.map((preset) => (
            <button key={preset} type="button" className="chip" onClick={() => setReason(t(`pii.reasons.${preset}`))}>
              {t(`pii.reasons.${preset}`)}
            </button>
          ))}
          <button type="submit" className="button" disabled={!reason.trim()}>
            {t('pii.confirmKeep')}
          </button>
        </form>
      ) : (
        <span className="pii-actions">
          <button type="button" className="button" onClick={() => onRemove(finding)}>
            {t('pii.remove')}
          </button>
          <button type="button" className="button" onClick={() => setAsking(true)}>
            {t('pii.keep')}
          </button>
        </span>
      )}
    </li>
  );
}
