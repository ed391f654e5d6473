// Common problems from domain.md, shown before submitting so the agent can check the
// usual causes first (texts live in the newCase catalogue under help.<id>).
export const HELP_TOPICS = ['signIn', 'mail', 'attachment', 'sync', 'sharing'] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

/** What support needs in every description (domain.md "Before contacting support"). */
export const DESCRIPTION_PROMPTS = ['steps', 'tried', 'users', 'times', 'evidence'] as const;

/** The prompts as a fill-in outline, inserted into an empty description on request. */
export function promptOutline(labels: readonly string[]): string {
  return labels.map((label) => `${label}\n\n`).join('');
}
