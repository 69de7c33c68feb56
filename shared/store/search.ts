/**
 * Finding a mother's applications and loans: by her resident ID number through the one-way
 * key of the byMother index, or by the start of her name through byName (one partition per
 * district). Both are Queries on an index; neither reads beyond the partitions asked for. The
 * indexes carry keys, type and village only: the records found are then read by key (BatchGetItem).
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Application, Loan } from '../domain/entities.ts';
import { documentClient, recordsTable } from './client.ts';
import { guardUnavailable } from './errors.ts';
import { recordsListed } from './index-records.ts';
import { INDEX, motherKey, searchName } from './keys.ts';
import { strip } from './records.ts';

export type Found = ({ type: 'APP' } & Application) | ({ type: 'LOAN' } & Loan);

function found(items: Record<string, unknown>[] | undefined): Found[] {
  return (items ?? []).filter((i) => i.type === 'APP' || i.type === 'LOAN').map((i) => ({ type: i.type, ...strip<Application | Loan>(i) }) as Found);
}

/**
 * The applications and loans of the mother with this resident ID number whose village lies
 * in `officeId`'s subtree, oldest first. The office is a filter of the Query itself, so the
 * database reads the same items and answers the same (nothing) for a mother known only
 * elsewhere as for a number nobody has: the work does not tell them apart.
 */
export async function recordsOfMother(residentId: string, officeId: string): Promise<Found[]> {
  const page = await guardUnavailable(() =>
    documentClient().send(
      new QueryCommand({
        TableName: recordsTable(),
        IndexName: INDEX.byMother,
        KeyConditionExpression: 'motherPk = :m',
        FilterExpression: 'villageId = :office OR begins_with(villageId, :below)',
        ExpressionAttributeValues: { ':m': motherKey(residentId), ':office': officeId, ':below': `${officeId}.` },
        Limit: 100,
      }),
    ),
  );
  return found(await recordsListed(page.Items));
}

/**
 * Applications and loans in one district whose mother's name starts with `prefix`, in name
 * order; `officePrefix` (a township's `{id}.`) keeps only that part of the district.
 */
export async function recordsByName(districtId: string, prefix: string, limit: number, officePrefix?: string): Promise<Found[]> {
  const results: Found[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  // a township's filter applies after each page's limit: read on until enough are found or the prefix is exhausted
  do {
    const page = await guardUnavailable(() =>
      documentClient().send(
        new QueryCommand({
          TableName: recordsTable(),
          IndexName: INDEX.byName,
          KeyConditionExpression: 'namePk = :d AND begins_with(nameSk, :prefix)',
          ...(officePrefix ? { FilterExpression: 'begins_with(villageId, :office)' } : {}),
          ExpressionAttributeValues: { ':d': `NAME#${districtId}`, ':prefix': searchName(prefix), ...(officePrefix ? { ':office': officePrefix } : {}) },
          Limit: limit,
          ExclusiveStartKey,
        }),
      ),
    );
    results.push(...found(await recordsListed(page.Items)));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey && results.length < limit);
  return results.slice(0, limit);
}
