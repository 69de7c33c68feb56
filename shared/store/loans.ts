/**
 * Loans: the loan item with its repayments, evaluations and history in one partition
 * (`LOAN#{id}`); listed by district or round and status (byScope / byRound), and per
 * mother (byMother) for her borrowing history.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Evaluation, HistoryEvent, Loan, Repayment } from '../domain/entities.ts';
import { ConcurrentChange } from '../domain/errors.ts';
import { documentClient, recordsTable } from './client.ts';
import { guardUnavailable } from './errors.ts';
import { scopedQuery, type ListOptions } from './applications.ts';
import { INDEX, keys, motherIndexKeys, motherKey, scopeKeys } from './keys.ts';
import { getRecord, queryIndex, queryPartition, strip, type Page } from './records.ts';
import type { Transaction } from './transaction.ts';

export interface LoanFile {
  loan: Loan;
  repayments: Repayment[];
  evaluations: Evaluation[];
  history: HistoryEvent[];
}

export const getLoan = (id: string) => getRecord<Loan>(keys.loan(id));

export async function loadLoanFile(id: string): Promise<LoanFile | undefined> {
  const items = await queryPartition(keys.loan(id).pk);
  const root = items.find((i) => i.sk === 'LOAN');
  if (!root) return undefined;
  const of = <T>(prefix: string) => items.filter((i) => String(i.sk).startsWith(prefix)).map((i) => strip<T>(i));
  return {
    loan: strip<Loan>(root),
    repayments: of<Repayment>('REPAYMENT#'),
    evaluations: of<Evaluation>('EVALUATION#'),
    history: of<HistoryEvent>('EVENT#'),
  };
}

function itemOf(loan: Loan) {
  return {
    ...keys.loan(loan.id),
    type: 'LOAN',
    ...scopeKeys('LOAN', { id: loan.id, status: loan.status, districtId: loan.districtId, officeId: loan.villageId, roundId: loan.roundId }),
    ...motherIndexKeys(loan.mother.residentId, loan.createdAt, 'LOAN', loan.id),
    ...loan,
  };
}

export function stageNewLoan(tx: Transaction, loan: Loan): void {
  tx.create(itemOf(loan));
}

export function stageLoanUpdate(tx: Transaction, loan: Loan): Loan {
  const next = { ...loan, version: loan.version + 1 };
  tx.replace(itemOf(next), loan.version, () => new ConcurrentChange(`loan ${loan.id}`));
  return next;
}

export function stageNewRepayment(tx: Transaction, repayment: Repayment): void {
  tx.create({ ...keys.repayment(repayment.loanId, repayment.id), type: 'REPAYMENT', ...repayment });
}

export function stageNewEvaluation(tx: Transaction, evaluation: Evaluation): void {
  tx.create({ ...keys.evaluation(evaluation.loanId, evaluation.id), type: 'EVALUATION', ...evaluation });
}

export function listLoans(by: { roundId: string } | { districtIds: string[] }, opts: ListOptions & { overdueOn?: string }): Promise<Page<Loan>> {
  const scoped = scopedQuery(opts);
  const overdue = opts.overdueOn ? { expression: '#dueOn < :today', names: { '#dueOn': 'dueOn' }, values: { ':today': opts.overdueOn } } : undefined;
  const filter = overdue && scoped.filter
    ? { expression: `(${scoped.filter.expression}) AND ${overdue.expression}`, names: { ...scoped.filter.names, ...overdue.names }, values: { ...scoped.filter.values, ...overdue.values } }
    : (overdue ?? scoped.filter);
  const common = { skPrefix: scoped.skPrefix, filter, limit: opts.limit, cursor: opts.cursor };
  return 'roundId' in by
    ? queryIndex<Loan>({ index: INDEX.byRound, pkName: 'roundPk', skName: 'roundSk', partitions: [`LOAN#${by.roundId}`], ...common })
    : queryIndex<Loan>({ index: INDEX.byScope, pkName: 'scopePk', skName: 'scopeSk', partitions: by.districtIds.map((d) => `LOAN#${d}`), ...common });
}

/** A mother's loans, oldest first, found by her resident ID (through its hash). */
export async function loansOfMother(residentId: string): Promise<Loan[]> {
  const page = await guardUnavailable(() =>
    documentClient().send(
      new QueryCommand({
        TableName: recordsTable(),
        IndexName: INDEX.byMother,
        KeyConditionExpression: 'motherPk = :m',
        FilterExpression: '#type = :loan',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':m': motherKey(residentId), ':loan': 'LOAN' },
      }),
    ),
  );
  return (page.Items ?? []).map((i) => strip<Loan>(i));
}
