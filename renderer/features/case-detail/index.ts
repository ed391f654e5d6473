export { CaseDetail } from './case-detail';
export { rememberLocalCreate } from './case-data';
// Building blocks the New case form shares with the case detail.
export { PriorityTag } from './case-header';
export { PiiPanel } from './pii-panel';
export { PriorityChoice } from './priority-choice';
export { TemplatesMenu } from './templates-menu';
export { usePiiCheck } from './use-pii-check';
export { clearFollowUp, followUpPrefill, peekFollowUp, requestFollowUp, type FollowUpRequest } from './follow-up';
export { keepFinding, openFindings, pruneDecisions, recordKeptPii, removeFinding, type PiiDecisions } from './pii-decisions';
export { fillTemplate, insertAt } from './templates';
export { saveCommentDraft } from './comment-draft';
