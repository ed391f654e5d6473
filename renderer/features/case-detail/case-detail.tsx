/** One case: header, thread, attachments, composer and every action. */
export function CaseDetail({ caseName }: { caseName: string }): React.JSX.Element {
  return <div className="placeholder" data-case={caseName} />;
}
