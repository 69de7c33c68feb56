/** Placeholder: being built. */
export function LoanPage({ id }: { id: string }) {
  return <p className="muted">…</p>;
}
