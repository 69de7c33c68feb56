/**
 * Aggregates: per report group (district, township, round, year of disbursement) one item
 * per day and one per month holding counter deltas (`AGG#{group}` / `D#{date}` and
 * `M#{yyyy-mm}`). Writes ADD to both in the transaction that moves the money; a report
 * reads the months and the last ~7 months of days, whatever the number of loans.
 */
import { addDays } from '../domain/dates.ts';
import { mergeDeltas, type Delta, type Metric, type Sums } from '../domain/aggregates.ts';
import { ConcurrentChange } from '../domain/errors.ts';
import { getRecord, queryEvery } from './records.ts';
import type { Transaction } from './transaction.ts';

export const aggregateKey = (group: string) => `AGG#${group}`;

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

  /** Adds the deltas to the day and month items of every group. */
  stage(tx: Transaction): void {
    for (const [group, deltas] of this.byGroup) {
      const days = mergeDeltas(deltas);
      const months = mergeDeltas(days.map((d) => ({ date: d.date.slice(0, 7), metrics: d.metrics })));
      for (const { date, metrics } of days) tx.update({ pk: aggregateKey(group), sk: `D#${date}` }, addExpression(metrics));
      for (const { date, metrics } of months) tx.update({ pk: aggregateKey(group), sk: `M#${date}` }, addExpression(metrics));
    }
  }
}

function addExpression(metrics: Partial<Record<Metric, number>>) {
  const entries = Object.entries(metrics) as [Metric, number][];
  return {
    expression: `ADD ${entries.map(([k]) => `#${k} :${k}`).join(', ')}`,
    names: Object.fromEntries(entries.map(([k]) => [`#${k}`, k])),
    values: Object.fromEntries(entries.map(([k, v]) => [`:${k}`, v])),
  };
}

type Row = Record<string, unknown> & { sk: string };

function queryRange(pk: string, from: string, to: string): Promise<Row[]> {
  return queryEvery({ KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to', ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': to } }) as Promise<Row[]>;
}

/** How far back a report looks at single days: the oldest ageing cutoff (181 days). */
export const DAY_WINDOW = 190;

/**
 * Reads one group's sums for any cutoff between `asOf − DAY_WINDOW` and `asOf`: whole
 * months before the cutoff's month plus the days of that month up to the cutoff.
 */
export async function readSums(group: string, asOf: string): Promise<Sums> {
  const pk = aggregateKey(group);
  const windowStart = `${addDays(asOf, -DAY_WINDOW).slice(0, 7)}-01`;
  const [months, days] = await Promise.all([queryRange(pk, 'M#', `M#${asOf.slice(0, 7)}`), queryRange(pk, `D#${windowStart}`, `D#${asOf}`)]);
  return (metric, cutoff) => {
    const month = cutoff.slice(0, 7);
    let sum = 0;
    for (const row of months) if (row.sk.slice(2) < month) sum += Number(row[metric] ?? 0);
    for (const row of days) {
      const date = row.sk.slice(2);
      if (date.slice(0, 7) === month && date <= cutoff) sum += Number(row[metric] ?? 0);
    }
    return sum;
  };
}

/**
 * Distinct counts (mothers helped, household members reached, villages covered) count each
 * mother and village once per group, on the date of her first disbursement in that group.
 * A marker item per group remembers that date; an earlier disbursement entered later moves
 * the count to the earlier date, so live figures equal a recomputation by date.
 */
export async function stageFirsts(tx: Transaction, changes: AggregateChanges, groups: string[], subject: { motherKey: string; villageId: string; householdSize: number; date: string }): Promise<void> {
  const markers = groups.flatMap((group) => [
    { group, sk: `SEEN#mother#${subject.motherKey}`, metrics: { mothers: 1, householdMembers: subject.householdSize } },
    { group, sk: `SEEN#village#${subject.villageId}`, metrics: { villages: 1 } },
  ]);
  const found = await Promise.all(markers.map((m) => getRecord<{ firstOn: string; metrics: Record<string, number> }>({ pk: aggregateKey(m.group), sk: m.sk })));
  markers.forEach((m, i) => {
    const existing = found[i];
    const key = { pk: aggregateKey(m.group), sk: m.sk };
    const lost = () => new ConcurrentChange('a report counter');
    if (!existing) {
      tx.create({ ...key, type: 'SEEN', firstOn: subject.date, metrics: m.metrics }, lost);
      changes.add([m.group], [{ date: subject.date, metrics: m.metrics }]);
    } else if (subject.date < existing.firstOn) {
      tx.update(
        key,
        { expression: 'SET #firstOn = :date, #metrics = :metrics', names: { '#firstOn': 'firstOn', '#metrics': 'metrics' }, values: { ':date': subject.date, ':metrics': m.metrics } },
        { expression: '#firstOn = :old', values: { ':old': existing.firstOn }, onFail: lost },
      );
      const negative = Object.fromEntries(Object.entries(existing.metrics).map(([k, v]) => [k, -v]));
      changes.add(
        [m.group],
        [
          { date: existing.firstOn, metrics: negative },
          { date: subject.date, metrics: m.metrics },
        ],
      );
    }
  });
}
