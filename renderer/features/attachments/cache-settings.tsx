/** Attachment cache usage per account, with "clear cache". */
export function CacheSettings(): React.JSX.Element {
  return <div className="placeholder" />;
}
