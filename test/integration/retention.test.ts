/**
 * The retention job (issue 20 item 5, PIPL art. 19, 47): a mother whose last loan closed more
 * than `retentionYears` ago is anonymised — her name, resident ID, phone, household details,
 * health findings and guarantors' names are gone from every record — while every report and
 * the fund stay equal to the fen; a mother whose loan closed more recently is untouched. The
 * job runs "in the future" (its `now`) and only over this file's own district, so the other
 * files sharing the database are not touched.
 */
import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { PersonalDataCopy } from '../../shared/domain/responses/personal-data.ts';
import { addDays, addMonths, todayInChina } from '../../shared/domain/dates.ts';
import { keys } from '../../shared/store/keys.ts';
import { queryPartition } from '../../shared/store/records.ts';
import { closuresUpTo, removeClosure } from '../../shared/store/retention.ts';
import { backfillRetention } from '../../scripts/lib/backfill-retention.ts';
import { runRetention } from '../../shared/usecases/retention.ts';
import { call, tokens, type Answer } from '../support/api.ts';
import { confirmLoans, daysAgo, residentId } from '../support/fixtures.ts';

interface District {
  id: string;
  township: string;
  village: string;
  tokens: { district: string; township: string; field: string; committee: string };
}

function ok(res: Answer, status = 200): Answer {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res;
}

const post = (token: string, path: string, body: unknown) => call(null, 'POST', path, body, { token });
const get = (token: string, path: string, query: Record<string, string> = {}) => call(null, 'GET', path, undefined, { token, query });

async function newDistrict(): Promise<District> {
  const id = `lhasa.retention-${randomInt(1e9)}`;
  const committee = await tokens.sign({ username: 'committee', role: 'committee', officeId: 'lhasa' });
  for (const office of [
    { id, name: '保存期测试区', abbreviation: '保存' },
    { id: `${id}.tw`, name: '保存乡', kind: 'township' },
    { id: `${id}.tw.v1`, name: '一村', kind: 'village' },
  ])
    ok(await call(null, 'POST', '/offices', office, { token: committee }), 201);
  const tag = id.split('.')[1];
  return {
    id,
    township: `${id}.tw`,
    village: `${id}.tw.v1`,
    tokens: {
      committee,
      district: await tokens.sign({ username: `clerk-${tag}`, role: 'district', officeId: id }),
      township: await tokens.sign({ username: `tw-clerk-${tag}`, role: 'township', officeId: `${id}.tw` }),
      field: await tokens.sign({ username: `field-clerk-${tag}`, role: 'field', officeId: id }),
    },
  };
}

interface Mother {
  name: string;
  residentId: string;
  phone: string;
}

/** A loan to `mother`, paid out on B and repaid in full on `repaidOn`. */
async function repaidLoan(d: District, roundId: string, mother: Mother, B: string, repaidOn: string): Promise<{ appId: string; loanId: string }> {
  const appId = ok(
    await post(d.tokens.township, '/applications', {
      roundId,
      submittedOn: addDays(B, -45),
      consent: { givenOn: addDays(B, -45), takenBy: '格桑' },
      villageId: d.village,
      mother,
      householdSize: 5,
      householdAnnualIncomeFen: 1_000_000,
      villagePerCapitaIncomeFen: 500_000,
      familyPlanning: 'one_child',
      project: { type: 'livestock', description: `${mother.name}家养殖牦牛，出售酥油和奶渣`, expectedAnnualReturnFen: 20_000_000 },
      amountRequestedFen: 1_000_000,
    }),
    201,
  ).body.id as string;
  ok(await post(d.tokens.township, `/applications/${appId}/notice`, { postedOn: addDays(B, -44) }));
  for (const v of [35, 30])
    ok(
      await post(d.tokens.field, `/applications/${appId}/visits`, { visitedOn: addDays(B, -v), visitors: ['达瓦'], willingToWork: true, planCredible: true, notes: `${mother.name}家有牦牛三头` }),
      201,
    );
  const loanId = ok(await post(d.tokens.district, `/applications/${appId}/decision`, { decision: 'approve', decidedOn: addDays(B, -25), amountApprovedFen: 1_000_000 })).body.loanId as string;
  await confirmLoans([loanId], { sender: { token: d.tokens.district }, on: addDays(B, -25) });
  ok(
    await post(d.tokens.district, `/loans/${loanId}/agreement`, {
      signedOn: addDays(B, -10),
      guarantors: { townshipHead: '格桑旺堆', villageHead: '扎西顿珠' },
      signatories: [{ party: 'mother', name: mother.name }],
    }),
  );
  ok(await post(d.tokens.township, `/loans/${loanId}/disbursement`, { disbursedOn: B, amountFen: 1_000_000, motherPresent: true, idChecked: true }));
  ok(await post(d.tokens.township, `/loans/${loanId}/repayments`, { paidOn: repaidOn, amountFen: 1_000_000, receiptNo: `R${randomInt(1e9)}` }), 201);
  return { appId, loanId };
}

const REPORTS = ['/reports/repayment', '/reports/portfolio', '/reports/outcomes', '/reports/evaluations', '/reports/fund'];

/** A report with the mothers' names left out (the evaluations report names whose evaluation is due): the figures. */
const withoutNames = (body: unknown): unknown => JSON.parse(JSON.stringify(body), (key, value) => (key === 'mother' || key === 'motherName' ? '' : value));

/** Every figure report of the district as of three days, in every grouping. */
async function figures(d: District): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const asOf of [daysAgo(350), daysAgo(200), todayInChina()])
    for (const path of REPORTS)
      for (const groupBy of path === '/reports/fund' ? ['district'] : ['district', 'township', 'round', 'year'])
        out.push({ path, asOf, groupBy, body: withoutNames(ok(await get(d.tokens.committee, path, { districtId: d.id, asOf, groupBy })).body) });
  return out;
}

/** Every item of her application's and loan's partitions, as stored. */
async function stored(ids: { appId: string; loanId: string }): Promise<string> {
  return JSON.stringify([...(await queryPartition(keys.application(ids.appId).pk)), ...(await queryPartition(keys.loan(ids.loanId).pk))]);
}

describe('the retention job', () => {
  let d: District;
  let past: { appId: string; loanId: string };
  let recent: { appId: string; loanId: string };
  let campaignId: string;
  const dolkar: Mother = { name: '尼玛卓嘎', residentId: residentId(), phone: '13912345678' };
  const pema: Mother = { name: '白玛央宗', residentId: residentId(), phone: '13887654321' };
  let before: unknown[];
  let copy: z.output<typeof PersonalDataCopy>;
  let result: Awaited<ReturnType<typeof runRetention>>;

  beforeAll(async () => {
    d = await newDistrict();
    const roundId = ok(
      await post(d.tokens.committee, '/rounds', { districtId: d.id, name: '第一轮', openedOn: daysAgo(500), capitalFen: 10_000_000, termMonths: 12, evaluationMonths: [], minLoanFen: 100_000 }),
      201,
    ).body.id as string;
    past = await repaidLoan(d, roundId, dolkar, daysAgo(420), daysAgo(300));
    recent = await repaidLoan(d, roundId, pema, daysAgo(400), daysAgo(10));
    // her household's health: consent, then a campaign with a finding for her and a woman of her household
    ok(await post(d.tokens.district, `/loans/${past.loanId}/consents`, { kind: 'health', givenOn: daysAgo(410), takenBy: '王丽' }), 201);
    campaignId = ok(
      await post(d.tokens.district, '/health-checks', {
        districtId: d.id,
        heldOn: daysAgo(400),
        place: '保存乡卫生院',
        examiners: '妇幼保健院 · 李医生',
        women: [
          { loanId: past.loanId, relation: 'mother', findings: [{ category: 'vaginitis', treated: true }] },
          { loanId: past.loanId, relation: 'household', name: '普珍拉姆', findings: [{ category: 'cervicitis', treated: false }] },
        ],
      }),
      201,
    ).body.id as string;
    before = await figures(d);
    // at her request, before the job: the copy of everything held about her, printed for her
    copy = ok(await post(d.tokens.district, `/applications/${past.appId}/personal-data-copy`, { askedOn: daysAgo(1), note: '本人到区项目办申请' })).body;
    // the day the job runs: her loan closed 300 days ago is past retention, the other one (10 days ago) is not
    const { retentionYears } = ok(await get(d.tokens.committee, '/settings')).body as { retentionYears: number };
    const runsOn = addMonths(daysAgo(100), 12 * retentionYears);
    result = await runRetention(new Date(`${runsOn}T12:00:00+08:00`), { districtIds: [d.id] });
  }, 300_000);

  it('anonymises the mother past retention: her records hold no name, ID, phone, household notes or guarantors', async () => {
    expect(result).toMatchObject({ mothersAnonymised: 1, recordsAnonymised: 2, failed: 0 });
    const held = await stored(past);
    for (const secret of [dolkar.name, dolkar.residentId, dolkar.phone, '格桑旺堆', '扎西顿珠', '家有牦牛三头', '出售酥油和奶渣']) expect(held, secret).not.toContain(secret);
    // the answers kept for replays of her records' requests (deflated: the check above cannot read them) went too
    const kept = (await Promise.all([queryPartition(keys.application(past.appId).pk), queryPartition(keys.loan(past.loanId).pk)])).flat();
    expect(kept.filter((i) => 'answer' in i || 'idem' in i).map((i) => `${i.pk} ${i.sk}`)).toEqual([]);
    const loan = ok(await get(d.tokens.district, `/loans/${past.loanId}`)).body;
    expect(loan.mother).toEqual({ name: '***', residentId: '***' });
    expect(loan).toMatchObject({ status: 'repaid', principalFen: 1_000_000, repaidFen: 1_000_000, balanceFen: 0, anonymisedOn: expect.any(String) });
    expect(loan.history.map((h: { action: string }) => h.action)).toContain('personal_data_anonymised');
    // she is found neither by her ID nor by her name
    expect(ok(await get(d.tokens.district, '/search', { q: dolkar.residentId })).body.results ?? []).toEqual([]);
    expect(ok(await get(d.tokens.district, '/search', { q: dolkar.name })).body.results ?? []).toEqual([]);
  });

  it('removes her health findings and her household woman’s name from the campaign, keeping its counts', async () => {
    const findings = ok(await get(d.tokens.district, `/health-checks/${campaignId}/findings`)).body;
    expect(JSON.stringify(findings)).not.toContain('普珍拉姆');
    for (const w of findings.women) expect(w).toMatchObject({ name: '***', findings: [] });
    expect(findings.campaign).toMatchObject({ womenChecked: 2 });
  });

  it('her data-access copy, printed before, showed everything that was held; the request is in the exceptions report', async () => {
    expect(copy.mother).toMatchObject({ name: dolkar.name, residentId: dolkar.residentId, phone: dolkar.phone });
    expect(copy.applications).toHaveLength(1);
    const app = copy.applications[0]!;
    expect(app.application.project.description).toContain('出售酥油和奶渣');
    expect(app.visits.map((v: { notes: string }) => v.notes)).toEqual([`${dolkar.name}家有牦牛三头`, `${dolkar.name}家有牦牛三头`]);
    expect(app.history.map((h: { action: string }) => h.action)).toContain('application_submitted');
    const loan = copy.loans[0]!;
    expect(loan.loan.agreement?.guarantors).toEqual({ townshipHead: '格桑旺堆', villageHead: '扎西顿珠' });
    expect(loan.repayments.map((r: { amountFen: number }) => r.amountFen)).toEqual([1_000_000]);
    expect(loan.consents.map((c: { kind: string }) => c.kind)).toEqual(['health']);
    expect(loan.healthChecks).toEqual([
      expect.objectContaining({
        campaignId,
        women: [expect.objectContaining({ relation: 'mother', findings: [expect.objectContaining({ category: 'vaginitis' })] }), expect.objectContaining({ name: '普珍拉姆' })],
      }),
    ]);
    const report = ok(await get(d.tokens.committee, '/reports/exceptions', { districtId: d.id, kind: 'data_access_request' })).body;
    expect(report.items).toEqual([expect.objectContaining({ kind: 'data_access_request', recordId: past.appId, actor: expect.objectContaining({ role: 'district' }) })]);
    expect(report.items[0].text).not.toContain(dolkar.name);
  });

  it('keeps every report and fund figure equal to the fen', async () => {
    expect(await figures(d)).toEqual(before);
  });

  it('leaves a mother whose loan closed within the period untouched', async () => {
    const held = await stored(recent);
    for (const secret of [pema.name, pema.residentId, pema.phone]) expect(held).toContain(secret);
    // and the answers kept for replays of its requests: still there (the job leaves her records alone)
    expect((await queryPartition(keys.loan(recent.loanId).pk)).some((i) => i.answer instanceof Uint8Array)).toBe(true);
    const loan = ok(await get(d.tokens.district, `/loans/${recent.loanId}`)).body;
    expect(loan.mother).toMatchObject({ name: pema.name, residentId: pema.residentId });
    expect(loan.anonymisedOn).toBeUndefined();
    // her entry waits for its day
    expect((await closuresUpTo(todayInChina())).some((e) => e.loanId === recent.loanId)).toBe(true);
  });

  it('a second run finds nothing more to do', async () => {
    const { retentionYears } = ok(await get(d.tokens.committee, '/settings')).body as { retentionYears: number };
    const again = await runRetention(new Date(`${addMonths(daysAgo(100), 12 * retentionYears)}T12:00:00+08:00`), { districtIds: [d.id] });
    expect(again).toMatchObject({ mothersAnonymised: 0, recordsAnonymised: 0, failed: 0 });
    expect((await closuresUpTo(todayInChina())).some((e) => e.loanId === past.loanId)).toBe(false);
  });

  it('the backfill gives a loan closed before entries were kept its entry, and none to an anonymised one', async () => {
    const entry = (await closuresUpTo(todayInChina())).find((e) => e.loanId === recent.loanId)!;
    await removeClosure(entry);
    const counts = await backfillRetention({ dryRun: false });
    expect(counts.written).toBeGreaterThanOrEqual(1);
    const entries = await closuresUpTo(todayInChina());
    expect(entries.filter((e) => e.loanId === recent.loanId)).toEqual([{ loanId: recent.loanId, closedOn: daysAgo(10), districtId: d.id }]);
    expect(entries.some((e) => e.loanId === past.loanId)).toBe(false);
  });
});

describe('a correction of her details', () => {
  let d: District;
  let ids: { appId: string; loanId: string };
  const mother: Mother = { name: '次仁拉姆', residentId: residentId(), phone: '13711112222' };

  beforeAll(async () => {
    d = await newDistrict();
    const roundId = ok(
      await post(d.tokens.committee, '/rounds', { districtId: d.id, name: '第一轮', openedOn: daysAgo(500), capitalFen: 10_000_000, termMonths: 12, evaluationMonths: [], minLoanFen: 100_000 }),
      201,
    ).body.id as string;
    ids = await repaidLoan(d, roundId, mother, daysAgo(420), daysAgo(300));
  }, 300_000);

  it('changes her name and phone on every record, before → after in the history, listed in the exceptions report', async () => {
    const rootOf = async (pk: string) => (await queryPartition(pk)).find((i) => i.sk === 'APP' || i.sk === 'LOAN')!;
    expect(Object.keys((await rootOf(keys.loan(ids.loanId).pk)).idem ?? {}).length).toBeGreaterThan(0);
    const res = ok(await post(d.tokens.district, `/applications/${ids.appId}/personal-data-correction`, { name: '次仁拉姆卓玛', phone: '13733334444', reason: '身份证换发，姓名和电话更正' }));
    expect(res.body).toEqual({ corrected: ['name', 'phone'], applications: 1, loans: 1 });
    const loan = ok(await get(d.tokens.district, `/loans/${ids.loanId}`)).body;
    expect(loan.mother).toMatchObject({ name: '次仁拉姆卓玛', phone: '13733334444' });
    const entry = loan.history.find((h: { action: string }) => h.action === 'personal_data_corrected');
    expect(entry.params).toMatchObject({ before: { name: mother.name, phone: mother.phone }, after: { name: '次仁拉姆卓玛', phone: '13733334444' } });
    expect(entry.text).toContain(`${mother.name} → 次仁拉姆卓玛`);
    // the answers kept for replays of earlier requests held her old name: their keys went (only the correction's own is left)
    expect((await rootOf(keys.loan(ids.loanId).pk)).idem).toBeUndefined();
    expect(Object.keys((await rootOf(keys.application(ids.appId).pk)).idem ?? {})).toHaveLength(1);
    const app = ok(await get(d.tokens.district, `/applications/${ids.appId}`)).body;
    expect(app.mother.name).toBe('次仁拉姆卓玛');
    // found under her new name
    expect(
      ok(await get(d.tokens.district, '/search', { q: '次仁拉姆卓' }))
        .body.items.map((i: { id: string }) => i.id)
        .sort(),
    ).toEqual([ids.appId, ids.loanId].sort());
    const report = ok(await get(d.tokens.committee, '/reports/exceptions', { districtId: d.id, kind: 'personal_data_corrected' })).body;
    expect(report.items).toEqual([expect.objectContaining({ kind: 'personal_data_corrected', data: { fields: ['name', 'phone'], reason: '身份证换发，姓名和电话更正' } })]);
  });

  it('refuses the household size once her loan was paid out (the reports counted it), and a correction that changes nothing', async () => {
    const counted = await post(d.tokens.district, `/applications/${ids.appId}/personal-data-correction`, { householdSize: 6, reason: '家里添了一个孩子' });
    expect(counted.status).toBe(409);
    expect(counted.body.error).toMatchObject({ code: 'household_size_counted' });
    const same = await post(d.tokens.district, `/applications/${ids.appId}/personal-data-correction`, { phone: '13733334444', reason: '再次核对电话号码' });
    expect(same.status).toBe(422);
    expect(same.body.error).toMatchObject({ rule: 'correction_unchanged', field: 'phone' });
  });

  it('is for her district office only', async () => {
    const township = await post(d.tokens.township, `/applications/${ids.appId}/personal-data-correction`, { phone: '13755556666', reason: '本人换了手机号码' });
    expect(township.status).toBe(403);
  });
});
