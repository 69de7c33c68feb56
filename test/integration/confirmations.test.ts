/**
 * Committee confirmation (审核确定): the district sends approved loans on a list, the
 * committee confirms or returns single loans with a reason; a returned loan can go on a
 * later list; the history of the loan and of the list names who sent and who decided.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { as, call } from '../support/api.ts';
import { agreementInput, daysAgo, openRound, readyApplication } from '../support/fixtures.ts';
import { approve, disbursementInput, expectError, expectStatus } from './refusal-helpers.ts';

let roundId: string;
const loanOf = async (id: string, lang = 'en') => (await call('district', 'GET', `/loans/${id}`, undefined, { lang })).body;

beforeAll(async () => {
  roundId = await openRound({ capitalFen: 100_000_000 });
});

describe('confirmation lists (报批名单)', () => {
  it('a returned loan goes back to the district with the reason in its history; on a later list it is confirmed and may be paid out', async () => {
    const [a, b] = [await approve(await readyApplication(roundId, { amountRequestedFen: 800_000 }), 800_000), await approve(await readyApplication(roundId))];
    const sent = await as('district').post('/confirmation-lists', { sentOn: daysAgo(29), loanIds: [a, b], note: '第一批' });
    expectStatus(sent, 201);
    expect(sent.body).toMatchObject({ status: 'sent', roundId, districtId: 'lhasa.chengguan', totalFen: 1_800_000, sentBy: { username: 'district' } });
    expect(sent.body.items).toEqual([
      expect.objectContaining({ loanId: a, amountFen: 800_000, motherName: '次仁卓玛', visitCount: 2, status: 'listed', approvedBy: expect.objectContaining({ username: 'district-2' }) }),
      expect.objectContaining({ loanId: b, amountFen: 1_000_000, status: 'listed' }),
    ]);

    // the committee sees it waiting
    const waiting = await as('committee').get('/confirmation-lists', { query: { districtId: 'lhasa.chengguan', status: 'sent', limit: '100' } });
    expect(waiting.body.items.map((l: { id: string }) => l.id)).toContain(sent.body.id);
    // the same loan cannot go on a second list while the first waits
    expectError(await as('district').post('/confirmation-lists', { sentOn: daysAgo(29), loanIds: [a] }), 409, { code: 'confirmation_wrong_state' });

    const decided = await as('committee').post(`/confirmation-lists/${sent.body.id}/decision`, { decidedOn: daysAgo(28), returns: [{ loanId: a, reason: '家庭收入证明不全' }] });
    expectStatus(decided, 200);
    expect(decided.body.items.map((i: { status: string }) => i.status)).toEqual(['returned', 'confirmed']);
    expectError(await as('committee').post(`/confirmation-lists/${sent.body.id}/decision`, { decidedOn: daysAgo(28) }), 409, { code: 'confirmation_list_decided' });

    // the returned loan: back with the district, the reason in its history (Chinese too), no payout
    const returned = await loanOf(a, 'zh-CN');
    expect(returned.confirmation).toMatchObject({ status: 'returned', reason: '家庭收入证明不全', decidedBy: expect.objectContaining({ username: 'committee' }) });
    const entry = returned.history.find((e: { action: string }) => e.action === 'confirmation_returned');
    expect(entry.text).toContain('家庭收入证明不全');
    expect(entry.actor.username).toBe('committee');
    expect(returned.history.find((e: { action: string }) => e.action === 'confirmation_sent').actor.username).toBe('district');
    await as('district').post(`/loans/${a}/agreement`, agreementInput(daysAgo(27)));
    expectError(await as('district').post(`/loans/${a}/disbursement`, disbursementInput(800_000, { disbursedOn: daysAgo(26) })), 409, { code: 'confirmation_missing' });

    // the list's own history names who sent and who decided
    const file = await as('district').get(`/confirmation-lists/${sent.body.id}`);
    expect(file.body.history.map((e: { action: string; actor: { username: string } }) => [e.action, e.actor.username])).toEqual([
      ['confirmation_list_sent', 'district'],
      ['confirmation_list_decided', 'committee'],
    ]);

    // sent again on a later list and confirmed: the payout goes through
    const again = await as('district').post('/confirmation-lists', { sentOn: daysAgo(27), loanIds: [a] });
    expectStatus(again, 201);
    expectStatus(await as('committee').post(`/confirmation-lists/${again.body.id}/decision`, { decidedOn: daysAgo(27) }), 200);
    expect((await loanOf(a)).confirmation).toMatchObject({ status: 'confirmed', listId: again.body.id });
    expectStatus(await as('district').post(`/loans/${a}/disbursement`, disbursementInput(800_000, { disbursedOn: daysAgo(26) })), 200);
  });

  it('refuses loans of two rounds on one list, a loan of another district, and a list date in the future', async () => {
    const other = await openRound({ capitalFen: 10_000_000 });
    const [a, b] = [await approve(await readyApplication(roundId)), await approve(await readyApplication(other))];
    expectError(await as('district').post('/confirmation-lists', { sentOn: daysAgo(1), loanIds: [a, b] }), 422, { field: 'loanIds', message: 'one round' });
    expect((await as('district').post('/confirmation-lists', { sentOn: daysAgo(1), loanIds: [a, b] })).body.error.rule).toBe('list_mixed_rounds');
    expectError(await as('district-b').post('/confirmation-lists', { sentOn: daysAgo(1), loanIds: [a] }), 403, { code: 'forbidden' });
    expectError(await as('district').post('/confirmation-lists', { sentOn: '2199-01-01', loanIds: [a] }), 422, { field: 'sentOn' });
    expect((await loanOf(a)).confirmation).toBeUndefined();
  });

  it('the other district and the township cannot read a district’s lists; the committee decides, the district cannot', async () => {
    const a = await approve(await readyApplication(roundId));
    const sent = await as('district').post('/confirmation-lists', { sentOn: daysAgo(1), loanIds: [a] });
    expectError(await as('district-b').get(`/confirmation-lists/${sent.body.id}`), 403, { code: 'forbidden' });
    expectError(await as('district-b').get('/confirmation-lists', { query: { districtId: 'lhasa.chengguan' } }), 403, { code: 'forbidden' });
    expectError(await as('township').get('/confirmation-lists'), 403, {});
    expectError(await as('district').post(`/confirmation-lists/${sent.body.id}/decision`, { decidedOn: daysAgo(1) }), 403, {});
    const own = await as('district-b').get('/confirmation-lists');
    expect(own.body.items.filter((l: { districtId: string }) => l.districtId !== 'lhasa.duilongdeqing')).toEqual([]);
  });
});
