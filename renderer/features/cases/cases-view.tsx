/** A domain's case list with filters, beside the selected case's detail. */
export function CasesView(): React.JSX.Element {
  return <div className="placeholder" />;
}
