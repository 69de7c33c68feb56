/**
 * One scenario per route: how to prepare a fresh target and the request to measure.
 * Typed against the route table, so a new route cannot be left out of the benchmark.
 */
import { randomInt } from 'node:crypto';
import type { RouteKey } from '../shared/routes.ts';
import { as, call, tokens } from '../test/support/api.ts';
import { activeLoan, agreementInput, applicationInput, daysAgo, evaluationInput, openRound, readyApplication, residentId, roundInput, today, visitInput } from '../test/support/fixtures.ts';

export interface Measured {
  user: string | { token: string };
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  query?: Record<string, string>;
  idempotencyKey?: string;
}

export type Scenario = { writes: boolean; prepare: () => Promise<Measured> };

const key = () => `bench-${randomInt(1e12)}`;

async function approvedLoan(roundId: string): Promise<string> {
  const app = await readyApplication(roundId);
  return (await as('district').post(`/applications/${app}/decision`, { decision: 'approve', decidedOn: daysAgo(30), amountFen: 1_000_000 })).body.loanId;
}

async function isolatedDistrict(): Promise<{ id: string; token: string }> {
  const id = `lhasa.bench-${randomInt(1e9)}`;
  await as('committee').post('/offices', { id, name: '基准测试区' });
  return { id, token: await tokens.sign({ username: 'bench-clerk', role: 'district', officeId: id }) };
}

/** Shared read targets, built once. */
export interface Shared {
  roundId: string;
  appId: string;
  loanId: string;
  remittanceId: string;
}

export async function prepareShared(): Promise<Shared> {
  const roundId = await openRound({ capitalFen: 10_000_000_000 });
  const appId = await readyApplication(roundId);
  const loanId = await activeLoan(roundId);
  await as('township').post(`/loans/${loanId}/repayments`, { paidOn: today(), amountFen: 1_000, receiptNo: 'B-1' }, { idempotencyKey: key() });
  const repaymentId = (await as('district').get(`/loans/${loanId}`)).body.repayments[0].id;
  const batch = await as('township').post('/remittances', { level: 'township_to_district', fromOfficeId: 'lhasa.chengguan.caigongtang', handedOverOn: today(), amountFen: 1_000, repaymentIds: [repaymentId], handedOverBy: '格桑', receivedBy: '王丽' }, { idempotencyKey: key() });
  return { roundId, appId, loanId, remittanceId: batch.body.id };
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
    'POST /rounds': { writes: true, prepare: async () => ({ user: 'committee', method: 'POST', path: '/rounds', body: roundInput() }) },
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
        const header = '姓名,身份证号,村,家庭人口,家庭年收入(元),村人均收入(元),计生情况,项目类型,项目说明,预计年收益(元),申请金额(元)';
        const rows = Array.from({ length: 5 }, () => `卓玛,${residentId()},lhasa.chengguan.caigongtang.zhiba,5,9000,6200,双女户,养殖,养殖牦牛出售酥油奶渣,6000,10000`);
        return { user: 'township', method: 'POST', path: `/rounds/${s.roundId}/imports`, body: { format: 'csv', content: [header, ...rows].join('\n'), dryRun: false } };
      },
    },
    'POST /applications': { writes: true, prepare: async () => ({ user: 'township', method: 'POST', path: '/applications', body: applicationInput(s.roundId) }) },
    'GET /applications': read({ user: 'district', method: 'GET', path: '/applications', query: { roundId: s.roundId } }),
    'GET /applications/{id}': read({ user: 'district', method: 'GET', path: `/applications/${s.appId}` }),
    'POST /applications/{id}/notice': {
      writes: true,
      prepare: async () => ({ user: 'township', method: 'POST', path: `/applications/${(await as('township').post('/applications', applicationInput(s.roundId))).body.id}/notice`, body: { postedOn: daysAgo(55) } }),
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
      prepare: async () => ({ user: 'district', method: 'POST', path: `/applications/${await readyApplication(s.roundId)}/decision`, body: { decision: 'approve', decidedOn: daysAgo(30), amountFen: 1_000_000 } }),
    },
    'POST /loans/{id}/agreement': { writes: true, prepare: async () => ({ user: 'district', method: 'POST', path: `/loans/${await approvedLoan(s.roundId)}/agreement`, body: agreementInput(daysAgo(29)) }) },
    'POST /loans/{id}/disbursement': {
      writes: true,
      prepare: async () => {
        const loanId = await approvedLoan(s.roundId);
        await as('district').post(`/loans/${loanId}/agreement`, agreementInput(daysAgo(29)));
        return { user: 'district', method: 'POST', path: `/loans/${loanId}/disbursement`, body: { disbursedOn: daysAgo(28), amountFen: 1_000_000, motherPresent: true, idChecked: true }, idempotencyKey: key() };
      },
    },
    'POST /loans/{id}/evaluations': { writes: true, prepare: async () => ({ user: 'field', method: 'POST', path: `/loans/${await activeLoan(s.roundId)}/evaluations`, body: evaluationInput('midterm') }) },
    'POST /loans/{id}/repayments': {
      writes: true,
      prepare: async () => {
        if (!repayLoan || repayments++ % 500 === 0) repayLoan = await activeLoan(s.roundId);
        return { user: 'township', method: 'POST', path: `/loans/${repayLoan}/repayments`, body: { paidOn: today(), amountFen: 1_000, receiptNo: `B${repayments}` }, idempotencyKey: key() };
      },
    },
    'POST /loans/{id}/write-off': { writes: true, prepare: async () => ({ user: 'committee', method: 'POST', path: `/loans/${await activeLoan(s.roundId)}/write-off`, body: { writtenOffOn: today(), reason: '基准测试核销' }, idempotencyKey: key() }) },
    'POST /remittances': {
      writes: true,
      prepare: async () => {
        const loanId = await activeLoan(s.roundId);
        const r = await as('township').post(`/loans/${loanId}/repayments`, { paidOn: today(), amountFen: 5_000, receiptNo: 'B' }, { idempotencyKey: key() });
        return { user: 'township', method: 'POST', path: '/remittances', body: { level: 'township_to_district', fromOfficeId: 'lhasa.chengguan.caigongtang', handedOverOn: today(), amountFen: 5_000, repaymentIds: [r.body.id], handedOverBy: '格桑', receivedBy: '王丽' }, idempotencyKey: key() };
      },
    },
    'GET /remittances': read({ user: 'district', method: 'GET', path: '/remittances' }),
    'GET /remittances/waiting': read({ user: 'township', method: 'GET', path: '/remittances/waiting' }),
    'GET /remittances/{id}': read({ user: 'district', method: 'GET', path: `/remittances/${s.remittanceId}` }),
    'GET /loans': read({ user: 'district', method: 'GET', path: '/loans', query: { roundId: s.roundId } }),
    'GET /loans/{id}': read({ user: 'district', method: 'GET', path: `/loans/${s.loanId}` }),
    'GET /search': read({ user: 'district', method: 'GET', path: '/search', query: { q: '次仁' } }),
    'GET /reports/collection': read({ user: 'district', method: 'GET', path: '/reports/collection', query: { townshipId: 'lhasa.chengguan.caigongtang' } }),
    'GET /reports/repayment': read({ user: 'committee', method: 'GET', path: '/reports/repayment', query: { groupBy: 'district', districtId: 'lhasa.chengguan' } }),
    'GET /reports/portfolio': read({ user: 'committee', method: 'GET', path: '/reports/portfolio', query: { groupBy: 'district', districtId: 'lhasa.chengguan' } }),
    'GET /reports/outcomes': read({ user: 'committee', method: 'GET', path: '/reports/outcomes', query: { groupBy: 'district', districtId: 'lhasa.chengguan' } }),
    'GET /reports/evaluations': read({ user: 'district', method: 'GET', path: '/reports/evaluations' }),
    'GET /reports/fund': read({ user: 'committee', method: 'GET', path: '/reports/fund', query: { districtId: 'lhasa.chengguan' } }),
    'GET /reports/remittances': read({ user: 'district', method: 'GET', path: '/reports/remittances' }),
  };
}
