/**
 * Loans written straight into the table, for tests and the bench that need many loans of a
 * district of their own with chosen due dates (paying each out through the API would take
 * minutes): a loan out with a balance, in a village of `districtId`, its mother with her own
 * number and, when asked, her consent to text messages.
 */
import { ulid } from 'ulid';
import { addMonths } from '../../shared/domain/dates.ts';
import type { Loan } from '../../shared/domain/entities.ts';
import { residentIdCheckChar } from '../../shared/domain/resident-id.ts';
import { scopeKeys } from '../../shared/store/keys.ts';

let serial = 0;

function residentId(i: number): string {
  const first17 = `540102${1970 + (i % 25)}0101${String(i % 1000).padStart(3, '0')}`.slice(0, 17);
  return first17 + residentIdCheckChar(first17);
}

export interface SyntheticLoanOptions {
  /** the mother's consent: her language, or none (she never agreed) */
  sms?: 'bo' | 'zh-CN';
  phone?: string;
  status?: 'active' | 'overdue' | 'repaid';
  roundId?: string;
  principalFen?: number;
}

/** A loan of `districtId` due on `dueOn` (paid out 24 months before). */
export function syntheticLoan(districtId: string, dueOn: string, o: SyntheticLoanOptions = {}): Loan {
  const n = ++serial;
  const principalFen = o.principalFen ?? 1_000_000;
  const status = o.status ?? 'active';
  const repaid = status === 'repaid';
  return {
    id: ulid(),
    applicationId: ulid(),
    roundId: o.roundId ?? `R${districtId.slice(-8)}`,
    districtId,
    townshipId: `${districtId}.tw`,
    villageId: `${districtId}.tw.v1`,
    agreementNo: `SYN-${districtId.slice(-6)}-${n}`,
    mother: {
      name: '卓玛',
      residentId: residentId(n),
      phone: o.phone ?? `13${String(process.pid % 1000).padStart(3, '0')}${String(n).padStart(6, '0')}`,
      ...(o.sms ? { sms: { optIn: true, lang: o.sms, changedAt: new Date().toISOString() } } : {}),
    },
    householdSize: 5,
    principalFen,
    repaidFen: repaid ? principalFen : 0,
    balanceFen: repaid ? 0 : principalFen,
    status,
    termMonths: 24,
    evaluationMonths: [6, 12],
    approvedOn: addMonths(dueOn, -25),
    dueOn,
    evaluationSchedule: [],
    disbursement: {
      disbursedOn: addMonths(dueOn, -24),
      amountFen: principalFen,
      motherPresent: true,
      idChecked: true,
      recordedBy: { userId: 'synthetic', username: 'synthetic', role: 'district', officeId: districtId },
    },
    ...(repaid ? { repaidOn: addMonths(dueOn, -1) } : {}),
    createdAt: new Date().toISOString(),
    version: 1,
  } as unknown as Loan;
}

/** The loan's item as the table holds it (without the reminder-run pointer: a loan from before pointers were kept). */
export const loanItem = (loan: Loan) => ({
  pk: `LOAN#${loan.id}`,
  sk: 'LOAN',
  type: 'LOAN',
  ...scopeKeys('LOAN', { id: loan.id, status: loan.status, districtId: loan.districtId, officeId: loan.villageId, roundId: loan.roundId }),
  ...loan,
});
