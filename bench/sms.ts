/**
 * 4. The national reminder run: the morning's due reminders and overdue notices for the whole
 * programme (350,700 loans), as the stack runs it: the 08:00 schedule's invocation only fans out
 * (one queue message per district, the district ids from the office directory), and each
 * district's message is served by an invocation of its own (`serveDistrict`): the day's loans
 * are found by their due-date pointers (`LOANDUE#{district}` / `{dueOn}#…`), their reminders
 * queued once, then up to 500 of the district's messages sent (the rest by the quarter-hour
 * passes that follow). Two synthetic districts:
 * - "spread": loans disbursed over two years, so their due dates spread over ~730 days and only
 *   the few due on one of the day's dates (30 and 7 days ahead, 1 and 30 days past) are read;
 * - "one round": a round paid out at one ceremony, so all its loans fall due the same day, 30 days
 *   from the run: the peak a district meets.
 * 80% of the mothers agreed to messages (half Tibetan, half Chinese). Then each district's message
 * is served a second time (a retried queue message): nothing may be queued or sent.
 * Reported: per-district invocation seconds (the largest district scaled from the spread sample:
 * what it reads grows with the loans due that day), loans read against loans out, messages per
 * second, the Lambda seconds of a national day (morning invocations, the quarter-hour passes and
 * fan-outs) and the cost per 1,000 loans (messages at the programme's price plus Lambda time at
 * 512 MB). DynamoDB Local on a shared machine: compare ratios, not absolute times; a real
 * provider adds its own round trip to each message.
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { randomInt } from 'node:crypto';
import { addDays, todayInChina } from '../shared/domain/dates.ts';
import { DEFAULT_SMS_SETTINGS, dueDatesMessagedOn } from '../shared/domain/sms.ts';
import { localInboxPhones } from '../shared/sms/local.ts';
import { documentClient, recordsTable } from '../shared/store/client.ts';
import { duePointerItem } from '../shared/store/loan-due.ts';
import { fanOutDistricts, serveDistrict } from '../shared/usecases/sms.ts';
import { as } from '../test/support/api.ts';
import { loanItem, syntheticLoan } from '../test/support/synthetic-loans.ts';
import { printTable, round1, round2 } from './stats.ts';

/** The national programme the run must serve. */
export const NATIONAL_LOANS = 350_700;
/**
 * Assumptions about its offices: the largest district holds a tenth of the loans out (35,070;
 * the full bench seeds exactly that many), and the programme has 300 districts (the quarter-hour
 * passes are paid per district). Neither is a measured figure.
 */
const LARGEST_DISTRICT_LOANS = 35_070;
const NATIONAL_DISTRICTS = 300;
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

let serial = 0;
/** n loans of one district out with a balance, each due on `dueOn(i)`, with their due-date pointers; 80% of the mothers opted in, each with her own number. */
function loansOf(n: number, districtId: string, dueOn: (i: number) => string): Item[] {
  const items: Item[] = [];
  for (let i = 0; i < n; i++) {
    const loan = syntheticLoan(districtId, dueOn(i), {
      principalFen: (5 + (i % 11)) * 100_000,
      phone: `13${String(++serial).padStart(9, '0')}`,
      ...(i % 5 !== 4 ? { sms: i % 2 ? 'bo' : 'zh-CN' } : {}),
    });
    items.push(loanItem(loan), duePointerItem(loan));
  }
  return items;
}

interface Invocation {
  seconds: number;
  loansRead: number;
  queued: number;
  sent: number;
}

/** One queue invocation for a district, timed. */
async function invoke(now: Date, districtId: string, remindersOn?: string): Promise<Invocation> {
  const t0 = performance.now();
  const out = await serveDistrict({ districtId, ...(remindersOn ? { remindersOn } : {}) }, now);
  return { seconds: (performance.now() - t0) / 1000, loansRead: out.reminders?.loansRead ?? 0, queued: out.reminders?.queued ?? 0, sent: out.sent };
}

export async function smsRemindersSection(quick: boolean) {
  const today = todayInChina();
  // the run at 12:00 China time (inside sending hours: nothing waits for the morning)
  const now = new Date(`${today}T04:00:00.000Z`);
  const spreadLoans = quick ? 3_507 : LARGEST_DISTRICT_LOANS;
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

  // the schedule's invocation: the district ids, one Query of the office directory
  const f0 = performance.now();
  const fanOut = await fanOutDistricts(now, true);
  const fanOutSeconds = (performance.now() - f0) / 1000;

  const rows: Record<string, string | number>[] = [];
  const figures: Record<string, { loans: number; morning: Invocation; passes: Invocation[]; retried: Invocation; idle: Invocation }> = {};
  for (const [name, districtId, loans] of [
    ['spread (two years of due dates)', spread, spreadLoans],
    ['one round due in 30 days', round, roundLoans],
  ] as const) {
    const morning = await invoke(now, districtId, today);
    // the quarter-hour passes that follow send what one invocation's 500 left
    const passes: Invocation[] = [];
    while (passes.length < 20) {
      const pass = await invoke(now, districtId);
      passes.push(pass);
      if (pass.sent === 0) break;
    }
    const retried = await invoke(now, districtId, today);
    const idle = await invoke(now, districtId);
    figures[name] = { loans, morning, passes, retried, idle };
    const sent = morning.sent + passes.reduce((n, p) => n + p.sent, 0);
    rows.push({
      district: name,
      'loans out': loans,
      'loans read': morning.loansRead,
      queued: morning.queued,
      'sent (morning)': morning.sent,
      'morning invocation s': round2(morning.seconds),
      'later passes': passes.filter((p) => p.sent > 0).length,
      'sent in all': sent,
      'retried message queued+sent': retried.queued + retried.sent,
      'idle pass s': round2(idle.seconds),
    });
  }
  printTable(
    `National reminder run, per district (sample of ${spreadLoans + roundLoans} loans; seeded in ${Math.round(seedMs)} ms; fan-out ${round2(fanOutSeconds)} s for ${fanOut.length} districts)`,
    rows,
  );

  // national: a district's morning invocation grows with the loans due on the day (the spread
  // sample's seconds per loan out); the day's messages are those of a spread portfolio
  const s = figures['spread (two years of due dates)']!;
  const r = figures['one round due in 30 days']!;
  const spreadSent = s.morning.sent + s.passes.reduce((n, p) => n + p.sent, 0);
  const roundSent = r.morning.sent + r.passes.reduce((n, p) => n + p.sent, 0);
  const morningSPerLoan = s.morning.seconds / s.loans;
  const largestDistrictS = morningSPerLoan * LARGEST_DISTRICT_LOANS;
  const peakS = Math.max(r.morning.seconds, ...r.passes.map((p) => p.seconds));
  // messages per second: the round's later passes, which only send (500 a pass)
  const sendingPasses = r.passes.filter((p) => p.sent > 0);
  const messagesPerSecond = sendingPasses.reduce((n, p) => n + p.sent, 0) / sendingPasses.reduce((n, p) => n + p.seconds, 0);
  const messagesPerLoanDay = spreadSent / s.loans;
  const nationalMessages = Math.round(NATIONAL_LOANS * messagesPerLoanDay);
  const morningS = morningSPerLoan * NATIONAL_LOANS;
  // a quarter-hour pass of a district with nothing due (the mean of the two districts' idle passes)
  const idleS = (s.idle.seconds + r.idle.seconds) / 2;
  const quarterHourS = 96 * (fanOutSeconds + NATIONAL_DISTRICTS * idleS);
  const lambdaS = morningS + fanOutSeconds + quarterHourS;
  const lambdaYuanPerDay = lambdaS * SENDER_GB * LAMBDA_YUAN_PER_GB_S;
  const smsYuanPerDay = (nationalMessages * DEFAULT_SMS_SETTINGS.costPerMessageFen) / 100;
  const per1000 = 1000 / NATIONAL_LOANS;
  const national = {
    loans: NATIONAL_LOANS,
    assumedLargestDistrictLoans: LARGEST_DISTRICT_LOANS,
    assumedDistricts: NATIONAL_DISTRICTS,
    reminderDatesPerDay: dueDatesMessagedOn(today, DEFAULT_SMS_SETTINGS).length,
    messagesPerDay: nationalMessages,
    loansReadShareOfLoansOut: Number((s.morning.loansRead / s.loans).toFixed(4)),
    largestDistrictMorningSeconds: round1(largestDistrictS),
    peakRoundInvocationSeconds: round1(peakS),
    fanOutSeconds: round2(fanOutSeconds),
    idlePassSeconds: round2(idleS),
    largestInvocationFitsTimeout: Math.max(largestDistrictS, peakS, fanOutSeconds) < SENDER_TIMEOUT_S,
    messagesPerSecond: round1(messagesPerSecond),
    lambdaSecondsPerDay: { morning: round1(morningS), quarterHourPasses: round1(quarterHourS), total: round1(lambdaS) },
    costPer1000LoansPerDayYuan: { sms: round2(smsYuanPerDay * per1000), lambda: Number((lambdaYuanPerDay * per1000).toFixed(6)) },
    costPer1000LoansPerYearYuan: { sms: round2(smsYuanPerDay * per1000 * 365), lambda: round2(lambdaYuanPerDay * per1000 * 365) },
    peakRoundOf1000Yuan: round2((roundSent / r.loans) * 1000 * (DEFAULT_SMS_SETTINGS.costPerMessageFen / 100)),
  };
  printTable('National day, scaled from the sample (350,700 loans)', [
    {
      'messages/day': national.messagesPerDay,
      'messages/s': national.messagesPerSecond,
      'largest district s': national.largestDistrictMorningSeconds,
      'peak round s': national.peakRoundInvocationSeconds,
      'within 300 s': national.largestInvocationFitsTimeout,
      'Lambda s/day': national.lambdaSecondsPerDay.total,
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
    assumptions: { senderGb: SENDER_GB, lambdaYuanPerGbSecond: LAMBDA_YUAN_PER_GB_S, optInShare: 0.8, largestDistrictLoans: LARGEST_DISTRICT_LOANS, districts: NATIONAL_DISTRICTS },
  };
}
