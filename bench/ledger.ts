/**
 * 6. A district's whole history from its ledger: about 2,000 loans and 20,000 repayments
 * (BENCH_QUICK: 200 and 2,000) as a dry run, staged, approved and applied. Every request
 * must end within API Gateway's 29 s; applying goes on over `POST /ledger-imports/{id}/apply`
 * calls until the batch is applied. Items written are counted from DynamoDB's consumed capacity.
 */
import { randomInt } from 'node:crypto';
import { reconcile } from '../scripts/reconcile-lib.ts';
import { api, tokens } from '../test/support/api.ts';
import { generateLedger, ledgerBody } from '../test/support/ledger-fixture.ts';
import { printTable, round1 } from './stats.ts';

async function post(token: string, path: string, body?: unknown): Promise<{ status: number; body: any; ms: number }> {
  const started = performance.now();
  const res = await api.handle({
    method: 'POST',
    path,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: JSON.parse(res.body), ms: performance.now() - started };
}

export async function ledgerSection(quick: boolean) {
  const loans = quick ? 200 : 2_000;
  const committee = await tokens.sign({ username: 'committee', role: 'committee', officeId: 'lhasa' });
  const id = `lhasa.ledger-bench-${randomInt(1e9)}`;
  const offices: [string, string][] = [[id, '台账基准区']];
  for (let t = 1; t <= 3; t++) {
    offices.push([`${id}.t${t}`, `基准${t}乡`]);
    for (let v = 1; v <= 4; v++) offices.push([`${id}.t${t}.v${v}`, `基准${t}乡${v}村`]);
  }
  for (const [office, name] of offices) await post(committee, '/offices', { id: office, name });
  const villages = offices.map(([o]) => o).filter((o) => o.split('.').length === 4);
  const g = generateLedger({ villages, rounds: 4, loans, repayments: loans * 10 });
  const body = ledgerBody(id, g);
  const repayments = g.loans.reduce((s, l) => s + l.repayments.length, 0);
  const district = await tokens.sign({ username: 'ledger-bench-clerk', role: 'district', officeId: id });
  const bytes = Buffer.byteLength(JSON.stringify(body));

  const dry = await post(district, '/ledger-imports', body);
  const staged = await post(district, '/ledger-imports', { ...body, dryRun: false });
  const started = performance.now();
  const calls = [await post(committee, `/ledger-imports/${staged.body.batchId}/approval`, { decision: 'approve' })];
  while (calls.at(-1)!.status === 200 && calls.at(-1)!.body.status === 'applying' && calls.length < 200) calls.push(await post(committee, `/ledger-imports/${staged.body.batchId}/apply`));
  const applyMs = performance.now() - started;
  const last = calls.at(-1)!;
  const audit = await reconcile({ roundIds: await roundIdsOf(district, id) });
  const rows = [
    {
      loans,
      repayments,
      requestMB: round1(bytes / 1e6),
      dryRunSeconds: round1(dry.ms / 1000),
      dryRunStatus: dry.status,
      stageSeconds: round1(staged.ms / 1000),
      stageStatus: staged.status,
      applyCalls: calls.length,
      slowestCallSeconds: round1(Math.max(dry.ms, staged.ms, ...calls.map((c) => c.ms)) / 1000),
      applyCallSeconds: calls.map((c) => round1(c.ms / 1000)).join(' '),
      applySeconds: round1(applyMs / 1000),
      loansPerSecond: round1(loans / (applyMs / 1000)),
      status: last.body.status ?? `${last.status} ${last.body.error?.code ?? ''}`,
      reconcileDifferences: audit.differences.length,
      under29s: Math.max(dry.ms, staged.ms, ...calls.map((c) => c.ms)) < 29_000,
    },
  ];
  printTable('6. Ledger import: a district’s history in one batch', rows);
  if (dry.status !== 200 || staged.status !== 200) console.log(`   dry run ${dry.status}, stage ${staged.status}: ${JSON.stringify(staged.body.error ?? dry.body.error ?? '')}`);
  return rows;
}

async function roundIdsOf(token: string, districtId: string): Promise<string[]> {
  const res = await api.handle({ method: 'GET', path: '/rounds', query: { districtId, limit: '100' }, headers: { authorization: `Bearer ${token}` } });
  return (JSON.parse(res.body).items as { id: string }[]).map((r) => r.id);
}
