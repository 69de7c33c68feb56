/**
 * Loans: the loan item with its repayments, evaluations and history in one partition
 * (`LOAN#{id}`); listed by district or round and status (casesByScope / casesByRound, then
 * read by key), and per mother (byMother) for her borrowing history.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Evaluation, HistoryEvent, Loan, Repayment } from '../domain/entities.ts';
import { ConcurrentChange, type DomainError } from '../domain/errors.ts';
import { documentClient, recordsTable } from './client.ts';
import { guardUnavailable } from './errors.ts';
import { scopedQuery, type ListOptions } from './applications.ts';
import type { CASE_SCOPE_ATTRIBUTES, DUE_LIST_ATTRIBUTES } from './index-projections.ts';
import { INDEX, keys, motherIndexKeys, motherKey, nameKeys, scopeKeys } from './keys.ts';
import { recordsListed, recordsOfPage } from './index-records.ts';
import { getRecord, queryEvery, queryIndex, queryPartition, strip, type Page } from './records.ts';
import { stageClosureOf } from './retention.ts';
import { stageDueDateChange } from './loan-due.ts';
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

/** The next evaluation still to do, while the loan is out (or repaid early: the final one is still due). */
function nextDueKeys(loan: Loan) {
  if (loan.status === 'approved' || loan.status === 'written_off') return {};
  const next = loan.evaluationSchedule.find((s) => !s.evaluationId);
  return next ? { duePk: `EVALDUE#${loan.districtId}`, dueSk: `${next.dueOn}#${loan.id}` } : {};
}

function itemOf(loan: Loan) {
  return {
    ...keys.loan(loan.id),
    type: 'LOAN',
    ...nextDueKeys(loan),
    ...scopeKeys('LOAN', { id: loan.id, status: loan.status, districtId: loan.districtId, officeId: loan.villageId, roundId: loan.roundId }),
    // an anonymised loan is found by no mother and no name (the retention job, shared/usecases/retention.ts)
    ...(loan.anonymisedOn
      ? {}
      : {
          ...motherIndexKeys(loan.mother.residentId, loan.createdAt, 'LOAN', loan.id),
          ...nameKeys('LOAN', { id: loan.id, districtId: loan.districtId, motherName: loan.mother.name }),
        }),
    ...loan,
  };
}

export function stageNewLoan(tx: Transaction, loan: Loan, onExists?: () => DomainError): void {
  tx.create(itemOf(loan), onExists);
  stageClosureOf(tx, loan);
  stageDueDateChange(tx, undefined, loan);
}

export function stageLoanUpdate(tx: Transaction, loan: Loan): Loan {
  const next = { ...loan, version: loan.version + 1 };
  tx.replace(itemOf(next), loan.version, () => new ConcurrentChange(`loan ${loan.id}`));
  stageClosureOf(tx, next);
  return next;
}

/**
 * A new repayment, held by the township that collected it until a remittance batch hands it
 * on: it carries where it was collected and is listed by byScope `REPAYMENT#{districtId}` /
 * `{remittanceState}#{villageId}#{id}` (the same keys as `repaymentScopeKeys` in ./remittances.ts,
 * which moves them on).
 */
export function stageNewRepayment(tx: Transaction, repayment: Repayment, loan: Loan): void {
  const where = { districtId: loan.districtId, townshipId: loan.townshipId, villageId: loan.villageId, remittanceState: 'held' as const };
  tx.create({
    ...keys.repayment(repayment.loanId, repayment.id),
    type: 'REPAYMENT',
    ...repayment,
    ...where,
    scopePk: `REPAYMENT#${loan.districtId}`,
    scopeSk: `held#${loan.villageId}#${repayment.id}`,
  });
}

export function stageNewEvaluation(tx: Transaction, evaluation: Evaluation): void {
  tx.create({ ...keys.evaluation(evaluation.loanId, evaluation.id), type: 'EVALUATION', ...evaluation });
}

/** What the district's list of loans copies of each (index casesByScope): the collection list and the close of business read no more. */
export type ListedLoan = Pick<Loan, (typeof CASE_SCOPE_ATTRIBUTES)[number]>;

/** A page of the loans of a round or of districts as the index lists them (`ListedLoan`; by round only `id`, `villageId`, `dueOn`, `disbursement`). */
export function listedLoans(by: { roundId: string } | { districtIds: string[] }, opts: ListOptions & { overdueOn?: string }): Promise<Page<ListedLoan>> {
  const [index, pkName, skName, partitions] =
    'roundId' in by ? [INDEX.casesByRound, 'caseRoundPk', 'caseRoundSk', [`LOAN#${by.roundId}`]] : [INDEX.casesByScope, 'casePk', 'caseSk', by.districtIds.map((d) => `LOAN#${d}`)];
  if (!opts.overdueOn) {
    return queryIndex<ListedLoan>({ index, pkName, skName, partitions, ...scopedQuery(opts), limit: opts.limit, cursor: opts.cursor });
  }
  // overdue: loans the close-of-business job marked overdue, then active ones past due since it last ran
  const marked = scopedQuery({ ...opts, status: 'overdue' });
  const active = scopedQuery({ ...opts, status: 'active' });
  const pastDue = { expression: '#dueOn < :today', names: { '#dueOn': 'dueOn' }, values: { ':today': opts.overdueOn } };
  const segments = partitions.flatMap((partition) => [
    { partition, skPrefix: marked.skPrefix },
    { partition, skPrefix: active.skPrefix, filter: pastDue },
  ]);
  return queryIndex<ListedLoan>({ index, pkName, skName, partitions, segments, limit: opts.limit, cursor: opts.cursor });
}

/** A page of the loans of a round or of districts, read whole: the index lists them, one BatchGetItem reads them. */
export async function listLoans(by: { roundId: string } | { districtIds: string[] }, opts: ListOptions & { overdueOn?: string }): Promise<Page<Loan>> {
  return recordsOfPage<Loan>(await listedLoans(by, opts), (id) => keys.loan(id));
}

/** A mother's loans, oldest first, found by her resident ID (through its hash), then read by key. */
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
  return (await recordsListed(page.Items)).map((i) => strip<Loan>(i));
}

/**
 * The loans out in one township (active or marked overdue), for its collection list: two
 * key conditions on the district's casesByScope partition, `active#{townshipId}.` and
 * `overdue#{townshipId}.`, with loans not due by `dueBy` filtered out; what the index copies of
 * each (`ListedLoan`) is what the list shows, so no loan is read whole.
 */
export async function loansOutInTownship(districtId: string, townshipId: string, dueBy: string): Promise<ListedLoan[]> {
  const read = (status: 'active' | 'overdue') =>
    queryEvery({
      IndexName: INDEX.casesByScope,
      KeyConditionExpression: 'casePk = :pk AND begins_with(caseSk, :prefix)',
      FilterExpression: '#dueOn <= :dueBy',
      ExpressionAttributeNames: { '#dueOn': 'dueOn' },
      ExpressionAttributeValues: { ':pk': `LOAN#${districtId}`, ':prefix': `${status}#${townshipId}.`, ':dueBy': dueBy },
    });
  const [active, overdue] = await Promise.all([read('active'), read('overdue')]);
  return [...active, ...overdue].map((i) => strip<ListedLoan>(i));
}

/** What the evaluations-due list has of each loan (the attributes index byDue copies). */
export type DueLoan = Pick<Loan, (typeof DUE_LIST_ATTRIBUTES)[number]>;

/** Loans of a district whose next evaluation falls due on or before `until` (overdue ones first), with what index byDue copies of them. */
export function loansWithEvaluationDue(districtId: string, until: string, cursor?: string): Promise<Page<DueLoan>> {
  return queryIndex<DueLoan>({
    index: INDEX.byDue,
    pkName: 'duePk',
    skName: 'dueSk',
    partitions: [`EVALDUE#${districtId}`],
    range: { to: `${until}#~` },
    limit: 100,
    cursor,
  });
}
