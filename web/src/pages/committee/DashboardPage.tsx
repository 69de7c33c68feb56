/** Placeholder: being built. */
export function DashboardPage({ query }: { query: URLSearchParams }) {
  return <p className="muted">…</p>;
}
