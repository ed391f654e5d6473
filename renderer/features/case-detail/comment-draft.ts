import { isString, readJson, removeKey, writeJson } from './local-store';

// A reply being written survives switching cases, closing the tab and restarts: one
// draft per account and case, kept until it is sent.

export function commentDraftKey(accountId: string, caseRef: string): string {
  return `rsc-comment-draft-${accountId}-${caseRef}`;
}

export function loadCommentDraft(storage: Storage, accountId: string, caseRef: string): string {
  return readJson(storage, commentDraftKey(accountId, caseRef), isString) ?? '';
}

/** Saves the text; an empty (or blank) draft removes the entry so storage does not fill up with nothing. */
export function saveCommentDraft(storage: Storage, accountId: string, caseRef: string, text: string): void {
  if (text.trim() === '') removeKey(storage, commentDraftKey(accountId, caseRef));
  else writeJson(storage, commentDraftKey(accountId, caseRef), text);
}

export function clearCommentDraft(storage: Storage, accountId: string, caseRef: string): void {
  removeKey(storage, commentDraftKey(accountId, caseRef));
}
