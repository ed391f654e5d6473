import { z } from 'zod';
import { accountKey, defineSlot, storageKeys } from '../../platform/storage';

// A reply being written survives switching cases, closing the tab and restarts: one
// draft per account and case, kept until it is sent.

const draftSlot = defineSlot({ version: 1, schema: z.string() });

export function commentDraftKey(accountId: string, caseRef: string): string {
  return accountKey(storageKeys.commentDraft, accountId, caseRef);
}

export function loadCommentDraft(storage: Storage, accountId: string, caseRef: string): string {
  return draftSlot.read(storage, commentDraftKey(accountId, caseRef)) ?? '';
}

/** Saves the text; an empty (or blank) draft removes the entry so storage does not fill up with nothing. */
export function saveCommentDraft(storage: Storage, accountId: string, caseRef: string, text: string): void {
  if (text.trim() === '') draftSlot.remove(storage, commentDraftKey(accountId, caseRef));
  else draftSlot.write(storage, commentDraftKey(accountId, caseRef), text);
}

export function clearCommentDraft(storage: Storage, accountId: string, caseRef: string): void {
  draftSlot.remove(storage, commentDraftKey(accountId, caseRef));
}
