import { buffer } from 'node:stream/consumers';
import type { Case } from '../../../shared/api';
import type { Mutation, OutboxEntry } from '../../../shared/ipc';
import { ApiError } from '../api/api-error';
import type { SupportClient } from '../api/support-client';
import type { Outbox } from './outbox/index';

// Pushing one outbox entry, Google-style: no idempotency keys exist, so an entry
// whose outcome is unknown (timeout, reset, dropped response, crash while in
// flight) is first reconciled by reading the server, and re-sent only when its
// effect is absent.

export interface PushContext {
  readonly client: SupportClient;
  readonly outbox: Outbox;
  /** Case parent of a customer (`organizations/{n}`), for create_case. */
  readonly parentOfCustomer: (customerId: string) => string | undefined;
  /** The agent's own e-mail: reconciling a created case or comment checks the creator too. */
  readonly agentEmail: string;
  /** Allowance for clock skew between this machine and the server when matching by time. */
  readonly skewMs?: number;
  readonly onUploadProgress?: (entryId: string, sentBytes: number, totalBytes: number) => void;
}

export type PushOutcome = 'done' | 'unknown' | 'failed';

const pageSize = 100;

async function allPages<T>(fetchPage: (pageToken?: string) => Promise<{ items: T[]; nextPageToken?: string | undefined }>): Promise<T[]> {
  const items: T[] = [];
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    items.push(...page.items);
    token = page.nextPageToken || undefined;
  } while (token);
  return items;
}

/** Sends the mutation; returns the server name of what it created or changed. */
async function perform(entryId: string, mutation: Mutation, context: PushContext): Promise<string> {
  const { client } = context;
  switch (mutation.kind) {
    case 'create_case': {
      const parent = context.parentOfCustomer(mutation.customerId);
      // No organization to file under: the agent cannot reach the customer through the API.
      if (!parent)
        throw new ApiError({
          kind: 'http',
          httpStatus: 403,
          status: 'PERMISSION_DENIED',
          message: 'No API access for this customer: its organization is not visible to this account.',
        });
      const created = await client.createCase(parent, {
        displayName: mutation.displayName,
        description: mutation.description,
        classification: { id: mutation.classificationId },
        priority: mutation.priority,
        languageCode: mutation.languageCode,
        timeZone: mutation.timeZone,
        ...(mutation.subscriberEmails.length > 0 ? { subscriberEmailAddresses: mutation.subscriberEmails } : {}),
      });
      return created.name;
    }
    case 'comment':
      return (await client.createComment(mutation.caseRef, mutation.body)).name;
    case 'set_priority':
      return (await client.patchCase(mutation.caseRef, { priority: mutation.priority }, ['priority'])).name;
    case 'set_subscribers':
      return (
        await client.patchCase(mutation.caseRef, { subscriberEmailAddresses: mutation.subscriberEmails }, ['subscriber_email_addresses'])
      ).name;
    case 'close':
      return (await client.closeCase(mutation.caseRef)).name;
    case 'reopen':
      return (await client.reopenCase(mutation.caseRef)).name;
    case 'escalate':
      return (await client.escalateCase(mutation.caseRef, mutation.reason, mutation.justification)).name;
    case 'upload_attachment': {
      const bytes = await buffer(context.outbox.staging.openStaged(mutation.stagedFileId));
      const attachment = await client.uploadAttachment(
        mutation.caseRef,
        { filename: mutation.filename, mimeType: mutation.mimeType, bytes: new Uint8Array(bytes) },
        context.onUploadProgress ? (sent, total) => context.onUploadProgress?.(entryId, sent, total) : undefined,
      );
      await context.outbox.staging.removeStaged(mutation.stagedFileId).catch(() => undefined);
      return attachment.name;
    }
  }
}

/** Looks for the entry's effect on the server. Returns the name it produced, or undefined if absent. */
async function findEffect(entry: OutboxEntry, context: PushContext): Promise<string | undefined> {
  const { client } = context;
  const mutation = entry.mutation;
  const since = Date.parse(entry.createdAt) - (context.skewMs ?? 5 * 60_000);
  const after = (time: string | undefined): boolean => time !== undefined && Date.parse(time) >= since;
  const claimed = new Set(context.outbox.list().flatMap((other) => (other.id !== entry.id && other.resultName ? [other.resultName] : [])));
  const getCase = (name: string): Promise<Case> => client.getCase(name);

  switch (mutation.kind) {
    case 'create_case': {
      const parent = context.parentOfCustomer(mutation.customerId);
      if (!parent) return undefined;
      const quoted = `"${mutation.displayName.replaceAll('"', ' ').slice(0, 100)}"`;
      const candidates = await allPages(async (pageToken) => {
        const page = await client.searchCases(parent, { query: quoted, pageSize, ...(pageToken ? { pageToken } : {}) });
        return { items: page.cases ?? [], nextPageToken: page.nextPageToken };
      });
      return candidates.find(
        (found) =>
          found.displayName === mutation.displayName &&
          found.description === mutation.description &&
          after(found.createTime) &&
          !claimed.has(found.name) &&
          (found.creator?.email === undefined || found.creator.email === context.agentEmail),
      )?.name;
    }
    case 'comment': {
      const comments = await allPages(async (pageToken) => {
        const page = await client.listComments(mutation.caseRef, { pageSize, ...(pageToken ? { pageToken } : {}) });
        return { items: page.comments ?? [], nextPageToken: page.nextPageToken };
      });
      return comments.find(
        (comment) => (comment.body ?? comment.plainTextBody) === mutation.body && after(comment.createTime) && !claimed.has(comment.name),
      )?.name;
    }
    case 'upload_attachment': {
      const attachments = await allPages(async (pageToken) => {
        const page = await client.listAttachments(mutation.caseRef, { pageSize, ...(pageToken ? { pageToken } : {}) });
        return { items: page.attachments ?? [], nextPageToken: page.nextPageToken };
      });
      return attachments.find(
        (attachment) =>
          attachment.filename === mutation.filename &&
          Number(attachment.sizeBytes ?? -1) === mutation.sizeBytes &&
          after(attachment.createTime) &&
          !claimed.has(attachment.name),
      )?.name;
    }
    case 'set_priority': {
      const current = await getCase(mutation.caseRef);
      return current.priority === mutation.priority ? current.name : undefined;
    }
    case 'set_subscribers': {
      const current = await getCase(mutation.caseRef);
      const want = [...mutation.subscriberEmails].sort().join(',');
      return [...(current.subscriberEmailAddresses ?? [])].sort().join(',') === want ? current.name : undefined;
    }
    case 'close': {
      const current = await getCase(mutation.caseRef);
      return current.state === 'CLOSED' ? current.name : undefined;
    }
    case 'reopen': {
      const current = await getCase(mutation.caseRef);
      return current.state !== 'CLOSED' ? current.name : undefined;
    }
    case 'escalate': {
      const current = await getCase(mutation.caseRef);
      return current.escalated ? current.name : undefined;
    }
  }
}

/**
 * How a refusal is recorded on the entry: Google's canonical status, and the precondition
 * or ErrorInfo reason when it gave one (`FAILED_PRECONDITION:CASE_STATE`), so the UI can
 * say why in the agent's language.
 */
function refusalCode(error: ApiError): string {
  const status = error.status ?? String(error.httpStatus);
  const withReason = error.reason && error.reason !== 'IAM_PERMISSION_DENIED' ? `${status}:${error.reason}` : status;
  return withReason.slice(0, 64);
}

/** A definite answer from the server that the request was not applied and will not be on retry. */
function isPermanent(error: ApiError): boolean {
  return (
    error.kind === 'http' &&
    error.httpStatus !== undefined &&
    error.httpStatus >= 400 &&
    error.httpStatus < 500 &&
    error.httpStatus !== 401 &&
    error.httpStatus !== 408 &&
    error.httpStatus !== 429
  );
}

/** The server answered without applying anything: safe to send again later. */
function isDefinitelyNotApplied(error: ApiError): boolean {
  return (
    error.kind === 'network' ||
    (error.kind === 'http' && (error.httpStatus === 429 || error.httpStatus === 503 || error.httpStatus === 408))
  );
}

/**
 * Pushes one entry. Throws for errors that concern the whole account (unauthorized,
 * offline, rate limited — the entry is requeued first), which the caller handles; a
 * refusal of this change is recorded on the entry.
 */
export async function pushEntry(entry: OutboxEntry, context: PushContext): Promise<PushOutcome> {
  const { outbox } = context;
  let sent = false;
  try {
    if (entry.status === 'in_flight') {
      const effect = await findEffect(entry, context);
      if (effect) {
        await outbox.markDone(entry.id, effect);
        return 'done';
      }
    }
    await outbox.markInFlight(entry.id);
    sent = true;
    const resultName = await perform(entry.id, entry.mutation, context);
    await outbox.markDone(entry.id, resultName);
    return 'done';
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    // The reconciling read failed: nothing was sent, the entry stays as it was.
    if (!sent) throw error;
    if (isPermanent(error)) {
      // A case that is already closed (or open) has the effect the agent wanted.
      if (error.status === 'FAILED_PRECONDITION' && (entry.mutation.kind === 'close' || entry.mutation.kind === 'reopen')) {
        const effect = await findEffect(entry, context).catch(() => undefined);
        if (effect) {
          await outbox.markDone(entry.id, effect);
          return 'done';
        }
      }
      await outbox.markFailed(entry.id, { code: refusalCode(error), message: error.message }, { permanent: true });
      return 'failed';
    }
    if (isDefinitelyNotApplied(error) && outbox.get(entry.id)?.status === 'in_flight') {
      await outbox.markFailed(entry.id, { code: error.status ?? error.kind, message: error.message }, { permanent: false });
      // Offline or rate limited: that concerns the whole account, so the cycle stops and backs off
      // (honouring Retry-After) instead of reporting a sync that reached nothing.
      throw error;
    }
    // Timeout, reset, dropped response, 500: it may have been applied. Stay in flight; reconcile next time.
    throw error;
  }
}
