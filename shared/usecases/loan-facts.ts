/** A loan's place in the report groups, as the aggregates need it. */
import { groupsOf, type LoanFacts } from '../domain/aggregates.ts';
import type { Loan } from '../domain/entities.ts';

export function factsOf(loan: Loan): LoanFacts {
  return {
    districtId: loan.districtId,
    townshipId: loan.townshipId,
    roundId: loan.roundId,
    principalFen: loan.principalFen,
    approvedOn: loan.approvedOn,
    ...(loan.disbursement ? { disbursedOn: loan.disbursement.disbursedOn } : {}),
    ...(loan.dueOn ? { dueOn: loan.dueOn } : {}),
  };
}

export const reportGroupsOf = (loan: Loan): string[] => groupsOf(factsOf(loan));
