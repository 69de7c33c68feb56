/**
 * One scenario per route: how to prepare a fresh target and the request to measure.
 * Typed against the route table, so a new route cannot be left out of the benchmark.
 */
import { randomInt } from 'node:crypto';
import type { RouteKey } from '../shared/routes.ts';
import { as, call, tokens } from '../test/support/api.ts';
import {
  activeLoan,
  agreementInput,
  confirmLoans,
  applicationInput,
  daysAgo,
  evaluationInput,
  openRound,
  readyApplication,
  residentId,
  roundInput,
  today,
  visitInput,
} from '../test/support/fixtures.ts';
import { generateLedger, ledgerBody } from '../test/support/ledger-fixture.ts';
import { ensureOffices } from '../dev/offices.ts';
import type { Office } from '../shared/domain/offices.ts';
import { draftedReport, evaluatedRound, submittedReport } from '../test/support/evaluation-reports.ts';
import { consentedLoan, healthCheck, healthCheckBody, healthConsentBody, publicReportBody, publishedReport, trainingBody } from '../test/support/outreach-fixture.ts';

export interface Measured {
  user: string | { token: string };
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  body?: unknown;
  query?: Record<string, string>;
  idempotencyKey?: string;
}

export type Scenario = { writes: boolean; prepare: () => Promise<Measured> };

const key = () => `bench-${randomInt(1e12)}`;

async function approvedLoan(roundId: string): Promise<string> {
  const app = await readyApplication(roundId);
  return (await as('district-2').post(`/applications/${app}/decision`, { decision: 'approve', decidedOn: daysAgo(30), amountFen: 1_000_000 })).body.loanId;
}

async function isolatedDistrict(): Promise<{ id: string; token: string }> {
  const id = `lhasa.bench-${randomInt(1e9)}`;
  await as('committee').post('/offices', { id, name: '基准测试区' });
  return { id, token: await tokens.sign({ username: `bench-clerk-${id.split('.')[1]}`, role: 'district', officeId: id }) };
}

/** A district of its own with a township and a village, and a small ledger of it (one district: one staged ledger at a time). */
async function ledgerDistrict(): Promise<{ id: string; token: string; body: ReturnType<typeof ledgerBody> }> {
  const d = await isolatedDistrict();
  await as('committee').post('/offices', { id: `${d.id}.tw`, name: '基准乡' });
  await as('committee').post('/offices', { id: `${d.id}.tw.v1`, name: '基准村' });
  return { ...d, body: ledgerBody(d.id, generateLedger({ villages: [`${d.id}.tw.v1`], rounds: 1, loans: 3, repayments: 9 })) };
}

async function stagedLedger(): Promise<string> {
  const d = await ledgerDistrict();
  return (await call(null, 'POST', '/ledger-imports', { ...d.body, dryRun: false }, { token: d.token })).body.batchId;
}

/** How many districts the donor report's scenarios cover (DONOR_DISTRICTS in results: the report reads each district's aggregates, rounds and consents). */
export const DONOR_DISTRICTS = 20;

/**
 * A committee of its own (an office at the top level, apart from the demo tree) with
 * DONOR_DISTRICTS districts of five mothers each, brought in from a ledger (a township, a
 * village, loans over the last months): the donor report of its committee covers these
 * districts only, whatever the other routes of the run added to the database (they add
 * districts under the demo committee, which the report of the demo committee would read too).
 * Built once, on first use.
 */
let donorRegionBuilt: Promise<{ token: string }> | undefined;
function donorRegion(): Promise<{ token: string }> {
  donorRegionBuilt ??= (async () => {
    const root = `bench-donor-${randomInt(1e9)}`;
    const districtIds = Array.from({ length: DONOR_DISTRICTS }, (_, i) => `${root}.d${i + 1}`);
    await ensureOffices([
      { id: root, level: 'committee', name: '基准测试组委会' },
      ...districtIds.flatMap((id, i): Office[] => [
        { id, level: 'district', parentId: root, name: `基准第${i + 1}区项目办`, abbreviation: `基准${i + 1}` },
        { id: `${id}.tw`, level: 'township', parentId: id, name: '基准乡', kind: 'township' },
        { id: `${id}.tw.v1`, level: 'village', parentId: `${id}.tw`, name: '基准村', kind: 'village' },
      ]),
    ]);
    const token = await tokens.sign({ username: `${root}-committee`, role: 'committee', officeId: root });
    for (const id of districtIds) {
      const clerk = await tokens.sign({ username: `${root}-clerk-${id.split('.')[1]}`, role: 'district', officeId: id });
      const g = generateLedger({ villages: [`${id}.tw.v1`], rounds: 1, loans: 5, repayments: 10, receiptPrefix: `捐${randomInt(1e6)}-` });
      const staged = await call(null, 'POST', '/ledger-imports', ledgerBody(id, g, { dryRun: false }), { token: clerk });
      if (staged.status >= 300 || !staged.body.batchId) throw new Error(`the ledger of ${id}: ${staged.status} ${JSON.stringify(staged.body)}`);
      let batch = await call(null, 'POST', `/ledger-imports/${staged.body.batchId}/approval`, { decision: 'approve' }, { token });
      for (let i = 0; batch.body.status === 'applying' && i < 20; i++) batch = await call(null, 'POST', `/ledger-imports/${staged.body.batchId}/apply`, undefined, { token });
      if (batch.body.status !== 'applied') throw new Error(`the ledger of ${id}: ${batch.status} ${JSON.stringify(batch.body)}`);
    }
    return { token };
  })();
  return donorRegionBuilt;
}

/** Shared read targets, built once. */
export interface Shared {
  roundId: string;
  appId: string;
  loanId: string;
  remittanceId: string;
  /** a confirmation list waiting for the committee */
  confirmationListId: string;
  /** a drafted mid-term evaluation report */
  evaluationReportId: string;
  ledger: { token: string; body: unknown; batchId: string };
}

export async function prepareShared(): Promise<Shared> {
  const roundId = await openRound({ capitalFen: 10_000_000_000 });
  const appId = await readyApplication(roundId);
  const loanId = await activeLoan(roundId);
  await as('township').post(`/loans/${loanId}/repayments`, { paidOn: today(), amountFen: 1_000, receiptNo: `B-${key()}` }, { idempotencyKey: key() });
  const repaymentId = (await as('district').get(`/loans/${loanId}`)).body.repayments[0].id;
  const batch = await as('township').post(
    '/remittances',
    {
      level: 'township_to_district',
      fromOfficeId: 'lhasa.chengguan.caigongtang',
      handedOverOn: today(),
      amountFen: 1_000,
      repaymentRefs: [{ id: repaymentId, loanId }],
      handedOverBy: '格桑',
      receivedBy: '王丽',
    },
    { idempotencyKey: key() },
  );
  const ledger = await ledgerDistrict();
  const ledgerBatch = (await call(null, 'POST', '/ledger-imports', { ...ledger.body, dryRun: false }, { token: ledger.token })).body.batchId;
  const confirmationList = await as('district').post('/confirmation-lists', { sentOn: today(), loanIds: [await approvedLoan(roundId)] });
  const evaluationReportId = await draftedReport((await evaluatedRound()).roundId, '资金按计划使用');
  return {
    roundId,
    appId,
    loanId,
    remittanceId: batch.body.id,
    confirmationListId: confirmationList.body.id,
    evaluationReportId,
    ledger: { token: ledger.token, body: ledger.body, batchId: ledgerBatch },
  };
}

export function scenarios(s: Shared): Record<RouteKey, Scenario> {
  const read = (m: Measured): Scenario => ({ writes: false, prepare: async () => m });
  let repayLoan: string | undefined;
  let repayments = 0;
  return {
    'GET /health': read({ user: 'committee', method: 'GET', path: '/health' }),
    'GET /openapi.json': read({ user: 'committee', method: 'GET', path: '/openapi.json' }),
    'GET /offices': read({ user: 'district', method: 'GET', path: '/offices' }),
    'POST /offices': { writes: true, prepare: async () => ({ user: 'district', method: 'POST', path: '/offices', body: { id: `lhasa.chengguan.caigongtang.b${randomInt(1e9)}`, name: '基准村' } }) },
    'POST /staff': {
      writes: true,
      prepare: async () => ({
        user: 'district',
        method: 'POST',
        path: '/staff',
        body: { username: `bench-${randomInt(1e12)}`, displayName: '基准 · 卓玛', role: 'township', officeId: 'lhasa.chengguan.caigongtang' },
      }),
    },
    'GET /staff': read({ user: 'district', method: 'GET', path: '/staff' }),
    'GET /me': read({ user: 'township', method: 'GET', path: '/me' }),
    'PATCH /staff/{id}': {
      writes: true,
      prepare: async () => {
        const added = await as('district').post('/staff', { username: `bench-${randomInt(1e12)}`, displayName: '基准 · 卓玛', role: 'township', officeId: 'lhasa.chengguan.caigongtang' });
        return { user: 'district', method: 'PATCH', path: `/staff/${added.body.id}`, body: { displayName: '基准 · 改名' } };
      },
    },
    'POST /rounds': { writes: true, prepare: async () => ({ user: 'committee', method: 'POST', path: '/rounds', body: roundInput() }) },
    'GET /settings': read({ user: 'district', method: 'GET', path: '/settings' }),
    'POST /settings': {
      writes: true,
      prepare: async () => ({ user: 'committee', method: 'POST', path: '/settings', body: { separationOfDuties: true, backDatedAfterDays: 7, reason: '基准测试：保持默认设置' } }),
    },
    // no change waits in the bench's database: a decision on one is refused (409 no_pending_change), which is what it measures
    'POST /settings/pending/confirm': {
      writes: true,
      prepare: async () => ({ user: 'committee', method: 'POST', path: '/settings/pending/confirm', body: { proposalId: '01JBENCH0000000000000000000' } }),
    },
    'POST /settings/pending/withdraw': {
      writes: true,
      prepare: async () => ({ user: 'committee', method: 'POST', path: '/settings/pending/withdraw', body: { proposalId: '01JBENCH0000000000000000000' } }),
    },
    'GET /settings/history': read({ user: 'committee', method: 'GET', path: '/settings/history' }),
    'POST /applications/{id}/resident-id': { writes: true, prepare: async () => ({ user: 'committee', method: 'POST', path: `/applications/${s.appId}/resident-id`, body: { reason: '基准测试' } }) },
    'POST /applications/{id}/personal-data-copy': {
      writes: true,
      prepare: async () => ({ user: 'district', method: 'POST', path: `/applications/${s.appId}/personal-data-copy`, body: { askedOn: today() } }),
    },
    'POST /applications/{id}/personal-data-correction': {
      writes: true,
      prepare: async () => ({
        user: 'district',
        method: 'POST',
        path: `/applications/${s.appId}/personal-data-correction`,
        body: { phone: `139${String(Date.now()).slice(-8)}`, reason: '基准测试更正' },
      }),
    },
    'GET /reports/exceptions': read({ user: 'committee', method: 'GET', path: '/reports/exceptions', query: { districtId: 'lhasa.chengguan', from: today() } }),
    'GET /rounds': read({ user: 'district', method: 'GET', path: '/rounds' }),
    'GET /rounds/{id}': read({ user: 'district', method: 'GET', path: `/rounds/${s.roundId}` }),
    'POST /rounds/{id}/close': { writes: true, prepare: async () => ({ user: 'district', method: 'POST', path: `/rounds/${await openRound()}/close`, body: { closedOn: today() } }) },
    'POST /round-requests': {
      writes: true,
      prepare: async () => {
        const d = await isolatedDistrict();
        return { user: { token: d.token }, method: 'POST', path: '/round-requests', body: { name: '新一轮', requestedOn: today(), capitalFen: 1_000_000, reason: '基准测试' } };
      },
    },
    'GET /round-requests': read({ user: 'committee', method: 'GET', path: '/round-requests' }),
    'POST /round-requests/{id}/decision': {
      writes: true,
      prepare: async () => {
        const d = await isolatedDistrict();
        const req = await call(null, 'POST', '/round-requests', { name: '新一轮', requestedOn: today(), capitalFen: 1_000_000, reason: '基准测试' }, { token: d.token });
        return { user: 'committee', method: 'POST', path: `/round-requests/${req.body.id}/decision`, body: { decision: 'approve', openedOn: today(), capitalFen: 1_000_000, maxLoanFen: 1_000_000 } };
      },
    },
    'POST /rounds/{id}/imports': {
      writes: true,
      prepare: async () => {
        const header = '姓名,身份证号,村,家庭人口,家庭年收入(元),村人均收入(元),计生情况,项目类型,项目说明,预计年收益(元),申请金额(元),同意书日期,告知人';
        const rows = Array.from({ length: 5 }, () => `卓玛,${residentId()},lhasa.chengguan.caigongtang.zhiba,5,9000,6200,双女户,养殖,养殖牦牛出售酥油奶渣,6000,10000,${today()},格桑`);
        return { user: 'township', method: 'POST', path: `/rounds/${s.roundId}/imports`, body: { format: 'csv', content: [header, ...rows].join('\n'), dryRun: false } };
      },
    },
    'POST /applications': { writes: true, prepare: async () => ({ user: 'township', method: 'POST', path: '/applications', body: applicationInput(s.roundId) }) },
    'GET /applications': read({ user: 'district', method: 'GET', path: '/applications', query: { roundId: s.roundId } }),
    'GET /applications/{id}': read({ user: 'district', method: 'GET', path: `/applications/${s.appId}` }),
    'POST /applications/{id}/notice': {
      writes: true,
      prepare: async () => ({
        user: 'township',
        method: 'POST',
        path: `/applications/${(await as('township').post('/applications', applicationInput(s.roundId))).body.id}/notice`,
        body: { postedOn: daysAgo(55) },
      }),
    },
    'POST /applications/{id}/objections': {
      writes: true,
      prepare: async () => {
        const id = (await as('township').post('/applications', applicationInput(s.roundId))).body.id;
        await as('township').post(`/applications/${id}/notice`, { postedOn: daysAgo(55) });
        return { user: 'township', method: 'POST', path: `/applications/${id}/objections`, body: { raisedOn: daysAgo(50), content: '有异议' } };
      },
    },
    'POST /applications/{id}/objections/{objectionId}/resolution': {
      writes: true,
      prepare: async () => {
        const id = (await as('township').post('/applications', applicationInput(s.roundId))).body.id;
        await as('township').post(`/applications/${id}/notice`, { postedOn: daysAgo(55) });
        const o = (await as('township').post(`/applications/${id}/objections`, { raisedOn: daysAgo(50), content: '有异议' })).body.id;
        return { user: 'district', method: 'POST', path: `/applications/${id}/objections/${o}/resolution`, body: { resolvedOn: daysAgo(45), outcome: 'dismissed', note: '核实无误' } };
      },
    },
    'POST /applications/{id}/visits': {
      writes: true,
      prepare: async () => ({ user: 'field', method: 'POST', path: `/applications/${(await as('township').post('/applications', applicationInput(s.roundId))).body.id}/visits`, body: visitInput() }),
    },
    'POST /applications/{id}/screening': { writes: true, prepare: async () => ({ user: 'district', method: 'POST', path: `/applications/${await readyApplication(s.roundId)}/screening` }) },
    'POST /applications/{id}/decision': {
      writes: true,
      prepare: async () => ({
        user: 'district',
        method: 'POST',
        path: `/applications/${await readyApplication(s.roundId)}/decision`,
        body: { decision: 'approve', decidedOn: daysAgo(30), amountFen: 1_000_000 },
      }),
    },
    'POST /loans/{id}/agreement': {
      writes: true,
      prepare: async () => ({ user: 'district', method: 'POST', path: `/loans/${await approvedLoan(s.roundId)}/agreement`, body: agreementInput(daysAgo(29)) }),
    },
    'POST /loans/{id}/disbursement': {
      writes: true,
      prepare: async () => {
        const loanId = await approvedLoan(s.roundId);
        await confirmLoans([loanId], { on: daysAgo(30) });
        await as('district').post(`/loans/${loanId}/agreement`, agreementInput(daysAgo(29)));
        return {
          user: 'district',
          method: 'POST',
          path: `/loans/${loanId}/disbursement`,
          body: { disbursedOn: daysAgo(28), amountFen: 1_000_000, motherPresent: true, idChecked: true },
          idempotencyKey: key(),
        };
      },
    },
    'POST /loans/{id}/evaluations': {
      writes: true,
      prepare: async () => ({ user: 'field', method: 'POST', path: `/loans/${await activeLoan(s.roundId)}/evaluations`, body: evaluationInput('midterm') }),
    },
    'POST /loans/{id}/repayments': {
      writes: true,
      prepare: async () => {
        if (!repayLoan || repayments++ % 500 === 0) repayLoan = await activeLoan(s.roundId);
        return { user: 'township', method: 'POST', path: `/loans/${repayLoan}/repayments`, body: { paidOn: today(), amountFen: 1_000, receiptNo: `B-${key()}` }, idempotencyKey: key() };
      },
    },
    'POST /loans/{id}/write-off': {
      writes: true,
      prepare: async () => ({
        user: 'committee',
        method: 'POST',
        path: `/loans/${await activeLoan(s.roundId)}/write-off`,
        body: { writtenOffOn: today(), reason: '基准测试核销' },
        idempotencyKey: key(),
      }),
    },
    'POST /remittances': {
      writes: true,
      prepare: async () => {
        const loanId = await activeLoan(s.roundId);
        const r = await as('township').post(`/loans/${loanId}/repayments`, { paidOn: today(), amountFen: 5_000, receiptNo: `B-${key()}` }, { idempotencyKey: key() });
        return {
          user: 'township',
          method: 'POST',
          path: '/remittances',
          body: {
            level: 'township_to_district',
            fromOfficeId: 'lhasa.chengguan.caigongtang',
            handedOverOn: today(),
            amountFen: 5_000,
            repaymentRefs: [{ id: r.body.id, loanId }],
            handedOverBy: '格桑',
            receivedBy: '王丽',
          },
          idempotencyKey: key(),
        };
      },
    },
    'GET /remittances': read({ user: 'district', method: 'GET', path: '/remittances' }),
    'GET /remittances/waiting': read({ user: 'township', method: 'GET', path: '/remittances/waiting' }),
    'GET /remittances/{id}': read({ user: 'district', method: 'GET', path: `/remittances/${s.remittanceId}` }),
    'POST /confirmation-lists': {
      writes: true,
      prepare: async () => ({ user: 'district', method: 'POST', path: '/confirmation-lists', body: { sentOn: today(), loanIds: [await approvedLoan(s.roundId)] } }),
    },
    'GET /confirmation-lists': read({ user: 'committee', method: 'GET', path: '/confirmation-lists', query: { status: 'sent' } }),
    'GET /confirmation-lists/{id}': read({ user: 'district', method: 'GET', path: `/confirmation-lists/${s.confirmationListId}` }),
    'POST /confirmation-lists/{id}/decision': {
      writes: true,
      prepare: async () => {
        const list = await as('district').post('/confirmation-lists', { sentOn: today(), loanIds: [await approvedLoan(s.roundId)] });
        return { user: 'committee', method: 'POST', path: `/confirmation-lists/${list.body.id}/decision`, body: { decidedOn: today() } };
      },
    },
    'POST /evaluation-reports': {
      writes: true,
      prepare: async () => ({ user: 'district', method: 'POST', path: '/evaluation-reports', body: { roundId: (await evaluatedRound()).roundId, point: 0 } }),
    },
    'GET /evaluation-reports': read({ user: 'committee', method: 'GET', path: '/evaluation-reports' }),
    'GET /evaluation-reports/due': read({ user: 'committee', method: 'GET', path: '/evaluation-reports/due' }),
    'GET /evaluation-reports/{id}': read({ user: 'district', method: 'GET', path: `/evaluation-reports/${s.evaluationReportId}` }),
    'PATCH /evaluation-reports/{id}': {
      writes: true,
      prepare: async () => ({ user: 'district', method: 'PATCH', path: `/evaluation-reports/${s.evaluationReportId}`, body: { assessment: `基准测试 ${key()}` } }),
    },
    'POST /evaluation-reports/{id}/submit': {
      writes: true,
      prepare: async () => ({
        user: 'district',
        method: 'POST',
        path: `/evaluation-reports/${await draftedReport((await evaluatedRound()).roundId, '资金按计划使用')}/submit`,
        body: { reportedOn: today() },
      }),
    },
    'POST /evaluation-reports/{id}/review': {
      writes: true,
      prepare: async () => ({ user: 'committee', method: 'POST', path: `/evaluation-reports/${await submittedReport()}/review`, body: { decision: 'received', reviewedOn: today() } }),
    },
    'GET /loans': read({ user: 'district', method: 'GET', path: '/loans', query: { roundId: s.roundId } }),
    'GET /loans/{id}': read({ user: 'district', method: 'GET', path: `/loans/${s.loanId}` }),
    'GET /loans/{id}/messages': read({ user: 'district', method: 'GET', path: `/loans/${s.loanId}/messages` }),
    'POST /loans/{id}/sms-preference': {
      writes: true,
      prepare: async () => ({ user: 'township', method: 'POST', path: `/loans/${s.loanId}/sms-preference`, body: { optIn: true, lang: 'bo', phone: '13800138000', reason: '基准测试' } }),
    },
    'POST /applications/{id}/sms-preference': {
      writes: true,
      prepare: async () => ({ user: 'township', method: 'POST', path: `/applications/${s.appId}/sms-preference`, body: { optIn: true, lang: 'zh-CN', phone: '13800138000', reason: '基准测试' } }),
    },
    'POST /collection-notices': {
      writes: true,
      prepare: async () => ({ user: 'township', method: 'POST', path: '/collection-notices', body: { townshipId: 'lhasa.chengguan.caigongtang', on: today(), place: '乡政府院内' } }),
    },
    'GET /sms/month': read({ user: 'committee', method: 'GET', path: '/sms/month' }),
    'POST /sms/settings': { writes: true, prepare: async () => ({ user: 'committee', method: 'POST', path: '/sms/settings', body: { monthlyCap: 20_000 } }) },
    'GET /public/receipts/{loanId}/{repaymentId}': read({ user: 'committee', method: 'GET', path: `/public/receipts/${s.loanId}/${s.appId}`, query: { t: 'AAAAAAAAAAAAAAAAAAAAAA' } }),
    'GET /search': read({ user: 'district', method: 'GET', path: '/search', query: { q: '次仁' } }),
    'GET /reports/collection': read({ user: 'district', method: 'GET', path: '/reports/collection', query: { townshipId: 'lhasa.chengguan.caigongtang' } }),
    'GET /reports/repayment': read({ user: 'committee', method: 'GET', path: '/reports/repayment', query: { groupBy: 'district', districtId: 'lhasa.chengguan' } }),
    'GET /reports/portfolio': read({ user: 'committee', method: 'GET', path: '/reports/portfolio', query: { groupBy: 'district', districtId: 'lhasa.chengguan' } }),
    'GET /reports/outcomes': read({ user: 'committee', method: 'GET', path: '/reports/outcomes', query: { groupBy: 'district', districtId: 'lhasa.chengguan' } }),
    'GET /reports/evaluations': read({ user: 'district', method: 'GET', path: '/reports/evaluations' }),
    'GET /reports/fund': read({ user: 'committee', method: 'GET', path: '/reports/fund', query: { districtId: 'lhasa.chengguan' } }),
    'GET /reports/remittances': read({ user: 'district', method: 'GET', path: '/reports/remittances' }),
    'POST /loans/{id}/consents': { writes: true, prepare: async () => ({ user: 'district', method: 'POST', path: `/loans/${s.loanId}/consents`, body: healthConsentBody() }) },
    'POST /health-checks': { writes: true, prepare: async () => ({ user: 'district', method: 'POST', path: '/health-checks', body: healthCheckBody(await consentedLoan(s.roundId)) }) },
    'GET /health-checks': read({ user: 'committee', method: 'GET', path: '/health-checks', query: { districtId: 'lhasa.chengguan' } }),
    'GET /health-checks/{id}/findings': {
      writes: false,
      prepare: async () => ({ user: 'district', method: 'GET', path: `/health-checks/${await healthCheck(await consentedLoan(s.roundId))}/findings` }),
    },
    'POST /health-checks/{id}/follow-up': {
      writes: true,
      prepare: async () => ({
        user: 'district',
        method: 'POST',
        path: `/health-checks/${await healthCheck(await consentedLoan(s.roundId))}/follow-up`,
        body: { followedUpOn: today(), cured: [{ womanId: 'w1', category: 'vaginitis' }] },
      }),
    },
    'POST /training-sessions': { writes: true, prepare: async () => ({ user: 'district', method: 'POST', path: '/training-sessions', body: trainingBody(s.loanId) }) },
    'GET /training-sessions': read({ user: 'committee', method: 'GET', path: '/training-sessions', query: { districtId: 'lhasa.chengguan' } }),
    // the donor report of a committee of DONOR_DISTRICTS districts (donorRegion), the same size whatever ran before
    'POST /public-reports/preview': {
      writes: false,
      prepare: async () => ({ user: { token: (await donorRegion()).token }, method: 'POST', path: '/public-reports/preview', body: publicReportBody() }),
    },
    'POST /public-reports': { writes: true, prepare: async () => ({ user: { token: (await donorRegion()).token }, method: 'POST', path: '/public-reports', body: publicReportBody() }) },
    'POST /public-reports/{id}/withdrawal': { writes: true, prepare: async () => ({ user: 'committee', method: 'POST', path: `/public-reports/${await publishedReport()}/withdrawal` }) },
    'GET /public/reports': read({ user: 'committee', method: 'GET', path: '/public/reports' }),
    'GET /public/reports/{id}': { writes: false, prepare: async () => ({ user: 'committee', method: 'GET', path: `/public/reports/${await publishedReport()}` }) },
    'GET /ledger-imports/templates': read({ user: 'district', method: 'GET', path: '/ledger-imports/templates', query: { kind: 'loans', format: 'xlsx' } }),
    // a dry run: checks the ledger and writes nothing
    'POST /ledger-imports': read({ user: { token: s.ledger.token }, method: 'POST', path: '/ledger-imports', body: s.ledger.body }),
    'GET /ledger-imports': read({ user: 'committee', method: 'GET', path: '/ledger-imports' }),
    'GET /ledger-imports/{id}': read({ user: 'committee', method: 'GET', path: `/ledger-imports/${s.ledger.batchId}` }),
    // approving writes the whole ledger (measured in its own section): here the cheap decision, a rejection
    'POST /ledger-imports/{id}/approval': {
      writes: true,
      prepare: async () => ({ user: 'committee', method: 'POST', path: `/ledger-imports/${await stagedLedger()}/approval`, body: { decision: 'reject', reason: '基准测试' } }),
    },
    'POST /ledger-imports/{id}/apply': {
      writes: true,
      prepare: async () => {
        const batchId = await stagedLedger();
        await as('committee').post(`/ledger-imports/${batchId}/approval`, { decision: 'approve' });
        return { user: 'committee', method: 'POST', path: `/ledger-imports/${batchId}/apply` };
      },
    },
  };
}
