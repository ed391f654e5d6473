import { useCallback, useEffect, useState } from 'react';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/domain';
import type { DraftFile, OutboxEntry } from '../../../shared/ipc';
import { getBridgeClient } from '../../platform';
import { checkFile, needsPiiScan, scanFileForPii, stageFilesForDraft, type CheckedFile } from '../attachments';

// The files of a new-case draft live in main from the moment they are chosen (durable,
// across restarts and leaving the view), linked by the draft's id. This hook mirrors them.

export type DraftFileProblem =
  | { readonly fileId: string; readonly filename: string; readonly code: 'too_large' | 'blocked' | 'empty' | 'bad_name' }
  | { readonly fileId: string; readonly filename: string; readonly code: 'pii'; readonly count: number };

export interface DraftFiles {
  readonly files: readonly DraftFile[];
  /** Bytes sent to main so far while files are being staged. */
  readonly staging: { sent: number; total: number } | undefined;
  readonly error: string | undefined;
  add(files: readonly CheckedFile[]): Promise<void>;
  remove(fileId: string): Promise<void>;
  /** Size, type and (for text files not kept on purpose) PII, checked again just before submitting. */
  recheck(allowEmails: readonly string[]): Promise<DraftFileProblem[]>;
  /** Queues every file to the case; files already queued there (an interrupted submit) are not queued twice. */
  commitAll(caseRef: string, outbox: readonly OutboxEntry[]): Promise<void>;
  discardAll(): Promise<void>;
}

async function backendMaxBytes(accountId: string): Promise<number> {
  const info = await getBridgeClient()
    .invoke('backend.info', { accountId })
    .catch(() => undefined);
  return info && info.maxAttachmentBytes > 0 ? info.maxAttachmentBytes : ATTACHMENT_MAX_BYTES;
}

export function useDraftFiles(accountId: string, draftId: string): DraftFiles {
  const [files, setFiles] = useState<readonly DraftFile[]>([]);
  const [staging, setStaging] = useState<{ sent: number; total: number }>();
  const [error, setError] = useState<string>();

  const reload = useCallback(async () => {
    setFiles(await getBridgeClient().invoke('attachments.draftFiles', { accountId, draftId }));
  }, [accountId, draftId]);

  useEffect(() => {
    let live = true;
    getBridgeClient()
      .invoke('attachments.draftFiles', { accountId, draftId })
      .then((list) => live && setFiles(list))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [accountId, draftId]);

  const add = async (chosen: readonly CheckedFile[]): Promise<void> => {
    setError(undefined);
    try {
      await stageFilesForDraft(accountId, draftId, chosen, (sent, total) => setStaging({ sent, total }));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setStaging(undefined);
      await reload().catch(() => undefined);
    }
  };

  const remove = async (fileId: string): Promise<void> => {
    await getBridgeClient().invoke('attachments.discardDraftFiles', { accountId, draftId, fileIds: [fileId] });
    await reload();
  };

  const recheck = async (allowEmails: readonly string[]): Promise<DraftFileProblem[]> => {
    const current = await getBridgeClient().invoke('attachments.draftFiles', { accountId, draftId });
    setFiles(current);
    const maxBytes = await backendMaxBytes(accountId);
    const problems: DraftFileProblem[] = [];
    for (const file of current) {
      const { problem } = checkFile({ name: file.filename, size: file.sizeBytes }, maxBytes);
      if (problem) {
        problems.push({ fileId: file.fileId, filename: file.filename, code: problem.code });
        continue;
      }
      if (file.piiKept || !needsPiiScan(file.filename)) continue;
      const { bytes } = await getBridgeClient().invoke('attachments.draftFileHead', { accountId, draftId, fileId: file.fileId });
      const findings = await scanFileForPii(new Blob([bytes]), allowEmails);
      if (findings.length > 0) problems.push({ fileId: file.fileId, filename: file.filename, code: 'pii', count: findings.length });
    }
    return problems;
  };

  const commitAll = async (caseRef: string, outbox: readonly OutboxEntry[]): Promise<void> => {
    const current = await getBridgeClient().invoke('attachments.draftFiles', { accountId, draftId });
    for (const file of current) {
      const queued = outbox.some(
        (entry) =>
          entry.mutation.kind === 'upload_attachment' &&
          entry.mutation.caseRef === caseRef &&
          entry.mutation.filename === file.filename &&
          entry.mutation.sizeBytes === file.sizeBytes,
      );
      if (!queued) await getBridgeClient().invoke('attachments.commitDraftFile', { accountId, draftId, fileId: file.fileId, caseRef });
    }
    await getBridgeClient().invoke('attachments.discardDraftFiles', { accountId, draftId });
    setFiles([]);
  };

  const discardAll = async (): Promise<void> => {
    await getBridgeClient().invoke('attachments.discardDraftFiles', { accountId, draftId });
    setFiles([]);
  };

  return { files, staging, error, add, remove, recheck, commitAll, discardAll };
}
