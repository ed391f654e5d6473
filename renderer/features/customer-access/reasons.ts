import type { TFunction } from 'i18next';
import type { CaseBlock } from '../../../shared/domain';

// Words for why something is not offered or was refused, in the agent's language.
// `t` is bound to the customerAccess namespace.

/** Why an action is not offered on the case (a disabled control's reason). */
export function blockText(block: CaseBlock, t: TFunction<'customerAccess'>): string {
  if (block.kind === 'access') return `${t(`state.${block.access}`)}: ${t(`explain.${block.access}`)}`;
  return t(`blocked.${block.kind}`);
}

export interface Refusal {
  /** Why, in the agent's language. */
  readonly text: string;
  /** Google's own words, for the curious and for support. */
  readonly detail: string;
  /** Editing could help (the content was refused), unlike a refusal of access or state. */
  readonly editable: boolean;
}

const KNOWN = ['PERMISSION_DENIED', 'CASE_STATE', 'SUPPORT_OFFERING', 'NOT_FOUND', 'INVALID_ARGUMENT'] as const;

/**
 * A queued change Google refused for good. The outbox records the canonical status and,
 * when Google gave one, the reason (`FAILED_PRECONDITION:CASE_STATE`).
 */
export function refusalOf(failure: { readonly code: string; readonly message: string }, t: TFunction<'customerAccess'>): Refusal {
  const [status = '', reason = ''] = failure.code.split(':');
  const key = (KNOWN as readonly string[]).includes(reason) ? reason : (KNOWN as readonly string[]).includes(status) ? status : 'other';
  const editable = key === 'INVALID_ARGUMENT' || key === 'other';
  return {
    text: t(`refused.${key as (typeof KNOWN)[number] | 'other'}`),
    detail: t('refused.serverSaid', { message: failure.message }),
    editable,
  };
}
