/** Offices: one small partition, sorted by dotted id, so a subtree is one Query. */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Office } from '../domain/offices.ts';
import { isWithin } from '../domain/offices.ts';
import { documentClient, recordsTable } from './client.ts';
import { guardUnavailable } from './errors.ts';
import { keys } from './keys.ts';
import { getRecord, strip } from './records.ts';
import type { Transaction } from './transaction.ts';
import { Conflict } from '../domain/errors.ts';

export const getOffice = (id: string) => getRecord<Office>(keys.office(id));

/** The office and everything below it; every office when `rootId` is undefined. */
export async function officeSubtree(rootId: string | undefined): Promise<Office[]> {
  const offices: Office[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await guardUnavailable(() =>
      documentClient().send(
        new QueryCommand({
          TableName: recordsTable(),
          KeyConditionExpression: rootId === undefined ? 'pk = :pk' : 'pk = :pk AND begins_with(sk, :root)',
          ExpressionAttributeValues: rootId === undefined ? { ':pk': 'OFFICES' } : { ':pk': 'OFFICES', ':root': rootId },
          ExclusiveStartKey,
        }),
      ),
    );
    offices.push(...(page.Items ?? []).map((i) => strip<Office>(i)).filter((o) => rootId === undefined || isWithin(o.id, rootId)));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return offices;
}

export function stageNewOffice(tx: Transaction, office: Office): void {
  tx.create({ ...keys.office(office.id), type: 'OFFICE', ...office }, () => new Conflict(`office ${office.id} already exists`, 'exists'));
}
