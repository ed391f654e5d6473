import { COMMENT_BODY_MAX_CHARS } from '../api/cloud-support';

// Every size and length limit the app enforces, in one place: the forms, the outbox's
// mutation schema, main's upload checks and the replica's trimming all read them here,
// so a value the form accepts is never refused later. Where Google documents no limit
// the choice is written down (docs/wire-facts.md, "Limits").

/** Cloud Support `displayName`: short title. The API states no limit; 200 keeps list rows readable. */
export const CASE_TITLE_MAX_LENGTH = 200;
/** Long enough for logs pasted inline; a 1 MB paste must be an attachment instead. */
export const CASE_DESCRIPTION_MAX_LENGTH = 30_000;
/** `Comment.body`: "Maximum of 12800 characters" (Google's reference; the wire fact lives in shared/api). */
export const COMMENT_MAX_LENGTH = COMMENT_BODY_MAX_CHARS;
/** Subscribers per case; the portal's share dialog is meant for a handful of people. */
export const MAX_SUBSCRIBERS = 50;
/**
 * `Escalation.justification`: Google's reference says only "Required. A free text
 * description" — no limit. The smaller of the two values the app once had (4000, not 5000)
 * is kept: the conservative reading, and plenty for a reason to escalate.
 */
export const ESCALATION_JUSTIFICATION_MAX_LENGTH = 4_000;
/**
 * One file, when the backend does not announce its own limit (`maxAttachmentBytes` in the
 * sandbox's capabilities). Google publishes no attachment limit for the Support API; 50 MB
 * is what the app has always enforced. (The 25 MB in the seed pages is Gmail's limit for
 * mail attachments, not the support portal's.)
 */
export const ATTACHMENT_MAX_BYTES = 50 * 1024 * 1024;
export const FILE_NAME_MAX_BYTES = 255;
/** Customer ids, classification ids and names as the mutation schema bounds them. */
export const CUSTOMER_ID_MAX_LENGTH = 128;
export const CLASSIFICATION_ID_MAX_LENGTH = 1024;
export const CASE_REF_MAX_LENGTH = 512;
export const LANGUAGE_CODE_MAX_LENGTH = 32;
export const TIME_ZONE_MAX_LENGTH = 64;
/** A help-article search: the words of a problem description, not the whole description. */
export const HELP_QUERY_MAX_LENGTH = 4_000;
/** RFC 5321's path limit; isValidEmail refuses anything longer. */
export const EMAIL_MAX_LENGTH = 254;
