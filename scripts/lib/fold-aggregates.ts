/**
 * Folds the report aggregates of the old layout — one partition per group, `AGG#township#{t}`,
 * `AGG#round#{roundId}`, `AGG#year#{districtId}#{yyyy}`, each with its own day, month and
 * first-seen marker items — into the district's items with prefixed counters
 * (shared/domain/aggregate-items.ts). The district group's own items were already where the new
 * layout keeps them and are not touched but to receive the others' counters.
 *
 * Query-only: per district of the office tree, its townships, its rounds (byScope) and its years
 * (from its first round to this year), each group's old partition. Each old item is moved in one
 * transaction: its counters ADDed to the district's item of the same sort key, the old item deleted
 * on condition that it still exists, so a run that stops half-way (or a second run) moves nothing
 * twice. A first-seen marker that a live write already recreated in the new layout (the subject was
 * counted again after the deployment, before this run) keeps the earlier date, and the later count
 * is taken back out of that date's day and month items.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { addExpression, aggregatePk, prefixed, seenIn, slotOf, type Counters } from '../../shared/domain/aggregate-items.ts';
import { roundGroup } from '../../shared/domain/aggregates.ts';
import { todayInChina } from '../../shared/domain/dates.ts';
import { documentClient, recordsTable } from '../../shared/store/client.ts';
import { officeSubtree } from '../../shared/store/offices.ts';
import { getRecord, queryEvery } from '../../shared/store/records.ts';
import { allRounds } from '../../shared/store/rounds.ts';

type Item = Record<string, unknown> & { pk: string; sk: string };
type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface FoldCounts {
  /** old partitions with items */
  groups: number;
  /** day and month items moved */
  counters: number;
  /** first-seen markers moved */
  markers: number;
  /** markers a live write had already recreated: the later of the two counts taken back out */
  doubleCounted: number;
}

/** The groups of a district whose counters the old layout kept in their own partitions, with that partition's key. */
async function oldGroupsOf(districtId: string, townshipIds: string[]): Promise<{ group: string; oldPk: string }[]> {
  const rounds = await allRounds([districtId]);
  const firstYear = Math.min(Number(todayInChina().slice(0, 4)), ...rounds.map((r) => Number(r.openedOn.slice(0, 4))));
  const years = Array.from({ length: Number(todayInChina().slice(0, 4)) - firstYear + 1 }, (_, i) => String(firstYear + i));
  return [
    ...townshipIds.map((t) => ({ group: `township#${t}`, oldPk: `AGG#township#${t}` })),
    ...rounds.map((r) => ({ group: roundGroup(districtId, r.id), oldPk: `AGG#round#${r.id}` })),
    ...years.map((y) => ({ group: `year#${districtId}#${y}`, oldPk: `AGG#year#${districtId}#${y}` })),
  ];
}

const numbers = (item: Item): Counters => Object.fromEntries(Object.entries(item).filter(([k, v]) => typeof v === 'number' && k !== 'version')) as Counters;

const deleteOld = (item: Item): TransactItem => ({ Delete: { TableName: recordsTable(), Key: { pk: item.pk, sk: item.sk }, ConditionExpression: 'attribute_exists(pk)' } });

const adding = (pk: string, sk: string, counters: Counters): TransactItem => {
  const { expression, names, values } = addExpression(counters);
  return { Update: { TableName: recordsTable(), Key: { pk, sk }, UpdateExpression: expression, ExpressionAttributeNames: names, ExpressionAttributeValues: values } };
};

/** The writes that move one old marker into the district's marker item, as read now. */
function markerMove(old: Item, pk: string, prefix: string, current: Item | undefined): { items: TransactItem[]; doubleCounted: boolean } {
  const oldSeen = seenIn(old, '')!;
  const now = seenIn(current, prefix);
  const names = { '#f': `${prefix}firstOn`, '#m': `${prefix}metrics`, '#type': 'type' };
  const set = (firstOn: string, metrics: Counters, expected: string | undefined): TransactItem => ({
    Update: {
      TableName: recordsTable(),
      Key: { pk, sk: old.sk },
      UpdateExpression: 'SET #type = :seen, #f = :f, #m = :m',
      ConditionExpression: expected === undefined ? 'attribute_not_exists(#f)' : '#f = :o',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ':seen': 'SEEN', ':f': firstOn, ':m': metrics, ...(expected === undefined ? {} : { ':o': expected }) },
    },
  });
  if (!now) return { items: [set(oldSeen.firstOn, oldSeen.metrics, undefined), deleteOld(old)], doubleCounted: false };
  // counted twice: once by the old marker (its deltas are in the old day items being folded), once by the new one
  const [kept, dropped] = oldSeen.firstOn <= now.firstOn ? [oldSeen, now] : [now, oldSeen];
  const negative = prefixed(prefix, Object.fromEntries(Object.entries(dropped.metrics).map(([k, v]) => [k, -v])));
  return {
    items: [set(kept.firstOn, kept.metrics, now.firstOn), adding(pk, `D#${dropped.firstOn}`, negative), adding(pk, `M#${dropped.firstOn.slice(0, 7)}`, negative), deleteOld(old)],
    doubleCounted: true,
  };
}

async function write(items: TransactItem[]): Promise<boolean> {
  try {
    await documentClient().send(new TransactWriteCommand({ TransactItems: items }));
    return true;
  } catch (error) {
    // the old item is gone (another run moved it) or the marker changed meanwhile: read again
    if (error instanceof TransactionCanceledException) return false;
    throw error;
  }
}

/** Moves one old item (re-reading on a lost race, at most a few times). */
async function moveItem(old: Item, group: string, counts: FoldCounts, dryRun: boolean): Promise<void> {
  const { districtId, prefix } = slotOf(group);
  const pk = aggregatePk(districtId);
  for (let attempt = 1; attempt <= 4; attempt++) {
    if (old.sk.startsWith('SEEN#')) {
      const move = markerMove(old, pk, prefix, await getRecord<Item>({ pk, sk: old.sk }));
      if (dryRun || (await write(move.items))) {
        counts.markers++;
        if (move.doubleCounted) counts.doubleCounted++;
        return;
      }
    } else {
      const counters = prefixed(prefix, numbers(old));
      if (dryRun || (await write([...(Object.keys(counters).length ? [adding(pk, old.sk, counters)] : []), deleteOld(old)]))) {
        counts.counters++;
        return;
      }
    }
    if (!(await getRecord({ pk: old.pk, sk: old.sk }))) return;
  }
  throw new Error(`could not move ${old.pk} ${old.sk}: it keeps changing`);
}

/** Folds every old group partition of every district (of `districtIds` when given). `dryRun` counts without writing. */
export async function foldAggregates(opts: { dryRun: boolean; districtIds?: string[] }): Promise<FoldCounts> {
  const counts: FoldCounts = { groups: 0, counters: 0, markers: 0, doubleCounted: 0 };
  const offices = await officeSubtree(undefined);
  const districts = opts.districtIds ?? offices.filter((o) => o.level === 'district').map((o) => o.id);
  for (const districtId of districts) {
    const townships = offices.filter((o) => o.level === 'township' && o.id.startsWith(`${districtId}.`)).map((o) => o.id);
    for (const { group, oldPk } of await oldGroupsOf(districtId, townships)) {
      const items = (await queryEvery({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': oldPk }, ConsistentRead: true })) as Item[];
      if (!items.length) continue;
      counts.groups++;
      for (const old of items) await moveItem(old, group, counts, opts.dryRun);
    }
  }
  return counts;
}
