/**
 * Reports against a portfolio with known figures, built in a district of its own so every
 * number is exact: repayment rates, PAR30, arrears, ageing, portfolio, outcomes, as-of
 * behaviour, CSV, the close-of-business job, write-off and the revolving fund.
 */
import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../shared/domain/dates.ts';
import { closeOfBusiness } from '../../shared/usecases/close-of-business.ts';
import { call, tokens, type Answer } from '../support/api.ts';
import { confirmLoans, daysAgo, residentId, today } from '../support/fixtures.ts';
import { reconcile } from '../../scripts/reconcile-lib.ts';

interface District {
  id: string;
  township: string;
  village: string;
  tokens: { district: string; township: string; field: string; committee: string };
}

async function newDistrict(): Promise<District> {
  const id = `lhasa.report-${randomInt(1e9)}`;
  const committee = await tokens.sign({ username: 'committee', role: 'committee', officeId: 'lhasa' });
  for (const [office, name] of [
    [id, '测试区'],
    [`${id}.tw`, '测试乡'],
    [`${id}.tw.v1`, '测试村'],
  ] as const) {
    const res = await call(null, 'POST', '/offices', { id: office, name }, { token: committee });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  return {
    id,
    township: `${id}.tw`,
    village: `${id}.tw.v1`,
    tokens: {
      committee,
      district: await tokens.sign({ username: `clerk-${id.split('.')[1]}`, role: 'district', officeId: id }),
      township: await tokens.sign({ username: `tw-clerk-${id.split('.')[1]}`, role: 'township', officeId: `${id}.tw` }),
      field: await tokens.sign({ username: `field-clerk-${id.split('.')[1]}`, role: 'field', officeId: id }),
    },
  };
}

const as = (token: string) => ({
  get: (path: string, query?: Record<string, string>) => call(null, 'GET', path, undefined, { token, query }),
  post: (path: string, body?: unknown) => call(null, 'POST', path, body, { token }),
});

function ok(res: Answer, status = 200): Answer {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res;
}

/** A loan disbursed on B (term from the round), every earlier step dated before B. */
async function loanDisbursedOn(d: District, roundId: string, B: string, principal: number): Promise<string> {
  const t = as(d.tokens.township);
  const district = as(d.tokens.district);
  const app = ok(
    await t.post('/applications', {
      roundId,
      submittedOn: addDays(B, -45),
      consent: { givenOn: addDays(B, -45), takenBy: '格桑' },
      villageId: d.village,
      mother: { name: '卓玛', residentId: residentId() },
      householdSize: 5,
      householdAnnualIncomeFen: 1_000_000,
      villagePerCapitaIncomeFen: 500_000,
      familyPlanning: 'one_child',
      project: { type: 'livestock', description: '养殖牦牛，出售酥油和奶渣', expectedAnnualReturnFen: 20_000_000 },
      amountRequestedFen: principal,
    }),
    201,
  ).body.id;
  ok(await t.post(`/applications/${app}/notice`, { postedOn: addDays(B, -44) }));
  // four eyes: field staff visit, the district office approves, the township pays out
  for (const v of [35, 30])
    ok(await as(d.tokens.field).post(`/applications/${app}/visits`, { visitedOn: addDays(B, -v), visitors: ['达瓦'], willingToWork: true, planCredible: true, notes: '好' }), 201);
  const loanId = ok(await district.post(`/applications/${app}/decision`, { decision: 'approve', decidedOn: addDays(B, -25), amountFen: principal })).body.loanId;
  if (addDays(B, -10) > today()) return loanId; // approved only: the agreement is still to come
  await confirmLoans([loanId], { sender: { token: d.tokens.district }, on: addDays(B, -25) });
  ok(await district.post(`/loans/${loanId}/agreement`, { signedOn: addDays(B, -10), guarantors: { townshipHead: '格桑', villageHead: '扎西' }, signatories: [{ party: 'mother', name: '卓玛' }] }));
  if (B <= today()) {
    const paid = await call(null, 'POST', `/loans/${loanId}/disbursement`, { disbursedOn: B, amountFen: principal, motherPresent: true, idChecked: true }, { token: d.tokens.township });
    ok(paid);
  }
  return loanId;
}

const repay = (d: District, loanId: string, paidOn: string, amountFen: number) =>
  call(null, 'POST', `/loans/${loanId}/repayments`, { paidOn, amountFen, receiptNo: `R${randomInt(1e9)}` }, { token: d.tokens.township });

describe('reports on a portfolio with known figures', () => {
  let d: District;
  let roundId: string;
  const L = {} as Record<'L1' | 'L2' | 'L3' | 'L4' | 'L5' | 'L6' | 'L7' | 'L8', string>;
  const B = { L1: daysAgo(300), L2: daysAgo(300), L8: daysAgo(300), L3: daysAgo(160), L4: daysAgo(80), L5: daysAgo(40), L6: daysAgo(10) };
  const due = (b: string) => addMonths(b, 1);

  beforeAll(async () => {
    d = await newDistrict();
    roundId = ok(
      await as(d.tokens.committee).post('/rounds', { districtId: d.id, name: '报表测试轮', openedOn: daysAgo(400), capitalFen: 20_000_000, termMonths: 1, evaluationMonths: [], minLoanFen: 100_000 }),
      201,
    ).body.id;
    L.L1 = await loanDisbursedOn(d, roundId, B.L1, 1_000_000);
    L.L2 = await loanDisbursedOn(d, roundId, B.L2, 1_000_000);
    L.L8 = await loanDisbursedOn(d, roundId, B.L8, 1_000_000);
    L.L3 = await loanDisbursedOn(d, roundId, B.L3, 800_000);
    L.L4 = await loanDisbursedOn(d, roundId, B.L4, 600_000);
    L.L5 = await loanDisbursedOn(d, roundId, B.L5, 500_000);
    L.L6 = await loanDisbursedOn(d, roundId, B.L6, 700_000);
    L.L7 = await loanDisbursedOn(d, roundId, addDays(today(), 20), 900_000); // approved, not yet disbursed
    ok(await repay(d, L.L1, addDays(B.L1, 10), 1_000_000), 201);
    ok(await repay(d, L.L2, addDays(B.L2, 10), 400_000), 201);
    ok(await repay(d, L.L3, addDays(due(B.L3), 20), 300_000), 201);
    ok(
      await as(d.tokens.committee)
        .post(`/loans/${L.L8}/write-off`, { writtenOffOn: addDays(due(B.L8), 100), reason: '牲畜全部病死，无力偿还' })
        .then((r) => r),
    );
    ok(
      await call(
        null,
        'POST',
        `/loans/${L.L1}/evaluations`,
        {
          kind: 'final',
          evaluatedOn: addDays(due(B.L1), 3),
          fundUse: '买牦牛',
          progress: '完成',
          operatingState: '良好',
          incomeToDateFen: 2_000_000,
          forecastFen: 0,
          methods: ['talk'],
          leftPoverty: true,
        },
        { token: d.tokens.district },
      ),
      201,
    );
    ok(
      await call(
        null,
        'POST',
        `/loans/${L.L8}/evaluations`,
        {
          kind: 'final',
          evaluatedOn: addDays(due(B.L8), 120),
          fundUse: '买牦牛',
          progress: '失败',
          operatingState: '停业',
          incomeToDateFen: 100_000,
          forecastFen: 0,
          methods: ['look'],
          leftPoverty: false,
        },
        { token: d.tokens.district },
      ),
      201,
    );
  }, 180_000);

  const report = async (name: string, query: Record<string, string>) => ok(await as(d.tokens.committee).get(`/reports/${name}`, { districtId: d.id, ...query })).body;

  it('repayment rates, arrears, PAR30 and ageing as of today', async () => {
    const body = await report('repayment', { groupBy: 'district' });
    const row = body.rows.find((r: { id: string }) => r.id === d.id);
    expect(row).toMatchObject({
      fallenDueFen: 4_900_000,
      repaidOnDueLoansFen: 1_700_000,
      repaidOnTimeFen: 1_400_000,
      repaymentRateBp: 3469,
      onTimeRateBp: 2857,
      outstandingFen: 2_900_000,
      arrearsFen: 2_200_000,
      arrearsLoans: 4,
      par30Fen: 1_700_000,
      par30Bp: 5862,
      writtenOffFen: 1_000_000,
      ageing: { days1to30: { loans: 1, fen: 500_000 }, days31to90: { loans: 1, fen: 600_000 }, days91to180: { loans: 1, fen: 500_000 }, days181plus: { loans: 1, fen: 600_000 } },
    });
    // the total row of a single district equals it, and the township and round rows say the same
    expect(body.rows.at(-1)).toMatchObject({ id: 'total', fallenDueFen: 4_900_000, par30Bp: 5862 });
    const township = (await report('repayment', { groupBy: 'township' })).rows.find((r: { id: string }) => r.id === d.township);
    const round = (await report('repayment', { groupBy: 'round' })).rows.find((r: { id: string }) => r.id === roundId);
    for (const other of [township, round]) expect(other).toMatchObject({ fallenDueFen: 4_900_000, repaymentRateBp: 3469, par30Fen: 1_700_000 });
  });

  it('portfolio by status and outcomes as of today', async () => {
    const portfolio = (await report('portfolio', { groupBy: 'district' })).rows[0];
    expect(portfolio).toMatchObject({
      approved: { loans: 1, fen: 900_000 },
      active: { loans: 1, fen: 700_000 },
      overdue: { loans: 4, fen: 2_200_000 },
      repaid: { loans: 1, fen: 1_700_000 },
      writtenOff: { loans: 1, fen: 1_000_000 },
      disbursed: { loans: 7, fen: 5_600_000 },
      outstandingFen: 2_900_000,
    });
    const outcomes = (await report('outcomes', { groupBy: 'district' })).rows[0];
    expect(outcomes).toMatchObject({ mothersHelped: 7, householdMembersReached: 35, villagesCovered: 1, finalEvaluations: 2, leftPoverty: 1, incomeGainedFen: 2_100_000, povertyExitRateBp: 5000 });
  });

  it('as of an earlier date shows the figures as they then stood', async () => {
    const asOf = addDays(due(B.L2), 5);
    const row = (await report('repayment', { groupBy: 'district', asOf })).rows[0];
    expect(row).toMatchObject({
      fallenDueFen: 3_000_000,
      repaidOnDueLoansFen: 1_400_000,
      repaymentRateBp: 4667,
      outstandingFen: 1_600_000,
      arrearsFen: 1_600_000,
      arrearsLoans: 2,
      par30Fen: 0,
      writtenOffFen: 0,
    });
    expect(row.ageing.days1to30).toEqual({ loans: 2, fen: 1_600_000 });
    const portfolio = (await report('portfolio', { groupBy: 'district', asOf })).rows[0];
    expect(portfolio).toMatchObject({ approved: { loans: 0, fen: 0 }, disbursed: { loans: 3, fen: 3_000_000 }, repaid: { loans: 1 } });
    const future = await as(d.tokens.committee).get('/reports/repayment', { asOf: addDays(today(), 1) });
    expect(future.status).toBe(422);
    expect(future.body.error.field).toBe('asOf');
  });

  it('rows by year of disbursement add up to the district', async () => {
    const rows = (await report('portfolio', { groupBy: 'year' })).rows.filter((r: { id: string }) => r.id !== 'total');
    const disbursed = rows.reduce((s: number, r: { disbursed: { fen: number } }) => s + r.disbursed.fen, 0);
    expect(disbursed).toBe(5_600_000);
    for (const r of rows) expect(r.approved.loans).toBeGreaterThanOrEqual(0);
  });

  it('downloads as CSV that opens in Excel with Chinese headers', async () => {
    // no Accept-Language: the API's default, Chinese
    const res = await call(null, 'GET', '/reports/repayment', undefined, { token: d.tokens.committee, query: { districtId: d.id, groupBy: 'district', format: 'csv' }, lang: '' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('attachment');
    const text = res.body as unknown as string;
    expect(text.startsWith('\uFEFF分组,已到期本金(元)')).toBe(true);
    expect(text).toContain('\r\n测试区,49000.00,17000.00,34.69%,28.57%,29000.00,22000.00,4,17000.00,58.62%');
  });

  it('the district sees its own district only; the committee any', async () => {
    expect((await as(d.tokens.district).get('/reports/repayment')).body.rows.map((r: { id: string }) => r.id)).toEqual([d.id, 'total']);
    expect((await as(d.tokens.district).get('/reports/repayment', { districtId: 'lhasa.chengguan' })).status).toBe(403);
    expect((await as(d.tokens.township).get('/reports/repayment')).status).toBe(403);
  });

  it('the close-of-business job marks past-due loans overdue, once', async () => {
    await closeOfBusiness();
    const again = await closeOfBusiness();
    const loans = ok(await as(d.tokens.district).get('/loans', { roundId, status: 'overdue' }))
      .body.items.map((l: { id: string }) => l.id)
      .sort();
    expect(loans).toEqual([L.L2, L.L3, L.L4, L.L5].sort());
    const file = ok(await as(d.tokens.district).get(`/loans/${L.L4}`)).body;
    expect(file.status).toBe('overdue');
    expect(file.history.filter((e: { action: string }) => e.action === 'overdue')).toHaveLength(1);
    expect(again.markedOverdue).toBeGreaterThanOrEqual(0);
    // money keeps moving on an overdue loan
    ok(await repay(d, L.L5, today(), 100_000), 201);
    const after = (await report('repayment', { groupBy: 'district' })).rows[0];
    expect(after.arrearsFen).toBe(2_100_000);
  });

  it('evaluations due and overdue per field officer', async () => {
    const body = await report('evaluations', {});
    const finals = body.rows.filter((r: { districtId: string; kind: string }) => r.districtId === d.id && r.kind === 'final');
    const overdue = finals.reduce((s: number, r: { overdue: number }) => s + r.overdue, 0);
    const dueSoon = finals.reduce((s: number, r: { due: number }) => s + r.due, 0);
    // L2–L5 are past their final evaluation date, L6 falls due within 30 days; L1 and L8 were evaluated
    expect(overdue).toBe(4);
    expect(dueSoon).toBe(1);
    expect(finals[0].fieldOfficer).toBe(`field-clerk-${d.id.split('.')[1]}`);
  });

  it('recomputing every aggregate of this round from the raw records finds no difference', async () => {
    const { differences, loans } = await reconcile({ roundIds: [roundId] });
    expect(loans).toBe(8);
    expect(differences).toEqual([]);
  });
});

describe('the revolving fund', () => {
  it('grants, lends, recovers, closes, and re-lends in a new round the district asked for', async () => {
    const d = await newDistrict();
    const committee = as(d.tokens.committee);
    const district = as(d.tokens.district);
    const round1 = ok(
      await committee.post('/rounds', {
        districtId: d.id,
        name: '第一轮',
        openedOn: daysAgo(400),
        capitalFen: 2_000_000,
        termMonths: 1,
        evaluationMonths: [],
        minLoanFen: 100_000,
        maxLoanFen: 1_500_000,
      }),
      201,
    ).body;
    expect(round1.grantFen).toBe(2_000_000);
    const loan = await loanDisbursedOn(d, round1.id, daysAgo(100), 1_500_000);

    // the district may ask for a new round while the first is still being repaid: the request shows the fund, the committee decides
    const early = ok(await district.post('/round-requests', { name: '第二轮', requestedOn: today(), capitalFen: 1_000_000, reason: '第一轮还款中' }), 201).body;
    expect(early.fundPosition).toEqual({
      grantedFen: 2_000_000,
      availableFen: 0, // the first round's capital is still in the (open) round
      outstandingFen: 1_500_000,
      roundsNotRecovered: [{ roundId: round1.id, name: '第一轮', status: 'open', loans: 1, loansOutstanding: 1, outstandingFen: 1_500_000 }],
    });
    ok(await committee.post(`/round-requests/${early.id}/decision`, { decision: 'reject', reason: '待第一轮收回后再议' }));

    ok(await repay(d, loan, daysAgo(50), 1_500_000), 201);
    ok(await district.post(`/rounds/${round1.id}/close`, { closedOn: daysAgo(40) }));
    let fund = ok(await committee.get('/reports/fund', { districtId: d.id })).body.rows[0];
    expect(fund).toMatchObject({
      grantedFen: 2_000_000,
      lentOutFen: 1_500_000,
      recoveredFen: 1_500_000,
      outstandingFen: 0,
      cashHeldFen: 2_000_000,
      availableToRelendFen: 2_000_000,
      roundsOpened: 1,
      roundsCompleted: 1,
    });

    const request = ok(await district.post('/round-requests', { name: '第二轮', requestedOn: today(), capitalFen: 2_500_000, reason: '第一轮已全部收回' }), 201).body;
    expect(request.status).toBe('pending');
    expect((await district.post('/round-requests', { name: '又一轮', requestedOn: today(), capitalFen: 1, reason: '重复申请' })).status).toBe(409);
    const decided = ok(await committee.post(`/round-requests/${request.id}/decision`, { decision: 'approve', openedOn: today(), capitalFen: 2_500_000, grantFen: 500_000 })).body;
    expect(decided).toMatchObject({ status: 'approved', round: { capitalFen: 2_500_000, grantFen: 500_000, status: 'open' } });
    fund = ok(await committee.get('/reports/fund', { districtId: d.id })).body.rows[0];
    expect(fund).toMatchObject({ grantedFen: 2_500_000, availableToRelendFen: 0, roundsOpened: 2, roundsCompleted: 1 });

    // a round bigger than the fund without a grant is refused
    const tooBig = await committee.post('/rounds', { districtId: d.id, name: '第三轮', openedOn: today(), capitalFen: 1_000_000, maxLoanFen: 1_000_000, grantFen: 0 });
    expect(tooBig.status).toBe(409);
    expect(tooBig.body.error.code).toBe('fund_insufficient');
  });

  it('two rounds opened at once with the default grant both open, each drawing on the fund once', async () => {
    const d = await newDistrict();
    const committee = as(d.tokens.committee);
    const first = ok(await committee.post('/rounds', { districtId: d.id, name: '第一轮', openedOn: daysAgo(400), capitalFen: 10_000_000 }), 201).body;
    ok(await as(d.tokens.district).post(`/rounds/${first.id}/close`, { closedOn: daysAgo(300) }));
    // the fund now holds 10,000,000 fen available to re-lend; two new rounds of 6,000,000 each
    const [a, b] = (await Promise.all(['第二轮', '第三轮'].map((name) => committee.post('/rounds', { districtId: d.id, name, openedOn: today(), capitalFen: 6_000_000 })))) as [Answer, Answer];
    expect([a.status, b.status], JSON.stringify([a.body, b.body])).toEqual([201, 201]);
    expect(a.body.grantFen + b.body.grantFen).toBe(2_000_000);
    const fund = ok(await committee.get('/reports/fund', { districtId: d.id })).body.rows[0];
    expect(fund).toMatchObject({ grantedFen: 12_000_000, availableToRelendFen: 0, roundsOpened: 3 });
  });

  it('a repayment racing a write-off: exactly one wins', async () => {
    const d = await newDistrict();
    const roundId = ok(
      await as(d.tokens.committee).post('/rounds', { districtId: d.id, name: '核销', openedOn: daysAgo(400), capitalFen: 2_000_000, termMonths: 1, evaluationMonths: [], minLoanFen: 100_000 }),
      201,
    ).body.id;
    const loanId = await loanDisbursedOn(d, roundId, daysAgo(100), 1_000_000);
    const [writeOff, repayment] = await Promise.all([as(d.tokens.committee).post(`/loans/${loanId}/write-off`, { writtenOffOn: today(), reason: '无力偿还' }), repay(d, loanId, today(), 1_000_000)]);
    expect([writeOff.status, repayment.status].filter((s) => s < 300)).toHaveLength(1);
    const file = ok(await as(d.tokens.district).get(`/loans/${loanId}`)).body;
    expect(['repaid', 'written_off']).toContain(file.status);
    expect(file.repaidFen + (file.writeOff?.amountFen ?? 0)).toBe(1_000_000);
    expect((await reconcile({ roundIds: [roundId] })).differences).toEqual([]);
  });
});
