/** Placeholder: being built. */
export function LoansPage({ query }: { query: URLSearchParams }) {
  return <p className="muted">…</p>;
}
