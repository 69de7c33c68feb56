/**
 * Bringing a district's history in from its ledger, against DynamoDB Local, in a district of
 * its own so every figure is exact: a generated ledger of three rounds, 50 loans and about
 * 300 repayments is checked as a dry run, staged, approved by another person and applied;
 * the reports as of several past dates equal figures computed here from the ledger itself.
 */
import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { reconcile } from '../../scripts/reconcile-lib.ts';
import { addDays } from '../../shared/domain/dates.ts';
import { yuan as yuanIn } from '../../shared/i18n/format.ts';
import { keys } from '../../shared/store/keys.ts';
import { getRecord } from '../../shared/store/records.ts';
import { decideLedgerImport } from '../../shared/usecases/ledger-apply.ts';
import { contextFor } from '../../shared/usecases/context.ts';
import { call, tokens, type Answer } from '../support/api.ts';
import { today } from '../support/fixtures.ts';
import { expectedAsOf, generateLedger, type GeneratedLedger } from '../support/ledger-fixture.ts';

interface District {
  id: string;
  villages: string[];
  tokens: { district: string; committee: string; otherCommittee: string; township: string };
}

async function newDistrict(): Promise<District> {
  const id = `lhasa.ledger-${randomInt(1e9)}`;
  const committee = await tokens.sign({ username: 'committee', role: 'committee', officeId: 'lhasa' });
  const offices: [string, string][] = [
    [id, '台账测试区'],
    [`${id}.tw1`, '一乡'],
    [`${id}.tw1.v1`, '一村'],
    [`${id}.tw1.v2`, '二村'],
    [`${id}.tw2`, '二乡'],
    [`${id}.tw2.v3`, '三村'],
  ];
  for (const [office, name] of offices) {
    const res = await call(null, 'POST', '/offices', { id: office, name }, { token: committee });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  return {
    id,
    villages: [`${id}.tw1.v1`, `${id}.tw1.v2`, `${id}.tw2.v3`],
    tokens: {
      committee,
      otherCommittee: await tokens.sign({ username: 'committee-2', role: 'committee', officeId: 'lhasa' }),
      district: await tokens.sign({ username: 'ledger-clerk', role: 'district', officeId: id }),
      // the same person (same user id) with a committee token: four eyes must still refuse her
      township: await tokens.sign({ username: 'ledger-tw', role: 'township', officeId: `${id}.tw1` }),
    },
  };
}

/** Requests with a token; in English unless a language is asked for. */
const as = (token: string, lang?: string) => ({
  get: (path: string, query?: Record<string, string>) => call(null, 'GET', path, undefined, { token, query, ...(lang ? { lang } : {}) }),
  post: (path: string, body?: unknown) => call(null, 'POST', path, body, { token, ...(lang ? { lang } : {}) }),
});

function ok(res: Answer, status = 200): Answer {
  expect(res.status, JSON.stringify(res.body).slice(0, 2000)).toBe(status);
  return res;
}

const body = (d: District, g: GeneratedLedger, overrides: Record<string, unknown> = {}) => ({
  districtId: d.id,
  format: 'csv',
  ...g.files,
  declaredTotals: g.declaredTotals,
  dryRun: true,
  ...overrides,
});

async function loanCount(d: District): Promise<number> {
  let n = 0;
  let cursor: string | undefined;
  do {
    const page = ok(await as(d.tokens.district).get('/loans', { districtId: d.id, limit: '100', ...(cursor ? { cursor } : {}) })).body;
    n += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return n;
}

describe('a ledger of three rounds, 50 loans and about 300 repayments', () => {
  let d: District;
  let g: GeneratedLedger;
  let batchId: string;

  beforeAll(async () => {
    d = await newDistrict();
    g = generateLedger({ villages: d.villages });
  });

  it('as a dry run, reports every row and matches its declared totals, writing nothing', async () => {
    const res = ok(await as(d.tokens.district).post('/ledger-imports', body(d, g)));
    const repayments = g.loans.reduce((s, l) => s + l.repayments.length, 0);
    const writeOffs = g.loans.filter((l) => l.writeOff).length;
    expect(repayments).toBeGreaterThanOrEqual(250);
    expect(res.body.rows).toHaveLength(3 + 50 + repayments + writeOffs);
    expect(res.body).toMatchObject({ dryRun: true, accepted: 3 + 50 + repayments + writeOffs, refused: 0, alreadyImported: 0, reconciled: true, differences: [] });
    expect(res.body.totals).toMatchObject(g.declaredTotals);
    expect(res.body.rounds.map((r: { name: string; loans: number }) => [r.name, r.loans])).toEqual([
      ['台账第1轮', 17],
      ['台账第2轮', 17],
      ['台账第3轮', 16],
    ]);
    expect(res.body.batchId).toBeUndefined();
    expect(await loanCount(d)).toBe(0);
    expect(ok(await as(d.tokens.committee).get('/ledger-imports', { districtId: d.id })).body.items).toEqual([]);
  });

  it('with repaid declared one fen off, is refused naming that difference, and nothing is staged', async () => {
    const declaredTotals = { ...g.declaredTotals, repaidFen: g.declaredTotals.repaidFen + 1 };
    const dry = ok(await as(d.tokens.district).post('/ledger-imports', body(d, g, { declaredTotals })));
    expect(dry.body.reconciled).toBe(false);
    expect(dry.body.differences).toEqual([{ field: 'repaidFen', declaredFen: g.declaredTotals.repaidFen + 1, computedFen: g.declaredTotals.repaidFen, differenceFen: -1 }]);
    const real = await as(d.tokens.district).post('/ledger-imports', body(d, g, { declaredTotals, dryRun: false }));
    expect(real.status).toBe(409);
    expect(real.body.error.code).toBe('ledger_not_reconciled');
    expect(real.body.error.message).toContain('repaid');
    expect(real.body.error.message).toContain('-0.01');
    expect(ok(await as(d.tokens.committee).get('/ledger-imports', { districtId: d.id })).body.items).toEqual([]);
  });

  it('with one repayment a fen short of the round’s paper total, is refused naming the round and the difference', async () => {
    const loan = g.loans.find((l) => l.round === 2 && l.repayments.length)!;
    const r = loan.repayments[0]!;
    const yuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
    const line = `${loan.residentId},台账第3轮,${r.paidOn},${yuan(r.amountFen)},${r.receiptNo}`;
    expect(g.files.repayments).toContain(line);
    const repayments = g.files.repayments.replace(line, `${loan.residentId},台账第3轮,${r.paidOn},${yuan(r.amountFen - 1)},${r.receiptNo}`);
    const res = await as(d.tokens.district).post('/ledger-imports', body(d, g, { repayments, dryRun: false }));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('ledger_not_reconciled');
    expect(res.body.error.message).toContain('round "台账第3轮": repaid');
    expect(res.body.error.message).toContain('(-0.01 yuan)');
    expect(res.body.error.params.differences).toContainEqual(expect.objectContaining({ round: '台账第3轮', field: 'repaidFen', differenceFen: -1 }));
    // in Chinese, the round and the difference in yuan
    const zh = await as(d.tokens.district, 'zh-CN').post('/ledger-imports', body(d, g, { repayments, dryRun: false }));
    expect(zh.status).toBe(409);
    expect(zh.body.error.message).toContain('“台账第3轮”：累计还款 纸面');
    expect(zh.body.error.message).toContain('相差 -0.01 元');
  });

  it('a repayment over the balance reads in the caller’s language: Chinese with the date as written in China and yuan with separators', async () => {
    const loan = g.loans.find((l) => l.repayments.length && l.principalFen >= 1_000_000)!;
    const r = loan.repayments[0]!;
    const yuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
    const line = `${loan.residentId},${g.rounds[loan.round]!.name},${r.paidOn},${yuan(r.amountFen)},${r.receiptNo}`;
    expect(g.files.repayments).toContain(line);
    const repayments = g.files.repayments.replace(line, line.replace(`,${yuan(r.amountFen)},`, ',99999.00,'));
    const refusedRow = (res: Answer) =>
      (res.body.rows as { file: string; status: string; errors?: { field: string; column?: string; rule: string; params: Record<string, unknown>; message: string }[] }[]).find(
        (x) => x.file === 'repayments' && x.errors?.[0]?.rule === 'ledger_exceeds_balance',
      );

    const zh = refusedRow(ok(await as(d.tokens.district, 'zh-CN').post('/ledger-imports', body(d, g, { repayments }))));
    const [y, m, day] = r.paidOn.split('-').map(Number);
    expect(zh?.errors?.[0]).toEqual({
      field: 'amountYuan',
      column: '还款金额(元)',
      rule: 'ledger_exceeds_balance',
      params: { balanceFen: loan.principalFen, date: r.paidOn },
      message: `还款金额(元)超过了${y}年${m}月${day}日的未还余额 ${yuanIn(loan.principalFen, 'zh-CN')}`,
    });
    expect(zh?.errors?.[0]?.message).toMatch(/\d{1,3}(,\d{3})+(\.\d\d)? 元$/);
    // its loan goes with it, said in Chinese too
    const loanRow = ok(await as(d.tokens.district, 'zh-CN').post('/ledger-imports', body(d, g, { repayments }))).body.rows.find(
      (x: { file: string; status: string; errors?: { rule: string }[] }) => x.file === 'loans' && x.errors?.[0]?.rule === 'ledger_money_refused',
    );
    expect(loanRow.errors[0].message).toMatch(/^这笔借款的还款或核销未通过检查（还款表第 \d+ 行）$/);

    // the same row in English (the tests' default) and in Tibetan
    const en = refusedRow(ok(await as(d.tokens.district).post('/ledger-imports', body(d, g, { repayments }))));
    expect(en?.errors?.[0]?.message).toBe(
      `还款金额(元) exceeds the balance of ${yuanIn(loan.principalFen, 'en')} left on ${day} ${new Date(`${r.paidOn}T00:00:00Z`).toLocaleString('en', { month: 'long', timeZone: 'UTC' })} ${y}`,
    );
    const bo = refusedRow(ok(await as(d.tokens.district, 'bo').post('/ledger-imports', body(d, g, { repayments }))));
    expect(bo?.errors?.[0]?.message).toMatch(/[\u0F00-\u0FFF]/);
    expect(await loanCount(d)).toBe(0);
  });

  it('staged for real, waits for the committee; the district cannot approve, nor can the person who staged it', async () => {
    const res = ok(await as(d.tokens.district).post('/ledger-imports', body(d, g, { dryRun: false })));
    batchId = res.body.batchId;
    expect(batchId).toMatch(/^[0-9A-Z]{26}$/);
    expect(await loanCount(d)).toBe(0);

    const listed = ok(await as(d.tokens.committee).get('/ledger-imports', { districtId: d.id, status: 'staged' })).body.items;
    expect(listed.map((b: { id: string }) => b.id)).toEqual([batchId]);
    const batch = ok(await as(d.tokens.committee).get(`/ledger-imports/${batchId}`)).body;
    expect(batch).toMatchObject({ status: 'staged', counts: { rounds: 3, loans: 50 }, stagedBy: { username: 'ledger-clerk' } });
    expect(batch.rounds).toHaveLength(3);

    // a second staging of the same district waits until this one is decided
    expect((await as(d.tokens.district).post('/ledger-imports', body(d, g, { dryRun: false }))).body.error.code).toBe('ledger_import_pending');

    expect((await as(d.tokens.district).post(`/ledger-imports/${batchId}/approval`, { decision: 'approve' })).status).toBe(403);
    // the clerk who staged it, were she later at the committee, still may not approve her own batch
    const staged = ok(await as(d.tokens.committee).get(`/ledger-imports/${batchId}`)).body as { stagedBy: { userId: string } };
    const asCommittee = contextFor({ userId: staged.stagedBy.userId, username: 'ledger-clerk', role: 'committee', officeId: 'lhasa' });
    await expect(decideLedgerImport(asCommittee, batchId, { decision: 'approve' })).rejects.toMatchObject({ code: 'separation_of_duties' });
    expect(ok(await as(d.tokens.committee).get(`/ledger-imports/${batchId}`)).body.status).toBe('staged');
  });

  it('approved by the committee, is written: reports as of several past dates equal the ledger’s own figures', async () => {
    let batch = ok(await as(d.tokens.committee).post(`/ledger-imports/${batchId}/approval`, { decision: 'approve' })).body;
    expect(batch).toMatchObject({ decision: { decision: 'approve', decidedBy: { username: 'committee' } } });
    // a request stops starting new steps after its time: the committee goes on until it is applied
    for (let i = 0; batch.status === 'applying' && i < 10; i++) batch = ok(await as(d.tokens.committee).post(`/ledger-imports/${batchId}/apply`)).body;
    expect(batch).toMatchObject({ status: 'applied', progress: { phase: 'done', loansWritten: 50 } });
    expect(await loanCount(d)).toBe(50);

    const dates = [g.rounds[1]!.openedOn, addDays(g.rounds[1]!.openedOn, 200), addDays(g.loans[0]!.dueOn, 40), addDays(g.rounds[2]!.openedOn, 60), g.lastDate];
    for (const asOf of dates) {
      const expected = expectedAsOf(g, asOf);
      const repayment = ok(await as(d.tokens.committee).get('/reports/repayment', { asOf, districtId: d.id })).body.rows[0];
      expect(repayment, `repayment report as of ${asOf}`).toMatchObject(expected.repayment);
      const fund = ok(await as(d.tokens.committee).get('/reports/fund', { asOf, districtId: d.id })).body.rows[0];
      expect(fund, `fund report as of ${asOf}`).toMatchObject(expected.fund);
    }
    // as of the ledger's last date: the ledger's own totals
    const last = ok(await as(d.tokens.committee).get('/reports/fund', { asOf: g.lastDate, districtId: d.id })).body.rows[0];
    expect(last).toMatchObject({
      lentOutFen: g.declaredTotals.disbursedFen,
      recoveredFen: g.declaredTotals.repaidFen,
      writtenOffFen: g.declaredTotals.writtenOffFen,
      outstandingFen: g.declaredTotals.outstandingFen,
    });
    // today, from the fund's counters
    const now = ok(await as(d.tokens.committee).get('/reports/fund', { districtId: d.id })).body.rows[0];
    expect(now).toMatchObject({ lentOutFen: g.declaredTotals.disbursedFen, recoveredFen: g.declaredTotals.repaidFen, roundsOpened: 3 });
    // a mother counts once though she borrowed twice
    const outcomes = ok(await as(d.tokens.committee).get('/reports/outcomes', { asOf: today(), districtId: d.id })).body.rows[0];
    expect(outcomes.mothersHelped).toBe(49);
    expect(outcomes.villagesCovered).toBe(3);

    const rounds = ok(await as(d.tokens.committee).get('/rounds', { districtId: d.id })).body.items as { id: string }[];
    expect((await reconcile({ roundIds: rounds.map((r) => r.id) })).differences).toEqual([]);
  }, 240_000); // 50 loans applied and five dates of reports: minutes on a loaded machine

  it('history says where the records came from; repayments are not waiting for a hand-off', async () => {
    const loans = ok(await as(d.tokens.district).get('/loans', { districtId: d.id, limit: '100' })).body.items as { id: string; source?: string }[];
    expect(loans.every((l) => l.source === 'ledger')).toBe(true);
    const file = ok(await as(d.tokens.district).get(`/loans/${loans[0]!.id}`)).body;
    const entry = file.history.find((h: { action: string }) => h.action === 'ledger_imported');
    expect(entry.params).toMatchObject({ source: 'ledger', ledgerImportId: batchId });
    // the entry names who staged and who approved it, in the request's language
    expect(entry.text).toContain(`staged by ${entry.params.stagedBy}`);
    expect(entry.text).toContain(`approved by ${entry.params.approvedBy}`);
    expect([entry.params.stagedBy, entry.params.approvedBy]).toEqual([expect.any(String), expect.any(String)]);
    expect(file.repayments.every((r: { source?: string; ledgerImportId?: string }) => r.source === 'ledger' && r.ledgerImportId === batchId)).toBe(true);
    const waiting = ok(await as(d.tokens.township).get('/remittances/waiting')).body;
    expect(JSON.stringify(waiting)).not.toContain(loans[0]!.id);
  });

  it('a mother with an open loan in the ledger may not apply again; her receipts are taken', async () => {
    const open = g.loans.find((l) => l.round === 2)!;
    const round = ok(
      await as(d.tokens.committee).post('/rounds', { districtId: d.id, name: `新一轮 ${randomInt(1e6)}`, openedOn: addDays(today(), -30), capitalFen: 10_000_000, grantFen: 10_000_000 }),
      201,
    ).body;
    const res = await as(d.tokens.district).post('/applications', {
      roundId: round.id,
      submittedOn: addDays(today(), -5),
      consent: { givenOn: addDays(today(), -5), takenBy: '格桑' },
      villageId: open.villageId,
      mother: { name: open.name, residentId: open.residentId },
      householdSize: 4,
      householdAnnualIncomeFen: 1_200_000,
      villagePerCapitaIncomeFen: 400_000,
      familyPlanning: 'two_daughters',
      project: { type: 'livestock', description: '养殖', expectedAnnualReturnFen: 800_000 },
      amountRequestedFen: 1_000_000,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('mother_has_open_case');
    const receipt = await getRecord<{ loanId: string }>(keys.receipt(`${d.id}.${open.villageId.split('.')[2]}`, open.repayments[0]!.receiptNo));
    expect(receipt?.loanId).toMatch(/^[0-9A-Z]{26}$/);
  });

  it('posted again, creates nothing: every row already imported, and staging is refused', async () => {
    const dry = ok(await as(d.tokens.district).post('/ledger-imports', body(d, g)));
    expect(dry.body).toMatchObject({ accepted: 0, refused: 0, reconciled: true });
    expect(dry.body.alreadyImported).toBe(dry.body.rows.length);
    const again = await as(d.tokens.district).post('/ledger-imports', body(d, g, { dryRun: false }));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_imported');
    expect(await loanCount(d)).toBe(50);
    const rounds = ok(await as(d.tokens.committee).get('/rounds', { districtId: d.id })).body.items as { id: string }[];
    expect(rounds).toHaveLength(4);
  });
});

describe('applying a ledger in steps', () => {
  it('stopped by a mother who applied meanwhile, says why in the caller’s language and keeps it until it goes on', async () => {
    const d = await newDistrict();
    const g = generateLedger({ villages: d.villages, rounds: 1, loans: 4, repayments: 8 });
    const open = g.loans.find((l) => !l.writeOff && l.repayments.reduce((s, r) => s + r.amountFen, 0) < l.principalFen)!;
    const staged = ok(await as(d.tokens.district).post('/ledger-imports', body(d, g, { dryRun: false }))).body;
    // before the committee decides, she applies in a new round of the district: her open case is taken
    const round = ok(
      await as(d.tokens.committee).post('/rounds', { districtId: d.id, name: `新一轮 ${randomInt(1e6)}`, openedOn: addDays(today(), -30), capitalFen: 10_000_000, grantFen: 10_000_000 }),
      201,
    ).body;
    ok(
      await as(d.tokens.district).post('/applications', {
        roundId: round.id,
        submittedOn: addDays(today(), -5),
        consent: { givenOn: addDays(today(), -5), takenBy: '格桑' },
        villageId: open.villageId,
        mother: { name: open.name, residentId: open.residentId },
        householdSize: 4,
        householdAnnualIncomeFen: 1_200_000,
        villagePerCapitaIncomeFen: 400_000,
        familyPlanning: 'two_daughters',
        project: { type: 'livestock', description: '养殖', expectedAnnualReturnFen: 800_000 },
        amountRequestedFen: 1_000_000,
      }),
      201,
    );

    const approved = ok(await as(d.tokens.committee, 'zh-CN').post(`/ledger-imports/${staged.batchId}/approval`, { decision: 'approve' })).body;
    expect(approved.status).toBe('applying');
    expect(approved.lastError).toBe('这位母亲已有一笔未结的申请，还清或未获批准后才能再次申请');
    expect(approved).not.toHaveProperty('lastProblem');
    expect(ok(await as(d.tokens.committee).get(`/ledger-imports/${staged.batchId}`)).body.lastError).toBe('this mother already has an open case; she may apply again after it is repaid or rejected');
    const listed = ok(await as(d.tokens.committee, 'bo').get('/ledger-imports', { districtId: d.id })).body.items;
    expect(listed[0].lastError).toMatch(/[\u0F00-\u0FFF]/);
    // going on meets the same refusal, said again
    expect(ok(await as(d.tokens.committee, 'zh-CN').post(`/ledger-imports/${staged.batchId}/apply`)).body.lastError).toBe('这位母亲已有一笔未结的申请，还清或未获批准后才能再次申请');
  });

  it('stops at its deadline and goes on where it stopped; applying twice at once moves nothing twice; rejecting needs a reason', async () => {
    const d = await newDistrict();
    const g = generateLedger({ villages: d.villages, rounds: 2, loans: 12, repayments: 48 });
    const staged = ok(await as(d.tokens.district).post('/ledger-imports', body(d, g, { dryRun: false }))).body;
    expect((await as(d.tokens.committee).post(`/ledger-imports/${staged.batchId}/approval`, { decision: 'reject' })).status).toBe(400);

    // approved by a request whose time is up: only the rounds are written
    const committee = { userId: 'local-committee', username: 'committee', role: 'committee' as const, officeId: 'lhasa' };
    const late = await decideLedgerImport(contextFor(committee, new Date(Date.now() - 60_000)), staged.batchId, { decision: 'approve' });
    expect(late).toMatchObject({ status: 'applying', progress: { phase: 'records', partsDone: 0 } });
    expect(await loanCount(d)).toBe(0);

    const [a, b] = await Promise.all([as(d.tokens.committee).post(`/ledger-imports/${staged.batchId}/apply`), as(d.tokens.otherCommittee).post(`/ledger-imports/${staged.batchId}/apply`)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    let batch = ok(await as(d.tokens.committee).get(`/ledger-imports/${staged.batchId}`)).body;
    for (let i = 0; batch.status !== 'applied' && i < 5; i++) batch = ok(await as(d.tokens.committee).post(`/ledger-imports/${staged.batchId}/apply`)).body;
    expect(batch.status).toBe('applied');
    expect(await loanCount(d)).toBe(12);
    const rounds = ok(await as(d.tokens.committee).get('/rounds', { districtId: d.id })).body.items as { id: string }[];
    expect((await reconcile({ roundIds: rounds.map((r) => r.id) })).differences).toEqual([]);
    const asOf = g.lastDate;
    expect(ok(await as(d.tokens.committee).get('/reports/repayment', { asOf, districtId: d.id })).body.rows[0]).toMatchObject(expectedAsOf(g, asOf).repayment);
    expect(ok(await as(d.tokens.committee).get('/reports/fund', { districtId: d.id })).body.rows[0]).toMatchObject({
      lentOutFen: g.declaredTotals.disbursedFen,
      recoveredFen: g.declaredTotals.repaidFen,
    });

    // the district may stage again once the batch is applied; a rejected batch writes nothing
    const other = generateLedger({ villages: d.villages, rounds: 1, loans: 2, repayments: 4 });
    const renamed = {
      ...other.files,
      rounds: other.files.rounds.replaceAll('台账第1轮', '补录轮'),
      loans: other.files.loans.replaceAll('台账第1轮', '补录轮'),
      repayments: other.files.repayments.replaceAll('台账第1轮', '补录轮'),
      writeOffs: other.files.writeOffs.replaceAll('台账第1轮', '补录轮'),
    };
    const second = ok(await as(d.tokens.district).post('/ledger-imports', { ...body(d, other, { dryRun: false }), ...renamed })).body;
    const rejected = ok(await as(d.tokens.committee).post(`/ledger-imports/${second.batchId}/approval`, { decision: 'reject', reason: '第二轮台账缺少签字' })).body;
    expect(rejected).toMatchObject({ status: 'rejected', decision: { reason: '第二轮台账缺少签字' } });
    expect(await loanCount(d)).toBe(12);
    expect((await as(d.tokens.committee).post(`/ledger-imports/${second.batchId}/apply`)).body.error.code).toBe('wrong_state');
  });
});
