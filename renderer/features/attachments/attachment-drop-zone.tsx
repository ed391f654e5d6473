import { useEffect, useState } from 'react';
import { Button, DropZone, FileTrigger, isFileDropItem } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_MAX_BYTES, type PiiFinding } from '../../../shared/domain';
import { useAccountRuntime } from '../../runtime/runtime-context';
import { getBridgeClient } from '../../platform';
import { checkFile, formatBytes, needsPiiScan, scanFileForPii, type FileProblem } from './checks';
import './attachments.css';

/** A file that passed the checks (size, type, name, PII for text files) and may be queued. */
export interface CheckedFile {
  readonly file: File;
  /** Sanitized name to upload under. */
  readonly filename: string;
  /** The PII check found personal data and the agent chose to keep the file. */
  readonly piiKept?: true;
}

interface Rejection {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly problem: FileProblem | { readonly code: 'unreadable' };
}

interface PiiReview {
  readonly id: string;
  readonly checked: CheckedFile;
  readonly findings: readonly PiiFinding[];
}

const maxBytesByAccount = new Map<string, Promise<number>>();

/** The backend's per-file limit (asked once per account; the default when it cannot be asked). */
function useMaxAttachmentBytes(accountId: string): number {
  const [max, setMax] = useState(ATTACHMENT_MAX_BYTES);
  useEffect(() => {
    let live = true;
    let pending = maxBytesByAccount.get(accountId);
    if (!pending) {
      pending = getBridgeClient()
        .invoke('backend.info', { accountId })
        .then((info) => (info.maxAttachmentBytes > 0 ? info.maxAttachmentBytes : ATTACHMENT_MAX_BYTES));
      // A failed lookup is asked again next time instead of being remembered.
      pending.catch(() => maxBytesByAccount.delete(accountId));
      maxBytesByAccount.set(accountId, pending);
    }
    pending.then((value) => live && setMax(value)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [accountId]);
  return max;
}

let nextId = 0;
const newId = (): string => `f${(nextId += 1)}`;

/** Drag-and-drop area plus a file picker; calls onFiles with files that passed the checks, shows why others did not. */
export function AttachmentDropZone({ onFiles }: { onFiles: (files: CheckedFile[]) => void }): React.JSX.Element {
  const { t, i18n } = useTranslation('attachments');
  const runtime = useAccountRuntime();
  const maxBytes = useMaxAttachmentBytes(runtime.account.id);
  const [rejections, setRejections] = useState<Rejection[]>([]);
  const [renamed, setRenamed] = useState<Array<{ id: string; original: string; name: string }>>([]);
  const [reviews, setReviews] = useState<PiiReview[]>([]);
  const size = (bytes: number): string => formatBytes(bytes, i18n.language);

  async function accept(files: readonly File[]): Promise<void> {
    const ok: CheckedFile[] = [];
    const rejected: Rejection[] = [];
    const review: PiiReview[] = [];
    const renames: Array<{ id: string; original: string; name: string }> = [];
    for (const file of files) {
      const { filename, problem } = checkFile(file, maxBytes);
      if (problem) {
        rejected.push({ id: newId(), name: file.name, size: file.size, problem });
        continue;
      }
      if (filename !== file.name) renames.push({ id: newId(), original: file.name, name: filename });
      if (needsPiiScan(filename)) {
        try {
          const findings = await scanFileForPii(file, [runtime.account.email]);
          if (findings.length > 0) {
            review.push({ id: newId(), checked: { file, filename }, findings });
            continue;
          }
        } catch {
          rejected.push({ id: newId(), name: file.name, size: file.size, problem: { code: 'unreadable' } });
          continue;
        }
      }
      ok.push({ file, filename });
    }
    setRejections(rejected);
    setRenamed(renames);
    setReviews((current) => [...current, ...review]);
    if (ok.length > 0) onFiles(ok);
  }

  const message = (r: Rejection): string => {
    switch (r.problem.code) {
      case 'blocked':
        return t('rejected.blocked', { name: r.name, ext: r.problem.extension, reason: t(`blockedReason.${r.problem.reason}`) });
      case 'too_large':
        return t('rejected.too_large', { name: r.name, size: size(r.size), max: size(r.problem.maxBytes) });
      case 'empty':
        return t('rejected.empty', { name: r.name });
      case 'bad_name':
        return t('rejected.bad_name', { name: r.name });
      case 'unreadable':
        return t('rejected.unreadable', { name: r.name });
    }
  };

  const decide = (review: PiiReview, keep: boolean): void => {
    setReviews((current) => current.filter((other) => other.id !== review.id));
    if (keep) onFiles([{ ...review.checked, piiKept: true }]);
  };

  return (
    <div className="attachment-drop">
      <DropZone
        className="attachment-drop-zone"
        aria-label={t('drop.label')}
        data-testid="attachment-drop-zone"
        getDropOperation={() => 'copy'}
        onDrop={(event) => {
          const items = event.items.filter(isFileDropItem);
          void Promise.all(items.map((item) => item.getFile())).then((files) => accept(files));
        }}
      >
        {({ isDropTarget }) => (
          <>
            <span className="attachment-drop-hint">{isDropTarget ? t('drop.active') : t('drop.hint')}</span>
            <FileTrigger allowsMultiple onSelect={(list) => void accept(list ? Array.from(list) : [])}>
              <Button className="button" data-testid="attachment-choose">
                {t('drop.choose')}
              </Button>
            </FileTrigger>
            <span className="muted attachment-drop-limit">{t('drop.limit', { max: size(maxBytes) })}</span>
          </>
        )}
      </DropZone>
      {(rejections.length > 0 || renamed.length > 0) && (
        <div className="attachment-notices" role="alert" data-testid="attachment-rejections">
          <ul>
            {rejections.map((r) => (
              <li key={r.id} className="error-text" data-problem={r.problem.code}>
                {message(r)}
              </li>
            ))}
            {renamed.map((r) => (
              <li key={r.id} className="muted">
                {t('renamed', { original: r.original, name: r.name })}
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="link"
            onClick={() => {
              setRejections([]);
              setRenamed([]);
            }}
          >
            {t('dismiss')}
          </button>
        </div>
      )}
      {reviews.map((review) => (
        <PiiReviewCard key={review.id} review={review} onDecide={(keep) => decide(review, keep)} />
      ))}
    </div>
  );
}

const shownFindings = 5;

function PiiReviewCard({ review, onDecide }: { review: PiiReview; onDecide: (keep: boolean) => void }): React.JSX.Element {
  const { t } = useTranslation('attachments');
  const unique = [...new Map(review.findings.map((f) => [`${f.subtype}:${f.match}`, f])).values()];
  return (
    <div
      className="attachment-pii"
      role="group"
      aria-label={t('pii.title', { name: review.checked.filename })}
      data-testid="attachment-pii"
    >
      <strong>{t('pii.title', { name: review.checked.filename })}</strong>
      <p className="muted">{t('pii.body')}</p>
      <ul>
        {unique.slice(0, shownFindings).map((f) => (
          <li key={`${f.subtype}:${f.match}`}>
            {t('common:labelled', { label: t(`common:piiType.${f.subtype}`) })}{' '}
            <code>{f.match.length > 60 ? `${f.match.slice(0, 57)}…` : f.match}</code>
          </li>
        ))}
        {unique.length > shownFindings && <li className="muted">{t('pii.more', { count: unique.length - shownFindings })}</li>}
      </ul>
      <div className="attachment-pii-actions">
        <Button className="button" onPress={() => onDecide(true)}>
          {t('pii.keep')}
        </Button>
        <Button className="button danger" onPress={() => onDecide(false)}>
          {t('pii.remove')}
        </Button>
      </div>
    </div>
  );
}
