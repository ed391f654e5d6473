// Files the agent adds are kept in the blob cache as "pending upload" (never evicted, open
// offline at once) until the outbox entry is gone; then they become an ordinary cache entry,
// under the server's attachment name when the upload went through.

import type { OutboxEntry } from '../../../shared/ipc';
import type { AccountRuntime } from '../../runtime/account-runtime';
import { listAttachments, markUploaded, putBlob, type ReplicaDb } from '../../data';

type UploadEntry = OutboxEntry & { mutation: Extract<OutboxEntry['mutation'], { kind: 'upload_attachment' }> };

export const localAttachmentName = (entryId: string): string => `local:${entryId}`;

export function isUploadEntry(entry: OutboxEntry): entry is UploadEntry {
  return entry.mutation.kind === 'upload_attachment';
}

export async function cachePendingUpload(db: ReplicaDb, caseName: string, entry: OutboxEntry, file: Blob): Promise<void> {
  await putBlob(db, { attachmentName: localAttachmentName(entry.id), caseName, blob: file, pendingUpload: true });
}

interface Seen {
  readonly status: OutboxEntry['status'];
  readonly caseRef: string;
  readonly filename: string;
  readonly sizeBytes: number;
}

const watched = new WeakSet<AccountRuntime>();

/** Starts (once per account) following upload entries to settle their cached bytes. */
export function watchUploads(runtime: AccountRuntime): void {
  if (watched.has(runtime)) return;
  watched.add(runtime);
  const seen = new Map<string, Seen>();
  // Uploads that left the outbox while sending: wait for their attachment to reach the replica.
  const awaiting = new Map<string, Seen>();
  let busy = false;
  let again = false;

  const settle = async (): Promise<void> => {
    const current = new Map(runtime.outbox.filter(isUploadEntry).map((entry) => [entry.id, entry]));
    for (const [id, last] of seen) {
      if (current.has(id)) continue;
      seen.delete(id);
      // Gone from queued/failed: discarded; its bytes are ordinary (evictable) cache now.
      if (last.status === 'in_flight') awaiting.set(id, last);
      else await markUploaded(runtime.db, localAttachmentName(id));
    }
    for (const [id, entry] of current)
      seen.set(id, {
        status: entry.status,
        caseRef: entry.mutation.caseRef,
        filename: entry.mutation.filename,
        sizeBytes: entry.mutation.sizeBytes,
      });
    for (const [id, upload] of awaiting) {
      const match = (await listAttachments(runtime.db, upload.caseRef)).findLast(
        (a) => a.filename === upload.filename && a.sizeBytes === upload.sizeBytes,
      );
      if (!match) continue;
      awaiting.delete(id);
      await markUploaded(runtime.db, localAttachmentName(id), match.name);
    }
  };

  const run = (): void => {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    void settle()
      .catch(() => undefined)
      .finally(() => {
        busy = false;
        if (again) {
          again = false;
          run();
        }
      });
  };
  runtime.subscribe(run);
  run();
}
