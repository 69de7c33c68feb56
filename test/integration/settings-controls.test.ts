/**
 * Settings are controls too (issue 18): every change needs a reason and is kept as history;
 * turning a control off or loosening it does nothing until a second committee member
 * confirms; the proposer cannot confirm; a proposal can be withdrawn; tightening takes effect
 * at once; records made while a control was off are marked and reported; every step of a
 * change is in the exceptions report.
 *
 * This file switches four eyes off, which every other test file relies on: it runs on tables
 * of its own (test/support/own-tables.ts), so the files beside it never see the change.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { as, call } from '../support/api.ts';
import { activeLoan, agreementInput, confirmLoans, daysAgo, openRound, readyApplication, visitInput } from '../support/fixtures.ts';
import { useOwnTables } from '../support/own-tables.ts';

let roundId: string;
beforeAll(async () => {
  await useOwnTables();
  roundId = await openRound({ capitalFen: 100_000_000 });
}, 120_000);

const settings = async () => (await as('field').get('/settings')).body;
const approveAs = (user: 'district' | 'district-2', appId: string) => as(user).post(`/applications/${appId}/decision`, { decision: 'approve', decidedOn: daysAgo(30), amountFen: 1_000_000 });
const exceptions = async (kind: string, districtId?: string) => {
  const res = await as('committee').get('/reports/exceptions', { query: { from: daysAgo(0), kind, ...(districtId ? { districtId } : {}) } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items as { kind: string; recordId: string; text: string; actorName: string; data: Record<string, unknown> }[];
};

describe('switching four eyes off takes two committee members', () => {
  it('one member’s switch-off does nothing until a second confirms; she cannot confirm it herself; then records are marked; switching on again is at once', async () => {
    // an application whose visits the district clerk logged herself
    const appId = await readyApplication(roundId);
    for (const visitedOn of [daysAgo(44), daysAgo(34)]) expect((await as('district').post(`/applications/${appId}/visits`, visitInput({ visitedOn }))).status).toBe(201);

    const proposed = await as('committee').post('/settings', { separationOfDuties: false, reason: '试点：城关区人手不足，暂停四眼原则' });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(200);
    expect(proposed.body).toMatchObject({ separationOfDuties: true, pending: { changes: { separationOfDuties: false }, loosens: ['separationOfDuties'], proposedBy: { username: 'committee' } } });
    const proposalId = proposed.body.pending.id as string;
    expect((await settings()).separationOfDuties).toBe(true);
    // nothing changed: the clerk who visited still may not approve
    expect((await approveAs('district', appId)).body.error).toMatchObject({ code: 'separation_of_duties', field: 'visit' });

    const self = await as('committee').post('/settings/pending/confirm', { proposalId });
    expect(self.status).toBe(409);
    expect(self.body.error).toMatchObject({ code: 'proposer_cannot_confirm' });
    const another = await as('committee-2').post('/settings', { backDatedAfterDays: 30, reason: '纸质材料送达较慢，放宽补录天数' });
    expect(another.status).toBe(409);
    expect(another.body.error).toMatchObject({ code: 'settings_change_pending' });
    expect((await as('committee-2').post('/settings/pending/confirm', { proposalId: '01JZZZZZZZZZZZZZZZZZZZZZZZ' })).body.error).toMatchObject({ code: 'no_pending_change' });
    expect((await as('district').post('/settings/pending/confirm', { proposalId })).status).toBe(403);

    const confirmed = await as('committee-2').post('/settings/pending/confirm', { proposalId });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body).toMatchObject({ separationOfDuties: false, updatedBy: { username: 'committee-2' } });
    expect(confirmed.body.pending).toBeUndefined();

    // four eyes off: the clerk approves what she visited — allowed, and marked in the record, its history and the report
    const approved = await approveAs('district', appId);
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.decision.controlsOff).toEqual(['separationOfDuties']);
    const app = (await as('district').get(`/applications/${appId}`, { lang: 'zh-CN' })).body;
    const entry = app.history.find((h: { action: string }) => h.action === 'approved');
    expect(entry.params.controlsOff).toEqual(['separationOfDuties']);
    expect(entry.text).toContain('（登记时四眼原则已关闭或放宽）');
    const off = (await exceptions('controls_off', 'lhasa.chengguan')).filter((e) => e.recordId === appId);
    expect(off).toHaveLength(1);
    expect(off[0]!.data).toMatchObject({ what: 'approval', controls: ['separationOfDuties'] });

    // the payout by the approver herself: also allowed and marked
    const loanId = approved.body.loanId as string;
    await confirmLoans([loanId], { on: daysAgo(30) });
    expect((await as('district').post(`/loans/${loanId}/agreement`, agreementInput(daysAgo(29)))).status).toBe(200);
    const paid = await as('district').post(`/loans/${loanId}/disbursement`, { disbursedOn: daysAgo(28), amountFen: 1_000_000, motherPresent: true, idChecked: true });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body.disbursement.controlsOff).toEqual(['separationOfDuties']);

    // tightening is at once, by one person
    const on = await as('committee').post('/settings', { separationOfDuties: true, reason: '试点结束，恢复四眼原则' });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ separationOfDuties: true });
    expect(on.body.pending).toBeUndefined();
    const next = await readyApplication(roundId);
    for (const visitedOn of [daysAgo(44), daysAgo(34)]) await as('district').post(`/applications/${next}/visits`, visitInput({ visitedOn }));
    expect((await approveAs('district', next)).body.error).toMatchObject({ code: 'separation_of_duties' });

    // every step is in the report (the committee's programme-wide items) and in the history, with who and why
    const changes = await exceptions('settings_changed');
    const stages = changes.filter((e) => ['proposed', 'confirmed', 'changed'].includes(String(e.data.stage)));
    expect(stages.map((e) => e.data.stage)).toEqual(['proposed', 'confirmed', 'changed']);
    expect(stages.map((e) => e.actorName)).toEqual(['组委会 · 次仁', '组委会 · 卓玛', '组委会 · 次仁']);
    expect(stages[0]!.data).toMatchObject({ reason: '试点：城关区人手不足，暂停四眼原则', changes: { separationOfDuties: { before: true, after: false } } });

    const history = await as('committee').get('/settings/history', { lang: 'zh-CN' });
    expect(history.status).toBe(200);
    const actions = history.body.items.map((h: { action: string }) => h.action);
    expect(actions.slice(0, 3)).toEqual(['settings_changed', 'settings_confirmed', 'settings_proposed']);
    expect(history.body.items[2].text).toBe('提出放宽项目设置，待另一位组委会成员确认：四眼原则：开 → 关（理由：试点：城关区人手不足，暂停四眼原则）');
    expect(history.body.items[1]).toMatchObject({ actorName: '组委会 · 卓玛', params: { proposedBy: { username: 'committee' } } });
    const first = await as('committee').get('/settings/history', { query: { limit: '2' } });
    expect(first.body.items).toHaveLength(2);
    const second = await as('committee').get('/settings/history', { query: { limit: '2', cursor: first.body.nextCursor } });
    expect(second.body.items[0].action).toBe('settings_proposed');
    expect((await as('committee').get('/settings/history', { query: { cursor: 'bm90LWEtY3Vyc29y' } })).body.error).toMatchObject({ field: 'cursor' });
    expect((await as('district').get('/settings/history')).status).toBe(403);
  });

  it('a loosening proposal can be withdrawn (nothing of it takes effect); a mixed change tightens at once and waits for the rest', async () => {
    const proposed = await as('committee').post('/settings', { backDatedAfterDays: 365, accountOwnerDays: 120, reason: '补录期放宽，同时延长账号归属期' });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(200);
    // accountOwnerDays longer is tighter: in force now; the back-dating window waits
    expect(proposed.body).toMatchObject({ backDatedAfterDays: 7, accountOwnerDays: 120, pending: { changes: { backDatedAfterDays: 365 }, loosens: ['backDatedAfterDays'] } });
    const withdrawn = await as('committee').post('/settings/pending/withdraw', { proposalId: proposed.body.pending.id });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.pending).toBeUndefined();
    expect(await settings()).toMatchObject({ backDatedAfterDays: 7, accountOwnerDays: 120 });
    expect((await exceptions('settings_changed')).map((e) => e.data.stage)).toContain('withdrawn');
    // back to 90: shorter is looser, so it needs the second member too
    const back = await as('committee-2').post('/settings', { accountOwnerDays: 90, reason: '恢复默认的账号归属天数' });
    expect(back.body).toMatchObject({ accountOwnerDays: 120, pending: { loosens: ['accountOwnerDays'] } });
    expect((await as('committee').post('/settings/pending/confirm', { proposalId: back.body.pending.id })).body).toMatchObject({ accountOwnerDays: 90 });
  });

  it('a longer back-dating window, once confirmed, still marks what it let through: controlsOff and the report', async () => {
    const loanId = await activeLoan(roundId);
    const proposed = await as('committee').post('/settings', { backDatedAfterDays: 60, reason: '雨季送件慢，放宽补录天数' });
    await as('committee-2').post('/settings/pending/confirm', { proposalId: proposed.body.pending.id });
    const repaid = await as('township').post(`/loans/${loanId}/repayments`, { paidOn: daysAgo(20), amountFen: 100_000, receiptNo: `SC-${Date.now()}` });
    expect(repaid.status, JSON.stringify(repaid.body)).toBe(201);
    expect(repaid.body.backDated).toBeUndefined();
    expect(repaid.body.controlsOff).toEqual(['backDatedAfterDays']);
    const off = (await exceptions('controls_off', 'lhasa.chengguan')).filter((e) => e.recordId === loanId);
    expect(off.map((e) => e.data.what)).toEqual(['repayment']);
    expect((await as('committee').post('/settings', { backDatedAfterDays: 7, reason: '雨季结束，恢复七天' })).body).toMatchObject({ backDatedAfterDays: 7 });
  });

  it('a change needs a reason of a few words (422 reason_too_short), in every language', async () => {
    for (const reason of ['x', '看看', 'ok ok', 'ཀ་ཁ']) {
      const res = await as('committee').post('/settings', { backDatedAfterDays: 6, reason });
      expect(res.status, reason).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'validation_failed', rule: 'reason_too_short', field: 'reason' });
    }
    const zh = await call('committee', 'POST', '/settings', { backDatedAfterDays: 6, reason: '看看' }, { lang: 'zh-CN' });
    expect(zh.body.error.message).toContain('至少 4 个汉字');
    for (const reason of ['核对补录规定', 'tighten the window now', 'བཀོད་སྒྲིག་ཉུང་དུ་གཏོང་།']) expect((await as('committee').post('/settings', { backDatedAfterDays: 7, reason })).status, reason).toBe(200);
  });
});

describe('full resident-ID reveals are limited', () => {
  it('each needs a reason of a few words; more than 5 in 10 minutes is reported; past the daily limit the answer is 409 reveal_limit_reached', async () => {
    // a tighter limit is at once (this file's own tables)
    expect((await as('committee').post('/settings', { revealsPerDay: 7, reason: '测试：每人每天最多七次' })).body).toMatchObject({ revealsPerDay: 7 });
    const appId = await readyApplication(roundId);
    const reveal = (reason = '核对重复申请') => as('field').post(`/applications/${appId}/resident-id`, { reason });
    const short = await reveal('x');
    expect(short.status).toBe(422);
    expect(short.body.error).toMatchObject({ rule: 'reason_too_short', field: 'reason' });
    for (let i = 1; i <= 7; i++) expect((await reveal()).status, `reveal ${i}`).toBe(200);
    const over = await reveal();
    expect(over.status).toBe(409);
    expect(over.body.error).toMatchObject({ code: 'reveal_limit_reached', params: { limit: 7 } });
    const zh = await call('field', 'POST', `/applications/${appId}/resident-id`, { reason: '核对重复申请' }, { lang: 'zh-CN' });
    expect(zh.body.error.message).toContain('你今天已经查看了 7 个完整身份证号');
    // refused reveals are not in the history; the burst is reported once, naming the person
    const history = (await as('district').get(`/applications/${appId}`)).body.history.filter((h: { action: string }) => h.action === 'resident_id_revealed');
    expect(history).toHaveLength(7);
    const bursts = (await exceptions('resident_id_burst', 'lhasa.chengguan')).filter((e) => e.recordId === appId);
    expect(bursts).toHaveLength(1);
    expect(bursts[0]).toMatchObject({ data: { count: 6, minutes: 10 } });
    expect(bursts[0]!.text).toBe('the full resident ID number was shown 6 times within 10 minutes');
  });
});
