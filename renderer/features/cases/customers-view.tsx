/** A domain's customers (access state, Premium, open cases) and each one's cases. */
export function CustomersView(): React.JSX.Element {
  return <div className="placeholder" />;
}
