/** Placeholder: being built. */
export function EvaluationFormPage({ loanId }: { loanId: string }) {
  return <p className="muted">…</p>;
}
