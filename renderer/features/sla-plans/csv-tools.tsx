import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_AGENCY_CSV_BYTES, type AgencyCsvKind, type CsvProblem } from '../../../shared/ipc';
import { getBridgeClient } from '../../platform';

type Outcome = { kind: 'ok'; text: string } | { kind: 'problems'; text: string; problems: CsvProblem[] } | { kind: 'error'; text: string };

/** Import and export of the plans or the customer records as CSV, with every refused row listed by line. */
export function CsvTools({ kind }: { kind: AgencyCsvKind }): React.JSX.Element {
  const { t } = useTranslation('slaPlans');
  const input = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<Outcome>();
  const fail = (reason: unknown): void => setOutcome({ kind: 'error', text: reason instanceof Error ? reason.message : String(reason) });

  const importFile = async (file: File): Promise<void> => {
    if (file.size > MAX_AGENCY_CSV_BYTES) return setOutcome({ kind: 'error', text: t('csv.tooBig', { name: file.name }) });
    if (!/\.(csv|txt)$/i.test(file.name) && !/csv|text\/plain/.test(file.type))
      return setOutcome({ kind: 'error', text: t('csv.notCsv', { name: file.name }) });
    const result = await getBridgeClient().invoke('agency.importCsv', { kind, text: await file.text() });
    const text = t('csv.imported', { count: result.imported });
    setOutcome(result.problems.length > 0 ? { kind: 'problems', text, problems: result.problems } : { kind: 'ok', text });
  };

  const exportFile = async (): Promise<void> => {
    const saved = await getBridgeClient().invoke('agency.exportCsv', { kind });
    if (saved.saved) setOutcome({ kind: 'ok', text: t('csv.exported', { path: saved.path ?? '' }) });
  };

  return (
    <div className="csv-tools" data-testid={`csv-${kind}`}>
      <button type="button" className="button" onClick={() => input.current?.click()}>
        {t(`csv.import.${kind}`)}
      </button>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv"
        hidden
        data-testid={`csv-input-${kind}`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) importFile(file).catch(fail);
        }}
      />
      <button type="button" className="button" data-testid={`csv-export-${kind}`} onClick={() => void exportFile().catch(fail)}>
        {t(`csv.export.${kind}`)}
      </button>
      {outcome && (
        <div role={outcome.kind === 'error' ? 'alert' : 'status'} className={outcome.kind === 'error' ? 'error-text' : 'muted'}>
          {outcome.text}
          {outcome.kind === 'problems' && (
            <ul className="csv-problems" data-testid="csv-problems">
              {outcome.problems.map((problem) => (
                <li key={`${problem.line}-${problem.message}`}>{t('csv.problem', { line: problem.line, message: problem.message })}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
