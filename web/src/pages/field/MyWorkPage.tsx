/** Placeholder: being built. */
export function MyWorkPage() {
  return <p className="muted">…</p>;
}
