// One display name per person across a case (issue 17 §6): the signed-in agent is always
// "You"; anyone else is shown by the name Google gave them anywhere in the case (creator,
// comments), else by their address — never "Ana Agent" in one place and "ana@…" in another.

import type { CommentRecord, ViewCase } from '../../data';

export type NameOf = (email: string | undefined, fallbackName?: string) => string;

/** Address → the display name Google gave it somewhere in this case. */
export function knownNames(
  view: Pick<ViewCase, 'creatorEmail' | 'creatorName'>,
  comments: readonly Pick<CommentRecord, 'creatorEmail' | 'creatorName'>[],
): Map<string, string> {
  const names = new Map<string, string>();
  for (const person of [view, ...comments]) {
    const email = person.creatorEmail?.toLowerCase();
    if (email && person.creatorName && !names.has(email)) names.set(email, person.creatorName);
  }
  return names;
}

/** The resolver: `you` for the signed-in agent, the known name, the given name, the address. */
export function nameResolver(selfEmail: string, names: ReadonlyMap<string, string>, you: string): NameOf {
  const self = selfEmail.toLowerCase();
  return (email, fallbackName) => {
    const lower = email?.toLowerCase();
    if (lower === self) return you;
    return (lower ? names.get(lower) : undefined) ?? fallbackName ?? email ?? '';
  };
}
