/**
 * 3. Reports at scale: the committee's repayment-rate report at 1,000, 10,000 and 100,000
 * loans (seeded with batch writes, aggregates computed by the same delta functions the live
 * transactions use), beside a naive computation that reads every loan and repayment.
 * Target: latency flat (100k within 1.3× of 1k). Also checks both give the same figures.
 */
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { randomInt } from 'node:crypto';
import { ulid } from 'ulid';
import { aggregateItems } from '../shared/domain/aggregate-items.ts';
import { addDays, addMonths, todayInChina } from '../shared/domain/dates.ts';
import type { Loan, Repayment } from '../shared/domain/entities.ts';
import { residentIdCheckChar } from '../shared/domain/resident-id.ts';
import { documentClient, dynamoObservers, recordsTable, type DynamoCall } from '../shared/store/client.ts';
import { INDEX, scopeKeys } from '../shared/store/keys.ts';
import { loanDeltas } from '../scripts/reconcile-lib.ts';
import { as, api, tokenFor } from '../test/support/api.ts';
import { percentile, printTable, round1, round2 } from './stats.ts';

type Item = Record<string, unknown>;

async function batchWrite(items: Item[]): Promise<void> {
  const chunks: Item[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < chunks.length) {
        let requests = chunks[next++]!.map((Item) => ({ PutRequest: { Item } }));
        while (requests.length) {
          const out = await documentClient().send(new BatchWriteCommand({ RequestItems: { [recordsTable()]: requests } }));
          requests = (out.UnprocessedItems?.[recordsTable()] ?? []) as typeof requests;
        }
      }
    }),
  );
}

function residentId(i: number): string {
  const first17 = `540102${1970 + (i % 25)}0101${String(i % 1000).padStart(3, '0')}`.slice(0, 17);
  return first17 + residentIdCheckChar(first17);
}

/** n synthetic loans over five years: 70% repaid, 20% part-repaid, 10% nothing back. */
function synthetic(n: number, districtId: string, roundId: string): { loans: Loan[]; repayments: Repayment[] } {
  const today = todayInChina();
  const loans: Loan[] = [];
  const repayments: Repayment[] = [];
  for (let i = 0; i < n; i++) {
    const disbursedOn = addDays(today, -randomInt(5 * 365));
    const dueOn = addMonths(disbursedOn, 24);
    const principalFen = (5 + randomInt(11)) * 100_000;
    const id = ulid();
    const fate = randomInt(10);
    const paid: Repayment[] = [];
    const pay = (paidOn: string, amountFen: number, after: number) => {
      if (paidOn <= today) paid.push({ id: ulid(), loanId: id, paidOn, amountFen, receiptNo: 'S', balanceAfterFen: after } as Repayment);
    };
    const half = Math.floor(principalFen / 2);
    if (fate < 7) {
      pay(addMonths(disbursedOn, 12), half, principalFen - half);
      pay(addDays(dueOn, randomInt(40) - 20), principalFen - half, 0);
    } else if (fate < 9) pay(addMonths(disbursedOn, 12), half, principalFen - half);
    const repaid = paid.reduce((s, r) => s + r.amountFen, 0);
    const township = `${districtId}.tw`;
    loans.push({
      id,
      applicationId: ulid(),
      roundId,
      districtId,
      townshipId: township,
      villageId: `${township}.v1`,
      mother: { name: '卓玛', residentId: residentId(i) },
      householdSize: 5,
      principalFen,
      repaidFen: repaid,
      balanceFen: principalFen - repaid,
      status: repaid === principalFen ? 'repaid' : 'active',
      termMonths: 24,
      evaluationMonths: [6, 12],
      approvedOn: addDays(disbursedOn, -20),
      dueOn,
      evaluationSchedule: [],
      disbursement: { disbursedOn, amountFen: principalFen, motherPresent: true, idChecked: true, recordedBy: { userId: 'bench', username: 'bench', role: 'district', officeId: districtId } },
      ...(repaid === principalFen ? { repaidOn: paid.at(-1)!.paidOn } : {}),
      createdAt: new Date().toISOString(),
      version: 1,
    } as Loan);
    repayments.push(...paid);
  }
  return { loans, repayments };
}

async function seed(n: number): Promise<string> {
  const districtId = `lhasa.scale${n}-${randomInt(1e6)}`;
  for (const [id, name] of [
    [districtId, `规模${n}`],
    [`${districtId}.tw`, '乡'],
    [`${districtId}.tw.v1`, '村'],
  ])
    await as('committee').post('/offices', { id, name });
  const roundId = ulid();
  const { loans, repayments } = synthetic(n, districtId, roundId);
  const byLoan = new Map<string, Repayment[]>();
  for (const r of repayments) byLoan.set(r.loanId, [...(byLoan.get(r.loanId) ?? []), r]);
  const entries = loans.flatMap((loan) => loanDeltas(loan, byLoan.get(loan.id) ?? [], []).flatMap(({ groups, deltas }) => groups.map((group) => ({ group, deltas }))));
  const items: Item[] = [
    ...aggregateItems(entries).map(({ pk, sk, counters }) => ({ pk, sk, ...counters })),
    ...loans.map((l) => ({ pk: `LOAN#${l.id}`, sk: 'LOAN', type: 'LOAN', ...scopeKeys('LOAN', { id: l.id, status: l.status, districtId, officeId: l.villageId, roundId }), ...l })),
    ...repayments.map((r) => ({ pk: `LOAN#${r.loanId}`, sk: `REPAYMENT#${r.id}`, type: 'REPAYMENT', scopePk: `REPAYMENT#${districtId}`, scopeSk: `held#${districtId}.tw.v1#${r.id}`, ...r })),
  ];
  await batchWrite(items);
  return districtId;
}

async function queryAll(index: string, pk: string, pkName = 'scopePk'): Promise<Item[]> {
  const out: Item[] = [];
  let ExclusiveStartKey: Item | undefined;
  do {
    const page = await documentClient().send(
      new QueryCommand({
        TableName: recordsTable(),
        IndexName: index,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': pkName },
        ExpressionAttributeValues: { ':pk': pk },
        ExclusiveStartKey,
      }),
    );
    out.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return out;
}

/** The naive way: read every loan and repayment of the district and add up. */
async function naive(districtId: string) {
  const today = todayInChina();
  const [loans, repayments] = await Promise.all([queryAll(INDEX.casesByScope, `LOAN#${districtId}`, 'casePk'), queryAll(INDEX.byScope, `REPAYMENT#${districtId}`)]);
  const dueOn = new Map(loans.map((l) => [l.id as string, l.dueOn as string]));
  let fallenDue = 0;
  let repaidOnDue = 0;
  let outstanding = 0;
  let par30 = 0;
  for (const l of loans) {
    const p = l.principalFen as number;
    outstanding += l.balanceFen as number;
    if ((l.dueOn as string) <= today) fallenDue += p;
    if ((l.dueOn as string) <= addDays(today, -31)) par30 += l.balanceFen as number;
  }
  for (const r of repayments) if (dueOn.get(r.loanId as string)! <= today && (r.paidOn as string) <= today) repaidOnDue += r.amountFen as number;
  return { loansRead: loans.length + repayments.length, repaymentRateBp: Math.round((repaidOnDue * 10_000) / fallenDue), par30Fen: par30, outstandingFen: outstanding };
}

export async function reportsSection(quick: boolean) {
  const scales = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
  const token = await tokenFor('committee');
  const rows = [];
  for (const n of scales) {
    const t0 = performance.now();
    const districtId = await seed(n);
    const seedMs = performance.now() - t0;
    const times: number[] = [];
    let calls: DynamoCall[] = [];
    let figures: Record<string, unknown> = {};
    for (let i = 0; i < 15; i++) {
      const observed: DynamoCall[] = [];
      const observe = (c: DynamoCall) => observed.push(c);
      dynamoObservers.push(observe);
      const started = performance.now();
      const res = await api.handle({ method: 'GET', path: '/reports/repayment', query: { districtId, groupBy: 'district' }, headers: { authorization: `Bearer ${token}` } });
      times.push(performance.now() - started);
      dynamoObservers.splice(dynamoObservers.indexOf(observe), 1);
      calls = observed;
      figures = JSON.parse(res.body).rows[0];
    }
    const naiveTimes: number[] = [];
    let naiveFigures = await naive(districtId);
    for (let i = 0; i < (n >= 100_000 ? 1 : 3); i++) {
      const started = performance.now();
      naiveFigures = await naive(districtId);
      naiveTimes.push(performance.now() - started);
    }
    const agree = figures.repaymentRateBp === naiveFigures.repaymentRateBp && figures.par30Fen === naiveFigures.par30Fen && figures.outstandingFen === naiveFigures.outstandingFen;
    rows.push({
      loans: n,
      seedSeconds: round1(seedMs / 1000),
      reportP50ms: round1(percentile(times, 50)),
      reportP99ms: round1(percentile(times, 99)),
      reportRcu: round2(calls.reduce((s, c) => s + c.readUnits, 0)),
      naiveMs: round1(percentile(naiveTimes, 50)),
      naiveItemsRead: naiveFigures.loansRead,
      speedUp: round1(percentile(naiveTimes, 50) / percentile(times, 50)),
      sameFigures: agree,
    });
  }
  const first = rows[0]!.reportP50ms;
  for (const r of rows) Object.assign(r, { vs1k: round2(r.reportP50ms / first) });
  printTable('3. Committee repayment-rate report at scale (one district; aggregates vs reading every loan)', rows);
  return rows;
}
