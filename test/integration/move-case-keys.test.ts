/**
 * The move of the applications' and loans' list keys from byScope / byRound to casesByScope /
 * casesByRound (scripts/lib/move-case-keys.ts): a loan written before the move is listed again,
 * whole, once its keys are copied; moved, it leaves the old indexes; a second run finds nothing.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { randomInt } from 'node:crypto';
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { moveCaseKeys } from '../../scripts/lib/move-case-keys.ts';
import { addDays, todayInChina } from '../../shared/domain/dates.ts';
import type { Loan } from '../../shared/domain/entities.ts';
import { documentClient, recordsTable } from '../../shared/store/client.ts';
import { INDEX } from '../../shared/store/keys.ts';
import { getLoan, listLoans, stageLoanUpdate } from '../../shared/store/loans.ts';
import { queryEvery } from '../../shared/store/records.ts';
import { Transaction } from '../../shared/store/transaction.ts';
import { loanItem, syntheticLoan } from '../support/synthetic-loans.ts';

/** A district of this test's own, so every count is exact. */
const newDistrict = () => `lhasa.casekeys${process.pid}x${randomInt(1e9)}`;

/** The loan's item as releases before 6 December 2026 wrote it: listed on byScope and byRound. */
async function writtenBefore(loan: Loan): Promise<void> {
  const { casePk, caseSk, caseRoundPk, caseRoundSk, ...item } = loanItem(loan);
  await documentClient().send(new PutCommand({ TableName: recordsTable(), Item: { ...item, scopePk: casePk, scopeSk: caseSk, roundPk: caseRoundPk, roundSk: caseRoundSk } }));
}

const onByScope = async (districtId: string) =>
  (await queryEvery({ IndexName: INDEX.byScope, KeyConditionExpression: 'scopePk = :pk', ExpressionAttributeValues: { ':pk': `LOAN#${districtId}` } })).map((i) => i.id).sort();
const ids = (loans: Loan[]) => loans.map((l) => l.id).sort();

describe('moving the list keys of applications and loans to casesByScope / casesByRound', () => {
  it('copies, then moves the keys of the loans written before; the lists find them whole; a second run finds nothing', async () => {
    const d = newDistrict();
    const roundId = ulid();
    const due = addDays(todayInChina(), 40);
    const loans = [syntheticLoan(d, due, { roundId }), syntheticLoan(d, due, { roundId, status: 'overdue' })];
    for (const loan of loans) await writtenBefore(loan);
    const listed = async () => ({
      district: ids((await listLoans({ districtIds: [d] }, { limit: 100 })).items),
      round: ids((await listLoans({ roundId }, { limit: 100 })).items),
    });
    expect(await listed()).toEqual({ district: [], round: [] });

    expect(await moveCaseKeys({ mode: 'copy', dryRun: true, districtIds: [d] })).toEqual({ moved: 2, changedMeanwhile: 0 });
    expect(await listed()).toEqual({ district: [], round: [] });

    // the release before still lists them on byScope after the copy
    expect(await moveCaseKeys({ mode: 'copy', dryRun: false, districtIds: [d] })).toEqual({ moved: 2, changedMeanwhile: 0 });
    expect(await listed()).toEqual({ district: ids(loans), round: ids(loans) });
    expect(await onByScope(d)).toEqual(ids(loans));

    // a loan the new release writes leaves byScope by itself; the move takes the other one out
    const tx = new Transaction();
    stageLoanUpdate(tx, (await getLoan(loans[0]!.id))!);
    await tx.commit(undefined);
    expect(await onByScope(d)).toEqual([loans[1]!.id]);
    expect(await moveCaseKeys({ mode: 'move', dryRun: false, districtIds: [d] })).toEqual({ moved: 1, changedMeanwhile: 0 });
    expect(await onByScope(d)).toEqual([]);
    expect(await listed()).toEqual({ district: ids(loans), round: ids(loans) });
    const page = await listLoans({ districtIds: [d] }, { status: 'overdue', limit: 100 });
    expect(page.items).toEqual([loans[1]]);

    expect(await moveCaseKeys({ mode: 'move', dryRun: false, districtIds: [d] })).toEqual({ moved: 0, changedMeanwhile: 0 });
  });
});
