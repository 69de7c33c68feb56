/**
 * Text messages to the mothers, through the API and the local provider's inboxes: one
 * confirmation per repayment in her language, none when she opted out (and the clerk sees
 * why), reminders exactly once per due date, nothing at night, and the public check of a
 * printed receipt.
 */
import { describe, expect, it } from 'vitest';
import { runAt } from '../../shared/clock.ts';
import { addDays, todayInChina } from '../../shared/domain/dates.ts';
import { sendableAt } from '../../shared/domain/sms.ts';
import { localInbox } from '../../shared/sms/local.ts';
import { getLoan } from '../../shared/store/loans.ts';
import { queueOnce } from '../../shared/store/sms.ts';
import { deliverMessage, messageFor, receiptToken, runReminders, sendDueMessages } from '../../shared/usecases/sms.ts';
import { as, call } from '../support/api.ts';
import { activeLoan, openRound, residentId } from '../support/fixtures.ts';

let phones = 0;
/** A phone number of this test run's own (the inboxes are per process). */
const newPhone = () => `139${String(process.pid % 10000).padStart(4, '0')}${String(++phones).padStart(4, '0')}`;
/** A moment just ahead, outside quiet hours (the next 08:00 China time when it is night now). */
const noon = () => sendableAt(new Date(Date.now() + 60_000));

async function loanOfMother(phone: string, sms: { optIn: boolean; lang: 'bo' | 'zh-CN' } | undefined) {
  const roundId = await openRound();
  return activeLoan(roundId, 1_000_000, { mother: { name: '央金卓玛', residentId: residentId(), phone }, ...(sms ? { sms } : {}) });
}

describe('text messages to the mothers', () => {
  it('puts exactly one repayment confirmation in her inbox, in Tibetan, with the amount and the balance left; a replay adds nothing', async () => {
    const phone = newPhone();
    const loanId = await loanOfMother(phone, { optIn: true, lang: 'bo' });
    await sendDueMessages(noon());
    expect(localInbox(phone).map((m) => m.kind)).toEqual(['payout']);
    const body = { paidOn: todayInChina(noon()), amountFen: 380_000, receiptNo: `SMS-${phone}` };
    const first = await runAt(noon(), () => as('township').post(`/loans/${loanId}/repayments`, body, { idempotencyKey: `sms-test-${phone}` }));
    expect(first.status).toBe(201);
    const again = await runAt(noon(), () => as('township').post(`/loans/${loanId}/repayments`, body, { idempotencyKey: `sms-test-${phone}` }));
    expect(again.headers['idempotent-replayed']).toBe('true');
    await sendDueMessages(noon());
    await sendDueMessages(noon());
    const confirmations = localInbox(phone).filter((m) => m.kind === 'repayment');
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]!.text).toContain('སྒོར་ 3,800');
    expect(confirmations[0]!.text).toContain('སྒོར་ 6,200');
    expect(confirmations[0]!.text).toContain(body.receiptNo);
    expect(confirmations[0]!.text).not.toMatch(/\d{17}[\dX]/);
    const log = await as('district').get(`/loans/${loanId}/messages`);
    expect(log.body.messages.map((m: { kind: string; status: string }) => `${m.kind}:${m.status}`).sort()).toEqual(['payout:sent', 'repayment:sent']);
  });

  it('sends nothing to a mother who opted out, and tells the township clerk why', async () => {
    const phone = newPhone();
    const loanId = await loanOfMother(phone, { optIn: true, lang: 'zh-CN' });
    const stop = await as('township').post(`/loans/${loanId}/sms-preference`, { optIn: false, lang: 'zh-CN', reason: '本人要求停止短信' });
    expect(stop.status).toBe(200);
    const stoppedAt = stop.body.changedAt as string;
    const before = localInbox(phone).length;
    await runAt(noon(), () => as('township').post(`/loans/${loanId}/repayments`, { paidOn: todayInChina(noon()), amountFen: 100_000, receiptNo: `SMS-${phone}` }));
    await sendDueMessages(noon());
    expect(localInbox(phone)).toHaveLength(before);
    const log = await as('township').get(`/loans/${loanId}/messages`);
    expect(log.body).toMatchObject({ notSentBecause: 'opted_out', preference: { optIn: false, reason: '本人要求停止短信', changedBy: expect.any(String) } });
    // the payout message queued while she agreed went before she stopped them (another sender) or never
    const payout = log.body.messages.find((m: { kind: string }) => m.kind === 'payout') as { status: string; sentAt?: string };
    expect(payout.status === 'withheld' || (payout.sentAt ?? '') < stoppedAt).toBe(true);
    expect(log.body.messages.filter((m: { sentAt?: string }) => (m.sentAt ?? '') > stoppedAt)).toEqual([]);
    const history = (await as('township').get(`/loans/${loanId}`)).body.history as { action: string }[];
    expect(history.map((h) => h.action)).toContain('sms_preference');
  });

  it('withholds a message queued before she stopped the messages, and one queued for the number she no longer has', async () => {
    // messages due in five days: no sender of another test file takes them before this test does
    const later = sendableAt(new Date(Date.now() + 5 * 86_400_000));
    const queueFor = async (loanId: string) => {
      const m = messageFor((await getLoan(loanId))!, 'collection_day', `withheld-${loanId}`, { on: todayInChina(later), place: '村委会', township: '蔡公堂乡' }, later);
      expect(await queueOnce(m!)).toBe(true);
      return m!.key;
    };
    const phone = newPhone();
    const loanId = await loanOfMother(phone, { optIn: true, lang: 'zh-CN' });
    const key = await queueFor(loanId);
    await as('township').post(`/loans/${loanId}/sms-preference`, { optIn: false, lang: 'zh-CN', reason: '本人要求停止短信' });
    expect(await deliverMessage(loanId, key, later)).toBe('withheld');
    expect(localInbox(phone).filter((m) => m.kind === 'collection_day')).toHaveLength(0);
    const log = await as('township').get(`/loans/${loanId}/messages`);
    expect(log.body.messages.find((m: { kind: string }) => m.kind === 'collection_day')).toMatchObject({ status: 'withheld', lastError: { code: 'opted_out' } });

    const old = newPhone();
    const second = await loanOfMother(old, { optIn: true, lang: 'bo' });
    const queued = await queueFor(second);
    await as('township').post(`/loans/${second}/sms-preference`, { optIn: true, lang: 'bo', phone: newPhone(), reason: '换了新号码' });
    expect(await deliverMessage(second, queued, later)).toBe('withheld');
    expect(localInbox(old).filter((m) => m.kind === 'collection_day')).toHaveLength(0);

    // the control: while she agrees, to the same number, it goes
    const third = newPhone();
    const kept = await loanOfMother(third, { optIn: true, lang: 'zh-CN' });
    expect(await deliverMessage(kept, await queueFor(kept), later)).toBe('sent');
    expect(localInbox(third).filter((m) => m.kind === 'collection_day')).toHaveLength(1);
  });

  it('refuses agreeing to messages without a number', async () => {
    const roundId = await openRound();
    const res = await as('township').post('/applications', {
      ...(await import('../support/fixtures.ts')).applicationInput(roundId),
      sms: { optIn: true, lang: 'bo' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ rule: 'sms_phone_missing', field: 'sms.optIn' });
  });

  it('sends the day’s reminders exactly once, only to mothers who opted in, and nothing at night until 08:00', async () => {
    const optedIn = newPhone();
    const optedOut = newPhone();
    const [inLoan, outLoan] = [await loanOfMother(optedIn, { optIn: true, lang: 'zh-CN' }), await loanOfMother(optedOut, undefined)];
    const dueOn = (await as('district').get(`/loans/${inLoan}`)).body.dueOn as string;
    expect((await as('district').get(`/loans/${outLoan}`)).body.dueOn).toBe(dueOn);
    const day = addDays(dueOn, -30);
    // 22:00 China time on the day 30 days before the due date
    const night = new Date(`${day}T22:00:00+08:00`);
    const run = await runReminders(night, 'lhasa.chengguan');
    expect(run.queued).toBeGreaterThanOrEqual(1);
    expect((await runReminders(night, 'lhasa.chengguan')).queued).toBe(0);
    await sendDueMessages(night, 'lhasa.chengguan');
    expect(localInbox(optedIn).filter((m) => m.kind === 'due_reminder')).toHaveLength(0);
    const morning = new Date(`${addDays(day, 1)}T08:00:00+08:00`);
    await sendDueMessages(morning, 'lhasa.chengguan');
    await sendDueMessages(morning, 'lhasa.chengguan');
    const reminders = localInbox(optedIn).filter((m) => m.kind === 'due_reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.text).toContain('到期');
    expect(localInbox(optedOut)).toHaveLength(0);
  });

  it('shows a printed receipt genuine to anyone with its link, and an altered one not genuine, with no ID, phone or full name', async () => {
    const phone = newPhone();
    const loanId = await loanOfMother(phone, { optIn: true, lang: 'bo' });
    const paid = await runAt(noon(), () => as('township').post(`/loans/${loanId}/repayments`, { paidOn: todayInChina(noon()), amountFen: 250_000, receiptNo: `QR-${phones}-${process.pid}` }));
    const token = receiptToken(loanId, paid.body.id);
    const ok = await call(null, 'GET', `/public/receipts/${loanId}/${paid.body.id}`, undefined, { query: { t: token } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ genuine: true, amountFen: 250_000, receiptNo: `QR-${phones}-${process.pid}`, balanceAfterFen: 750_000, mother: '央*' });
    expect(JSON.stringify(ok.body)).not.toMatch(/央金卓玛|\d{17}[\dX]|139\d{8}/);
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const bad = await call(null, 'GET', `/public/receipts/${loanId}/${paid.body.id}`, undefined, { query: { t: altered } });
    expect(bad.body).toEqual({ genuine: false });
  });

  it('gives the loan file the signature each printed receipt carries in its QR code, and it opens the receipt genuine', async () => {
    const loanId = await loanOfMother(newPhone(), { optIn: true, lang: 'zh-CN' });
    const paid = await runAt(noon(), () => as('township').post(`/loans/${loanId}/repayments`, { paidOn: todayInChina(noon()), amountFen: 100_000, receiptNo: `QRF-${phones}-${process.pid}` }));
    const file = await as('district').get(`/loans/${loanId}`);
    const repayment = file.body.repayments.find((r: { id: string }) => r.id === paid.body.id);
    expect(repayment.verifyToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const ok = await call(null, 'GET', `/public/receipts/${loanId}/${paid.body.id}`, undefined, { query: { t: repayment.verifyToken } });
    expect(ok.body).toMatchObject({ genuine: true, amountFen: 100_000, receiptNo: `QRF-${phones}-${process.pid}` });
  });
});
