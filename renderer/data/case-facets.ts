// Who a case involves, its category and who spoke last: what the views "Mine" and "Needs
// my reply" and the category filter need (issue 17 §1). Kept beside the projection as
// indexes from a value to case names, so a view is a set lookup, never a scan of texts.

export interface CaseFacetInput {
  readonly name: string;
  readonly creatorEmail?: string | undefined;
  readonly subscriberEmails?: readonly string[] | undefined;
  readonly classificationId?: string | undefined;
}

export interface CommentFacetInput {
  readonly googleSupport: boolean;
  readonly createTimeMs: number;
}

export interface CaseFacets {
  /** Bumped on every change, for memoising view sets. */
  readonly version: number;
  upsert(records: readonly CaseFacetInput[]): void;
  remove(names: Iterable<string>): void;
  addComment(caseName: string, comment: CommentFacetInput): void;
  /** Cases this address created or follows (as a subscriber). */
  involving(email: string): ReadonlySet<string>;
  /** Cases whose newest comment is Google Support's. */
  googleSpokeLast(): ReadonlySet<string>;
  /** Cases of any of these categories. */
  inCategories(ids: readonly string[]): ReadonlySet<string>;
}

interface Facet {
  readonly people: readonly string[];
  readonly category: string | undefined;
}

const EMPTY: ReadonlySet<string> = new Set();

function addTo(index: Map<string, Set<string>>, key: string, name: string): void {
  const names = index.get(key);
  if (names) names.add(name);
  else index.set(key, new Set([name]));
}

function removeFrom(index: Map<string, Set<string>>, key: string, name: string): void {
  const names = index.get(key);
  names?.delete(name);
  if (names?.size === 0) index.delete(key);
}

export function createCaseFacets(): CaseFacets {
  let version = 0;
  const facets = new Map<string, Facet>();
  const byPerson = new Map<string, Set<string>>();
  const byCategory = new Map<string, Set<string>>();
  const lastComment = new Map<string, CommentFacetInput>();
  const googleLast = new Set<string>();

  function forget(name: string): void {
    const old = facets.get(name);
    if (!old) return;
    for (const person of old.people) removeFrom(byPerson, person, name);
    if (old.category !== undefined) removeFrom(byCategory, old.category, name);
    facets.delete(name);
  }

  return {
    get version() {
      return version;
    },
    upsert(records) {
      for (const record of records) {
        forget(record.name);
        const people = [record.creatorEmail ?? '', ...(record.subscriberEmails ?? [])].map((email) => email.toLowerCase()).filter(Boolean);
        const facet = { people: [...new Set(people)], category: record.classificationId };
        facets.set(record.name, facet);
        for (const person of facet.people) addTo(byPerson, person, record.name);
        if (facet.category !== undefined) addTo(byCategory, facet.category, record.name);
      }
      if (records.length > 0) version += 1;
    },
    remove(names) {
      for (const name of names) {
        forget(name);
        lastComment.delete(name);
        googleLast.delete(name);
        version += 1;
      }
    },
    addComment(caseName, comment) {
      const newest = lastComment.get(caseName);
      // Comments arrive in any order (hydration pages, batches): keep the newest.
      if (newest && newest.createTimeMs > comment.createTimeMs) return;
      // Only the two facts: the caller's record (body, name…) must not stay alive here.
      lastComment.set(caseName, { googleSupport: comment.googleSupport, createTimeMs: comment.createTimeMs });
      if (comment.googleSupport) googleLast.add(caseName);
      else googleLast.delete(caseName);
      version += 1;
    },
    involving: (email) => byPerson.get(email.toLowerCase()) ?? EMPTY,
    googleSpokeLast: () => googleLast,
    inCategories(ids) {
      if (ids.length === 1) return byCategory.get(ids[0] as string) ?? EMPTY;
      const out = new Set<string>();
      for (const id of ids) for (const name of byCategory.get(id) ?? EMPTY) out.add(name);
      return out;
    },
  };
}
