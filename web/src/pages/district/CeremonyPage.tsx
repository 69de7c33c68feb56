/** Placeholder: being built. */
export function CeremonyPage({ query }: { query: URLSearchParams }) {
  return <p className="muted">…</p>;
}
