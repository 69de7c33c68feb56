/** Placeholder: being built. */
export function ApplicationPage({ id }: { id: string }) {
  return <p className="muted">…</p>;
}
