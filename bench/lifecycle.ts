/**
 * 2. A whole loan lifecycle, application to repaid: DynamoDB items and capacity units
 * written and read per step, beside the fewest item writes the design could need. Write units
 * twice: as DynamoDB Local reports them (`wcu`; it prices a whole transaction as one item) and
 * as AWS would charge them (`awsWcu`, bench/aws-units.ts).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { runAt } from '../shared/clock.ts';
import { dynamoObservers, type DynamoCall } from '../shared/store/client.ts';
import { as, tokenFor } from '../test/support/api.ts';
import { agreementInput, applicationInput, daysAgo, evaluationInput, openRound, today, visitInput } from '../test/support/fixtures.ts';
import { awsWriteUnits } from './aws-units.ts';
import { printTable, round2 } from './stats.ts';

/** What each step must write at least, and why (the design's floor). */
const MINIMUM: Record<string, [number, string]> = {
  submit: [2, 'application (its own submission entry in the history), the mother’s open case (one open loan per mother)'],
  notice: [2, 'application, history'],
  'visit 1': [3, 'visit, application (version: no lost update), history'],
  'visit 2': [3, 'visit, application, history'],
  screening: [2, 'application (result kept), history'],
  approve: [6, 'application, loan, round capital, mother’s case, two histories'],
  'confirmation list': [4, 'list, loan (sent for confirmation), two histories'],
  'committee confirms': [4, 'list, loan (confirmed), two histories'],
  agreement: [2, 'loan, history'],
  disburse: [4, 'loan, round, fund, history'],
  'mid-term evaluation': [3, 'evaluation, loan schedule, history'],
  'repayment 1': [5, 'repayment, loan balance, round, fund, history'],
  'repayment 2 (final)': [6, 'repayment, loan, round, fund, mother’s case, history'],
};

/**
 * Each step is entered on the day written on its paper (`runAt`, as the demo data does), by
 * people already in the staff directory: what is measured is the loan's own writes, not a
 * back-dated exception per step or a directory entry for each user's first request.
 */
export async function lifecycleSection(raw: DynamoDBClient) {
  const roundId = await openRound();
  for (const user of ['township', 'field', 'district', 'district-2', 'committee'] as const) await tokenFor(user);
  const steps: { step: string; on: string; run: () => Promise<unknown> }[] = [];
  let appId = '';
  let loanId = '';
  let listId = '';
  steps.push({ step: 'submit', on: daysAgo(60), run: async () => (appId = (await as('township').post('/applications', applicationInput(roundId))).body.id) });
  steps.push({ step: 'notice', on: daysAgo(55), run: () => as('township').post(`/applications/${appId}/notice`, { postedOn: daysAgo(55) }) });
  steps.push({ step: 'visit 1', on: daysAgo(45), run: () => as('field').post(`/applications/${appId}/visits`, visitInput({ visitedOn: daysAgo(45) })) });
  steps.push({ step: 'visit 2', on: daysAgo(35), run: () => as('field').post(`/applications/${appId}/visits`, visitInput({ visitedOn: daysAgo(35) })) });
  steps.push({ step: 'screening', on: daysAgo(35), run: () => as('field').post(`/applications/${appId}/screening`) });
  steps.push({
    step: 'approve',
    on: daysAgo(30),
    run: async () => (loanId = (await as('district-2').post(`/applications/${appId}/decision`, { decision: 'approve', decidedOn: daysAgo(30), amountFen: 1_000_000 })).body.loanId),
  });
  steps.push({ step: 'confirmation list', on: daysAgo(30), run: async () => (listId = (await as('district').post('/confirmation-lists', { sentOn: daysAgo(30), loanIds: [loanId] })).body.id) });
  steps.push({ step: 'committee confirms', on: daysAgo(30), run: () => as('committee').post(`/confirmation-lists/${listId}/decision`, { decidedOn: daysAgo(30) }) });
  steps.push({ step: 'agreement', on: daysAgo(29), run: () => as('district').post(`/loans/${loanId}/agreement`, agreementInput(daysAgo(29))) });
  steps.push({
    step: 'disburse',
    on: daysAgo(28),
    run: () => as('district').post(`/loans/${loanId}/disbursement`, { disbursedOn: daysAgo(28), amountFen: 1_000_000, motherPresent: true, idChecked: true }),
  });
  steps.push({ step: 'mid-term evaluation', on: today(), run: () => as('field').post(`/loans/${loanId}/evaluations`, evaluationInput('midterm')) });
  steps.push({ step: 'repayment 1', on: daysAgo(2), run: () => as('township').post(`/loans/${loanId}/repayments`, { paidOn: daysAgo(2), amountFen: 400_000, receiptNo: `L1-${loanId}` }) });
  steps.push({ step: 'repayment 2 (final)', on: daysAgo(1), run: () => as('township').post(`/loans/${loanId}/repayments`, { paidOn: daysAgo(1), amountFen: 600_000, receiptNo: `L2-${loanId}` }) });

  const rows = [];
  let n = 0;
  const aws = await awsWriteUnits(raw);
  for (const s of steps) {
    const calls: DynamoCall[] = [];
    const observe = (c: DynamoCall) => calls.push(c);
    dynamoObservers.push(observe);
    aws.reset();
    await runAt(new Date(Date.parse(`${s.on}T03:00:00Z`) + ++n * 1000), s.run);
    dynamoObservers.splice(dynamoObservers.indexOf(observe), 1);
    // transactions priced as AWS charges them; other writes as DynamoDB Local reports them (right for one item)
    const awsWcu = aws.total() + calls.filter((c) => c.command !== 'TransactWriteItemsCommand').reduce((x, c) => x + c.writeUnits, 0);
    const writes = calls.filter((c) => c.command === 'TransactWriteItemsCommand').reduce((n, c) => n + ((c.input.TransactItems as unknown[])?.length ?? 0), 0);
    const [min, why] = MINIMUM[s.step]!;
    rows.push({
      step: s.step,
      itemsWritten: writes,
      minimum: min,
      extra: writes - min,
      wcu: round2(calls.reduce((x, c) => x + c.writeUnits, 0)),
      awsWcu: round2(awsWcu),
      rcu: round2(calls.reduce((x, c) => x + c.readUnits, 0)),
      reads: calls.filter((c) => c.command !== 'TransactWriteItemsCommand').length,
      minimumIs: why,
    });
  }
  aws.stop();
  const total = rows.reduce((t, r) => ({ items: t.items + r.itemsWritten, min: t.min + r.minimum, wcu: t.wcu + r.wcu, awsWcu: t.awsWcu + r.awsWcu, rcu: t.rcu + r.rcu }), {
    items: 0,
    min: 0,
    wcu: 0,
    awsWcu: 0,
    rcu: 0,
  });
  rows.push({
    step: 'TOTAL',
    itemsWritten: total.items,
    minimum: total.min,
    extra: total.items - total.min,
    wcu: round2(total.wcu),
    awsWcu: round2(total.awsWcu),
    rcu: round2(total.rcu),
    reads: rows.reduce((n, r) => n + r.reads, 0),
    minimumIs:
      'extra = report aggregates (a day and a month item per district and date), the idempotency records of the steps whose path names no application or loan they replace (the others keep the answer on its history event), first-seen markers, hand-off counters',
  });
  printTable('2. One loan, application to repaid: items written per step vs the minimum', rows);
  return rows;
}
