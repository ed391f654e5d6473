import type { Case } from '../../../shared/api';
import { isCaseState, isOpenState } from '../../../shared/domain';
import type { ReplicaAttachment, ReplicaComment } from '../../../shared/ipc';
import type { SupportClient } from '../api/support-client';
import { fitsReplica, toReplicaAttachment, toReplicaComment } from './mapping';
import { collect } from './paging';

// A case's thread (comments and attachment metadata): two lists per case, fetched together.
// Open and recently closed cases get theirs with the case; long-closed ones when the agent
// opens the case ("load history") or from the background trickle.

export interface Thread {
  readonly caseName: string;
  readonly comments: ReplicaComment[];
  readonly attachments: ReplicaAttachment[];
}

/** Google's largest page for both lists; fewer round trips per long thread. */
const THREAD_PAGE_SIZE = 100;

export async function loadThread(client: SupportClient, caseName: string): Promise<Thread> {
  const [comments, attachments] = await Promise.all([
    collect(async (token) => {
      const page = await client.listComments(caseName, { pageSize: THREAD_PAGE_SIZE, ...(token ? { pageToken: token } : {}) });
      return { items: page.comments, next: page.nextPageToken };
    }),
    collect(async (token) => {
      const page = await client.listAttachments(caseName, { pageSize: THREAD_PAGE_SIZE, ...(token ? { pageToken: token } : {}) });
      return { items: page.attachments, next: page.nextPageToken };
    }),
  ]);
  return {
    caseName,
    comments: comments.filter((c) => fitsReplica(c.name, 600)).map((comment) => toReplicaComment(comment, caseName)),
    attachments: attachments.filter((a) => fitsReplica(a.name, 600)).map((attachment) => toReplicaAttachment(attachment, caseName)),
  };
}

/** Threads come with the case when it is open (or in a state this version does not know) or closed within the eager window. */
export function wantsThreadNow(wire: Case, now: number, eagerThreadDays: number): boolean {
  if (!wire.state || !isCaseState(wire.state) || isOpenState(wire.state)) return true;
  const closedAt = Date.parse(wire.updateTime ?? '');
  return Number.isFinite(closedAt) && now - closedAt <= eagerThreadDays * 86_400_000;
}

/** The batch body of some threads: their comments and attachments, each thread complete. */
export function threadsBody(threads: readonly Thread[]): {
  upserts: { comments: ReplicaComment[]; attachments: ReplicaAttachment[] };
  deletes: Record<string, never>;
  completeThreads: string[];
} {
  return {
    upserts: { comments: threads.flatMap((t) => t.comments), attachments: threads.flatMap((t) => t.attachments) },
    deletes: {},
    completeThreads: threads.map((t) => t.caseName),
  };
}
