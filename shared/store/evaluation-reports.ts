/**
 * Evaluation reports (评估报告): one item per version of a report with its history in its
 * partition (`EVALREPORT#{id}`), listed per district (byScope `EVALREPORT#{districtId}` /
 * `{roundId}#{point}#{revision}`) and per round (byRound `EVALREPORT#{roundId}` /
 * `{point}#{revision}`); a guard item per (round, point, revision) keeps two drafts of the same
 * version from being written at once. The households of a round are read with the loans of the
 * round (casesByRound `LOAN#{roundId}`, then by key) and their evaluations by key.
 */
import type * as z from 'zod/mini';
import type { Actor, Evaluation, HistoryEvent, Loan } from '../domain/entities.ts';
import { ConcurrentChange, Conflict, ServiceUnavailable } from '../domain/errors.ts';
import type { EvaluationReport as ReportSchema } from '../domain/evaluation-report-schemas.ts';
import { INDEX, keys } from './keys.ts';
import { batchGetItems, keyString } from './batch-get.ts';
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, recordsTable } from './client.ts';
import { guardUnavailable } from './errors.ts';
import { queryEvery, queryIndex, queryPartition, strip, type Page } from './records.ts';
import type { Transaction } from './transaction.ts';

type Shape = z.output<typeof ReportSchema>;
export interface EvaluationReport extends Omit<Shape, 'draftedBy' | 'submittedBy' | 'reviewedBy'> {
  draftedBy: Actor;
  submittedBy?: Actor;
  reviewedBy?: Actor;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export const reportKeys = {
  report: (id: string) => ({ pk: `EVALREPORT#${id}`, sk: 'EVALREPORT' }),
  slot: (roundId: string, point: number, revision: number) => ({ pk: `EVALREPORTSLOT#${roundId}#${pad(point, 2)}#${pad(revision, 3)}`, sk: 'EVALREPORTSLOT' }),
};

function itemOf(r: EvaluationReport) {
  return {
    ...reportKeys.report(r.id),
    type: 'EVALREPORT',
    scopePk: `EVALREPORT#${r.districtId}`,
    scopeSk: `${r.roundId}#${pad(r.point, 2)}#${pad(r.revision, 3)}`,
    roundPk: `EVALREPORT#${r.roundId}`,
    roundSk: `${pad(r.point, 2)}#${pad(r.revision, 3)}`,
    ...r,
  };
}

/** A new version: its item and the guard of its (round, point, revision). */
export function stageNewReport(tx: Transaction, r: EvaluationReport): void {
  tx.create(
    { ...reportKeys.slot(r.roundId, r.point, r.revision), type: 'EVALREPORTSLOT', reportId: r.id },
    () => new Conflict('this report was drafted at the same moment by someone else', 'report_exists', { status: 'draft' }),
  );
  tx.create(itemOf(r));
}

export function stageReportUpdate(tx: Transaction, r: EvaluationReport): EvaluationReport {
  const next = { ...r, version: r.version + 1 };
  tx.replace(itemOf(next), r.version, () => new ConcurrentChange(`evaluation report ${r.id}`));
  return next;
}

export async function loadReport(id: string): Promise<{ report: EvaluationReport; history: HistoryEvent[] } | undefined> {
  const items = await queryPartition(reportKeys.report(id).pk);
  const root = items.find((i) => i.sk === 'EVALREPORT');
  if (!root) return undefined;
  return { report: strip<EvaluationReport>(root), history: items.filter((i) => String(i.sk).startsWith('EVENT#')).map((i) => strip<HistoryEvent>(i)) };
}

/** Every version of every report of a round (a round has a few points, each a few versions), in point then revision order. */
export async function reportsOfRound(roundId: string): Promise<EvaluationReport[]> {
  const items = await queryEvery({ IndexName: INDEX.byRound, KeyConditionExpression: 'roundPk = :pk', ExpressionAttributeValues: { ':pk': `EVALREPORT#${roundId}` } });
  return items.map((i) => strip<EvaluationReport>(i));
}

/** Every version of every report of a district, by round, point and revision. */
export async function reportsOfDistrict(districtId: string): Promise<EvaluationReport[]> {
  const items = await queryEvery({ IndexName: INDEX.byScope, KeyConditionExpression: 'scopePk = :pk', ExpressionAttributeValues: { ':pk': `EVALREPORT#${districtId}` } });
  return items.map((i) => strip<EvaluationReport>(i));
}

/** A page of the reports of some districts (or one round's), by round, point and revision. */
export function listReports(by: { roundId: string } | { districtIds: string[] }, opts: { limit: number; cursor?: string }): Promise<Page<EvaluationReport>> {
  return 'roundId' in by
    ? queryIndex<EvaluationReport>({ index: INDEX.byRound, pkName: 'roundPk', skName: 'roundSk', partitions: [`EVALREPORT#${by.roundId}`], limit: opts.limit, cursor: opts.cursor })
    : queryIndex<EvaluationReport>({ index: INDEX.byScope, pkName: 'scopePk', skName: 'scopeSk', partitions: by.districtIds.map((d) => `EVALREPORT#${d}`), limit: opts.limit, cursor: opts.cursor });
}

/** Every loan of a round (a round has tens of loans, at most a few hundred): listed by casesByRound, read whole by key. */
export async function loansOfRound(roundId: string): Promise<Loan[]> {
  const listed = await queryEvery({ IndexName: INDEX.casesByRound, KeyConditionExpression: 'caseRoundPk = :pk', ExpressionAttributeValues: { ':pk': `LOAN#${roundId}` } });
  const found = await batchGetItems<Loan>(listed.map((i) => keys.loan(String(i.id))));
  return listed.flatMap((i) => found.get(keyString(keys.loan(String(i.id)))) ?? []);
}

/** The payouts of a round's loans (what casesByRound copies of them): the first one dates the round's evaluation points. */
export async function payoutsOfRound(roundId: string): Promise<Pick<Loan, 'disbursement'>[]> {
  const listed = await queryEvery({ IndexName: INDEX.casesByRound, KeyConditionExpression: 'caseRoundPk = :pk', ExpressionAttributeValues: { ':pk': `LOAN#${roundId}` } });
  return listed.map((i) => strip<Pick<Loan, 'disbursement'>>(i));
}

/** The evaluations that fulfilled a point's slot of these loans, by loan id (BatchGetItem, 100 keys a call; keys it leaves unprocessed are asked again). */
export async function evaluationsAt(loans: Loan[], point: number): Promise<Map<string, Evaluation>> {
  const keysOf = loans.flatMap((l) => {
    const id = l.evaluationSchedule[point]?.evaluationId;
    return id ? [keys.evaluation(l.id, id)] : [];
  });
  const table = recordsTable();
  const byLoan = new Map<string, Evaluation>();
  for (let i = 0; i < keysOf.length; i += 100) {
    let pending: Record<string, unknown>[] = keysOf.slice(i, i + 100);
    for (let attempt = 1; pending.length; attempt++) {
      if (attempt > 8) throw new ServiceUnavailable('the database is busy; please retry');
      const answer = await guardUnavailable(() => documentClient().send(new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: true } } })));
      for (const item of answer.Responses?.[table] ?? []) {
        const e = strip<Evaluation>(item);
        byLoan.set(e.loanId, e);
      }
      pending = answer.UnprocessedKeys?.[table]?.Keys ?? [];
      if (pending.length) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));
    }
  }
  return byLoan;
}
