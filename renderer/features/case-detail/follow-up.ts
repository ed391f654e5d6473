import type { SelectablePriority } from '../../../shared/domain';
import { CASE_TITLE_MAX_LENGTH } from '../../../shared/domain';
import { isRecord, readJson, removeKey, writeJson } from './local-store';

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
  return `rsc-follow-up-${accountId}`;
}

function isFollowUp(value: unknown): value is FollowUpRequest {
  return (
    isRecord(value) &&
    typeof value['caseName'] === 'string' &&
    typeof value['caseNumber'] === 'string' &&
    typeof value['customerId'] === 'string' &&
    typeof value['displayName'] === 'string'
  );
}

export function requestFollowUp(storage: Storage, accountId: string, request: FollowUpRequest): void {
  writeJson(storage, followUpKey(accountId), request);
}

export function peekFollowUp(storage: Storage, accountId: string): FollowUpRequest | undefined {
  return readJson(storage, followUpKey(accountId), isFollowUp);
}

export function clearFollowUp(storage: Storage, accountId: string): void {
  removeKey(storage, followUpKey(accountId));
}

export type Format = (key: string, vars: Record<string, string>) => string;

/** Title and description opening for the follow-up case, in the agent's language. */
export function followUpPrefill(request: FollowUpRequest, format: Format): { title: string; description: string } {
  const title = format('followUp.title', { number: request.caseNumber, title: request.displayName });
  const description = format('followUp.description', { number: request.caseNumber, title: request.displayName, name: request.caseName });
  return { title: title.length > CASE_TITLE_MAX_LENGTH ? `${title.slice(0, CASE_TITLE_MAX_LENGTH - 1)}…` : title, description };
}
