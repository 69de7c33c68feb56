/**
 * Aggregates: every report group of a district (the district, its townships, rounds and years
 * of disbursement) keeps its counter deltas in the district's items, one per day and one per
 * month (`AGG#district#{districtId}` / `D#{date}` and `M#{yyyy-mm}`), the district's own counters
 * plain and the others' prefixed (shared/domain/aggregate-items.ts). Writes ADD to both in the
 * transaction that moves the money; a report reads the months and the last ~7 months of days of
 * each district it shows, whatever the number of loans.
 */
import { addExpression, aggregateItems, aggregatePk, counterName, firstSeenChanges, markerUpdate, slotOf, type Counters } from '../domain/aggregate-items.ts';
import { addDays, daysInMonth } from '../domain/dates.ts';
import { cutoffsOf, type Delta, type Metric, type Sums } from '../domain/aggregates.ts';
import { ConcurrentChange } from '../domain/errors.ts';
import { getRecord, queryEvery } from './records.ts';
import type { Transaction } from './transaction.ts';

/** The partition of a group's items (its district's). */
export const aggregateKey = (group: string) => aggregatePk(slotOf(group).districtId);

/**
 * The report deltas of one change, collected per group and written once per item at the
 * end (a transaction may touch each item only once).
 */
export class AggregateChanges {
  private readonly byGroup = new Map<string, Delta[]>();

  add(groups: string[], deltas: Delta[]): this {
    for (const group of groups) this.byGroup.set(group, [...(this.byGroup.get(group) ?? []), ...deltas]);
    return this;
  }

  /** Adds the deltas to the day and month items of the groups' districts: one update per item. */
  stage(tx: Transaction): void {
    for (const { pk, sk, counters } of aggregateItems([...this.byGroup].map(([group, deltas]) => ({ group, deltas })))) tx.update({ pk, sk }, addExpression(counters));
  }
}

type Row = Record<string, unknown> & { sk: string };

function queryRange(pk: string, from: string, to: string): Promise<Row[]> {
  return queryEvery({ KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to', ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': to } }) as Promise<Row[]>;
}

/** The days of a cutoff's month that are read for it, and whether they come after it. */
export interface DayRange {
  from: string;
  to: string;
  /** the days after the cutoff, taken from its month's item (else the days up to it, added to the months before) */
  after: boolean;
}

/**
 * The fewer of a cutoff's month's days: those up to the cutoff (then the sum is the months
 * before its month plus them) or those after it (the months up to its own, less them); none
 * when it is the month's last day.
 */
export function dayRangeOf(cutoff: string): DayRange | undefined {
  const month = cutoff.slice(0, 7);
  const day = Number(cutoff.slice(8, 10));
  const last = daysInMonth(Number(cutoff.slice(0, 4)), Number(cutoff.slice(5, 7)));
  if (day === last) return undefined;
  return day <= last - day ? { from: `${month}-01`, to: cutoff, after: false } : { from: addDays(cutoff, 1), to: `${month}-${String(last).padStart(2, '0')}`, after: true };
}

/** Day ranges joined where they meet or overlap, so each day is read once. */
export function joinRanges(ranges: { from: string; to: string }[]): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  for (const r of [...ranges].sort((a, b) => a.from.localeCompare(b.from))) {
    const prev = out.at(-1);
    if (prev && addDays(prev.to, 1) >= r.from) prev.to = [prev.to, r.to].sort()[1]!;
    else out.push({ from: r.from, to: r.to });
  }
  return out;
}

/**
 * Reads the sums of several groups at the cutoffs a report as of `asOf` uses (`cutoffsOf`: the
 * date itself and the ageing thresholds before it): the months up to `asOf`'s month, and per
 * cutoff the fewer of its month's days (`dayRangeOf`). Each district's items are read once,
 * whatever the number of its groups asked for; asking for another cutoff is a programming error.
 */
export async function readSumsOf(groups: string[], asOf: string, cutoffs: string[] = cutoffsOf(asOf)): Promise<Map<string, Sums>> {
  const plans = new Map(cutoffs.map((c) => [c, dayRangeOf(c)] as const));
  const ranges = joinRanges([...plans.values()].filter((r): r is DayRange => r !== undefined));
  const lastMonth = [asOf, ...cutoffs]
    .map((c) => c.slice(0, 7))
    .sort()
    .at(-1)!;
  const pks = [...new Set(groups.map(aggregateKey))];
  const read = new Map(
    await Promise.all(
      pks.map(async (pk) => {
        const [months, ...days] = await Promise.all([queryRange(pk, 'M#', `M#${lastMonth}`), ...ranges.map((r) => queryRange(pk, `D#${r.from}`, `D#${r.to}`))]);
        return [pk, { months: months!, days: days.flat() }] as const;
      }),
    ),
  );
  return new Map(
    groups.map((group) => {
      const { districtId, prefix } = slotOf(group);
      const { months, days } = read.get(aggregatePk(districtId))!;
      const sums: Sums = (metric: Metric, cutoff: string) => {
        if (!plans.has(cutoff)) throw new Error(`report sums read for ${[...plans.keys()].join(', ')}, asked for ${cutoff}`);
        const range = plans.get(cutoff);
        const name = counterName(prefix, metric);
        const month = cutoff.slice(0, 7);
        let sum = 0;
        for (const row of months) {
          const m = row.sk.slice(2);
          if (m < month || (m === month && (range === undefined || range.after))) sum += Number(row[name] ?? 0);
        }
        if (range) {
          for (const row of days) {
            const date = row.sk.slice(2);
            if (date >= range.from && date <= range.to) sum += (range.after ? -1 : 1) * Number(row[name] ?? 0);
          }
        }
        return sum;
      };
      return [group, sums];
    }),
  );
}

/** One group's sums (see `readSumsOf`). */
export async function readSums(group: string, asOf: string): Promise<Sums> {
  return (await readSumsOf([group], asOf)).get(group)!;
}

/**
 * Counts a subject (a mother, a village, a checked woman, a trained mother) once per group on
 * the first date it was seen there. One marker item per district and subject
 * (`AGG#district#{districtId}` / `SEEN#{marker}`) remembers, per group, that date and what was
 * counted; an earlier event entered later moves the count to the earlier date, so live figures
 * equal a recomputation by date. Every group must be of one district.
 */
export async function stageFirstSeen(tx: Transaction, changes: AggregateChanges, groups: string[], marker: string, metrics: Counters, date: string): Promise<void> {
  const pks = new Set(groups.map(aggregateKey));
  if (pks.size !== 1) throw new Error(`first-seen groups of several districts: ${groups.join(', ')}`);
  const key = { pk: [...pks][0]!, sk: `SEEN#${marker}` };
  stageMarker(
    tx,
    changes,
    key,
    await getRecord<Record<string, unknown>>(key),
    groups.map((group) => ({ group, date, metrics })),
  );
}

/** Stages the change of one marker item read as `item` (undefined: none yet) and its report deltas. */
export function stageMarker(
  tx: Transaction,
  changes: AggregateChanges,
  key: { pk: string; sk: string },
  item: Record<string, unknown> | undefined,
  entries: { group: string; date: string; metrics: Counters }[],
): void {
  const { sets, deltas } = firstSeenChanges(item, entries);
  if (!sets.length) return;
  const { update, condition } = markerUpdate(sets);
  tx.update(key, update, { expression: condition, onFail: () => new ConcurrentChange('a report counter') });
  for (const d of deltas) changes.add([d.group], d.deltas);
}

/**
 * Distinct counts (mothers helped, household members reached, villages covered) count each
 * mother and village once per group, on the date of her first disbursement in that group.
 */
export async function stageFirsts(tx: Transaction, changes: AggregateChanges, groups: string[], subject: { motherKey: string; villageId: string; householdSize: number; date: string }): Promise<void> {
  await Promise.all([
    stageFirstSeen(tx, changes, groups, `mother#${subject.motherKey}`, { mothers: 1, householdMembers: subject.householdSize }, subject.date),
    stageFirstSeen(tx, changes, groups, `village#${subject.villageId}`, { villages: 1 }, subject.date),
  ]);
}
