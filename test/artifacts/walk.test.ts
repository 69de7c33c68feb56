/**
 * The deployed artifacts, proven: every function's bundle exactly as CDK built it, run on
 * Node 24 as the Lambda runtime runs it (ESM import of the handler, only the template's
 * environment, `@aws-sdk/*` from the "runtime"), against DynamoDB Local: the lifecycle walk,
 * a report, an import, the staff directory and the scheduled close of business. At the end:
 * no environment variable read that the template does not set, no call the role does not
 * grant, and the grants report in docs/grants.md.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { COLUMN_KEYS } from '../../shared/domain/import-schemas.ts';
import type { HistoryEvent } from '../../shared/domain/entities.ts';
import { openApiDocument } from '../../shared/http/openapi.ts';
import { errorText } from '../../shared/i18n/errors.ts';
import { historyText } from '../../shared/i18n/history.ts';
import { LANGS } from '../../shared/i18n/lang.ts';
import { agreementInput, applicationInput, CHENGGUAN, daysAgo, evaluationInput, residentId, roundInput, visitInput, ZHIBA } from '../support/fixtures.ts';
import { reasonFor } from './grant-reasons.ts';
import { findings, grantsReport, type Harness, startHarness } from './support/harness.ts';

let h: Harness;
const api = () => h.gateway;

/** The committee confirms one loan (审核确定) through the confirmations bundle: the district sends it on a list, the committee confirms the list, both on `on`. */
async function confirmLoan(loanId: string, on: string): Promise<void> {
  const list = await api()
    .as('district')
    .post('/confirmation-lists', { sentOn: on, loanIds: [loanId] });
  expect(list.status).toBe(201);
  expect((await api().as('committee').post(`/confirmation-lists/${list.body.id}/decision`, { decidedOn: on })).status).toBe(200);
}
/** records the walk made, for the sweep of every GET route */
const made: Record<string, string> = {};
/** the loan the walk repaid (its history is read in each language) */
let walkedLoanId: string | undefined;

beforeAll(async () => {
  h = await startHarness({ assemblyDir: inject('assemblyDir'), node24: inject('node24'), dynamoEndpoint: inject('artifactDynamo'), tableName: (id) => id });
});
afterAll(async () => {
  await h?.stop();
});

describe('the bundles CDK builds, on Node 24', () => {
  it('every function of the stack starts: its bundle imports nothing it did not bundle but the runtime’s @aws-sdk', async () => {
    expect(h.functions.size).toBeGreaterThanOrEqual(2);
    const results = await Promise.allSettled([...h.functions.values()].map(({ fn }) => fn.start()));
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [String((r.reason as Error).message)] : []));
    expect(failures).toEqual([]);
    const health = await api().request(null, 'GET', '/health');
    expect(health.status).toBe(200);
  });

  it('serves the OpenAPI document built with the bundle: byte for byte what openApiDocument() gives, in Brotli, gzip or as it is', async () => {
    const expected = JSON.stringify(openApiDocument());
    const decoders: [string | undefined, (b: Buffer) => Buffer][] = [
      ['gzip, deflate, br', brotliDecompressSync],
      ['gzip', gunzipSync],
      [undefined, (b) => b],
    ];
    for (const [acceptEncoding, decode] of decoders) {
      const answer = await api().request(null, 'GET', '/openapi.json', undefined, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(answer.headers['content-encoding'], String(acceptEncoding)).toBe(acceptEncoding ? (acceptEncoding.includes('br') ? 'br' : 'gzip') : undefined);
      expect(decode(answer.bytes).toString('utf8') === expected, `the document sent for Accept-Encoding ${acceptEncoding}`).toBe(true);
    }
  });

  it('walks one mother from application to repaid loan', async () => {
    const round = await api().as('committee').post('/rounds', roundInput());
    expect(round.status).toBe(201);
    const roundId = round.body.id as string;
    const input = applicationInput(roundId);
    const submitted = await api().as('township').post('/applications', input);
    expect(submitted.status).toBe(201);
    const appId = submitted.body.id as string;
    expect(
      (
        await api()
          .as('township')
          .post(`/applications/${appId}/notice`, { postedOn: daysAgo(55), place: '村委会公示栏' })
      ).status,
    ).toBe(200);
    expect(
      (
        await api()
          .as('field')
          .post(`/applications/${appId}/visits`, visitInput({ visitedOn: daysAgo(45) }))
      ).status,
    ).toBe(201);
    expect(
      (
        await api()
          .as('field')
          .post(`/applications/${appId}/visits`, visitInput({ visitedOn: daysAgo(35) }))
      ).status,
    ).toBe(201);
    const screening = await api().as('district').post(`/applications/${appId}/screening`);
    expect(screening.status).toBe(200);
    expect(screening.body.passed).toBe(true);
    const decision = await api()
      .as('district-2')
      .post(`/applications/${appId}/decision`, { decision: 'approve', decidedOn: daysAgo(30), amountFen: 1_000_000 });
    expect(decision.status).toBe(200);
    const loanId = decision.body.loanId as string;
    walkedLoanId = loanId;
    // the committee confirms (审核确定) before any money goes out
    await confirmLoan(loanId, daysAgo(30));
    expect(
      (
        await api()
          .as('district')
          .post(`/loans/${loanId}/agreement`, agreementInput(daysAgo(29)))
      ).status,
    ).toBe(200);
    const paid = await api()
      .as('district')
      .post(`/loans/${loanId}/disbursement`, { disbursedOn: daysAgo(28), amountFen: 1_000_000, motherPresent: true, idChecked: true });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'active', balanceFen: 1_000_000 });
    expect((await api().as('field').post(`/loans/${loanId}/evaluations`, evaluationInput('midterm'))).status).toBe(201);
    const part = await api()
      .as('township')
      .post(`/loans/${loanId}/repayments`, { paidOn: daysAgo(5), amountFen: 400_000, receiptNo: `R-${loanId}-1` });
    expect(part.status).toBe(201);
    expect(part.body.balanceAfterFen).toBe(600_000);
    const rest = await api()
      .as('township')
      .post(`/loans/${loanId}/repayments`, { paidOn: daysAgo(1), amountFen: 600_000, receiptNo: `R-${loanId}-2` });
    expect(rest.body.balanceAfterFen).toBe(0);
    const loan = await api().as('district').get(`/loans/${loanId}`);
    expect(loan.body).toMatchObject({ status: 'repaid', balanceFen: 0, repaidFen: 1_000_000 });
    expect(loan.body.history.map((e: { action: string }) => e.action)).toEqual([
      'loan_created',
      'confirmation_sent',
      'confirmation_confirmed',
      'agreement_signed',
      'disbursed',
      'evaluated',
      'repayment',
      'repaid',
    ]);
    // the lists and the search a district office reads every day
    expect((await api().as('district').get('/loans', { roundId })).body.items.map((l: { id: string }) => l.id)).toEqual([loanId]);
    expect((await api().as('district').get('/applications', { roundId })).status).toBe(200);
    expect((await api().as('committee').get(`/rounds/${roundId}`)).body).toMatchObject({ repaidFen: 1_000_000, loanCount: 1 });
  });

  it('answers a report as of a date, in JSON and as CSV', async () => {
    const report = await api()
      .as('committee')
      .get('/reports/portfolio', { districtId: CHENGGUAN, asOf: daysAgo(0) });
    expect(report.status).toBe(200);
    expect(report.body.rows.length).toBeGreaterThan(0);
    const csv = await api().as('committee').get('/reports/repayment', { districtId: CHENGGUAN, format: 'csv' });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect((await api().as('committee').get('/reports/fund', { districtId: CHENGGUAN })).status).toBe(200);
  });

  it('imports a township’s CSV of applications', async () => {
    const round = await api().as('committee').post('/rounds', roundInput());
    const row: Record<string, string> = {
      name: '卓嘎',
      residentId: residentId(),
      villageId: ZHIBA,
      householdSize: '4',
      householdAnnualIncomeYuan: '11000',
      villagePerCapitaIncomeYuan: '4000',
      familyPlanning: 'two_daughters',
      projectType: 'livestock',
      projectDescription: '养殖牦牛',
      expectedAnnualReturnYuan: '8000',
      amountRequestedYuan: '10000',
      submittedOn: daysAgo(20),
      consentOn: daysAgo(20),
      consentTakenBy: '格桑',
      phone: '13800138000',
    };
    const content = `${COLUMN_KEYS.join(',')}\r\n${COLUMN_KEYS.map((k) => row[k] ?? '').join(',')}\r\n`;
    const imported = await api().as('township').post(`/rounds/${round.body.id}/imports`, { format: 'csv', content });
    expect(imported.status).toBe(200);
    expect(imported.body.rows.map((r: { status: string }) => r.status)).toEqual(['accepted']);
  });

  it('adds a person to the staff directory (Cognito creates her user)', async () => {
    const username = `artifact-${Date.now()}`;
    const added = await api()
      .as('committee')
      .post('/staff', { username, displayName: '城关区项目办 · 央金', role: 'district', officeId: CHENGGUAN, email: `${username}@example.org` });
    expect(added.status).toBe(201);
    const staff = [...h.functions.values()].find((f) => f.endpoint.calls.some((c) => c.action === 'cognito-idp:AdminCreateUser'));
    expect(staff?.endpoint.calls.find((c) => c.action === 'cognito-idp:AdminCreateUser')?.resources[0]).toContain(':userpool/');
  });

  it('the scheduled close of business marks a loan past its due date overdue', async () => {
    const round = await api()
      .as('committee')
      .post('/rounds', roundInput({ openedOn: daysAgo(900) }));
    const roundId = round.body.id as string;
    const app = await api()
      .as('township')
      .post('/applications', applicationInput(roundId, { submittedOn: daysAgo(860) }));
    expect(app.status).toBe(201);
    const appId = app.body.id as string;
    await api()
      .as('township')
      .post(`/applications/${appId}/notice`, { postedOn: daysAgo(855) });
    await api()
      .as('field')
      .post(`/applications/${appId}/visits`, visitInput({ visitedOn: daysAgo(845) }));
    await api()
      .as('field')
      .post(`/applications/${appId}/visits`, visitInput({ visitedOn: daysAgo(835) }));
    const decision = await api()
      .as('district-2')
      .post(`/applications/${appId}/decision`, { decision: 'approve', decidedOn: daysAgo(830), amountFen: 1_000_000 });
    expect(decision.status).toBe(200);
    const loanId = decision.body.loanId as string;
    await confirmLoan(loanId, daysAgo(830));
    await api()
      .as('district')
      .post(`/loans/${loanId}/agreement`, agreementInput(daysAgo(829)));
    const paid = await api()
      .as('district')
      .post(`/loans/${loanId}/disbursement`, { disbursedOn: daysAgo(828), amountFen: 1_000_000, motherPresent: true, idChecked: true });
    expect(paid.status).toBe(200);
    // the function the EventBridge rule targets, with the event EventBridge sends
    const rule = scheduledRule('Close of business');
    const target = (rule?.Properties?.Targets as { Arn: { 'Fn::GetAtt': [string, string] } }[] | undefined)?.[0]?.Arn['Fn::GetAtt'][0];
    expect(target).toBeDefined();
    const result = await h.byLogicalId(target!).invoke<{ markedOverdue: number }>({
      version: '0',
      id: crypto.randomUUID(),
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: '000000000000',
      time: new Date().toISOString(),
      region: 'cn-north-1',
      resources: ['arn:aws:events:cn-north-1:000000000000:rule/CloseOfBusiness'],
      detail: {},
    });
    expect(result.markedOverdue).toBeGreaterThanOrEqual(1);
    expect((await api().as('district').get(`/loans/${loanId}`)).body.status).toBe('overdue');
  });

  it('the scheduled retention job runs: nothing is past retention yet, and the run is recorded', async () => {
    const rule = scheduledRule('Retention');
    const target = (rule?.Properties?.Targets as { Arn: { 'Fn::GetAtt': [string, string] } }[] | undefined)?.[0]?.Arn['Fn::GetAtt'][0];
    expect(target).toBeDefined();
    const result = await h.byLogicalId(target!).invoke<{ mothersAnonymised: number; retentionYears: number; failed: number }>({
      version: '0',
      id: crypto.randomUUID(),
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: '000000000000',
      time: new Date().toISOString(),
      region: 'cn-north-1',
      resources: ['arn:aws:events:cn-north-1:000000000000:rule/Retention'],
      detail: {},
    });
    expect(result).toMatchObject({ mothersAnonymised: 0, retentionYears: 30, failed: 0 });
  });
});

/** The schedule rule whose description starts with `description`. */
function scheduledRule(description: string) {
  return Object.values(h.assembly.template.Resources).find(
    (r) => r.Type === 'AWS::Events::Rule' && JSON.stringify(r.Properties?.ScheduleExpression ?? '').startsWith('"cron(') && String(r.Properties?.Description ?? '').startsWith(description),
  );
}

describe('the caller’s language', () => {
  it('writes a loan’s history and a refusal in Chinese, Tibetan and English as the sources write them (the texts are split by language in the bundle)', async () => {
    expect(walkedLoanId, 'the walk made a loan').toBeDefined();
    for (const lang of LANGS) {
      const headers = { 'accept-language': lang };
      const loan = await api().request('district', 'GET', `/loans/${walkedLoanId}`, undefined, { headers });
      expect(loan.status).toBe(200);
      const history = loan.body.history as (HistoryEvent & { text: string })[];
      expect(history.length).toBeGreaterThan(5);
      expect(
        history.map((e) => e.text),
        lang,
      ).toEqual(history.map((e) => historyText(e, lang)));
      const refused = await api().request('district', 'GET', '/loans/not-a-loan-id', undefined, { headers });
      expect(refused.status).toBe(404);
      expect(refused.body.error.message, lang).toBe(errorText('not_a_record_id', { name: 'id' }, lang, 'id'));
    }
  });
});

describe('every GET route of the template', () => {
  it('answers each one, as the committee and as a district office, without a server error', async () => {
    const gets = h.assembly.routes.filter((r) => r.routeKey.startsWith('GET '));
    for (const { routeKey } of gets) {
      const path = routeKey.slice(4).replace(/^\/(\w[\w-]*)\/\{(\w+)\}/, (whole, collection: string) => (made[collection] ? `/${collection}/${made[collection]}` : whole));
      if (/\{/.test(path)) continue; // a record of a kind the walk did not make
      for (const user of ['committee', 'district']) {
        const answer = await api().request(user, 'GET', path, undefined, { query: { districtId: CHENGGUAN } });
        expect(answer.status, `${user} ${routeKey}`).toBeLessThan(500);
      }
    }
  });
});

describe('what the bundles did, against what the template gives them', () => {
  it('no function read an environment variable its template does not set, nor called what its role does not grant; every unused grant has a reason', () => {
    const all = findings(h);
    const uncalled = (fn: string) => {
      const logicalId = [...h.functions.values()].find((f) => f.spec.name === fn)?.spec.logicalId;
      return h.assembly.routes.filter((r) => r.target === logicalId && !h.gateway.called.has(r.routeKey)).map((r) => r.routeKey);
    };
    const reasons = (fn: string, g: { action: string; resource: string }) => reasonFor({ fn, ...g, uncalledRoutes: uncalled(fn) });
    writeFileSync(join(import.meta.dirname, '..', '..', 'docs', 'grants.md'), grantsReport(h, all, reasons));
    expect(all.flatMap((f) => f.problems)).toEqual([]);
    const unexplained = all.flatMap((f) => f.unused.filter((g) => !reasons(f.name, g)).map((g) => `${f.name}: ${g.action} on ${g.resource}`));
    expect(unexplained).toEqual([]);
  });
});
