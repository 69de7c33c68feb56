/**
 * A donor report as a whole region's would be: districts of its own (each with a township, a
 * village and five mothers' loans brought in from a ledger, so none is merged into 其他), then a
 * report published over every district. The districts are made here under a prefix of their own;
 * the report also lists whatever other test files put in the database, so a test counts only its own.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { as, type CallOptions, call, tokens } from './api.ts';
import { generateLedger, ledgerBody } from './ledger-fixture.ts';
import { publicReportBody } from './outreach-fixture.ts';

/**
 * One step's answer. A step the API stopped at its deadline (503) or refused for a concurrent
 * change (409 `concurrent_change`), as it may on a machine running other test files at once, is
 * sent again with the same Idempotency-Key, as a client does (a step that did commit answers as it did).
 */
async function ok(send: (opts: CallOptions) => Promise<{ status: number; body: any }>, what: string): Promise<any> {
  const idempotencyKey = `wide-${randomUUID()}`;
  for (let attempt = 1; ; attempt++) {
    const r = await send({ idempotencyKey });
    const transient = r.status === 503 || (r.status === 409 && r.body?.error?.code === 'concurrent_change');
    if (transient && attempt < 5) continue;
    if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }
}

const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1 → 一, 12 → 十二, 30 → 三十: the districts are named in Chinese, as offices are. */
const chineseNumber = (n: number) => `${n >= 20 ? NUMERALS[Math.floor(n / 10)] : ''}${n >= 10 ? '十' : ''}${NUMERALS[n % 10]}`;

/** One district of the report: its offices, and a ledger of five mothers staged by its clerk, approved and applied by the committee. */
async function districtWithLoans(prefix: string, n: number, label: string): Promise<void> {
  const districtId = `lhasa.${prefix}${String(n).padStart(2, '0')}`;
  const townshipId = `${districtId}.xiang`;
  const villageId = `${townshipId}.cun`;
  for (const [id, name] of [
    [districtId, label],
    [townshipId, `${label}乡`],
    [villageId, `${label}村`],
  ] as const)
    await ok((o) => as('committee').post('/offices', { id, name }, o), `office ${id}`);
  const token = await tokens.sign({ username: `${prefix}-clerk-${n}`, role: 'district', officeId: districtId });
  const g = generateLedger({ villages: [villageId], rounds: 1, loans: 5, repayments: 10, roundName: `${label}台账`, receiptPrefix: `捐${randomInt(1e6)}-` });
  const staged = await ok((o) => call(null, 'POST', '/ledger-imports', ledgerBody(districtId, g, { dryRun: false }), { ...o, token }), `ledger of ${districtId}`);
  let batch = await ok((o) => as('committee').post(`/ledger-imports/${staged.batchId}/approval`, { decision: 'approve' }, o), 'approve the ledger');
  for (let i = 0; batch.status === 'applying' && i < 20; i++) batch = await ok((o) => as('committee').post(`/ledger-imports/${staged.batchId}/apply`, undefined, o), 'apply the ledger');
  if (batch.status !== 'applied') throw new Error(`ledger of ${districtId}: ${batch.status}`);
}

/** Publishes a donor report over `count` new districts of five mothers each (and every other district): its id and the new districts' names. */
export async function wideDonorReport(count = 32): Promise<{ id: string; labels: string[] }> {
  const tag = randomInt(1000, 10_000);
  const prefix = `dr${tag}d`;
  const labels = Array.from({ length: count }, (_, i) => `捐赠报告${tag}第${chineseNumber(i + 1)}县`);
  // two at a time: the API of the tests serves the browser's pages meanwhile
  for (let i = 0; i < count; i += 2) await Promise.all(labels.slice(i, i + 2).map((label, k) => districtWithLoans(prefix, i + k + 1, label)));
  const report = await ok((o) => as('committee').post('/public-reports', publicReportBody(), o), 'publish the donor report');
  return { id: report.id, labels };
}
