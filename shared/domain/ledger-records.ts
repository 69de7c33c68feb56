/**
 * The records a ledger brings, as staged and applied (rounds, loans with their repayments and
 * write-off), their ids (derived from the ledger's own data, so reading the same ledger again
 * gives the same ids) and the schedule an imported loan keeps. Pure rules, no I/O.
 */
import { createHash } from 'node:crypto';
import { addMonths, isIsoDate } from './dates.ts';
import type { DeclaredTotals } from './ledger-schemas.ts';
import { normalizeReceiptNo } from './text-rules.ts';

export interface LedgerRound {
  row: number;
  id: string;
  name: string;
  openedOn: string;
  capitalFen: number;
  grantFen?: number;
  minLoanFen: number;
  maxLoanFen: number;
  termMonths: number;
  closedOn?: string;
  declared?: Partial<Record<keyof DeclaredTotals, number>>;
}

export interface LedgerRepayment {
  row: number;
  id: string;
  paidOn: string;
  amountFen: number;
  receiptNo: string;
  balanceAfterFen: number;
}

export interface LedgerWriteOff {
  row: number;
  writtenOffOn: string;
  amountFen: number;
  reason: string;
}

export interface LedgerLoan {
  row: number;
  id: string;
  roundName: string;
  roundId: string;
  mother: { name: string; residentId: string };
  villageId: string;
  townshipId: string;
  householdSize: number;
  principalFen: number;
  approvedOn: string;
  disbursedOn: string;
  dueOn: string;
  guarantors?: { townshipHead: string; villageHead: string };
  writtenStatus: 'open' | 'repaid' | 'written_off';
  repayments: LedgerRepayment[];
  writeOff?: LedgerWriteOff;
}

/** A round's name as compared: the same name however it is spaced or written (full-width or half-width). */
export const roundNameKey = (name: string) => name.normalize('NFKC').replace(/\s+/g, '');

/** The one normalisation of receipt numbers (./text-rules.ts). */
export const normalizeReceipt = normalizeReceiptNo;

/** Evaluation points of an imported round: the usual mid-term and year-end when the term allows. */
export const evaluationMonthsFor = (termMonths: number): number[] => [6, 12].filter((m) => m < termMonths);

/** The evaluations still to come for an open loan (the past ones are on paper, not in the system). */
export function futureSchedule(loan: Pick<LedgerLoan, 'disbursedOn' | 'dueOn'>, termMonths: number, today: string) {
  const slots = evaluationMonthsFor(termMonths).map((m, i) => ({ kind: (i === 0 ? 'midterm' : 'yearend') as 'midterm' | 'yearend', dueOn: addMonths(loan.disbursedOn, m) }));
  return [...slots, { kind: 'final' as const, dueOn: loan.dueOn }].filter((s) => s.dueOn >= today);
}

// ---------------------------------------------------------------- ids

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A ULID-shaped id that is the same every time the same ledger is read: the time part is the
 * record's own date (so ids sort by date), the rest a hash of what identifies it.
 */
export function ledgerRecordId(date: string, ...parts: string[]): string {
  if (!isIsoDate(date)) throw new Error(`not a date: ${date}`);
  let time = Date.parse(`${date}T00:00:00Z`);
  let head = '';
  for (let j = 0; j < 10; j++, time = Math.floor(time / 32)) head = CROCKFORD[time % 32] + head;
  const hash = createHash('sha256')
    .update(`happiness-project:ledger:${parts.join('|')}`)
    .digest();
  let value = 0n;
  for (let j = 0; j < 10; j++) value = (value << 8n) | BigInt(hash[j]!);
  let tail = '';
  for (let j = 0; j < 16; j++, value >>= 5n) tail = CROCKFORD[Number(value & 31n)] + tail;
  return head + tail;
}
