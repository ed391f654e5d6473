/** Every account's cases in one list, each row tagged with its domain. */
export function AllDomainsQueue(): React.JSX.Element {
  return <div className="placeholder" />;
}
