/**
 * 4. The national reminder run: the morning's due reminders and overdue notices for the whole
 * programme (350,700 loans), measured on a sample and scaled. Two synthetic districts:
 * - "spread": loans disbursed over two years, so their due dates spread over ~730 days and only
 *   the few due on one of the day's dates (30 and 7 days ahead, 1 and 30 days past) get a message;
 * - "one round": a round paid out at one ceremony, so all its loans fall due the same day, 30 days
 *   from the run: the peak a district meets.
 * 80% of the mothers agreed to messages (half Tibetan, half Chinese). The run selects and queues
 * (`runReminders`, one district at a time as the sender's queue does), then the sender sends every
 * message due through the local provider (`sendDueMessages`), then a second run must queue nothing.
 * Reported: loans read per second by the selection, messages per second sent, the Lambda seconds
 * of a national day scaled from the sample, and the cost per 1,000 loans (messages at the
 * programme's price plus Lambda time at 512 MB). DynamoDB Local on a shared machine: compare
 * ratios, not absolute times; a real provider adds its own round trip to each message.
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { randomInt } from 'node:crypto';
import { ulid } from 'ulid';
import { addDays, addMonths, todayInChina } from '../shared/domain/dates.ts';
import { DEFAULT_SMS_SETTINGS, dueDatesMessagedOn } from '../shared/domain/sms.ts';
import type { Loan } from '../shared/domain/entities.ts';
import { residentIdCheckChar } from '../shared/domain/resident-id.ts';
import { localInboxPhones } from '../shared/sms/local.ts';
import { documentClient, recordsTable } from '../shared/store/client.ts';
import { scopeKeys } from '../shared/store/keys.ts';
import { runReminders, sendDueMessages } from '../shared/usecases/sms.ts';
import { as } from '../test/support/api.ts';
import { printTable, round1, round2 } from './stats.ts';

/** The national programme the run must serve. */
export const NATIONAL_LOANS = 350_700;
/** The sender function's memory (infra/constructs/sms.ts) and its timeout. */
const SENDER_GB = 0.5;
const SENDER_TIMEOUT_S = 300;
/** Assumed price of Lambda time in the AWS China (Ningxia) region, yuan per GB-second (x86; check the price page before budgeting). */
const LAMBDA_YUAN_PER_GB_S = 0.000113477;

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

let serial = 0;
/** n loans of one district out with a balance, each due on `dueOn(i)`; 80% of the mothers opted in, each with her own number. */
function loansOf(n: number, districtId: string, dueOn: (i: number) => string): Item[] {
  const roundId = ulid();
  const village = `${districtId}.tw.v1`;
  const items: Item[] = [];
  for (let i = 0; i < n; i++) {
    const id = ulid();
    const due = dueOn(i);
    const optIn = i % 5 !== 4;
    const principalFen = (5 + (i % 11)) * 100_000;
    const loan = {
      id,
      applicationId: ulid(),
      roundId,
      districtId,
      townshipId: `${districtId}.tw`,
      villageId: village,
      agreementNo: `BENCH-${districtId.slice(-6)}-${i}`,
      mother: {
        name: '卓玛',
        residentId: residentId(i),
        phone: `13${String(++serial).padStart(9, '0')}`,
        ...(optIn ? { sms: { optIn: true, lang: i % 2 ? 'bo' : 'zh-CN', changedAt: new Date().toISOString() } } : {}),
      },
      householdSize: 5,
      principalFen,
      repaidFen: 0,
      balanceFen: principalFen,
      status: 'active',
      termMonths: 24,
      evaluationMonths: [6, 12],
      approvedOn: addMonths(due, -25),
      dueOn: due,
      evaluationSchedule: [],
      disbursement: {
        disbursedOn: addMonths(due, -24),
        amountFen: principalFen,
        motherPresent: true,
        idChecked: true,
        recordedBy: { userId: 'bench', username: 'bench', role: 'district', officeId: districtId },
      },
      createdAt: new Date().toISOString(),
      version: 1,
    } as unknown as Loan;
    items.push({ pk: `LOAN#${id}`, sk: 'LOAN', type: 'LOAN', ...scopeKeys('LOAN', { id, status: 'active', districtId, officeId: village, roundId }), ...loan });
  }
  return items;
}

/** Sends until nothing due is left (the sender takes up to 500 of a district's messages per pass). */
async function sendAll(now: Date, districtId: string): Promise<number> {
  let sent = 0;
  for (;;) {
    const out = await sendDueMessages(now, districtId);
    sent += out.sent;
    if (out.sent + out.retrying + out.failed + out.overBudget === 0) return sent;
  }
}

export async function smsRemindersSection(quick: boolean) {
  const today = todayInChina();
  // the run at 12:00 China time (inside sending hours: nothing waits for the morning)
  const now = new Date(`${today}T04:00:00.000Z`);
  const spreadLoans = quick ? 3_507 : 35_070;
  const roundLoans = quick ? 500 : 2_500;
  const stamp = randomInt(1e6);
  const spread = `lhasa.smsspread${stamp}`;
  const round = `lhasa.smsround${stamp}`;
  // the cap must not stop the bench's messages; the price is the programme's default
  await as('committee').post('/sms/settings', { monthlyCap: 10_000_000, costPerMessageFen: DEFAULT_SMS_SETTINGS.costPerMessageFen });

  const seedStart = performance.now();
  await batchWrite([
    // due dates spread over two years: from 60 days past to 670 days ahead
    ...loansOf(spreadLoans, spread, () => addDays(today, randomInt(730) - 60)),
    // one round: every loan due 30 days from the run
    ...loansOf(roundLoans, round, () => addDays(today, 30)),
  ]);
  const seedMs = performance.now() - seedStart;
  const inboxBefore = localInboxPhones().length;

  const rows: Record<string, string | number>[] = [];
  const figures: Record<string, { loans: number; queued: number; sent: number; selectMs: number; sendMs: number; secondRunQueued: number; secondRunSent: number }> = {};
  for (const [name, districtId, loans] of [
    ['spread (two years of due dates)', spread, spreadLoans],
    ['one round due in 30 days', round, roundLoans],
  ] as const) {
    const t0 = performance.now();
    const run = await runReminders(now, districtId);
    const selectMs = performance.now() - t0;
    const t1 = performance.now();
    const sent = await sendAll(now, districtId);
    const sendMs = performance.now() - t1;
    const again = await runReminders(now, districtId);
    const sentAgain = await sendAll(now, districtId);
    figures[name] = { loans, queued: run.queued, sent, selectMs: round1(selectMs), sendMs: round1(sendMs), secondRunQueued: again.queued, secondRunSent: sentAgain };
    rows.push({
      district: name,
      loans,
      'messages queued': run.queued,
      sent,
      'select ms': Math.round(selectMs),
      'loans read/s': Math.round(loans / (selectMs / 1000)),
      'send ms': Math.round(sendMs),
      'messages/s': sent ? round1(sent / (sendMs / 1000)) : 0,
      'second run queued+sent': again.queued + sentAgain,
    });
  }
  printTable(`National reminder run (sample of ${spreadLoans + roundLoans} loans; seeded in ${Math.round(seedMs)} ms)`, rows);

  // national: the selection reads every loan out (as the spread district's rate), the day's messages
  // are those of a spread portfolio (share from the spread district), sent at the measured rate
  const s = figures['spread (two years of due dates)']!;
  const r = figures['one round due in 30 days']!;
  const selectSPerLoan = s.selectMs / 1000 / s.loans;
  const sendSPerMessage = (s.sendMs + r.sendMs) / 1000 / Math.max(1, s.sent + r.sent);
  const messagesPerLoanDay = s.sent / s.loans;
  const nationalMessages = Math.round(NATIONAL_LOANS * messagesPerLoanDay);
  const nationalSelectS = selectSPerLoan * NATIONAL_LOANS;
  const nationalSendS = sendSPerMessage * nationalMessages;
  const lambdaS = nationalSelectS + nationalSendS;
  const lambdaYuanPerDay = lambdaS * SENDER_GB * LAMBDA_YUAN_PER_GB_S;
  const smsYuanPerDay = (nationalMessages * DEFAULT_SMS_SETTINGS.costPerMessageFen) / 100;
  const per1000 = 1000 / NATIONAL_LOANS;
  const national = {
    loans: NATIONAL_LOANS,
    reminderDatesPerDay: dueDatesMessagedOn(today, DEFAULT_SMS_SETTINGS).length,
    messagesPerDay: nationalMessages,
    selectSeconds: round1(nationalSelectS),
    sendSeconds: round1(nationalSendS),
    lambdaSecondsPerDay: round1(lambdaS),
    messagesPerSecond: round1(1 / sendSPerMessage),
    selectionInOneInvocationFitsTimeout: nationalSelectS < SENDER_TIMEOUT_S,
    costPer1000LoansPerDayYuan: { sms: round2(smsYuanPerDay * per1000), lambda: Number((lambdaYuanPerDay * per1000).toFixed(6)) },
    costPer1000LoansPerYearYuan: { sms: round2(smsYuanPerDay * per1000 * 365), lambda: round2(lambdaYuanPerDay * per1000 * 365) },
    peakRoundOf1000Yuan: round2((r.sent / r.loans) * 1000 * (DEFAULT_SMS_SETTINGS.costPerMessageFen / 100)),
  };
  printTable('National day, scaled from the sample (350,700 loans)', [
    {
      'messages/day': national.messagesPerDay,
      'messages/s': national.messagesPerSecond,
      'selection s': national.selectSeconds,
      'sending s': national.sendSeconds,
      'Lambda s/day': national.lambdaSecondsPerDay,
      'selection fits one 300 s invocation': national.selectionInOneInvocationFitsTimeout,
      'SMS ¥ per 1,000 loans/year': national.costPer1000LoansPerYearYuan.sms,
      'Lambda ¥ per 1,000 loans/year': national.costPer1000LoansPerYearYuan.lambda,
    },
  ]);
  return {
    quick,
    sample: figures,
    seedMs: Math.round(seedMs),
    localInboxPhones: localInboxPhones().length - inboxBefore,
    national,
    assumptions: { senderGb: SENDER_GB, lambdaYuanPerGbSecond: LAMBDA_YUAN_PER_GB_S, optInShare: 0.8 },
  };
}
