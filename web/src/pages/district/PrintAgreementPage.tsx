/** Placeholder: being built. */
export function PrintAgreementPage({ id }: { id: string }) {
  return <p className="muted">…</p>;
}
