/**
 * The reminder run's own key: one pointer item per loan out with a balance,
 * `LOANDUE#{districtId}` / `{dueOn}#{loanId}`, written in the transaction that pays the loan
 * out (or imports it from a ledger) with its expiry already set (`expiresAt`, DynamoDB's TTL):
 * the day after the last overdue notice any setting allows for that due date
 * (`pointerExpiresOn`). The step that closes the loan (the last repayment, a write-off) does not
 * touch it: the run reads a closed loan's pointer on its few dates until it goes and skips the
 * loan (the loan decides). Pointers written before 6 December 2026 (third round) carry no expiry
 * until `scripts/backfill-loan-due.ts --apply` rewrites them (docs/operations.md). A day's run
 * reads, per district, the pointers of the four due dates messaged that day (four Queries on the
 * base table) and then only those loans (BatchGetItem): what it reads grows with the loans due
 * that day, not with the loans out.
 */
import type { Loan } from '../domain/entities.ts';
import { pointerExpiresOn, reminderDueOn } from '../domain/sms.ts';
import { batchGetItems, keyString } from './batch-get.ts';
import { documentClient, recordsTable } from './client.ts';
import { guardUnavailable } from './errors.ts';
import { keys } from './keys.ts';
import { queryEvery } from './records.ts';
import type { Transaction } from './transaction.ts';
import { PutCommand } from '@aws-sdk/lib-dynamodb';

export const loanDueKeys = {
  pointer: (districtId: string, dueOn: string, loanId: string) => ({ pk: `LOANDUE#${districtId}`, sk: `${dueOn}#${loanId}` }),
};

type DueFacts = Pick<Loan, 'id' | 'districtId' | 'status' | 'balanceFen' | 'dueOn'>;

/** The pointer's expiry (epoch seconds, TTL): midnight China time of `pointerExpiresOn(dueOn)`. */
export const pointerExpiresAt = (dueOn: string): number => Date.parse(`${pointerExpiresOn(dueOn)}T00:00:00+08:00`) / 1000;

/** The pointer item of a loan out with a balance (no personal data: the loan's id, district and due date), with its expiry. */
export function duePointerItem(loan: DueFacts): Record<string, unknown> & { pk: string; sk: string } {
  const dueOn = reminderDueOn(loan)!;
  return { ...loanDueKeys.pointer(loan.districtId, dueOn, loan.id), type: 'LOANDUE', loanId: loan.id, districtId: loan.districtId, dueOn, expiresAt: pointerExpiresAt(dueOn) };
}

/**
 * Stages what a step changes in the loan's pointer: written, with its expiry, when the loan
 * comes out (payout, import) or its due date moves (no step moves it today: the old pointer is
 * then set to expire at once, the new one written). A step that closes the loan (repaid,
 * written off) stages nothing: the pointer expires by itself after the last notice it could
 * serve, and the run skips a loan no longer out. Every other step stages nothing either.
 */
export function stageDueDateChange(tx: Transaction, before: DueFacts | undefined, after: DueFacts): void {
  const was = before ? reminderDueOn(before) : undefined;
  const is = reminderDueOn(after);
  if (!is || was === is) return;
  // a moved due date: the old pointer goes now (a pointer written before expiries were set has none)
  if (was && before) tx.update(loanDueKeys.pointer(before.districtId, was, before.id), setAll({ ...duePointerItem(before), expiresAt: Math.floor(Date.now() / 1000) }));
  // an unconditional put: the one-off script may have written it already, or the loan was closed and reopened
  tx.update(loanDueKeys.pointer(after.districtId, is, after.id), setAll(duePointerItem(after)));
}

function setAll(item: Record<string, unknown>) {
  const entries = Object.entries(item).filter(([k]) => k !== 'pk' && k !== 'sk');
  return {
    expression: `SET ${entries.map((_, i) => `#a${i} = :v${i}`).join(', ')}`,
    names: Object.fromEntries(entries.map(([k], i) => [`#a${i}`, k])),
    values: Object.fromEntries(entries.map(([, v], i) => [`:v${i}`, v])),
  };
}

/**
 * Writes the pointer of a loan out with a balance, with its expiry (scripts/backfill-loan-due.ts):
 * for loans paid out before pointers were kept, and for pointers written before they carried an
 * expiry; writing it again changes nothing.
 */
export async function putDuePointer(loan: DueFacts): Promise<void> {
  await guardUnavailable(() => documentClient().send(new PutCommand({ TableName: recordsTable(), Item: duePointerItem(loan) })));
}

/** The ids of a district's loans listed under one of `dates` (one Query per date). */
export async function loanIdsDueOn(districtId: string, dates: string[]): Promise<string[]> {
  const pages = await Promise.all(
    [...new Set(dates)].map((date) =>
      queryEvery({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :date)',
        ExpressionAttributeValues: { ':pk': `LOANDUE#${districtId}`, ':date': `${date}#` },
        ProjectionExpression: 'loanId',
      }),
    ),
  );
  return pages.flat().map((i) => String(i.loanId));
}

/**
 * A district's loans due on one of `dates` and still out with a balance (a closed loan's pointer,
 * kept until after its last possible notice, is read and skipped: the loan decides).
 */
export async function loansDueOn(districtId: string, dates: string[]): Promise<{ loans: Loan[]; read: number }> {
  const ids = await loanIdsDueOn(districtId, dates);
  const found = await batchGetItems<Loan>(ids.map((id) => keys.loan(id)));
  const loans = ids.map((id) => found.get(keyString(keys.loan(id)))).filter((l): l is Loan => !!l && dates.includes(reminderDueOn(l) ?? ''));
  return { loans, read: found.size };
}

/** The ids of every district office: one Query of the office directory's partition, keys and level only. */
export async function districtIds(): Promise<string[]> {
  const items = await queryEvery({
    KeyConditionExpression: 'pk = :pk',
    FilterExpression: '#level = :district',
    ProjectionExpression: 'sk, #level',
    ExpressionAttributeNames: { '#level': 'level' },
    ExpressionAttributeValues: { ':pk': 'OFFICES', ':district': 'district' },
  });
  return items.map((i) => String(i.sk));
}
