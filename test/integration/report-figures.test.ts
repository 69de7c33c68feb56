/**
 * Figures that must not depend on how they are asked for: outcome totals count each mother
 * and village once whatever the grouping; a fund report dated in the past shows each round
 * as it stood that day; the collection list of a township; CSV headers in the caller's language.
 */
import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../shared/domain/dates.ts';
import { call, tokens, type Answer } from '../support/api.ts';
import { confirmLoans, daysAgo, residentId, today } from '../support/fixtures.ts';

interface District {
  id: string;
  township: string;
  villages: [string, string];
  tokens: { district: string; township: string; field: string; committee: string };
}

async function newDistrict(): Promise<District> {
  const id = `lhasa.figures-${randomInt(1e9)}`;
  const committee = await tokens.sign({ username: 'committee', role: 'committee', officeId: 'lhasa' });
  const offices = [
    { id, name: '测试区项目办', abbreviation: '测试' },
    { id: `${id}.tw`, name: '测试乡', kind: 'township' },
    { id: `${id}.tw.v1`, name: '一村', kind: 'village' },
    { id: `${id}.tw.v2`, name: '二居委会', kind: 'residents_committee' },
  ];
  for (const office of offices) ok(await call(null, 'POST', '/offices', office, { token: committee }), 201);
  return {
    id,
    township: `${id}.tw`,
    villages: [`${id}.tw.v1`, `${id}.tw.v2`],
    tokens: {
      committee,
      district: await tokens.sign({ username: `clerk-${id.split('.')[1]}`, role: 'district', officeId: id }),
      township: await tokens.sign({ username: `tw-clerk-${id.split('.')[1]}`, role: 'township', officeId: `${id}.tw` }),
      field: await tokens.sign({ username: `field-clerk-${id.split('.')[1]}`, role: 'field', officeId: id }),
    },
  };
}

function ok(res: Answer, status = 200): Answer {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res;
}

const post = (token: string, path: string, body: unknown) => call(null, 'POST', path, body, { token });
const get = (token: string, path: string, query: Record<string, string>, lang?: string) => call(null, 'GET', path, undefined, { token, query, lang });

/** A loan to `mother` in `village`, disbursed on B, every earlier step dated before B. */
async function loanDisbursedOn(d: District, roundId: string, village: string, mother: { name: string; residentId: string }, householdSize: number, B: string, principal: number) {
  const app = ok(
    await post(d.tokens.township, '/applications', {
      roundId,
      submittedOn: addDays(B, -45),
      consent: { givenOn: addDays(B, -45), takenBy: '格桑' },
      villageId: village,
      mother,
      householdSize,
      householdAnnualIncomeFen: 1_000_000,
      villagePerCapitaIncomeFen: 500_000,
      familyPlanning: 'one_child',
      project: { type: 'livestock', description: '养殖牦牛，出售酥油和奶渣', expectedAnnualReturnFen: 20_000_000 },
      amountRequestedFen: principal,
    }),
    201,
  ).body.id;
  ok(await post(d.tokens.township, `/applications/${app}/notice`, { postedOn: addDays(B, -44) }));
  for (const v of [35, 30]) ok(await post(d.tokens.field, `/applications/${app}/visits`, { visitedOn: addDays(B, -v), visitors: ['达瓦'], willingToWork: true, planCredible: true, notes: '好' }), 201);
  const loanId = ok(await post(d.tokens.district, `/applications/${app}/decision`, { decision: 'approve', decidedOn: addDays(B, -25), amountApprovedFen: principal })).body.loanId as string;
  await confirmLoans([loanId], { sender: { token: d.tokens.district }, on: addDays(B, -25) });
  ok(
    await post(d.tokens.district, `/loans/${loanId}/agreement`, {
      signedOn: addDays(B, -10),
      guarantors: { townshipHead: '格桑', villageHead: '扎西' },
      signatories: [{ party: 'mother', name: mother.name }],
    }),
  );
  ok(await call(null, 'POST', `/loans/${loanId}/disbursement`, { disbursedOn: B, amountFen: principal, motherPresent: true, idChecked: true }, { token: d.tokens.township }));
  return loanId;
}

const repay = (d: District, loanId: string, paidOn: string, amountFen: number) =>
  call(null, 'POST', `/loans/${loanId}/repayments`, { paidOn, amountFen, receiptNo: `R${randomInt(1e9)}` }, { token: d.tokens.township });

describe('report figures', () => {
  let d: District;
  const rounds = {} as Record<'first' | 'second', string>;
  const loans = {} as Record<'dolmaFirst' | 'dolmaAgain' | 'yangzom' | 'dueNow', string>;
  const dolma = { name: '卓玛', residentId: residentId() };
  const repaidOn = daysAgo(200);

  beforeAll(async () => {
    d = await newDistrict();
    const round = (name: string, openedOn: string) =>
      post(d.tokens.committee, '/rounds', { districtId: d.id, name, openedOn, capitalFen: 10_000_000, termMonths: 1, evaluationMonths: [], minLoanFen: 100_000 });
    rounds.first = ok(await round('第一轮', daysAgo(500)), 201).body.id;
    rounds.second = ok(await round('第二轮', daysAgo(300)), 201).body.id;
    // 卓玛 borrows in the first round, repays, and borrows again in the second (a mother and a village in two rounds and years)
    loans.dolmaFirst = await loanDisbursedOn(d, rounds.first, d.villages[0], dolma, 5, daysAgo(400), 1_000_000);
    ok(await repay(d, loans.dolmaFirst, repaidOn, 1_000_000), 201);
    loans.dolmaAgain = await loanDisbursedOn(d, rounds.second, d.villages[0], dolma, 5, daysAgo(100), 800_000);
    loans.yangzom = await loanDisbursedOn(d, rounds.second, d.villages[1], { name: '央宗', residentId: residentId() }, 4, daysAgo(90), 600_000);
    ok(await repay(d, loans.yangzom, daysAgo(80), 100_000), 201);
    loans.dueNow = await loanDisbursedOn(d, rounds.second, d.villages[1], { name: '拉姆', residentId: residentId() }, 3, addMonths(today(), -1), 500_000);
  }, 240_000);

  it('the outcomes total row is the same for every groupBy: each mother, household and village once', async () => {
    const totals = [];
    for (const groupBy of ['district', 'township', 'round', 'year']) {
      const report = ok(await get(d.tokens.committee, '/reports/outcomes', { districtId: d.id, groupBy })).body;
      totals.push(report.rows.find((r: { id: string }) => r.id === 'total'));
    }
    expect(totals[0]).toMatchObject({ mothersHelped: 3, householdMembersReached: 12, villagesCovered: 2 });
    for (const t of totals) expect(t).toEqual(totals[0]);
    // the round rows themselves still count her in each round she borrowed in
    const byRound = ok(await get(d.tokens.committee, '/reports/outcomes', { districtId: d.id, groupBy: 'round' })).body.rows;
    expect(byRound.filter((r: { id: string }) => r.id !== 'total').reduce((s: number, r: { mothersHelped: number }) => s + r.mothersHelped, 0)).toBe(4);
  });

  it('a fund report dated in the past shows each round’s line as it stood that day', async () => {
    const before = addDays(repaidOn, -1);
    const past = ok(await get(d.tokens.committee, '/reports/fund', { districtId: d.id, asOf: before })).body.rows[0];
    const first = past.rounds.find((r: { id: string }) => r.id === rounds.first);
    expect(first).toMatchObject({ disbursedFen: 1_000_000, repaidFen: 0, loans: 1, closedLoans: 0, recovered: false, status: 'open' });
    const second = past.rounds.find((r: { id: string }) => r.id === rounds.second);
    expect(second).toMatchObject({ disbursedFen: 0, repaidFen: 0, loans: 0 });
    expect(past.rounds.reduce((s: number, r: { repaidFen: number }) => s + r.repaidFen, 0)).toBe(past.recoveredFen);
    const now = ok(await get(d.tokens.committee, '/reports/fund', { districtId: d.id })).body.rows[0];
    expect(now.rounds.find((r: { id: string }) => r.id === rounds.first)).toMatchObject({ repaidFen: 1_000_000, closedLoans: 1 });
  });

  it('the collection list names, per village, what is due this month and what is overdue, with balances', async () => {
    const dueOn = ok(await get(d.tokens.district, `/loans/${loans.dueNow}`, {})).body.dueOn as string;
    const list = ok(await get(d.tokens.township, '/reports/collection', { townshipId: d.township, asOf: dueOn })).body;
    expect(list.asOf).toBe(dueOn);
    expect(list.villages.map((v: { officeId: string }) => v.officeId)).toEqual(d.villages);
    const [v1, v2] = list.villages;
    expect(v1.loans).toEqual([expect.objectContaining({ loanId: loans.dolmaAgain, motherName: '卓玛', principalFen: 800_000, balanceFen: 800_000, state: 'overdue' })]);
    expect(v1.loans[0].daysPastDue).toBeGreaterThan(0);
    expect(v1.loans[0].agreementNo).toMatch(/^测试-\d{4}-02-001$/);
    expect(v2.loans.map((l: { loanId: string; state: string; balanceFen: number }) => [l.loanId, l.state, l.balanceFen])).toEqual(
      expect.arrayContaining([
        [loans.yangzom, 'overdue', 500_000],
        [loans.dueNow, 'due_this_month', 500_000],
      ]),
    );
    expect(v2.totals).toEqual({ dueFen: 500_000, overdueFen: 500_000 });
    // repaid loans are not listed, and another district's user gets 403
    expect(JSON.stringify(list)).not.toContain(loans.dolmaFirst);
    ok(await get(await tokens.sign({ username: 'other', role: 'district', officeId: 'lhasa.duilongdeqing' }), '/reports/collection', { townshipId: d.township }), 403);
  });

  it('CSV headers follow Accept-Language (Chinese by default)', async () => {
    const csv = async (lang: string) => (await get(d.tokens.committee, '/reports/outcomes', { districtId: d.id, format: 'csv' }, lang)).body as string;
    expect((await csv('')).startsWith('\uFEFF分组,受助母亲(人)')).toBe(true);
    expect((await csv('en')).startsWith('\uFEFFgroup,mothers helped')).toBe(true);
    expect(await csv('bo')).toMatch(/^\uFEFF[\u0F00-\u0FFF]/);
  });
});
