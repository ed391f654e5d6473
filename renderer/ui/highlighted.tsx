import { useMemo } from 'react';
import { splitByMatches } from '../../shared/domain';

/** Text with the parts that match a search marked (same rules as the search itself). */
export function Highlighted({ text, query }: { text: string; query: string }): React.JSX.Element {
  const pieces = useMemo(() => (query.trim() === '' ? undefined : splitByMatches(text, query)), [text, query]);
  if (!pieces) return <>{text}</>;
  return <>{pieces.map((piece, i) => (piece.match ? <mark key={i}>{piece.text}</mark> : piece.text))}</>;
}

/**
 * `text` with its matches marked, as a plain string when nothing is searched: a list row
 * then mounts no component per cell (issue 21: every mounted row counts while scrolling).
 */
export function withMarks(text: string, query: string): React.ReactNode {
  return query.trim() === '' ? text : <Highlighted text={text} query={query} />;
}
