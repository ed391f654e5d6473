/** What support needs in every description (docs/domain-rules.md "Before contacting support"). */
export const DESCRIPTION_PROMPTS = ['steps', 'tried', 'users', 'times', 'evidence'] as const;

/** The prompts as a fill-in outline, inserted into an empty description on request. */
export function promptOutline(labels: readonly string[]): string {
  return labels.map((label) => `${label}\n\n`).join('');
}
