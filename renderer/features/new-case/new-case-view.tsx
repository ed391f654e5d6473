/** Guided case creation on behalf of a customer. */
export function NewCaseView({ followUpOf }: { followUpOf?: string }): React.JSX.Element {
  return <div className="placeholder" data-follow-up={followUpOf} />;
}
