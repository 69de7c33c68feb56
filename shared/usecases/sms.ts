/**
 * Telling the mothers when money moves and before it is due. Each message is queued in the
 * transaction that records its event (a payout, a repayment) or by a reminder run, keyed by
 * event and recipient so it exists once; a sender then sends what is due, outside quiet hours
 * and within the month's budget, records the provider's answer, retries what may pass and
 * reports what failed for good in the exceptions report.
 */
import { timingSafeEqual } from 'node:crypto';
import { receiptToken } from './receipt-token.ts';
import { ancestorAt } from '../domain/offices.ts';
import type { Loan, Repayment } from '../domain/entities.ts';
import { Conflict, NotFound, ValidationFailed } from '../domain/errors.ts';
import {
  budgetMonthOf,
  DEFAULT_SMS_SETTINGS,
  dueDatesMessagedOn,
  initialOf,
  maskPhone,
  messageKey,
  MOBILE,
  nextTryAt,
  remindersDue,
  sendableAt,
  type SmsKind,
  type SmsPreference,
  type SmsSettings,
} from '../domain/sms.ts';
import { daysInMonth, todayInChina } from '../domain/dates.ts';
import { smsText, templateValues, type SmsParams } from '../i18n/sms.ts';
import { logger } from '../logger.ts';
import { localProvider } from '../sms/local.ts';
import { RETRYABLE, type ProviderAccount, type SmsProvider } from '../sms/provider.ts';
import { recordException } from '../store/exceptions.ts';
import { getRecord, queryEvery, strip } from '../store/records.ts';
import { keys } from '../store/keys.ts';
import { getLoan, loansOutInTownship, stageLoanUpdate } from '../store/loans.ts';
import { districtIds, loansDueOn } from '../store/loan-due.ts';
import { getMessage, messagesOf, queueOnce, returnToBudget, saveMessage, sentInMonth as sentInMonthOf, stageMessage, takeFromBudget, type SmsMessage } from '../store/sms.ts';
import { SYSTEM } from './close-of-business.ts';
import type { SmsPreferenceInput } from '../domain/schemas/sms.ts';
import { loadApplicationCase, stageApplicationUpdate } from '../store/applications.ts';
import { Transaction as Tx, type Transaction } from '../store/transaction.ts';
import { assertSeesRecordOf, districtsFor } from './scope.ts';
import { loadFile } from './loans.ts';
import { getOffice } from '../store/offices.ts';
import type { CollectionNoticeInput, SmsSettingsInput } from '../domain/sms-schemas.ts';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, recordsTable } from '../store/client.ts';
import { actorOf, historyItem, type Context } from './context.ts';

// ---------- the provider ----------

let provider: Promise<SmsProvider | undefined> | undefined;

/** The adapters a function can send through: only the sender function registers Alibaba's and Tencent's (their SDKs stay out of every other bundle, and load on first use). */
const factories: Partial<Record<'aliyun' | 'tencent', (account: ProviderAccount) => Promise<SmsProvider>>> = {};

export function registerSmsProviders(adapters: typeof factories): void {
  Object.assign(factories, adapters);
  provider = undefined;
}

/**
 * The provider this deployment sends through (`SMS_PROVIDER`): `aliyun` or `tencent` with the
 * account in the Secrets Manager secret `SMS_SECRET_ARN` (JSON: keys, signature, template codes),
 * `local` (the dev server's inboxes), or none — then no message is queued at all.
 */
export function smsProvider(): Promise<SmsProvider | undefined> {
  provider ??= (async () => {
    const name = process.env.SMS_PROVIDER;
    if (name === 'local') return localProvider;
    if (name !== 'aliyun' && name !== 'tencent') return undefined;
    const make = factories[name];
    if (!make) throw new Error(`the ${name} SMS adapter is not part of this function; messages are sent by the sms-sender function`);
    return make(await providerAccount());
  })();
  return provider;
}

async function providerAccount(): Promise<ProviderAccount> {
  if (process.env.SMS_ACCOUNT) return JSON.parse(process.env.SMS_ACCOUNT) as ProviderAccount;
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const answer = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: process.env.SMS_SECRET_ARN }));
  return JSON.parse(answer.SecretString ?? '{}') as ProviderAccount;
}

/** Whether messages are on in this deployment. */
export const smsEnabled = (): boolean => ['local', 'aliyun', 'tencent'].includes(process.env.SMS_PROVIDER ?? '');

/** The programme's message settings (defaults until the committee sets them). */
export async function getSmsSettings(): Promise<SmsSettings> {
  const stored = await getRecord<Partial<SmsSettings>>({ pk: 'SETTINGS', sk: 'SMS' });
  const { reminderDaysBefore, overdueDaysAfter, monthlyCap, costPerMessageFen } = { ...DEFAULT_SMS_SETTINGS, ...stored };
  return { reminderDaysBefore, overdueDaysAfter, monthlyCap, costPerMessageFen };
}

// ---------- queueing ----------

/** Whether a mother can be messaged: she opted in and has a mobile number. */
export function reachable(mother: { phone?: string; sms?: SmsPreference }): mother is { phone: string; sms: SmsPreference } {
  return !!mother.sms?.optIn && !!mother.phone && MOBILE.test(mother.phone);
}

/** The message about `event` for the mother of `loan`, or undefined when she is not to be messaged. */
export function messageFor(loan: Pick<Loan, 'id' | 'districtId' | 'villageId' | 'mother'>, kind: SmsKind, event: string, params: SmsParams, now: Date): SmsMessage | undefined {
  if (!smsEnabled() || !reachable(loan.mother)) return undefined;
  const { phone, sms } = loan.mother;
  return {
    key: messageKey(kind, event, phone),
    loanId: loan.id,
    districtId: loan.districtId,
    officeId: loan.villageId,
    kind,
    lang: sms.lang,
    phone,
    params,
    text: smsText(kind, sms.lang, params),
    status: 'queued',
    createdAt: now.toISOString(),
    sendAfter: sendableAt(now).toISOString(),
    attempts: 0,
    version: 1,
  };
}

/** The payout confirmation, queued in the disbursement's transaction. */
export function stagePayoutMessage(tx: Transaction, loan: Loan, now: Date): SmsMessage | undefined {
  const m = messageFor(loan, 'payout', 'disbursement', { amountFen: loan.disbursement?.amountFen ?? loan.principalFen, agreementNo: loan.agreementNo ?? '', dueOn: loan.dueOn ?? '' }, now);
  if (m) stageMessage(tx, m);
  return m;
}

/** The repayment confirmation, queued in the repayment's transaction: amount, receipt, balance left. */
export function stageRepaymentMessage(tx: Transaction, loan: Loan, repayment: Repayment, now: Date): SmsMessage | undefined {
  const m = messageFor(loan, 'repayment', repayment.id, { amountFen: repayment.amountFen, receiptNo: repayment.receiptNo, balanceFen: repayment.balanceAfterFen }, now);
  if (m) stageMessage(tx, m);
  return m;
}

/**
 * After the event's transaction: have the messages sent now. In AWS the district's queue is
 * told (the sender function sends); locally the sender runs here. A failure here loses
 * nothing: the scheduled sender finds every queued message that is due.
 */
export async function dispatch(messages: (SmsMessage | undefined)[], now = new Date()): Promise<void> {
  const due = messages.filter((m): m is SmsMessage => !!m && m.sendAfter <= now.toISOString());
  if (!due.length) return;
  try {
    const queueUrl = process.env.SMS_QUEUE_URL;
    if (queueUrl) {
      const { SQSClient, SendMessageCommand } = await import('@aws-sdk/client-sqs');
      const districts = [...new Set(due.map((m) => m.districtId))];
      await Promise.all(districts.map((districtId) => new SQSClient({}).send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify({ districtId }) }))));
    } else for (const m of due) await deliverMessage(m.loanId, m.key, now);
  } catch (error) {
    logger.warn('sms dispatch failed; the scheduled sender will send', { error: String(error) });
  }
}

// ---------- sending ----------

/** Messages written or sent at once by one invocation (conditional writes and provider calls overlap, within the provider's rate). */
const PARALLEL = 8;

async function inPool<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

export interface SendOutcome {
  sent: number;
  retrying: number;
  failed: number;
  overBudget: number;
  /** queued while she agreed, but she stopped the messages (or changed her number) before they went */
  withheld: number;
}

/**
 * deliverMessage: one queued message goes out.
 * 1. read it; it is still queued and due (else nothing to do: another sender has it);
 *    the mother still agrees, to this number (else `withheld`: what was queued before she
 *    stopped the messages never goes out after);
 * 2. claim it (version check: two senders never both send it) and take one from the month's budget
 *    (over the cap: `over_budget`, reported);
 * 3. send through the provider; record `sent` with the provider's id, or a temporary refusal as a
 *    retry after a back-off, or a final refusal as `failed`, reported in the exceptions report.
 */
export async function deliverMessage(loanId: string, key: string, now = new Date(), known?: SmsSettings): Promise<keyof SendOutcome | undefined> {
  const via = await smsProvider();
  const m = await getMessage(loanId, key);
  if (!via || !m || m.status !== 'queued' || m.sendAfter > now.toISOString()) return undefined;
  const at = now.toISOString();
  const mother = (await getLoan(loanId))?.mother;
  if (!mother || !reachable(mother) || mother.phone !== m.phone) {
    return (await saveMessage({ ...m, status: 'withheld', lastError: { refusal: 'refused', code: 'opted_out', at } })) ? 'withheld' : undefined;
  }
  const claimed: SmsMessage = { ...m, attempts: m.attempts + 1, provider: via.name };
  if (!(await saveMessage(claimed))) return undefined;
  const current = { ...claimed, version: claimed.version + 1 };
  const settings = known ?? (await getSmsSettings());
  const month = budgetMonthOf(now);
  if (!(await takeFromBudget(month, settings.monthlyCap))) {
    await saveMessage({ ...current, status: 'over_budget', lastError: { refusal: 'refused', code: 'monthly_cap', at } });
    await reportFailure(current, 'sms_over_budget', 'monthly_cap', now);
    return 'overBudget';
  }
  const answer = await via.send({ phone: m.phone, kind: m.kind, lang: m.lang, values: templateValues(m.kind, m.lang, m.params), text: m.text, messageId: `${m.loanId}:${m.key}` });
  if (answer.ok) {
    await saveMessage({ ...current, status: 'sent', sentAt: at, providerMessageId: answer.providerMessageId });
    return 'sent';
  }
  await returnToBudget(month);
  const retryAt = RETRYABLE.has(answer.refusal) ? nextTryAt(now, current.attempts) : undefined;
  const lastError = { refusal: answer.refusal, code: answer.code, at };
  if (retryAt) {
    await saveMessage({ ...current, status: 'queued', sendAfter: retryAt.toISOString(), lastError });
    return 'retrying';
  }
  await saveMessage({ ...current, status: 'failed', lastError });
  await reportFailure(current, 'sms_failed', answer.code, now, answer.refusal);
  return 'failed';
}

async function reportFailure(m: SmsMessage, kind: 'sms_failed' | 'sms_over_budget', code: string, now: Date, refusal?: string): Promise<void> {
  await recordException({
    id: `${now.getTime().toString(36).toUpperCase().padStart(10, '0')}${m.loanId.slice(-16)}`,
    kind,
    date: todayInChina(now),
    at: now.toISOString(),
    districtId: m.districtId,
    officeId: m.officeId,
    recordType: 'loan',
    recordId: m.loanId,
    actor: actorOf(SYSTEM),
    summary: `the ${m.kind} message to the mother could not be sent (${code})`,
    data: { messageKind: m.kind, code, ...(refusal ? { refusal } : {}), attempts: m.attempts },
  });
}

const districtsOf = async (districtId?: string): Promise<string[]> => (districtId ? [districtId] : await districtIds());

/** sendDueMessages: the queued messages of a district (or of all) that are due by `now` go out, up to 500 a district per pass, a few at a time. */
export async function sendDueMessages(now = new Date(), districtId?: string): Promise<SendOutcome> {
  const outcome: SendOutcome = { sent: 0, retrying: 0, failed: 0, overBudget: 0, withheld: 0 };
  // the provider (and its SDK) is made on the first message due, not for a district with none
  if (!smsEnabled()) return outcome;
  const settings = await getSmsSettings();
  for (const district of await districtsOf(districtId)) {
    await inPool(await messagesOf(district, 'queued', now.toISOString()), PARALLEL, async (m) => {
      const result = await deliverMessage(m.loanId, m.key, now, settings);
      if (result) outcome[result]++;
    });
  }
  return outcome;
}

/** refreshDeliveries: asks the provider what became of messages sent more than a minute ago, and records delivered or failed. */
export async function refreshDeliveries(now = new Date(), districtId?: string): Promise<number> {
  if (!smsEnabled()) return 0;
  let via: SmsProvider | undefined;
  let changed = 0;
  const until = new Date(now.getTime() - 60_000).toISOString();
  for (const district of await districtsOf(districtId)) {
    for (const m of await messagesOf(district, 'sent', until, 200)) {
      if (!m.providerMessageId || !m.sentAt) continue;
      via ??= await smsProvider();
      if (!via) return changed;
      const state = await via.delivery(m.providerMessageId, m.phone, todayInChina(new Date(m.sentAt)));
      if (state === 'pending') continue;
      await saveMessage(
        state === 'delivered'
          ? { ...m, status: 'delivered', deliveredAt: now.toISOString() }
          : { ...m, status: 'failed', lastError: { refusal: 'refused', code: 'not_delivered', at: now.toISOString() } },
      );
      if (state === 'failed') await reportFailure(m, 'sms_failed', 'not_delivered', now);
      changed++;
    }
  }
  return changed;
}

// ---------- reminders ----------

export interface ReminderRun {
  today: string;
  /** messages queued by this run (0 when a run before it queued them) */
  queued: number;
  /** loans the selection read: only those listed under one of the day's due dates */
  loansRead: number;
}

/**
 * runReminders: the day's due reminders and overdue notices (days from the settings).
 * 1. the day's due dates (30 and 7 days ahead, 1 and 30 days past, by default);
 * 2. per district, the loans listed under those dates (`LOANDUE#{district}` / `{dueOn}#…`,
 *    one Query per date) and only those loans, still out with a balance;
 * 3. for each whose mother opted in, the message keyed by loan, due date and days: a second
 *    run the same day (a retried queue message, a schedule fired twice) queues nothing new.
 * The messages wait for the sender (until 08:00 China time when the run is at night).
 * `day` is the run's day (China time), `todayInChina(now)` unless a fan-out message names it.
 */
export async function runReminders(now = new Date(), districtId?: string, day = todayInChina(now)): Promise<ReminderRun> {
  const run: ReminderRun = { today: day, queued: 0, loansRead: 0 };
  if (!smsEnabled()) return run;
  const settings = await getSmsSettings();
  const dates = dueDatesMessagedOn(day, settings);
  for (const district of districtId ? [districtId] : await districtIds()) {
    const { loans, read } = await loansDueOn(district, dates);
    run.loansRead += read;
    const messages = loans.flatMap((loan) =>
      remindersDue(day, loan.dueOn!, settings).map((due) =>
        messageFor(
          loan,
          due.kind,
          `${loan.dueOn}+${due.kind === 'due_reminder' ? -due.days : due.days}`,
          { dueOn: loan.dueOn!, balanceFen: loan.balanceFen, agreementNo: loan.agreementNo ?? '' },
          now,
        ),
      ),
    );
    await inPool(
      messages.filter((m): m is SmsMessage => !!m),
      PARALLEL,
      async (m) => {
        if (await queueOnce(m)) run.queued++;
      },
    );
  }
  return run;
}

// ---------- the scheduled run, fanned out per district ----------

/** One queue message of the fan-out: a district to serve, and the day whose reminders to run when it is the morning run. */
export interface DistrictRun {
  districtId: string;
  remindersOn?: string;
}

/**
 * fanOutDistricts: what the schedule's invocation puts on the queue — one message per district
 * (the office directory's district ids, one Query), naming the day when it is the morning
 * reminder run. It reads no loan: each district's work is done by the queue's invocation for it.
 */
export async function fanOutDistricts(now: Date, reminders: boolean): Promise<DistrictRun[]> {
  const remindersOn = reminders ? todayInChina(now) : undefined;
  return (await districtIds()).map((districtId) => ({ districtId, ...(remindersOn ? { remindersOn } : {}) }));
}

/**
 * serveDistrict: the queue's invocation for one district.
 * 1. the day's reminders of the district when the message names a day (`runReminders`);
 * 2. the district's queued messages that are due go out (`sendDueMessages`, up to 500 a pass);
 * 3. the provider is asked what became of those sent (`refreshDeliveries`).
 * Processing the same message twice sends nothing new: every message exists once and is claimed once.
 */
export async function serveDistrict(run: DistrictRun, now = new Date()) {
  const reminders = run.remindersOn ? await runReminders(now, run.districtId, run.remindersOn) : undefined;
  const sent = await sendDueMessages(now, run.districtId);
  const deliveries = await refreshDeliveries(now, run.districtId);
  return { districtId: run.districtId, ...(reminders ? { reminders } : {}), ...sent, deliveries };
}

// ---------- collection day ----------

/** A collection-day notice for the mothers of a township's collection list: queued once per day and mother. */
export async function queueCollectionNotices(
  loans: Pick<Loan, 'id' | 'districtId' | 'villageId' | 'mother' | 'balanceFen' | 'agreementNo'>[],
  input: { on: string; place: string; township: string },
  now = new Date(),
): Promise<{ queued: number; notReachable: number }> {
  let queued = 0;
  let notReachable = 0;
  const out: SmsMessage[] = [];
  for (const loan of loans) {
    const m = messageFor(loan, 'collection_day', input.on, { ...input, balanceFen: loan.balanceFen, agreementNo: loan.agreementNo ?? '' }, now);
    if (!m) notReachable++;
    else if (await queueOnce(m)) {
      queued++;
      out.push(m);
    }
  }
  await dispatch(out, now);
  return { queued, notReachable };
}

// ---------- verifying paper ----------

/** The signature of a receipt's link (its own module, so the loan file can carry it). */
export { receiptToken };

export interface ReceiptCheck {
  genuine: boolean;
  paidOn?: string;
  amountFen?: number;
  receiptNo?: string;
  agreementNo?: string;
  balanceAfterFen?: number;
  /** the balance today, when later repayments changed it */
  balanceNowFen?: number;
  /** the mother by her initial only */
  mother?: string;
}

/**
 * verifyReceipt: anyone holding a printed receipt (or card) checks it without signing in.
 * A link whose signature does not match, or that names no repayment, answers "not genuine",
 * with nothing else: no record's existence is revealed.
 */
export async function verifyReceipt(loanId: string, repaymentId: string, token: string): Promise<ReceiptCheck> {
  const expected = Buffer.from(receiptToken(loanId, repaymentId));
  const given = Buffer.from(token);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { genuine: false };
  const [loan, repayment] = await Promise.all([getLoan(loanId), getRecord<Repayment>(keys.repayment(loanId, repaymentId))]);
  if (!loan || !repayment) return { genuine: false };
  return {
    genuine: true,
    paidOn: repayment.paidOn,
    amountFen: repayment.amountFen,
    receiptNo: repayment.receiptNo,
    ...(loan.agreementNo ? { agreementNo: loan.agreementNo } : {}),
    balanceAfterFen: repayment.balanceAfterFen,
    ...(loan.balanceFen !== repayment.balanceAfterFen ? { balanceNowFen: loan.balanceFen } : {}),
    mother: initialOf(loan.mother.name),
  };
}

/** A loan's messages, newest first (from its partition). */
export async function messagesOfLoan(loanId: string): Promise<SmsMessage[]> {
  const items = await queryEvery({ KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sms)', ExpressionAttributeValues: { ':pk': `LOAN#${loanId}`, ':sms': 'SMS#' } });
  return items.map((i) => strip<SmsMessage>(i)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The district of an office id (for a collection notice's township). */
export const districtOf = (officeId: string): string => ancestorAt(officeId, 'district') ?? officeId;

// ---------- her choice, the log, the month ----------

/**
 * setSmsPreference: a township clerk, field officer or district officer records what the
 * mother said: she agrees to messages or stops them, in which language, on which number.
 * 1. the record (her loan, or her application before it) is in the caller's office;
 * 2. agreeing needs a number (the new one or the one on file);
 * 3. the choice is saved with who recorded it and why, with a history entry.
 */
export async function setSmsPreference(ctx: Context, kind: 'loan' | 'application', id: string, input: SmsPreferenceInput) {
  if (!smsEnabled()) throw new Conflict('text messages are not set up in this deployment', 'sms_off');
  const tx = new Tx();
  const apply = <T extends { mother: { phone?: string; sms?: SmsPreference } }>(record: T): T => {
    const phone = input.phone ?? record.mother.phone;
    if (input.optIn && !phone) throw new ValidationFailed('needs a mobile number: none is on file', 'phone', { rule: 'sms_phone_missing' });
    const sms: SmsPreference = { optIn: input.optIn, lang: input.lang, changedAt: ctx.now.toISOString(), changedBy: actorOf(ctx.caller), reason: input.reason };
    return { ...record, mother: { ...record.mother, ...(phone ? { phone } : {}), sms } };
  };
  const params = { optIn: input.optIn, lang: input.lang, reason: input.reason, ...(input.phone ? { phone: maskPhone(input.phone) } : {}) };
  const summary = `text messages ${input.optIn ? 'on' : 'off'} (${input.lang}): ${input.reason}`;
  if (kind === 'loan') {
    const { loan } = await loadFile(ctx, id);
    const saved = stageLoanUpdate(tx, apply(loan));
    tx.create(historyItem(ctx, `LOAN#${id}`, 'sms_preference', summary, params));
    return tx.commit(preferenceAnswer(ctx, input, saved), ctx.idempotency);
  }
  const found = await loadApplicationCase(id);
  if (!found) throw new NotFound('application', id);
  assertSeesRecordOf(ctx.caller, found.application.villageId, 'application');
  const saved = stageApplicationUpdate(tx, apply(found.application));
  tx.create(historyItem(ctx, `APP#${id}`, 'sms_preference', summary, params));
  return tx.commit(preferenceAnswer(ctx, input, saved), ctx.idempotency);
}

/** The answer to a change of her choice, which is also what a replay of the request answers (never the record). */
const preferenceAnswer = (ctx: Context, input: SmsPreferenceInput, saved: { mother: { phone?: string } }) => ({
  optIn: input.optIn,
  lang: input.lang,
  phone: saved.mother.phone ?? null,
  changedAt: ctx.now.toISOString(),
});

/**
 * getLoanMessages: what was sent to the mother of a loan, when and in what state, and — when
 * nothing can be sent — why (she did not agree, no number, messages off): a township clerk
 * answers "why did I get no message?" from here. The committee and field staff see the number masked.
 */
export async function getLoanMessages(ctx: Context, id: string) {
  const { loan } = await loadFile(ctx, id);
  const full = ctx.caller.role === 'district' || ctx.caller.role === 'township';
  const reason: 'sms_off' | 'no_choice' | 'opted_out' | 'no_phone' | undefined = !smsEnabled()
    ? 'sms_off'
    : !loan.mother.sms
      ? 'no_choice'
      : !loan.mother.sms.optIn
        ? 'opted_out'
        : !loan.mother.phone
          ? 'no_phone'
          : undefined;
  const messages = (await messagesOfLoan(id)).map((m) => ({
    kind: m.kind,
    lang: m.lang,
    text: m.text,
    status: m.status,
    createdAt: m.createdAt,
    sendAfter: m.sendAfter,
    ...(m.sentAt ? { sentAt: m.sentAt } : {}),
    ...(m.deliveredAt ? { deliveredAt: m.deliveredAt } : {}),
    attempts: m.attempts,
    ...(m.lastError ? { lastError: { refusal: m.lastError.refusal, code: m.lastError.code } } : {}),
    phone: full ? m.phone : maskPhone(m.phone),
  }));
  return {
    loanId: id,
    preference: loan.mother.sms
      ? {
          optIn: loan.mother.sms.optIn,
          lang: loan.mother.sms.lang,
          changedAt: loan.mother.sms.changedAt,
          ...(loan.mother.sms.changedBy ? { changedBy: loan.mother.sms.changedBy.displayName ?? loan.mother.sms.changedBy.username } : {}),
          ...(loan.mother.sms.reason ? { reason: loan.mother.sms.reason } : {}),
        }
      : null,
    ...(loan.mother.phone ? { phone: full ? loan.mother.phone : maskPhone(loan.mother.phone) } : {}),
    ...(reason ? { notSentBecause: reason } : {}),
    messages,
  };
}

/** getSmsMonth: the month's messages (the whole programme's), the cap and what they cost. */
export async function getSmsMonth(ctx: Context) {
  const month = budgetMonthOf(ctx.now);
  const [settings, sent] = await Promise.all([getSmsSettings(), sentInMonthOf(month)]);
  return { month, sent, cap: settings.monthlyCap, costFen: sent * settings.costPerMessageFen, settings, provider: process.env.SMS_PROVIDER || 'none' };
}

/** updateSmsSettings: the committee sets the reminder days, the monthly cap and the price (kept with who changed it). */
export async function updateSmsSettings(ctx: Context, input: SmsSettingsInput) {
  const next: SmsSettings = { ...(await getSmsSettings()), ...input };
  await documentClient().send(
    new PutCommand({ TableName: recordsTable(), Item: { pk: 'SETTINGS', sk: 'SMS', type: 'SETTINGS', ...next, updatedAt: ctx.now.toISOString(), updatedBy: actorOf(ctx.caller) } }),
  );
  return next;
}

/**
 * sendCollectionNotice: a township tells the mothers on its collection list (due this month
 * and overdue, per village) when and where it collects; once per mother and collection day.
 */
export async function sendCollectionNotice(ctx: Context, input: CollectionNoticeInput) {
  if (!smsEnabled()) throw new Conflict('text messages are not set up in this deployment', 'sms_off');
  const township = await getOffice(input.townshipId);
  if (township?.level !== 'township') throw new ValidationFailed('must be an existing township office', 'townshipId', { rule: 'office_level', params: { levels: ['township'] } });
  assertSeesRecordOf(ctx.caller, township.id, 'office');
  await districtsFor(ctx.caller);
  const loans = (
    await loansOutInTownship(districtOf(township.id), township.id, `${input.on.slice(0, 8)}${String(daysInMonth(Number(input.on.slice(0, 4)), Number(input.on.slice(5, 7)))).padStart(2, '0')}`)
  ).filter((l) => !input.villageIds?.length || input.villageIds.includes(l.villageId));
  const result = await queueCollectionNotices(loans, { on: input.on, place: input.place, township: township.name }, ctx.now);
  const answer = { townshipId: township.id, on: input.on, loans: loans.length, ...result };
  // the township's record of the notice: who sent it, when, to how many
  await documentClient().send(
    new PutCommand({
      TableName: recordsTable(),
      Item: { pk: `COLLECTIONNOTICE#${township.id}`, sk: `${input.on}#${ctx.now.toISOString()}`, type: 'COLLECTIONNOTICE', ...answer, place: input.place, sentBy: actorOf(ctx.caller) },
    }),
  );
  return answer;
}
