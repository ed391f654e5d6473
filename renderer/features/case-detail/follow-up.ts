import { z } from 'zod';
import { CASE_TITLE_MAX_LENGTH, SELECTABLE_PRIORITIES, type SelectablePriority } from '../../../shared/domain';
import { accountKey, defineSlot, storageKeys } from '../../platform/storage';

// A closed case past its reopen window is continued in a new case. Case detail writes the
// request here and switches the tab to New case, which takes it once and prefills the form.
// sessionStorage: the request belongs to this window's session, not to the next start.

export interface FollowUpRequest {
  readonly caseName: string;
  readonly caseNumber: string;
  readonly displayName: string;
  readonly customerId: string;
  readonly classificationId?: string;
  readonly classificationName?: string;
  readonly priority?: SelectablePriority;
  readonly languageCode?: string;
  readonly timeZone?: string;
  readonly subscriberEmails?: readonly string[];
  readonly closedAt?: string;
}

export function followUpKey(accountId: string): string {
  return accountKey(storageKeys.followUp, accountId);
}

const followUpSlot = defineSlot<FollowUpRequest>({
  version: 1,
  schema: z.object({
    caseName: z.string(),
    caseNumber: z.string(),
    displayName: z.string(),
    customerId: z.string(),
    classificationId: z.string().optional(),
    classificationName: z.string().optional(),
    priority: z.enum(SELECTABLE_PRIORITIES).optional(),
    languageCode: z.string().optional(),
    timeZone: z.string().optional(),
    subscriberEmails: z.array(z.string()).optional(),
    closedAt: z.string().optional(),
  }),
});

export function requestFollowUp(storage: Storage, accountId: string, request: FollowUpRequest): void {
  followUpSlot.write(storage, followUpKey(accountId), request);
}

export function peekFollowUp(storage: Storage, accountId: string): FollowUpRequest | undefined {
  return followUpSlot.read(storage, followUpKey(accountId));
}

export function clearFollowUp(storage: Storage, accountId: string): void {
  followUpSlot.remove(storage, followUpKey(accountId));
}

export type Format = (key: string, vars: Record<string, string>) => string;

/** Title and description opening for the follow-up case, in the agent's language. */
export function followUpPrefill(request: FollowUpRequest, format: Format): { title: string; description: string } {
  const title = format('followUp.title', { number: request.caseNumber, title: request.displayName });
  const description = format('followUp.description', { number: request.caseNumber, title: request.displayName, name: request.caseName });
  return { title: title.length > CASE_TITLE_MAX_LENGTH ? `${title.slice(0, CASE_TITLE_MAX_LENGTH - 1)}…` : title, description };
}
