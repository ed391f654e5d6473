import { CaseListPane } from './case-list-pane';

/** A domain's case list with filters, beside the selected case's detail. */
export function CasesView(): React.JSX.Element {
  return <CaseListPane />;
}
