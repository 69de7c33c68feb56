/**
 * Items of the retention job (PIPL art. 19, 47; docs/data-model.md "Retention"):
 * - a closed loan waiting for its retention period: `RETENTION` / `{closedOn}#{loanId}`, written
 *   (SET, so writing it twice is one item) in the transaction that repays or writes off the
 *   loan, or by `scripts/backfill-retention.ts` for loans closed before it existed. The job
 *   reads the entries up to its cut-off date (one Query) and deletes each once handled, so
 *   the partition holds only the work still to do;
 * - a run of the job: `RETENTIONRUNS` / `{at}` with its counts (the audit of the job itself).
 */
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Loan } from '../domain/entities.ts';
import { ConcurrentChange } from '../domain/errors.ts';
import { documentClient, recordsTable } from './client.ts';
import { guardUnavailable } from './errors.ts';
import { queryEvery } from './records.ts';
import type { Transaction } from './transaction.ts';

type Item = Record<string, unknown>;

export const retentionKeys = {
  closed: (closedOn: string, loanId: string) => ({ pk: 'RETENTION', sk: `${closedOn}#${loanId}` }),
  run: (at: string) => ({ pk: 'RETENTIONRUNS', sk: at }),
};

/** The date a loan closed (repaid in full or written off), else undefined. */
export function closedOnOf(loan: Pick<Loan, 'status' | 'repaidOn' | 'writeOff'>): string | undefined {
  if (loan.status === 'repaid') return loan.repaidOn;
  if (loan.status === 'written_off') return loan.writeOff?.writtenOffOn;
  return undefined;
}

export interface ClosureEntry {
  loanId: string;
  closedOn: string;
  districtId: string;
  /** written before the first change, so a run that stopped half-way resumes with the same mother and words */
  plan?: AnonymisationPlan;
}

/** Whose records the job is anonymising: her mother key, her records' partitions and the words to remove (deleted with the entry). */
export interface AnonymisationPlan {
  motherPk: string;
  recordPks: string[];
  secrets: string[];
}

/** In the transaction that closes a loan: its retention entry (nothing for an open or already anonymised loan). */
export function stageClosureOf(tx: Transaction, loan: Loan): void {
  const closedOn = closedOnOf(loan);
  if (!closedOn || loan.anonymisedOn) return;
  tx.update(retentionKeys.closed(closedOn, loan.id), {
    expression: 'SET #type = :type, #loanId = :loanId, #closedOn = :closedOn, #districtId = :districtId',
    names: { '#type': 'type', '#loanId': 'loanId', '#closedOn': 'closedOn', '#districtId': 'districtId' },
    values: { ':type': 'RETENTION', ':loanId': loan.id, ':closedOn': closedOn, ':districtId': loan.districtId },
  });
}

/** Writes the entry of a loan closed before entries were kept (the backfill); writing it again changes nothing. */
export async function putClosure(entry: ClosureEntry): Promise<void> {
  await guardUnavailable(() => documentClient().send(new PutCommand({ TableName: recordsTable(), Item: { ...retentionKeys.closed(entry.closedOn, entry.loanId), type: 'RETENTION', ...entry } })));
}

/** Closed loans whose closing day is on or before `lastDay`, oldest first (one Query of the `RETENTION` partition). */
export async function closuresUpTo(lastDay: string): Promise<ClosureEntry[]> {
  const items = await queryEvery({
    KeyConditionExpression: 'pk = :pk AND sk <= :to',
    ExpressionAttributeValues: { ':pk': 'RETENTION', ':to': `${lastDay}~` },
    ConsistentRead: true,
  });
  return items.map((i) => ({ loanId: String(i.loanId), closedOn: String(i.closedOn), districtId: String(i.districtId), ...(i.plan ? { plan: i.plan as AnonymisationPlan } : {}) }));
}

/** Records the plan on the entry before anything is changed. */
export async function planClosure(entry: ClosureEntry, plan: AnonymisationPlan): Promise<void> {
  await guardUnavailable(() =>
    documentClient().send(
      new UpdateCommand({
        TableName: recordsTable(),
        Key: retentionKeys.closed(entry.closedOn, entry.loanId),
        UpdateExpression: 'SET #plan = :plan',
        ExpressionAttributeNames: { '#plan': 'plan' },
        ExpressionAttributeValues: { ':plan': plan },
      }),
    ),
  );
}

/** One item as stored, with its keys (for the job's put-back). */
export async function getItem(key: { pk: string; sk: string }): Promise<Item | undefined> {
  const { Item } = await guardUnavailable(() => documentClient().send(new GetCommand({ TableName: recordsTable(), Key: key, ConsistentRead: true })));
  return Item;
}

/** An entry handled (anonymised, or left for a later closing of the same mother): removed from the work list. */
export async function removeClosure(entry: Pick<ClosureEntry, 'closedOn' | 'loanId'>): Promise<void> {
  await guardUnavailable(() => documentClient().send(new DeleteCommand({ TableName: recordsTable(), Key: retentionKeys.closed(entry.closedOn, entry.loanId) })));
}

/** Puts an item back as given, if its `version` (when it has one) is still the one read; a changed record fails with ConcurrentChange. */
export async function putScrubbed(item: Item, expectedVersion?: number): Promise<void> {
  try {
    await guardUnavailable(() =>
      documentClient().send(
        new PutCommand({
          TableName: recordsTable(),
          Item: item,
          ...(expectedVersion === undefined ? {} : { ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': expectedVersion } }),
        }),
      ),
    );
  } catch (e) {
    if ((e as { name?: string }).name === 'ConditionalCheckFailedException') throw new ConcurrentChange(`${String(item.pk)} ${String(item.sk)}`);
    throw e;
  }
}

/** Removes an item whose key itself holds personal data (a mother's hash key, a message keyed by her phone number). */
export async function deleteItem(key: { pk: string; sk: string }): Promise<void> {
  await guardUnavailable(() => documentClient().send(new DeleteCommand({ TableName: recordsTable(), Key: key })));
}

/** The job's own audit: when it ran, up to which closing day, and what it did. */
export async function putRun(at: string, run: Item): Promise<void> {
  await guardUnavailable(() => documentClient().send(new PutCommand({ TableName: recordsTable(), Item: { ...retentionKeys.run(at), type: 'RETENTIONRUN', at, ...run } })));
}
