import { useMemo } from 'react';
import { splitByMatches } from '../../shared/domain';

/** Text with the parts that match a search marked (same rules as the search itself). */
export function Highlighted({ text, query }: { text: string; query: string }): React.JSX.Element {
  const pieces = useMemo(() => (query.trim() === '' ? undefined : splitByMatches(text, query)), [text, query]);
  if (!pieces) return <>{text}</>;
  return <>{pieces.map((piece, i) => (piece.match ? <mark key={i}>{piece.text}</mark> : piece.text))}</>;
}
