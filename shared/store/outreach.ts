/**
 * Items of 三治 and the donor report (docs/data-model.md, "Beyond the loan"):
 * - a mother's consents: `CONSENTS#{districtId}` / `{kind}#{loanId}` (one GetItem per woman; the
 *   stories of a district are a Query on `publicity#`);
 * - a health-check campaign, counts only: `HEALTHCHECKS#{districtId}` / `{heldOn}#{id}` (the list);
 *   its per-person findings: `HEALTHCHECK#{id}` / `FINDINGS` (read by the district office only);
 * - a training session: `TRAINING#{districtId}` / `{heldOn}#{id}`;
 * - a donor report snapshot: `PUBLICREPORT#{id}` / `REPORT`, listed by `PUBLICREPORTS` / `{publishedAt}#{id}`;
 * - first-seen markers of the distinct counts: `AGG#district#{districtId}` / `SEEN#checked#{person}` and `SEEN#trained#{mother}`.
 */
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, recordsTable } from './client.ts';
import { guardUnavailable } from './errors.ts';
import { getRecord, queryEvery, strip } from './records.ts';

type Key = { pk: string; sk: string };
type Item = Record<string, unknown>;

export const outreachKeys = {
  consent: (districtId: string, kind: 'health' | 'publicity', loanId: string) => ({ pk: `CONSENTS#${districtId}`, sk: `${kind}#${loanId}` }),
  healthCheck: (districtId: string, heldOn: string, id: string) => ({ pk: `HEALTHCHECKS#${districtId}`, sk: `${heldOn}#${id}` }),
  findings: (id: string) => ({ pk: `HEALTHCHECK#${id}`, sk: 'FINDINGS' }),
  training: (districtId: string, heldOn: string, id: string) => ({ pk: `TRAINING#${districtId}`, sk: `${heldOn}#${id}` }),
  publicReport: (id: string) => ({ pk: `PUBLICREPORT#${id}`, sk: 'REPORT' }),
  publicReportListing: (publishedAt: string, id: string) => ({ pk: 'PUBLICREPORTS', sk: `${publishedAt}#${id}` }),
};

export async function batchGet<T>(keyList: Key[]): Promise<(T | undefined)[]> {
  const found = new Map<string, Item>();
  const unique = [...new Map(keyList.map((k) => [`${k.pk}|${k.sk}`, k])).values()];
  for (let i = 0; i < unique.length; i += 100) {
    let pending: Key[] = unique.slice(i, i + 100);
    while (pending.length) {
      const out = await guardUnavailable(() => documentClient().send(new BatchGetCommand({ RequestItems: { [recordsTable()]: { Keys: pending, ConsistentRead: true } } })));
      for (const item of out.Responses?.[recordsTable()] ?? []) found.set(`${item.pk}|${item.sk}`, item);
      pending = (out.UnprocessedKeys?.[recordsTable()]?.Keys as Key[] | undefined) ?? [];
    }
  }
  return keyList.map((k) => {
    const item = found.get(`${k.pk}|${k.sk}`);
    return item ? strip<T>(item) : undefined;
  });
}

/** Items of one partition whose sort key lies between `from` and `to` (a year: `2026` … `2026~`), oldest first. */
export async function queryBetween<T>(pk: string, from = '0', to = '~'): Promise<T[]> {
  const items = await queryEvery({ KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to', ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': to }, ConsistentRead: true });
  return items.map((i) => strip<T>(i));
}

export const queryPrefix = <T>(pk: string, prefix: string) => queryBetween<T>(pk, prefix, `${prefix}~`);

export { getRecord };

/** Counts a person once per group on the first date she was seen there (one marker item per district and person). */
export { stageFirstSeen } from './aggregates.ts';
