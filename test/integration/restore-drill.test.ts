/**
 * The restore drill: a district with a full round (loans repaid, in arrears, written off, a
 * final evaluation) is backed up with `npm run backup`'s library, restored into a FRESH
 * DynamoDB Local with `npm run restore`'s, and there `npm run reconcile`'s library finds no
 * difference and every report (repayment, portfolio, outcomes, fund) as of three dates is
 * the same as on the original, to the fen.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTables, localClient, startDynamoLocal, type RunningDynamo } from '../../dev/dynamodb-local.ts';
import { localTables } from '../../infra/local-tables.ts';
import { backupTable, readManifest, restoreTable } from '../../scripts/backup-lib.ts';
import { reconcile } from '../../scripts/reconcile-lib.ts';
import { addDays } from '../../shared/domain/dates.ts';
import { forgetCachedStaff } from '../../shared/http/auth.ts';
import { recordsTable, resetDocumentClient } from '../../shared/store/client.ts';
import { call, tokens, type Answer } from '../support/api.ts';
import { confirmLoans, daysAgo, residentId, today } from '../support/fixtures.ts';

const ok = (res: Answer, status = 200): Answer => {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res;
};
const post = (token: string, path: string, body: unknown, status = 200) => call(null, 'POST', path, body, { token }).then((r) => ok(r, status));

const id = `lhasa.drill-${randomInt(1e9)}`;
const who = { committee: '', district: '', township: '', field: '' };
let roundId = '';
const REPORTS = ['repayment', 'portfolio', 'outcomes', 'fund'] as const;
const AS_OF = [daysAgo(200), daysAgo(45), today()];

/** A loan of the round disbursed on `on`, every step before dated before it. */
async function loanOn(on: string, principalFen: number): Promise<string> {
  const app = (
    await post(
      who.township,
      '/applications',
      {
        roundId,
        submittedOn: addDays(on, -45),
        consent: { givenOn: addDays(on, -45), takenBy: '格桑' },
        villageId: `${id}.tw.v1`,
        mother: { name: '央宗', residentId: residentId() },
        householdSize: 4,
        householdAnnualIncomeFen: 1_000_000,
        villagePerCapitaIncomeFen: 500_000,
        familyPlanning: 'one_child',
        project: { type: 'livestock', description: '养殖牦牛十头，出售酥油和奶渣', expectedAnnualReturnFen: 20_000_000 },
        amountRequestedFen: principalFen,
      },
      201,
    )
  ).body.id as string;
  await post(who.township, `/applications/${app}/notice`, { postedOn: addDays(on, -44) });
  for (const v of [35, 30]) await post(who.field, `/applications/${app}/visits`, { visitedOn: addDays(on, -v), visitors: ['达瓦'], willingToWork: true, planCredible: true, notes: '好' }, 201);
  const loanId = (await post(who.district, `/applications/${app}/decision`, { decision: 'approve', decidedOn: addDays(on, -25), amountFen: principalFen })).body.loanId as string;
  await confirmLoans([loanId], { on: addDays(on, -25), sender: { token: who.district }, committee: { token: who.committee } });
  await post(who.district, `/loans/${loanId}/agreement`, { signedOn: addDays(on, -10), guarantors: { townshipHead: '格桑', villageHead: '扎西' }, signatories: [{ party: 'mother', name: '央宗' }] });
  await post(who.township, `/loans/${loanId}/disbursement`, { disbursedOn: on, amountFen: principalFen, motherPresent: true, idChecked: true });
  return loanId;
}

/** Every report of the drill's district as of each date, as the API answers them. */
async function reports(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const report of REPORTS)
    for (const asOf of AS_OF) out[`${report}@${asOf}`] = ok(await call(null, 'GET', `/reports/${report}`, undefined, { token: who.committee, query: { districtId: id, asOf } })).body;
  return out;
}

let fresh: RunningDynamo | undefined;
const backupDir = mkdtempSync(join(tmpdir(), 'drill-backup-'));

beforeAll(async () => {
  who.committee = await tokens.sign({ username: 'committee', role: 'committee', officeId: 'lhasa' });
  for (const [office, name] of [
    [id, '演练区'],
    [`${id}.tw`, '演练乡'],
    [`${id}.tw.v1`, '演练村'],
  ] as const)
    await post(who.committee, '/offices', { id: office, name }, 201);
  const tag = id.split('-')[1];
  who.district = await tokens.sign({ username: `drill-d-${tag}`, role: 'district', officeId: id });
  who.township = await tokens.sign({ username: `drill-t-${tag}`, role: 'township', officeId: `${id}.tw` });
  who.field = await tokens.sign({ username: `drill-f-${tag}`, role: 'field', officeId: id });
  roundId = (await post(who.committee, '/rounds', { districtId: id, name: '演练轮次', openedOn: daysAgo(400), capitalFen: 10_000_000, termMonths: 3, evaluationMonths: [], minLoanFen: 100_000 }, 201))
    .body.id;
  const repaid = await loanOn(daysAgo(300), 1_000_000);
  const late = await loanOn(daysAgo(220), 800_000);
  const writtenOff = await loanOn(daysAgo(250), 600_000);
  await loanOn(daysAgo(30), 500_000);
  await post(who.township, `/loans/${repaid}/repayments`, { paidOn: daysAgo(280), amountFen: 400_000, receiptNo: `D${randomInt(1e9)}` }, 201);
  await post(who.township, `/loans/${repaid}/repayments`, { paidOn: daysAgo(200), amountFen: 600_000, receiptNo: `D${randomInt(1e9)}` }, 201);
  await post(who.township, `/loans/${late}/repayments`, { paidOn: daysAgo(60), amountFen: 300_000, receiptNo: `D${randomInt(1e9)}` }, 201);
  await post(who.committee, `/loans/${writtenOff}/write-off`, { writtenOffOn: daysAgo(50), reason: '牲畜病死，无力偿还' });
  await post(
    who.field,
    `/loans/${repaid}/evaluations`,
    { kind: 'final', evaluatedOn: daysAgo(190), fundUse: '买牦牛', progress: '完成', operatingState: '良好', incomeToDateFen: 900_000, forecastFen: 0, methods: ['talk'], leftPoverty: true },
    201,
  );
});

afterAll(async () => {
  await fresh?.stop();
  rmSync(backupDir, { recursive: true, force: true });
});

describe('backup and restore drill', () => {
  it('restores a backup into a fresh DynamoDB Local where reconcile finds nothing and every report as of three dates is equal', { timeout: 240_000 }, async () => {
    const before = await reports();
    const original = { endpoint: process.env.DYNAMODB_ENDPOINT!, table: recordsTable() };
    const manifest = await backupTable(localClient(original.endpoint), original.table, backupDir);
    expect(readManifest(backupDir)).toEqual(manifest);
    expect(manifest.itemCount).toBeGreaterThan(0);

    fresh = await startDynamoLocal({ dataDir: null });
    await ensureTables(fresh.client, localTables());
    expect(await restoreTable(fresh.client, backupDir, original.table)).toBe(manifest.itemCount);
    // a restore never merges into a table that holds data
    await expect(restoreTable(fresh.client, backupDir, original.table)).rejects.toThrow(/not empty/);

    process.env.DYNAMODB_ENDPOINT = fresh.endpoint;
    resetDocumentClient();
    try {
      for (const who of ['committee']) forgetCachedStaff(who);
      const { differences, loans } = await reconcile({ roundIds: [roundId] });
      expect(loans).toBeGreaterThanOrEqual(4);
      expect(differences).toEqual([]);
      const after = await reports();
      expect(after).toEqual(before);
      // the copy is the copy: the drill's four loans are there
      const list = ok(await call(null, 'GET', '/loans', undefined, { token: who.district, query: { roundId } })).body.items;
      expect(list).toHaveLength(4);
    } finally {
      process.env.DYNAMODB_ENDPOINT = original.endpoint;
      resetDocumentClient();
    }
  });
});
