/**
 * Recomputes every report aggregate, round counter and fund counter from the raw records
 * (loans, repayments, write-offs, final evaluations) and lists every difference from what
 * the live transactions kept. An offline audit: it scans the table, which no request does.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { groupOfAttribute } from '../shared/domain/aggregate-items.ts';
import { approvalDeltas, disbursementDeltas, finalEvaluationDeltas, groupsOf, mergeDeltas, removalDeltas, yearGroupOf, type Delta } from '../shared/domain/aggregates.ts';
import type { Evaluation, Loan, Repayment, Round } from '../shared/domain/entities.ts';
import { documentClient, recordsTable } from '../shared/store/client.ts';
import { motherKey } from '../shared/store/keys.ts';
import { factsOf } from '../shared/usecases/loan-facts.ts';

type Item = Record<string, unknown> & { pk: string; sk: string; type?: string };

export interface Difference {
  item: string;
  field: string;
  expected: number;
  actual: number;
}

export interface ReconcileOptions {
  /** only groups and counters of these rounds (for a check while other work goes on) */
  roundIds?: string[];
}

async function scanAll(): Promise<Item[]> {
  const items: Item[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(new ScanCommand({ TableName: recordsTable(), ExclusiveStartKey, ConsistentRead: true }));
    items.push(...((page.Items ?? []) as Item[]));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

function add(target: Map<string, Record<string, number>>, key: string, metrics: Record<string, number>) {
  const row = target.get(key) ?? {};
  for (const [k, v] of Object.entries(metrics)) row[k] = (row[k] ?? 0) + v;
  target.set(key, row);
}

/** The aggregate deltas of one loan, from its raw records, per group. */
export function loanDeltas(loan: Loan, repayments: Repayment[], evaluations: Evaluation[]): { groups: string[]; deltas: Delta[] }[] {
  const facts = factsOf(loan);
  const out = [{ groups: groupsOf({ ...facts, disbursedOn: undefined }), deltas: approvalDeltas(facts) }];
  if (!loan.disbursement || !loan.dueOn) return out;
  const groups = groupsOf(facts);
  out.push({ groups: [yearGroupOf(facts)!], deltas: approvalDeltas(facts) });
  const deltas: Delta[] = [...disbursementDeltas({ ...facts, disbursedOn: loan.disbursement.disbursedOn, dueOn: loan.dueOn })];
  for (const r of repayments) deltas.push(...removalDeltas({ dueOn: loan.dueOn }, r.amountFen, r.paidOn, 'repayment', r.balanceAfterFen === 0));
  if (loan.writeOff) deltas.push(...removalDeltas({ dueOn: loan.dueOn }, loan.writeOff.amountFen, loan.writeOff.writtenOffOn, 'write_off', true));
  for (const e of evaluations.filter((x) => x.kind === 'final')) deltas.push(...finalEvaluationDeltas(e.evaluatedOn, e.incomeToDateFen, e.leftPoverty ?? false));
  out.push({ groups, deltas });
  return out;
}

export async function reconcile(options: ReconcileOptions = {}): Promise<{ differences: Difference[]; loans: number; aggregateItems: number }> {
  const items = await scanAll();
  const only = options.roundIds ? new Set(options.roundIds) : undefined;
  const loans = items
    .filter((i) => i.type === 'LOAN' && i.sk === 'LOAN')
    .map((i) => i as unknown as Loan & Item)
    .filter((l) => !only || only.has(l.roundId));
  const children = new Map<string, Item[]>();
  for (const i of items) if (i.pk.startsWith('LOAN#') && i.sk !== 'LOAN') children.set(i.pk, [...(children.get(i.pk) ?? []), i]);

  const expectedDays = new Map<string, Record<string, number>>();
  const firsts = new Map<string, { date: string; metrics: Record<string, number> }>();
  const rounds = new Map<string, Record<string, number>>();
  const funds = new Map<string, Record<string, number>>();
  for (const loan of loans) {
    const kids = children.get(`LOAN#${loan.id}`) ?? [];
    const repayments = kids.filter((k) => k.sk.startsWith('REPAYMENT#')) as unknown as Repayment[];
    const evaluations = kids.filter((k) => k.sk.startsWith('EVALUATION#')) as unknown as Evaluation[];
    for (const { groups, deltas } of loanDeltas(loan, repayments, evaluations)) {
      for (const g of groups) for (const d of mergeDeltas(deltas)) add(expectedDays, `${g}|${d.date}`, d.metrics as Record<string, number>);
    }
    if (loan.disbursement) {
      for (const g of groupsOf(factsOf(loan))) {
        for (const [sk, metrics] of [
          [`SEEN#mother#${motherKey(loan.mother.residentId)}`, { mothers: 1, householdMembers: loan.householdSize }],
          [`SEEN#village#${loan.villageId}`, { villages: 1 }],
        ] as const) {
          const key = `${g}|${sk}`;
          const seen = firsts.get(key);
          if (!seen || loan.disbursement.disbursedOn < seen.date) firsts.set(key, { date: loan.disbursement.disbursedOn, metrics });
        }
      }
    }
    const repaid = repayments.reduce((s, r) => s + r.amountFen, 0);
    const closed = loan.status === 'repaid' || loan.status === 'written_off' ? 1 : 0;
    add(rounds, loan.roundId, {
      committedFen: loan.principalFen,
      loanCount: 1,
      disbursedFen: loan.disbursement ? loan.principalFen : 0,
      repaidFen: repaid,
      writtenOffFen: loan.writeOff?.amountFen ?? 0,
      closedLoans: closed,
    });
    add(funds, loan.districtId, { disbursedFen: loan.disbursement ? loan.principalFen : 0, recoveredFen: repaid, writtenOffFen: loan.writeOff?.amountFen ?? 0 });
    if (repaid + (loan.writeOff?.amountFen ?? 0) + loan.balanceFen !== loan.principalFen) add(rounds, `${loan.roundId}|ledger`, { [`loan ${loan.id} ledger≠balance`]: 1 });
  }
  for (const [key, first] of firsts) {
    const group = key.split('|')[0]!;
    add(expectedDays, `${group}|${first.date}`, first.metrics);
  }

  const differences: Difference[] = [];
  const compare = (item: string, expected: Record<string, number>, actual: Record<string, unknown>) => {
    for (const field of new Set([...Object.keys(expected), ...Object.keys(actual).filter((k) => typeof actual[k] === 'number' && expected[k] !== undefined)])) {
      const e = expected[field] ?? 0;
      const a = Number(actual[field] ?? 0);
      if (e !== a) differences.push({ item, field, expected: e, actual: a });
    }
  };

  // every group's counters are attributes of its district's day and month items: read back per group
  const inScope = (group: string) => !only || [...only].some((r) => group.startsWith('round#') && group.endsWith(`#${r}`));
  const perGroup = (kind: 'D#' | 'M#') => {
    const rows = new Map<string, Record<string, number>>();
    const aggregates = items.filter((i) => i.pk.startsWith('AGG#district#') && i.sk.startsWith(kind));
    for (const item of aggregates) {
      const districtId = item.pk.slice('AGG#district#'.length);
      for (const [attribute, value] of Object.entries(item)) {
        if (typeof value !== 'number') continue;
        const { group, counter } = groupOfAttribute(districtId, attribute);
        if (inScope(group)) add(rows, `${group}|${item.sk.slice(2)}`, { [counter]: value });
      }
    }
    return { rows, items: aggregates.length };
  };
  const actualDays = perGroup('D#');
  for (const [key, day] of actualDays.rows) {
    const [group, date] = key.split('|') as [string, string];
    compare(`AGG#${group} D#${date}`, expectedDays.get(key) ?? {}, day);
  }
  for (const [key, metrics] of expectedDays) {
    const [group, date] = key.split('|') as [string, string];
    if (!inScope(group) || actualDays.rows.has(key)) continue;
    if (Object.values(metrics).some((v) => v !== 0)) compare(`AGG#${group} D#${date}`, metrics, {});
  }
  // month items equal the sum of their days
  const monthSums = new Map<string, Record<string, number>>();
  for (const [key, day] of actualDays.rows) add(monthSums, key.slice(0, -3), day);
  for (const [key, month] of perGroup('M#').rows) {
    const [group, yearMonth] = key.split('|') as [string, string];
    const sums = monthSums.get(key) ?? {};
    for (const field of new Set([...Object.keys(sums), ...Object.keys(month)])) {
      if ((sums[field] ?? 0) !== (month[field] ?? 0)) differences.push({ item: `AGG#${group} M#${yearMonth}`, field, expected: sums[field] ?? 0, actual: month[field] ?? 0 });
    }
  }

  for (const round of items.filter((i) => i.type === 'ROUND' && (!only || only.has((i as unknown as Round).id))) as unknown as (Round & Item)[]) {
    const expected = rounds.get(round.id) ?? {};
    compare(`round ${round.id}`, { committedFen: 0, loanCount: 0, disbursedFen: 0, repaidFen: 0, writtenOffFen: 0, closedLoans: 0, ...expected }, round);
    if (round.status === 'open') compare(`round ${round.id}`, { uncommittedFen: round.capitalFen - (expected.committedFen ?? 0) }, round);
    const ledger = rounds.get(`${round.id}|ledger`);
    if (ledger) for (const field of Object.keys(ledger)) differences.push({ item: `round ${round.id}`, field, expected: 0, actual: 1 });
  }
  if (!only) for (const fund of items.filter((i) => i.pk.startsWith('FUND#'))) compare(fund.pk, { disbursedFen: 0, recoveredFen: 0, writtenOffFen: 0, ...funds.get(fund.pk.slice(5)) }, fund);

  return { differences, loans: loans.length, aggregateItems: actualDays.items };
}
