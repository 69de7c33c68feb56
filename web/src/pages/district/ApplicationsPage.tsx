/** Placeholder: being built. */
export function ApplicationsPage({ query }: { query: URLSearchParams }) {
  return <p className="muted">…</p>;
}
