/**
 * The API answers in the caller's language (Accept-Language: zh-CN by default, bo, en):
 * refusals carry code, field, rule and params with a message in that language, and history
 * entries carry a text written in it (yuan, dates as people write them, names, no ids).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { as, call } from '../support/api.ts';
import { applicationInput, daysAgo, openRound, readyApplication } from '../support/fixtures.ts';
import { expectStatus } from './refusal-helpers.ts';

const TIBETAN = /[\u0F00-\u0FFF]/;
const HAN = /[\u4E00-\u9FFF]/;

let roundId: string;

beforeAll(async () => {
  roundId = await openRound({ capitalFen: 100_000_000, minLoanFen: 500_000, maxLoanFen: 1_500_000 });
});

/** A 16,000-yuan request in the 5,000–15,000 round, in a language. */
const tooMuch = (lang: string) => call('township', 'POST', '/applications', applicationInput(roundId, { amountRequestedFen: 1_600_000 }), { lang });

describe('a refused request in the caller’s language', () => {
  it('16,000 yuan in a 5,000–15,000 round is refused at submission: 422 naming amountRequestedFen, with the range as params', async () => {
    const res = await tooMuch('zh-CN');
    expectStatus(res, 422);
    expect(res.body.error).toEqual({
      code: 'validation_failed',
      rule: 'amount_out_of_range',
      field: 'amountRequestedFen',
      params: { minFen: 500_000, maxFen: 1_500_000 },
      message: '申请金额必须在 5,000–15,000 元之间',
    });
    expect(res.headers['content-language']).toBe('zh-CN');
  });

  it('answers Tibetan script for bo, Chinese for zh-CN and without a header, English for en', async () => {
    const bo = await tooMuch('bo');
    expect(bo.body.error.message).toMatch(TIBETAN);
    expect(bo.body.error.message).toContain('5,000–15,000');
    expect(bo.body.error.message).not.toMatch(/[A-Za-z]{3,}/);
    expect((await tooMuch('')).body.error.message).toMatch(HAN);
    const en = await tooMuch('en-GB,en;q=0.9');
    // a visitor's English: the field by its label, money in yuan
    expect(en.body.error.message).toBe('amount requested must be within the round’s range of 5,000–15,000 yuan');
    expect(en.body.error.message).not.toMatch(HAN);
    expect(en.body.error.message).not.toMatch(TIBETAN);
  });

  it('follows the q-values of Accept-Language', async () => {
    expect((await tooMuch('en;q=0.3, bo;q=0.9')).body.error.message).toMatch(TIBETAN);
    expect((await tooMuch('fr-FR, en;q=0.5')).body.error.message).toMatch(/^amount requested .* yuan$/);
    expect((await tooMuch('de')).body.error.message).toMatch(HAN);
  });

  it('a schema failure names the field and the rule in the language', async () => {
    const res = await call('township', 'POST', '/applications', applicationInput(roundId, { householdSize: 0 }), { lang: 'zh-CN' });
    expectStatus(res, 400);
    expect(res.body.error).toMatchObject({ code: 'invalid_request', field: 'householdSize', rule: 'min_number', params: { minimum: 1 }, message: '家庭人口不能小于 1' });
    expect(res.body.error.details).toEqual([{ field: 'householdSize', rule: 'min_number', params: { minimum: 1 }, message: '家庭人口不能小于 1' }]);
    const bo = await call('township', 'POST', '/applications', { ...applicationInput(roundId), extra: 1 }, { lang: 'bo' });
    expect(bo.body.error).toMatchObject({ rule: 'unknown_fields', params: { keys: ['extra'] } });
    expect(bo.body.error.message).toMatch(TIBETAN);
  });

  it('an approval blocked by unmet conditions lists each of them as params and in the message', async () => {
    const app = await as('township').post('/applications', applicationInput(roundId));
    expectStatus(app, 201);
    const res = await call('district', 'POST', `/applications/${app.body.id}/decision`, { decision: 'approve', decidedOn: daysAgo(1), amountApprovedFen: 1_000_000 }, { lang: 'zh-CN' });
    expectStatus(res, 409);
    expect(res.body.error.code).toBe('approval_blocked');
    expect(res.body.error.params.unmet).toEqual(expect.arrayContaining([{ rule: 'notice_missing' }, { rule: 'visits_missing', count: 0, required: 2 }]));
    expect(res.body.error.message).toContain('尚未张贴公示');
    expect(res.body.error.message).toContain('已入户走访 0 次，需至少 2 次');
    expect(
      (await call('district', 'POST', `/applications/${app.body.id}/decision`, { decision: 'approve', decidedOn: daysAgo(1), amountApprovedFen: 1_000_000 }, { lang: 'bo' })).body.error.message,
    ).toMatch(TIBETAN);
  });

  it('a refusal at the gate (no token) is in the language too', async () => {
    const res = await call(null, 'GET', '/loans', undefined, { lang: 'bo' });
    expectStatus(res, 401);
    expect(res.body.error.message).toMatch(TIBETAN);
  });
});

describe('the district approves an amount up to what was asked', () => {
  it('approves less than asked (amountApprovedFen), refuses more than asked and outside the range', async () => {
    const appId = await readyApplication(roundId, { amountRequestedFen: 1_200_000 });
    const more = await call('district', 'POST', `/applications/${appId}/decision`, { decision: 'approve', decidedOn: daysAgo(30), amountApprovedFen: 1_300_000 }, { lang: 'zh-CN' });
    expectStatus(more, 422);
    expect(more.body.error).toMatchObject({ field: 'amountApprovedFen', rule: 'amount_above_requested', params: { requestedFen: 1_200_000 }, message: '批准金额不能超过申请金额 12,000 元' });
    const below = await call('district', 'POST', `/applications/${appId}/decision`, { decision: 'approve', decidedOn: daysAgo(30), amountApprovedFen: 400_000 });
    expectStatus(below, 422);
    expect(below.body.error).toMatchObject({ field: 'amountApprovedFen', rule: 'amount_out_of_range' });
    const approved = await as('district').post(`/applications/${appId}/decision`, { decision: 'approve', decidedOn: daysAgo(30), amountApprovedFen: 800_000 });
    expectStatus(approved, 200);
    expect(approved.body.decision).toMatchObject({ amountApprovedFen: 800_000 });
    const loan = await as('district').get(`/loans/${approved.body.loanId}`);
    expect(loan.body).toMatchObject({ principalFen: 800_000, balanceFen: 800_000 });
  });
});

describe('history entries and agreement numbers', () => {
  it('each entry has its action, params, actor and a text in the language: yuan, Chinese dates, no record ids, no fen', async () => {
    const appId = await readyApplication(roundId, { amountRequestedFen: 1_000_000 });
    const approved = await as('district').post(`/applications/${appId}/decision`, { decision: 'approve', decidedOn: daysAgo(30), amountApprovedFen: 1_000_000 });
    expectStatus(approved, 200);
    const zh = await call('district', 'GET', `/applications/${appId}`, undefined, { lang: 'zh-CN' });
    const history = zh.body.history as { action: string; params: Record<string, unknown>; actor: { username: string }; actorName: string; text: string }[];
    const submitted = history.find((h) => h.action === 'application_submitted')!;
    expect(submitted.params).toMatchObject({ amountRequestedFen: 1_000_000 });
    // submitted 60 days after its paper date: back-dated, and the text says so
    expect(submitted.text).toBe('提交申请，申请金额 10,000 元（补登，晚 60 天登记）');
    // people by their names from the staff directory
    expect(submitted.actorName).toBe('蔡公堂乡 · 格桑');
    const notice = history.find((h) => h.action === 'notice_posted')!;
    expect(notice.text).toMatch(/^张贴公示，\d{4}年\d{1,2}月\d{1,2}日起，公示 7 天(（补登，晚 \d+ 天登记）)?$/);
    for (const h of history) {
      expect(h.text, h.action).not.toMatch(/[0-9A-Z]{26}/);
      expect(h.text, h.action).not.toMatch(/fen|分/);
      expect(h.text, h.action).not.toMatch(/[A-Za-z]{4,}/);
    }
    const bo = await call('district', 'GET', `/applications/${appId}`, undefined, { lang: 'bo' });
    for (const h of bo.body.history) expect(h.text, h.action).toMatch(TIBETAN);

    const loan = await call('district', 'GET', `/loans/${approved.body.loanId}`, undefined, { lang: 'zh-CN' });
    // the round's own number, however many rounds other tests opened (two digits at least, 118 past 99)
    expect(loan.body.agreementNo).toMatch(/^城关-\d{4}-(?:\d{2}|[1-9]\d{2,})-\d{3,}$/);
    expect(loan.body.history.find((h: { action: string }) => h.action === 'loan_created').text).toBe(`申请获批，建立贷款 10,000 元，协议编号 ${loan.body.agreementNo}`);
  });

  it('numbers the loans of a round in order, each number once', async () => {
    const round = await openRound({ capitalFen: 100_000_000 });
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) {
      const appId = await readyApplication(round);
      const res = await as('district').post(`/applications/${appId}/decision`, { decision: 'approve', decidedOn: daysAgo(30), amountApprovedFen: 1_000_000 });
      expectStatus(res, 200);
      numbers.push((await as('district').get(`/loans/${res.body.loanId}`)).body.agreementNo);
    }
    const [first, second, third] = numbers.map((n) => n.split('-'));
    expect(first!.slice(0, 3)).toEqual(third!.slice(0, 3));
    expect([first![3], second![3], third![3]]).toEqual(['001', '002', '003']);
  });
});
