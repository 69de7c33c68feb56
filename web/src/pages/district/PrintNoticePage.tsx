/** Placeholder: being built. */
export function PrintNoticePage({ query }: { query: URLSearchParams }) {
  return <p className="muted">…</p>;
}
