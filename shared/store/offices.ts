/** Offices: one small partition, sorted by dotted id, so a subtree is one Query. */
import type { Office } from '../domain/offices.ts';
import { isWithin } from '../domain/offices.ts';
import { keys } from './keys.ts';
import { getRecord, queryEvery, strip } from './records.ts';
import type { Transaction } from './transaction.ts';
import { Conflict } from '../domain/errors.ts';

export const getOffice = (id: string) => getRecord<Office>(keys.office(id));

/** The office and everything below it; every office when `rootId` is undefined. */
export async function officeSubtree(rootId: string | undefined): Promise<Office[]> {
  const items = await queryEvery(
    rootId === undefined
      ? { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'OFFICES' } }
      : { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :root)', ExpressionAttributeValues: { ':pk': 'OFFICES', ':root': rootId } },
  );
  return items.map((i) => strip<Office>(i)).filter((o) => rootId === undefined || isWithin(o.id, rootId));
}

export function stageNewOffice(tx: Transaction, office: Office): void {
  tx.create({ ...keys.office(office.id), type: 'OFFICE', ...office }, () => new Conflict(`office ${office.id} already exists`, 'exists'));
}
