/**
 * 三治 and the donor report, in a district of the test's own: a health-check campaign of 10
 * women with 4 illnesses found and 3 cured gives exactly those figures in the outcomes
 * report; the committee and field staff see counts only; training counts each mother once;
 * a published donor report has no personal data, is readable without a token, and stays as
 * it was published.
 */
import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, tokens, type Answer } from '../support/api.ts';
import { confirmLoans, daysAgo, residentId, today, visitInput } from '../support/fixtures.ts';

interface District {
  id: string;
  township: string;
  village: string;
  tokens: { committee: string; district: string; approver: string; township: string; field: string; otherDistrict: string };
}

function ok(res: Answer, status = 200): Answer {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res;
}
const post = (token: string | null, path: string, body?: unknown) => call(null, 'POST', path, body ?? {}, { token });
const get = (token: string | null, path: string, query?: Record<string, string>) => call(null, 'GET', path, undefined, { token, query });

async function newDistrict(): Promise<District> {
  const id = `lhasa.outreach-${randomInt(1e9)}`;
  const committee = await tokens.sign({ username: 'committee', role: 'committee', officeId: 'lhasa' });
  for (const office of [
    { id, name: '三治测试区项目办', abbreviation: '三治' },
    { id: `${id}.tw`, name: '三治测试乡', kind: 'township' },
    { id: `${id}.tw.v1`, name: '三治一村', kind: 'village' },
  ])
    ok(await post(committee, '/offices', office), 201);
  const suffix = id.split('.')[1];
  return {
    id,
    township: `${id}.tw`,
    village: `${id}.tw.v1`,
    tokens: {
      committee,
      district: await tokens.sign({ username: `clerk-${suffix}`, role: 'district', officeId: id }),
      approver: await tokens.sign({ username: `clerk2-${suffix}`, role: 'district', officeId: id }),
      township: await tokens.sign({ username: `tw-${suffix}`, role: 'township', officeId: `${id}.tw` }),
      field: await tokens.sign({ username: `field-${suffix}`, role: 'field', officeId: id }),
      otherDistrict: await tokens.sign({ username: 'district-b', role: 'district', officeId: 'lhasa.duilongdeqing' }),
    },
  };
}

/** An approved loan of a mother of the district's village (notice over, two visits, approved by the second clerk). */
async function approvedLoan(d: District, roundId: string, name: string): Promise<string> {
  const app = ok(
    await post(d.tokens.township, '/applications', {
      roundId,
      submittedOn: daysAgo(60),
      consent: { givenOn: daysAgo(60), takenBy: '格桑' },
      villageId: d.village,
      mother: { name, residentId: residentId() },
      householdSize: 4,
      householdAnnualIncomeFen: 1_000_000,
      villagePerCapitaIncomeFen: 400_000,
      familyPlanning: 'two_daughters',
      project: { type: 'livestock', description: '养殖牦牛十头，出售酥油和奶渣', expectedAnnualReturnFen: 500_000 },
      amountRequestedFen: 1_000_000,
    }),
    201,
  ).body.id as string;
  ok(await post(d.tokens.township, `/applications/${app}/notice`, { postedOn: daysAgo(55) }));
  ok(await post(d.tokens.field, `/applications/${app}/visits`, visitInput({ visitedOn: daysAgo(45) })), 201);
  ok(await post(d.tokens.field, `/applications/${app}/visits`, visitInput({ visitedOn: daysAgo(35) })), 201);
  const loanId = ok(await post(d.tokens.approver, `/applications/${app}/decision`, { decision: 'approve', decidedOn: daysAgo(30), amountFen: 1_000_000 })).body.loanId as string;
  await confirmLoans([loanId], { on: daysAgo(30), sender: { token: d.tokens.district }, committee: { token: d.tokens.committee } });
  ok(
    await post(d.tokens.district, `/loans/${loanId}/agreement`, {
      signedOn: daysAgo(29),
      guarantors: { townshipHead: '格桑', villageHead: '扎西' },
      signatories: [
        { party: 'committee', name: '次仁' },
        { party: 'district', name: '王丽' },
        { party: 'mother', name },
      ],
    }),
  );
  ok(await post(d.tokens.district, `/loans/${loanId}/disbursement`, { disbursedOn: daysAgo(28), amountFen: 1_000_000, motherPresent: true, idChecked: true }));
  return loanId;
}

/** four mothers checked and trained, and a fifth (so the district has the 5 mothers a donor report may show) */
const NAMES = ['央宗测试', '德吉测试', '拉姆测试', '卓嘎测试', '边巴测试'];
const HELD_ON = daysAgo(20);
let d: District;
let loans: string[] = [];
let campaignId = '';

beforeAll(async () => {
  d = await newDistrict();
  const round = ok(await post(d.tokens.committee, '/rounds', { districtId: d.id, name: '三治测试轮', openedOn: daysAgo(400), capitalFen: 10_000_000, grantFen: 10_000_000 }), 201).body.id as string;
  loans = [];
  for (const name of NAMES) loans.push(await approvedLoan(d, round, name));
}, 120_000);

/**
 * 10 women from 4 households: each mother and, in three households, two more married women.
 * Findings: 4 illnesses (3 treated on the day).
 */
function campaign(heldOn = HELD_ON) {
  const [a, b, c, e] = loans as [string, string, string, string];
  return {
    districtId: d.id,
    heldOn,
    place: '三治测试乡卫生院',
    examiners: '区妇幼保健院 · 李医生',
    women: [
      { loanId: a, relation: 'mother', findings: [{ category: 'vaginitis', treated: true }] },
      { loanId: a, relation: 'household', name: '普珍', findings: [{ category: 'cervicitis', treated: true }] },
      { loanId: a, relation: 'household', name: '次珍', findings: [] },
      { loanId: b, relation: 'mother', findings: [{ category: 'breast_disease', treated: false }] },
      { loanId: b, relation: 'household', name: '白玛', findings: [] },
      { loanId: b, relation: 'household', name: '曲珍', findings: [] },
      { loanId: c, relation: 'mother', findings: [{ category: 'pelvic_inflammation', treated: true }] },
      { loanId: c, relation: 'household', name: '格桑', findings: [] },
      { loanId: c, relation: 'household', name: '仁增', findings: [] },
      { loanId: e, relation: 'mother', findings: [] },
    ],
  };
}

describe('health checks', () => {
  it('are refused for a household without a separate health consent (409 health_consent_missing, naming the woman’s line)', async () => {
    const res = await post(d.tokens.district, '/health-checks', campaign());
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'health_consent_missing', field: 'women.0.loanId' });
    expect(res.body.error.message).toContain(NAMES[0]);
  });

  it('10 women checked, 4 illnesses found, 3 cured: exactly those figures in the outcomes report for the district and the year', async () => {
    for (const loanId of loans.slice(0, 4)) ok(await post(d.tokens.district, `/loans/${loanId}/consents`, { kind: 'health', givenOn: daysAgo(25), takenBy: '王丽' }), 201);
    const recorded = ok(await post(d.tokens.district, '/health-checks', campaign()), 201).body;
    campaignId = recorded.id;
    expect(recorded).toMatchObject({ womenChecked: 10, mothersChecked: 4, illnessesFound: 4, illnessesTreated: 3, illnessesCured: 0 });
    const findings = ok(await get(d.tokens.district, `/health-checks/${campaignId}/findings`)).body;
    const line = (name: string) => findings.women.find((w: { name: string }) => w.name === name).id as string;
    ok(
      await post(d.tokens.district, `/health-checks/${campaignId}/follow-up`, {
        followedUpOn: daysAgo(5),
        cured: [
          { womanId: line(NAMES[0]!), category: 'vaginitis' },
          { womanId: line('普珍'), category: 'cervicitis' },
          { womanId: line(NAMES[2]!), category: 'pelvic_inflammation' },
        ],
      }),
    );
    // a second campaign checks one of the same mothers again: she is still one woman checked
    ok(await post(d.tokens.district, '/health-checks', { ...campaign(daysAgo(15)), women: [{ loanId: loans[3], relation: 'mother', findings: [] }] }), 201);

    const year = HELD_ON.slice(0, 4);
    for (const groupBy of ['district', 'year']) {
      const report = ok(await get(d.tokens.committee, '/reports/outcomes', { districtId: d.id, groupBy })).body;
      const row = report.rows.find((r: { id: string }) => r.id === (groupBy === 'district' ? d.id : year));
      expect(row, `${groupBy} row`).toMatchObject({ womenChecked: 10, illnessesFound: 4, illnessesTreated: 3, illnessesCured: 3 });
      expect(report.rows.find((r: { id: string }) => r.id === 'total')).toMatchObject({ womenChecked: 10, illnessesFound: 4, illnessesCured: 3 });
    }
    // as of the day before the follow-up nothing was cured yet
    const before = ok(await get(d.tokens.committee, '/reports/outcomes', { districtId: d.id, asOf: daysAgo(6) })).body;
    expect(before.rows[0]).toMatchObject({ womenChecked: 10, illnessesFound: 4, illnessesCured: 0 });
  });

  it('the committee and field staff get counts only: no name, no file, no per-person finding; the findings route refuses them', async () => {
    for (const token of [d.tokens.committee, d.tokens.field]) {
      const list = ok(await get(token, '/health-checks', { districtId: d.id })).body;
      expect(list.items.find((c: { id: string }) => c.id === campaignId)).toMatchObject({ womenChecked: 10, illnessesFound: 4, illnessesCured: 3, found: { vaginitis: 1, cervicitis: 1 } });
      const text = JSON.stringify(list);
      for (const name of [...NAMES, '普珍', '白玛']) expect(text).not.toContain(name);
      for (const loanId of loans) expect(text).not.toContain(loanId);
      expect(text).not.toContain('"women"');
      expect((await get(token, `/health-checks/${campaignId}/findings`)).status).toBe(403);
    }
    // the district office of another district neither
    expect((await get(d.tokens.otherDistrict, `/health-checks/${campaignId}/findings`)).status).toBe(403);
    // the control: her own district office sees every woman
    expect(ok(await get(d.tokens.district, `/health-checks/${campaignId}/findings`)).body.women).toHaveLength(10);
  });

  it('a cured finding cannot be cured twice (already_cured)', async () => {
    const findings = ok(await get(d.tokens.district, `/health-checks/${campaignId}/findings`)).body;
    const w1 = findings.women.find((w: { name: string }) => w.name === NAMES[0]).id;
    const res = await post(d.tokens.district, `/health-checks/${campaignId}/follow-up`, { followedUpOn: today(), cured: [{ womanId: w1, category: 'vaginitis' }] });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ rule: 'already_cured', field: 'cured.0' });
  });
});

describe('training', () => {
  it('counts sessions held and each mother trained once', async () => {
    const session = (attendees: string[], heldOn: string) => ({ districtId: d.id, townshipId: d.township, heldOn, place: '乡政府会议室', topic: 'healthy_births', trainer: '区妇幼保健院', attendees });
    ok(await post(d.tokens.field, '/training-sessions', session(loans.slice(0, 3), daysAgo(12))), 201);
    ok(await post(d.tokens.district, '/training-sessions', session(loans.slice(1, 3), daysAgo(11))), 201);
    const row = ok(await get(d.tokens.committee, '/reports/outcomes', { districtId: d.id })).body.rows[0];
    expect(row).toMatchObject({ trainingSessions: 2, mothersTrained: 3 });
    const listed = ok(await get(d.tokens.committee, '/training-sessions', { districtId: d.id })).body.items;
    expect(listed).toHaveLength(2);
    expect(listed[0].attendees.map((a: { name: string }) => a.name)).toEqual([NAMES[1], NAMES[2]]);
  });
});

describe('the donor report', () => {
  const body = () => ({ from: '2000-01-01', to: today(), title: { 'zh-CN': '三治测试报告', bo: 'ཚོད་ལྟའི་སྙན་ཞུ།', en: 'Test report' } });

  it('has no resident ID, no name without publicity consent, no group under 5 mothers; readable without a token; frozen; withdrawn → 404', async () => {
    ok(await post(d.tokens.district, `/loans/${loans[0]}/consents`, { kind: 'publicity', givenOn: daysAgo(3), takenBy: '王丽', publicName: '央宗', story: '养了十头牦牛，女儿考上了大学。' }), 201);
    const preview = ok(await post(d.tokens.committee, '/public-reports/preview', body())).body;
    expect(preview.status).toBe('preview');
    expect((await get(null, '/public/reports/preview')).status).toBe(404);

    const published = ok(await post(d.tokens.committee, '/public-reports', body()), 201).body;
    const text = JSON.stringify(published);
    expect(text).not.toMatch(/\d{17}[\dXx]/);
    for (const name of NAMES) expect(text).not.toContain(name);
    expect(published.stories).toContainEqual({ name: '央宗', story: '养了十头牦牛，女儿考上了大学。', district: '三治测试区项目办' });
    for (const row of published.districts) expect(row.mothers, row.label).toBeGreaterThanOrEqual(5);
    expect(published.districts.find((r: { label: string }) => r.label === '三治测试区项目办')).toMatchObject({ mothers: 5, womenChecked: 10, illnessesFound: 4, illnessesCured: 3 });
    expect(published.total.womenChecked).toBeGreaterThanOrEqual(10);

    const read = ok(await get(null, `/public/reports/${published.id}`)).body;
    expect(read).toEqual(published);
    expect(ok(await get(null, '/public/reports')).body.items.map((i: { id: string }) => i.id)).toContain(published.id);

    // later data does not change it
    ok(await post(d.tokens.district, '/training-sessions', { districtId: d.id, heldOn: today(), place: '村委会', topic: 'literacy', trainer: '扎西', attendees: [loans[3]] }), 201);
    expect(ok(await get(null, `/public/reports/${published.id}`)).body).toEqual(published);
    expect(ok(await post(d.tokens.committee, '/public-reports/preview', body())).body.total.trainingSessions).toBeGreaterThan(published.total.trainingSessions);

    ok(await post(d.tokens.committee, `/public-reports/${published.id}/withdrawal`));
    expect((await get(null, `/public/reports/${published.id}`)).status).toBe(404);
    expect(ok(await get(null, '/public/reports')).body.items.map((i: { id: string }) => i.id)).not.toContain(published.id);
  });
});
