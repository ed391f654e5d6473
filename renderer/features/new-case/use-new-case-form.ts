import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidIanaTimeZone, type CustomerAccess, type PiiFinding } from '../../../shared/domain';
import { enqueueMutation } from '../../runtime/commands';
import { useAccountRuntime } from '../../runtime/runtime-context';
import { getCustomer, listCustomerCases, type CustomerWithCounts, type ReplicaDb } from '../../data';
import { useCategories, useCustomers } from '../../data/hooks';
import { useTabStore } from '../../state/tab-store';
import { agentTimeZone } from '../../ui/format';
import {
  clearFollowUp,
  followUpPrefill,
  keepFinding,
  openFindings,
  peekFollowUp,
  pruneDecisions,
  recordKeptPii,
  rememberLocalCreate,
  removeFinding,
  usePiiCheck,
  type FollowUpRequest,
  type PiiDecisions,
} from '../case-detail';
import {
  buildCreateCase,
  CASE_LANGUAGES,
  clearNewCaseDraft,
  emptyDraft,
  hasErrors,
  loadNewCaseDraft,
  saveNewCaseDraft,
  validateNewCase,
  type FormErrors,
  type NewCaseDraft,
  type NewCaseField,
} from './new-case-form';
import { useDraftFiles, type DraftFileProblem, type DraftFiles } from './use-draft-files';
import { browserStorage } from '../../platform/storage';

export const FIELD_ORDER: readonly NewCaseField[] = [
  'customer',
  'category',
  'title',
  'description',
  'priority',
  'languageCode',
  'timeZone',
  'subscribers',
];

function defaultLanguage(uiLanguage: string): string {
  return (CASE_LANGUAGES as readonly string[]).includes(uiLanguage) ? uiLanguage : 'en';
}

/** The form's starting point: a follow-up request from case detail, else the saved draft, else blank. */
function initialDraft(
  accountId: string,
  uiLanguage: string,
  followUpOf: string | undefined,
  format: (key: string, vars: Record<string, string>) => string,
): { draft: NewCaseDraft; followUp?: FollowUpRequest } {
  const zone = agentTimeZone();
  const blank = emptyDraft(zone, defaultLanguage(uiLanguage));
  const request = peekFollowUp(browserStorage.session(), accountId);
  if (request && (followUpOf === undefined || followUpOf === request.caseName)) {
    clearFollowUp(browserStorage.session(), accountId);
    const prefill = followUpPrefill(request, format);
    const languageCode = request.languageCode || blank.languageCode;
    const draft: NewCaseDraft = {
      ...blank,
      step: 'form',
      customerId: request.customerId,
      classificationId: request.classificationId ?? '',
      classificationName: request.classificationName ?? '',
      title: prefill.title,
      description: prefill.description,
      priority: request.priority ?? '',
      languageCode,
      contactLanguage: languageCode,
      timeZone: request.timeZone && isValidIanaTimeZone(request.timeZone) ? request.timeZone : zone,
      subscribers: (request.subscriberEmails ?? []).join(', '),
      followUpOf: request.caseName,
    };
    return { draft, followUp: request };
  }
  const saved = loadNewCaseDraft(browserStorage.local(), accountId, blank);
  if (followUpOf && saved.followUpOf !== followUpOf) {
    const number = followUpOf.split('/').pop() ?? followUpOf;
    const prefill = followUpPrefill({ caseName: followUpOf, caseNumber: number, displayName: '', customerId: '' }, format);
    return { draft: { ...blank, step: 'form', title: prefill.title, description: prefill.description, followUpOf } };
  }
  return { draft: saved };
}

type PiiField = 'title' | 'description';

export interface NewCaseForm {
  readonly draft: NewCaseDraft;
  readonly followUp: FollowUpRequest | undefined;
  readonly customers: CustomerWithCounts[] | undefined;
  readonly categories: Array<{ id: string; displayName: string }> | undefined;
  readonly customer: CustomerWithCounts | undefined;
  readonly errors: FormErrors;
  readonly attempted: boolean;
  readonly busy: boolean;
  readonly failure: string | undefined;
  readonly fileProblems: readonly DraftFileProblem[];
  readonly files: DraftFiles;
  readonly pii: Record<PiiField, { findings: PiiFinding[]; decisions: PiiDecisions }>;
  update(patch: Partial<NewCaseDraft>): void;
  chooseCustomer(customerId: string): void;
  keepPii(field: PiiField, finding: PiiFinding, reason: string): void;
  removePii(field: PiiField, finding: PiiFinding): void;
  reset(step?: NewCaseDraft['step']): void;
  /** Resolves with the first field that needs attention, or undefined once the case is queued. */
  submit(): Promise<NewCaseField | 'attachments' | undefined>;
}

/** The customer's own habits come from their latest case: its time zone and language (else the defaults stay). */
async function customerDefaults(db: ReplicaDb, customerId: string): Promise<Partial<NewCaseDraft> | undefined> {
  if (!customerId) return undefined;
  const latest = (await listCustomerCases(db, customerId, 5)).find((c) => c.timeZone && isValidIanaTimeZone(c.timeZone));
  if (!latest?.timeZone) return undefined;
  return latest.languageCode
    ? { timeZone: latest.timeZone, languageCode: latest.languageCode, contactLanguage: latest.languageCode }
    : { timeZone: latest.timeZone };
}

/** PII findings of title and description with the agent's decisions (kept only while the finding is there). */
function usePiiState(draft: NewCaseDraft, allow: readonly (string | undefined)[]) {
  const [decisions, setDecisions] = useState<Record<PiiField, PiiDecisions>>({ title: {}, description: {} });
  const titleFindings = usePiiCheck(draft.title, allow);
  const descriptionFindings = usePiiCheck(draft.description, allow);
  const pii = {
    title: { findings: titleFindings, decisions: pruneDecisions(titleFindings, decisions.title) },
    description: { findings: descriptionFindings, decisions: pruneDecisions(descriptionFindings, decisions.description) },
  };
  const openPii = {
    title: openFindings(pii.title.findings, pii.title.decisions).length,
    description: openFindings(pii.description.findings, pii.description.decisions).length,
  };
  return { pii, openPii, setDecisions };
}

/** A submit interrupted after the create was queued (crash, reload) finishes on the next start: files go to that case, not a second one. */
function useResumeSubmit(
  submittedAs: string | undefined,
  finish: (localId: string) => Promise<void>,
  onError: (message: string) => void,
): void {
  const latest = useRef({ finish, onError });
  latest.current = { finish, onError };
  useEffect(() => {
    if (submittedAs) void latest.current.finish(submittedAs).catch((error: unknown) => latest.current.onError(String(error)));
  }, [submittedAs]);
}

/** Runs `effect` (the latest one) whenever `key` changes. */
function useOnChange(key: string, effect: () => void): void {
  const latest = useRef(effect);
  latest.current = effect;
  useEffect(() => latest.current(), [key]);
}

/** Queues the create in the durable outbox and logs the PII the agent kept (reasons only, never values). */
async function queueCreate(
  accountId: string,
  draft: NewCaseDraft,
  localId: string,
  pii: ReturnType<typeof usePiiState>['pii'],
): Promise<void> {
  const mutation = buildCreateCase(draft, localId);
  rememberLocalCreate(localId, { customerId: mutation.customerId, displayName: mutation.displayName, createdAtMs: Date.now() });
  await enqueueMutation(accountId, mutation);
  const findings = [...pii.title.findings, ...pii.description.findings];
  recordKeptPii(browserStorage.local(), accountId, findings, { ...pii.title.decisions, ...pii.description.decisions }, localId);
}

/** State and rules of the New case form; the view and its sections only render it. */
export function useNewCaseForm(followUpOf: string | undefined): NewCaseForm {
  const { t, i18n } = useTranslation('newCase');
  const runtime = useAccountRuntime();
  const account = runtime.account;
  const customers = useCustomers(runtime.db);
  const categories = useCategories(runtime.db);
  const tab = useTabStore();
  const [initial] = useState(() => initialDraft(account.id, i18n.language, followUpOf, (key, vars) => t(key, vars)));
  const [draft, setDraft] = useState<NewCaseDraft>(initial.draft);
  const [errors, setErrors] = useState<FormErrors>({});
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [fileProblems, setFileProblems] = useState<readonly DraftFileProblem[]>([]);
  const files = useDraftFiles(account.id, draft.draftId);
  const draftRef = useRef(draft);
  draftRef.current = draft;

  const customer = customers?.find((c) => c.customerId === draft.customerId);
  const allow = [account.email, customer?.adminContactEmail];
  const { pii, openPii, setDecisions } = usePiiState(draft, allow);
  const accessOf = (customerId: string): CustomerAccess | undefined => customers?.find((c) => c.customerId === customerId)?.access;
  const validate = (next: NewCaseDraft, customerAccess: CustomerAccess | undefined): FormErrors =>
    validateNewCase(next, { customerAccess, openPii });

  const update = (patch: Partial<NewCaseDraft>): void => {
    const next = { ...draftRef.current, ...patch };
    draftRef.current = next;
    setDraft(next);
    saveNewCaseDraft(browserStorage.local(), account.id, next);
    // After a failed submit, problems clear as the agent fixes them.
    if (attempted) setErrors(validate(next, accessOf(next.customerId)));
  };

  // A PII decision changes the open count that validate reads; the customer list (still loading
  // right after a start) brings the chosen customer's access.
  useOnChange(`${openPii.title}:${openPii.description}:${customer?.access ?? ''}`, () => {
    if (attempted) setErrors(validate(draftRef.current, accessOf(draftRef.current.customerId)));
  });

  const chooseCustomer = (customerId: string): void => {
    update({ customerId });
    void customerDefaults(runtime.db, customerId).then((patch) => {
      if (patch && draftRef.current.customerId === customerId) update(patch);
    });
  };

  const reset = (step: NewCaseDraft['step'] = 'describe'): void => {
    void files.discardAll().catch(() => undefined);
    clearNewCaseDraft(browserStorage.local(), account.id);
    const blank = emptyDraft(agentTimeZone(), defaultLanguage(i18n.language), step);
    draftRef.current = blank;
    setDraft(blank);
    setErrors({});
    setAttempted(false);
    setFileProblems([]);
    setDecisions({ title: {}, description: {} });
  };

  /** Queues the files and forgets the draft; also finishes a submit a crash interrupted. */
  const finish = async (localId: string): Promise<void> => {
    await files.commitAll(localId, runtime.outbox);
    reset();
    tab.getState().selectCase(localId);
    tab.getState().setView('cases');
  };

  useResumeSubmit(initial.draft.submittedAs, finish, setFailure);

  const submit = async (): Promise<NewCaseField | 'attachments' | undefined> => {
    if (busy) return undefined;
    setAttempted(true);
    setFailure(undefined);
    // Read the chosen customer itself: a draft restored at start may be sent before the list has loaded.
    const chosen = draft.customerId ? await getCustomer(runtime.db, draft.customerId) : undefined;
    const found = validate(draft, chosen?.access);
    setErrors(found);
    const problems = await files.recheck(allow.filter((email): email is string => Boolean(email)));
    setFileProblems(problems);
    if (hasErrors(found)) return FIELD_ORDER.find((f) => found[f] !== undefined);
    if (problems.length > 0) return 'attachments';
    setBusy(true);
    const localId = `local:${crypto.randomUUID()}`;
    update({ submittedAs: localId });
    try {
      await queueCreate(account.id, draft, localId, pii);
    } catch (error) {
      update({ submittedAs: undefined });
      setFailure(t('submit.failed', { message: (error as Error).message ?? String(error) }));
      setBusy(false);
      return undefined;
    }
    try {
      await finish(localId);
    } catch (error) {
      setFailure(t('submit.failed', { message: (error as Error).message ?? String(error) }));
    } finally {
      setBusy(false);
    }
    return undefined;
  };

  return {
    draft,
    followUp: initial.followUp,
    customers,
    categories,
    customer,
    errors,
    attempted,
    busy,
    failure,
    fileProblems,
    files,
    pii,
    update,
    chooseCustomer,
    keepPii: (field, finding, reason) =>
      setDecisions((current) => ({ ...current, [field]: keepFinding(pii[field].decisions, finding, reason) })),
    removePii: (field, finding) => update({ [field]: removeFinding(draft[field], pii[field].findings, finding) }),
    reset,
    submit,
  };
}
