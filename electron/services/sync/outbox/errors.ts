export type OutboxErrorCode =
  | 'closed'
  | 'not_found'
  | 'invalid_state'
  | 'invalid_mutation'
  | 'unknown_local_case'
  | 'staged_file_missing'
  | 'has_dependents'
  /** The case belongs to another reseller domain than this account's (refused before journaling). */
  | 'foreign_case';

export class OutboxError extends Error {
  override readonly name = 'OutboxError';
  constructor(
    readonly code: OutboxErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}
