/**
 * The national reminder run within the Lambda limits: the schedule only fans out one queue
 * message per district; each district's run reads only the loans due on the day's dates (their
 * `LOANDUE#` pointers, put with their expiry by the steps that pay a loan out); a district's message
 * processed twice, or at night, sends nothing more than once; loans paid out before pointers
 * were kept get theirs from the one-off script.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { handler } from '../../functions/sms-sender/handler.ts';
import { backfillLoanDue } from '../../scripts/lib/backfill-loan-due.ts';
import { runAt } from '../../shared/clock.ts';
import { addDays, todayInChina } from '../../shared/domain/dates.ts';
import type { Loan } from '../../shared/domain/entities.ts';
import { localInbox } from '../../shared/sms/local.ts';
import { documentClient, dynamoObservers, recordsTable, type DynamoCall } from '../../shared/store/client.ts';
import { loanDueKeys, loansDueOn, pointerExpiresAt } from '../../shared/store/loan-due.ts';
import { stageNewLoan } from '../../shared/store/loans.ts';
import { Transaction } from '../../shared/store/transaction.ts';
import { fanOutDistricts, runReminders } from '../../shared/usecases/sms.ts';
import { as } from '../support/api.ts';
import { activeLoan, CHENGGUAN, daysAgo, openRound, residentId } from '../support/fixtures.ts';
import { loanItem, syntheticLoan, type SyntheticLoanOptions } from '../support/synthetic-loans.ts';

/** A district of this test's own (no office needed: the run is asked for it by id), so counts are exact. */
const newDistrict = () => `lhasa.smsdue${process.pid}x${randomInt(1e9)}`;
let phones = 0;
const newPhone = () => `137${String(process.pid % 10000).padStart(4, '0')}${String(++phones).padStart(4, '0')}`;
/** The run's day, and noon of it in China. */
const DAY = addDays(todayInChina(), 3);
const noonOf = (day: string) => new Date(`${day}T12:00:00+08:00`);

/** Loans paid out as the app writes them (with their pointer). */
async function paidOut(districtId: string, dueOn: string, o: SyntheticLoanOptions = {}): Promise<Loan> {
  const loan = syntheticLoan(districtId, dueOn, { phone: newPhone(), ...o });
  const tx = new Transaction();
  stageNewLoan(tx, loan);
  await tx.commit(undefined);
  return loan;
}

const pointerOf = async (districtId: string, dueOn: string, loanId: string) =>
  (await documentClient().send(new GetCommand({ TableName: recordsTable(), Key: loanDueKeys.pointer(districtId, dueOn, loanId), ConsistentRead: true }))).Item;

const loanIdsOf = async (found: ReturnType<typeof loansDueOn>) => (await found).loans.map((l) => l.id);

/** The loan ids a piece of work read (GetItem / BatchGetItem of loan items). */
async function loansReadBy(work: () => Promise<unknown>): Promise<Set<string>> {
  const calls: DynamoCall[] = [];
  const observe = (c: DynamoCall) => calls.push(c);
  dynamoObservers.push(observe);
  try {
    await work();
  } finally {
    dynamoObservers.splice(dynamoObservers.indexOf(observe), 1);
  }
  return new Set(
    JSON.stringify(calls.map((c) => c.input))
      .match(/LOAN#[0-9A-Z]{26}/g)
      ?.map((k) => k.slice(5)) ?? [],
  );
}

const sqsEvent = (body: unknown) => ({ Records: [{ body: JSON.stringify(body) }] }) as unknown as Parameters<typeof handler>[0];

describe('the reminder run selects by due date', () => {
  it('reads only the loans due on the day’s dates: a loan due another day, or repaid, is not even read', async () => {
    const d = newDistrict();
    const due30 = await paidOut(d, addDays(DAY, 30), { sms: 'bo' });
    const due7NoConsent = await paidOut(d, addDays(DAY, 7));
    const dueNextDay = await paidOut(d, addDays(DAY, 31), { sms: 'zh-CN' });
    // repaid, with no pointer: a loan paid out before pointers were kept and repaid since (one repaid through the API keeps its pointer until it expires and is skipped, below)
    const repaid = syntheticLoan(d, addDays(DAY, 30), { sms: 'zh-CN', status: 'repaid', phone: newPhone() });
    await documentClient().send(new PutCommand({ TableName: recordsTable(), Item: loanItem(repaid) }));
    let run: Awaited<ReturnType<typeof runReminders>> | undefined;
    const read = await loansReadBy(async () => (run = await runReminders(noonOf(DAY), d)));
    expect(run).toEqual({ today: DAY, loansRead: 2, queued: 1 });
    expect(read).toEqual(new Set([due30.id, due7NoConsent.id]));
    expect(read.has(dueNextDay.id)).toBe(false);
    expect(read.has(repaid.id)).toBe(false);
    // run again the same day: the same two read, nothing queued
    expect(await runReminders(noonOf(DAY), d)).toEqual({ today: DAY, loansRead: 2, queued: 0 });
    // the next day the other loan is 30 days from due: it alone is messaged
    expect(await runReminders(noonOf(addDays(DAY, 1)), d)).toMatchObject({ loansRead: 1, queued: 1 });
  });

  it('keeps the pointer with the steps that move it: written at the payout already set to expire after its last notice (TTL; no function deletes), untouched by the repayments and a write-off, and a closed loan is skipped', async () => {
    const roundId = await openRound();
    const mother = () => ({ mother: { name: '拉姆', residentId: residentId(), phone: newPhone() } });
    const repaidId = await activeLoan(roundId, 1_000_000, mother());
    const writtenOffId = await activeLoan(roundId, 1_000_000, mother());
    const dueOn = (await as('district').get(`/loans/${repaidId}`)).body.dueOn as string;
    const written = await pointerOf(CHENGGUAN, dueOn, repaidId);
    expect(written).toMatchObject({ type: 'LOANDUE', loanId: repaidId, dueOn, expiresAt: pointerExpiresAt(dueOn) });
    expect(await pointerOf(CHENGGUAN, dueOn, writtenOffId)).toMatchObject({ expiresAt: pointerExpiresAt(dueOn) });
    expect(await loanIdsOf(loansDueOn(CHENGGUAN, [dueOn]))).toEqual(expect.arrayContaining([repaidId, writtenOffId]));

    const first = await as('township').post(`/loans/${repaidId}/repayments`, { paidOn: daysAgo(2), amountFen: 400_000, receiptNo: `LD1-${repaidId}` });
    expect(first.status).toBe(201);
    const last = await as('township').post(`/loans/${repaidId}/repayments`, { paidOn: daysAgo(1), amountFen: 600_000, receiptNo: `LD2-${repaidId}` });
    expect(last.status).toBe(201);
    const off = await as('committee').post(`/loans/${writtenOffId}/write-off`, { writtenOffOn: daysAgo(1), reason: '牲畜全部病死，无力偿还' });
    expect(off.status).toBe(200);
    // the pointers are as the payout wrote them …
    expect(await pointerOf(CHENGGUAN, dueOn, repaidId)).toEqual(written);
    expect(await pointerOf(CHENGGUAN, dueOn, writtenOffId)).toMatchObject({ expiresAt: pointerExpiresAt(dueOn) });
    // … and the run, which still finds them on the loans' dates, reminds neither mother
    const due = await loanIdsOf(loansDueOn(CHENGGUAN, [dueOn]));
    expect(due).not.toContain(repaidId);
    expect(due).not.toContain(writtenOffId);
  });

  it('gives loans paid out before pointers were kept their pointer with the one-off script (a dry run writes nothing; a second run changes nothing)', async () => {
    const d = newDistrict();
    const old = syntheticLoan(d, addDays(DAY, 30), { sms: 'bo', phone: newPhone() });
    await documentClient().send(new PutCommand({ TableName: recordsTable(), Item: loanItem(old) }));
    expect((await runReminders(noonOf(DAY), d)).loansRead).toBe(0);

    expect(await backfillLoanDue({ dryRun: true, districtIds: [d] })).toEqual({ written: 1, skipped: 0 });
    expect(await pointerOf(d, old.dueOn!, old.id)).toBeUndefined();
    expect(await backfillLoanDue({ dryRun: false, districtIds: [d] })).toEqual({ written: 1, skipped: 0 });
    // with its expiry, like a pointer the payout puts (a pointer written before expiries gets one the same way)
    expect(await pointerOf(d, old.dueOn!, old.id)).toMatchObject({ loanId: old.id, expiresAt: pointerExpiresAt(old.dueOn!) });
    expect(await backfillLoanDue({ dryRun: false, districtIds: [d] })).toEqual({ written: 1, skipped: 0 });
    expect(await runReminders(noonOf(DAY), d)).toMatchObject({ loansRead: 1, queued: 1 });
  });
});

describe('the scheduled run, fanned out per district', () => {
  it('the schedule’s invocation only lists the districts (one Query of the office directory), naming the day for the morning run', async () => {
    const now = noonOf(DAY);
    const calls: DynamoCall[] = [];
    const observe = (c: DynamoCall) => calls.push(c);
    dynamoObservers.push(observe);
    const [morning, quarter] = await Promise.all([fanOutDistricts(now, true), fanOutDistricts(now, false)]).finally(() => dynamoObservers.splice(dynamoObservers.indexOf(observe), 1));
    expect(morning).toContainEqual({ districtId: CHENGGUAN, remindersOn: DAY });
    expect(quarter).toContainEqual({ districtId: CHENGGUAN });
    expect(morning.every((r) => r.districtId.split('.').length === 2)).toBe(true);
    expect(calls.map((c) => `${c.command}:${String((c.input.ExpressionAttributeValues as Record<string, unknown>)[':pk'])}`)).toEqual(['QueryCommand:OFFICES', 'QueryCommand:OFFICES']);
  });

  it('a district’s message processed twice sends each reminder once; at 22:00 they wait for 08:00', async () => {
    const d = newDistrict();
    const loans = [await paidOut(d, addDays(DAY, 30), { sms: 'bo' }), await paidOut(d, addDays(DAY, 30), { sms: 'zh-CN' }), await paidOut(d, addDays(DAY, 31), { sms: 'bo' })];
    const inbox = () => loans.map((l) => localInbox(l.mother.phone!).filter((m) => m.kind === 'due_reminder').length);

    const first = (await runAt(noonOf(DAY), () => handler(sqsEvent({ districtId: d, remindersOn: DAY })))) as { reminders: { queued: number; loansRead: number }; sent: number }[];
    expect(first[0]).toMatchObject({ districtId: d, reminders: { queued: 2, loansRead: 2 }, sent: 2 });
    expect(inbox()).toEqual([1, 1, 0]);
    const again = (await runAt(noonOf(DAY), () => handler(sqsEvent({ districtId: d, remindersOn: DAY })))) as { reminders: { queued: number }; sent: number }[];
    expect(again[0]).toMatchObject({ reminders: { queued: 0 }, sent: 0 });
    expect(inbox()).toEqual([1, 1, 0]);

    // the next day's run at 22:00 China time: queued, not sent until the morning's quarter-hour run
    const next = addDays(DAY, 1);
    const night = (await runAt(new Date(`${next}T22:00:00+08:00`), () => handler(sqsEvent({ districtId: d, remindersOn: next })))) as { reminders: { queued: number }; sent: number }[];
    expect(night[0]).toMatchObject({ reminders: { queued: 1 }, sent: 0 });
    expect(inbox()).toEqual([1, 1, 0]);
    const morning = new Date(`${addDays(next, 1)}T08:00:00+08:00`);
    expect(((await runAt(morning, () => handler(sqsEvent({ districtId: d })))) as { sent: number }[])[0]).toMatchObject({ sent: 1 });
    expect(((await runAt(morning, () => handler(sqsEvent({ districtId: d })))) as { sent: number }[])[0]).toMatchObject({ sent: 0 });
    expect(inbox()).toEqual([1, 1, 1]);
  });

  it('refuses a queue message that names no district (it goes back to the queue, then to the dead-letter queue)', async () => {
    await expect(handler(sqsEvent({ district: 'lhasa.chengguan' }))).rejects.toThrow(/not a district message/);
  });
});
