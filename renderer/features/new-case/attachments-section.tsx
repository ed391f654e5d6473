import { useTranslation } from 'react-i18next';
import { AttachmentDropZone, formatBytes } from '../attachments';
import type { NewCaseForm } from './use-new-case-form';

/** Files are staged in main the moment they are chosen; they stay with the draft until it is filed or discarded. */
export function AttachmentsSection({ form }: { form: NewCaseForm }): React.JSX.Element {
  const { t, i18n } = useTranslation('newCase');
  const { files, fileProblems } = form;
  return (
    <section className="form-section" aria-labelledby="sec-attachments" data-testid="attachments-section">
      <h3 id="sec-attachments">{t('sections.attachments')}</h3>
      <p className="muted small">{t('attachments.hint')}</p>
      <AttachmentDropZone onFiles={(added) => void files.add(added)} />
      {files.staging && (
        <progress className="staging-progress" max={files.staging.total} value={files.staging.sent} aria-label={t('attachments.staging')} />
      )}
      {files.error && <p className="error-text">{files.error}</p>}
      {files.files.length > 0 && (
        <ul className="chosen-files" data-testid="chosen-files">
          {files.files.map((file) => {
            const problem = fileProblems.find((p) => p.fileId === file.fileId);
            return (
              <li key={file.fileId} data-testid="chosen-file">
                <span>{file.filename}</span>
                <span className="muted small">{formatBytes(file.sizeBytes, i18n.language)}</span>
                {file.piiKept && <span className="muted small">{t('attachments.piiKept')}</span>}
                {problem && (
                  <span className="error-text small" data-testid="file-problem">
                    {problem.code === 'pii'
                      ? t('attachments.problems.pii', { count: problem.count })
                      : t(`attachments.problems.${problem.code}`)}
                  </span>
                )}
                <button type="button" className="button" onClick={() => void files.remove(file.fileId)}>
                  {t('attachments.remove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {files.files.length > 0 && <p className="muted small">{t('attachments.kept')}</p>}
    </section>
  );
}
