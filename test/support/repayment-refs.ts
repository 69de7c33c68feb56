/**
 * A remittance batch names each repayment with its loan (`repaymentRefs`: the repayment is read by
 * key in its loan's partition). Tests that hold repayment ids note each one's loan here when they
 * record it, and build a batch's refs from the ids; an id never noted (a made-up one) is sent with
 * itself as its loan, which names no repayment.
 */
const loanOfRepayment = new Map<string, string>();

/** Notes the loan of a repayment a test recorded; returns the repayment id. */
export function noteRepayment(id: string, loanId: string): string {
  loanOfRepayment.set(id, loanId);
  return id;
}

/** The refs of repayments by id, as a batch names them. */
export const repaymentRefs = (ids: readonly string[]) => ids.map((id) => ({ id, loanId: loanOfRepayment.get(id) ?? id }));
