import {
  CASE_DESCRIPTION_MAX_LENGTH,
  CONTACT_CHANNELS,
  canManageCases,
  incidentNote,
  parseEmailList,
  withContactHeader,
  type ContactChannel,
  SELECTABLE_PRIORITIES,
  validateCaseDescription,
  validateCaseTitle,
  validateSubscriberEmails,
  validateTimeZone,
  type CustomerAccess,
  type FieldProblem,
  type SelectablePriority,
} from '../../../shared/domain';
import type { Mutation } from '../../../shared/ipc';
import { z } from 'zod';
import { accountKey, defineSlot, storageKeys } from '../../platform/storage';

// The guided form's pure side: its draft shape, autosave, validation and the mutation
// it queues. Bad input is reported per field and nothing is queued (issue 7 "Bad input").

export interface NewCaseDraft {
  customerId: string;
  classificationId: string;
  classificationName: string;
  title: string;
  description: string;
  priority: SelectablePriority | '';
  languageCode: string;
  timeZone: string;
  /** As typed: addresses separated by commas, spaces or new lines. */
  subscribers: string;
  followUpOf?: string;
  /** Links the draft to its files staged in main (attachments.stageForDraft). */
  draftId: string;
  /** Guided start (describe, suggestions) or the form itself. */
  step: 'describe' | 'form';
  /** How the customer's contact wants to be reached, and in which language (a header in the description). */
  contactChannel: ContactChannel;
  contactLanguage: string;
  /** A Status Dashboard incident the agent linked (noted in the description). */
  linkedIncident?: LinkedIncident;
  /** Set just before the create is queued: after a crash, the files still go to this case, not a second one. */
  submittedAs?: string;
}

export interface LinkedIncident {
  readonly id: string;
  readonly number: string;
  readonly serviceName: string;
  readonly description: string;
  readonly begin: string;
  readonly uri: string;
}

export type NewCaseField = 'customer' | 'category' | 'title' | 'description' | 'priority' | 'languageCode' | 'timeZone' | 'subscribers';

export type FormProblem =
  | FieldProblem
  | { readonly code: 'not_authorized'; readonly access: CustomerAccess }
  | { readonly code: 'pii_open'; readonly count: number }
  | { readonly code: 'invalid_emails'; readonly values: readonly string[] };

export type FormErrors = Partial<Record<NewCaseField, FormProblem>>;

/** The languages Google Support answers Workspace cases in (BCP 47, as the API takes them). */
export const CASE_LANGUAGES = ['en', 'zh-TW', 'zh-CN', 'id', 'fr', 'ja', 'ko', 'de', 'es', 'pt-BR', 'it', 'th', 'vi'] as const;

export function emptyDraft(timeZone: string, languageCode: string, step: NewCaseDraft['step'] = 'describe'): NewCaseDraft {
  return {
    draftId: crypto.randomUUID(),
    step,
    contactChannel: 'email',
    contactLanguage: languageCode,
    customerId: '',
    classificationId: '',
    classificationName: '',
    title: '',
    description: '',
    priority: '',
    languageCode,
    timeZone,
    subscribers: '',
  };
}

export function newCaseDraftKey(accountId: string): string {
  return accountKey(storageKeys.newCaseDraft, accountId);
}

const DRAFT_FIELDS: readonly (keyof NewCaseDraft)[] = [
  'customerId',
  'classificationId',
  'classificationName',
  'title',
  'description',
  'priority',
  'languageCode',
  'timeZone',
  'subscribers',
  'draftId',
  'contactLanguage',
  'submittedAs',
];

const linkedIncidentSchema = z.object({
  id: z.string(),
  number: z.string(),
  serviceName: z.string(),
  description: z.string(),
  begin: z.string(),
  uri: z.string(),
});

// Text fields must be strings; the choice fields (priority, channel, step) are checked below.
const draftSlot = defineSlot({
  version: 1,
  schema: z
    .looseObject({
      ...Object.fromEntries(DRAFT_FIELDS.map((field) => [field, z.string().optional()])),
      linkedIncident: linkedIncidentSchema.optional(),
    })
    .transform((draft) => draft as unknown as Partial<NewCaseDraft>),
});

export function loadNewCaseDraft(storage: Storage, accountId: string, fallback: NewCaseDraft): NewCaseDraft {
  const saved = draftSlot.read(storage, newCaseDraftKey(accountId));
  if (!saved) return fallback;
  const priority = (SELECTABLE_PRIORITIES as readonly string[]).includes(saved.priority ?? '')
    ? (saved.priority as SelectablePriority)
    : '';
  const contactChannel = (CONTACT_CHANNELS as readonly unknown[]).includes(saved.contactChannel) ? saved.contactChannel : 'email';
  const step = saved.step === 'form' ? 'form' : 'describe';
  return { ...fallback, ...saved, priority, contactChannel: contactChannel ?? 'email', step };
}

/** Nothing typed yet: no draft worth keeping (a default zone or language alone is not a draft). */
export function isBlankDraft(draft: NewCaseDraft): boolean {
  return (
    !draft.customerId &&
    !draft.classificationId &&
    !draft.title.trim() &&
    !draft.description.trim() &&
    !draft.priority &&
    !draft.subscribers.trim() &&
    !draft.linkedIncident
  );
}

export function saveNewCaseDraft(storage: Storage, accountId: string, draft: NewCaseDraft): void {
  if (isBlankDraft(draft)) draftSlot.remove(storage, newCaseDraftKey(accountId));
  else draftSlot.write(storage, newCaseDraftKey(accountId), draft);
}

export function clearNewCaseDraft(storage: Storage, accountId: string): void {
  draftSlot.remove(storage, newCaseDraftKey(accountId));
}

export interface ValidationContext {
  /** Access state of the chosen customer (undefined when it is not in the replica). */
  readonly customerAccess: CustomerAccess | undefined;
  /** PII findings without a decision, per text field. */
  readonly openPii: { readonly title: number; readonly description: number };
}

export function validateNewCase(draft: NewCaseDraft, context: ValidationContext): FormErrors {
  const errors: FormErrors = {};
  if (!draft.customerId || context.customerAccess === undefined) errors.customer = { code: 'required' };
  else if (!canManageCases(context.customerAccess)) errors.customer = { code: 'not_authorized', access: context.customerAccess };
  if (!draft.classificationId) errors.category = { code: 'required' };
  const title = validateCaseTitle(draft.title);
  if (title) errors.title = title;
  else if (context.openPii.title > 0) errors.title = { code: 'pii_open', count: context.openPii.title };
  const description = validateCaseDescription(draft.description) ?? composedTooLong(draft);
  if (description) errors.description = description;
  else if (context.openPii.description > 0) errors.description = { code: 'pii_open', count: context.openPii.description };
  if (!draft.priority) errors.priority = { code: 'required' };
  if (!draft.languageCode.trim() || !draft.contactLanguage.trim()) errors.languageCode = { code: 'required' };
  const zone = validateTimeZone(draft.timeZone.trim());
  if (zone) errors.timeZone = zone;
  const emails = parseEmailList(draft.subscribers);
  const checked = validateSubscriberEmails(emails);
  const invalid = emails.filter((_, i) => checked.entries[i]?.code === 'invalid_email');
  if (invalid.length > 0) errors.subscribers = { code: 'invalid_emails', values: invalid };
  else if (checked.entries.some((p) => p?.code === 'duplicate')) errors.subscribers = { code: 'duplicate' };
  else if (checked.list) errors.subscribers = checked.list;
  return errors;
}

/** The contact header and an incident note go into the description too: the whole must fit the limit. */
function composedTooLong(draft: NewCaseDraft): FieldProblem | null {
  const overhead = composeDescription(draft).trim().length - draft.description.trim().length;
  const max = CASE_DESCRIPTION_MAX_LENGTH - overhead;
  return draft.description.trim().length > max ? { code: 'too_long', max, actual: draft.description.trim().length } : null;
}

export function hasErrors(errors: FormErrors): boolean {
  return Object.keys(errors).length > 0;
}

/** What the case's description will say: the contact header, the agent's text, the incident note. */
export function composeDescription(draft: NewCaseDraft): string {
  const body = draft.description.trim();
  const note = draft.linkedIncident
    ? `\n\n${incidentNote({
        number: draft.linkedIncident.number,
        service_name: draft.linkedIncident.serviceName,
        external_desc: draft.linkedIncident.description,
        begin: draft.linkedIncident.begin,
        uri: draft.linkedIncident.uri,
      })}`
    : '';
  return withContactHeader(body + note, { channel: draft.contactChannel, languageCode: draft.contactLanguage.trim() });
}

/** The queued create; only called on a draft that validated. */
export function buildCreateCase(
  draft: NewCaseDraft,
  localId: string,
  description: string = composeDescription(draft),
): Extract<Mutation, { kind: 'create_case' }> {
  if (!draft.priority) throw new Error('buildCreateCase needs a validated draft');
  return {
    kind: 'create_case',
    localId,
    customerId: draft.customerId,
    displayName: draft.title.trim(),
    description: description.trim(),
    classificationId: draft.classificationId,
    ...(draft.classificationName ? { classificationName: draft.classificationName } : {}),
    priority: draft.priority,
    languageCode: draft.languageCode.trim(),
    timeZone: draft.timeZone.trim(),
    subscriberEmails: parseEmailList(draft.subscribers),
    ...(draft.followUpOf ? { followUpOf: draft.followUpOf } : {}),
  };
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Search as you type over the cached categories: every word must occur; names starting with the query first. */
export function searchCategories<T extends { id: string; displayName: string }>(categories: readonly T[], query: string, limit = 30): T[] {
  const words = fold(query)
    .split(/[\s>/]+/)
    .filter((w) => w !== '');
  if (words.length === 0) return categories.slice(0, limit);
  const first = words[0] ?? '';
  const hits = categories.filter((c) => {
    const name = fold(c.displayName);
    return words.every((w) => name.includes(w));
  });
  hits.sort(
    (a, b) =>
      Number(!fold(a.displayName).startsWith(first)) - Number(!fold(b.displayName).startsWith(first)) ||
      a.displayName.localeCompare(b.displayName),
  );
  return hits.slice(0, limit);
}
