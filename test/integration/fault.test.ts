/**
 * Fault: DynamoDB goes away in the middle of the work. Requests fail with a clear 503 and
 * nothing half-written; after it comes back, retrying with the same Idempotency-Key
 * completes each request exactly once.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTables, freePort, startDynamoLocal, type RunningDynamo } from '../../dev/dynamodb-local.ts';
import { localTables, type LocalTables } from '../../infra/local-tables.ts';
import { as, type Answer } from '../support/api.ts';
import { activeLoan, daysAgo, openRound } from '../support/fixtures.ts';

let dynamo: RunningDynamo;
let port: number;
let tables: LocalTables;
const dataDir = mkdtempSync(join(tmpdir(), 'fault-ddb-'));

beforeAll(async () => {
  // a DynamoDB Local of this test's own, on disk, so it can be stopped and started again
  port = await freePort();
  tables = localTables();
  dynamo = await startDynamoLocal({ port, dataDir });
  await ensureTables(dynamo.client, tables);
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  const { ensureOffices } = await import('../../dev/offices.ts');
  await ensureOffices();
}, 120_000);

afterAll(async () => {
  await dynamo?.stop();
});

/** What a client does: resend with the same key while the answer says "try again" (503, or 409 concurrent_change). */
async function retryUntilServed(send: () => Promise<Answer>, attempts = 30): Promise<Answer> {
  for (let i = 0; ; i++) {
    const answer = await send();
    const again = answer.status === 503 || (answer.status === 409 && answer.body.error?.code === 'concurrent_change');
    if (!again || i >= attempts) return answer;
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('DynamoDB stops in the middle', () => {
  it('answers 503 while it is down, then completes every retried repayment exactly once', async () => {
    const roundId = await openRound();
    const loanIds = [await activeLoan(roundId, 1_000_000), await activeLoan(roundId, 1_000_000)];
    const requests = Array.from({ length: 24 }, (_, i) => ({ loanId: loanIds[i % 2]!, key: `fault-${i}-${roundId}`, amountFen: 10_000 + i }));
    const send = (r: (typeof requests)[number]) =>
      as('township').post(`/loans/${r.loanId}/repayments`, { paidOn: daysAgo(1), amountFen: r.amountFen, receiptNo: `F-${r.key}` }, { idempotencyKey: r.key });

    // the first third goes through; DynamoDB stops while the rest are in flight
    const before = await Promise.all(requests.slice(0, 8).map((r) => retryUntilServed(() => send(r))));
    expect(before.every((a) => a.status === 201)).toBe(true);
    const inFlight = Promise.all(requests.slice(8).map(send));
    await dynamo.stop();
    const during = await inFlight;
    for (const a of during) expect([201, 409, 503], JSON.stringify(a.body)).toContain(a.status);
    const down = await send(requests[20]!);
    expect(down.status).toBe(503);
    expect(down.body.error).toMatchObject({ code: 'service_unavailable' });
    expect((await as('committee').get('/health')).status).toBe(503);

    dynamo = await startDynamoLocal({ port, dataDir });
    const after = await Promise.all(requests.map((r) => retryUntilServed(() => send(r))));
    for (const a of after) expect(a.status, JSON.stringify(a.body)).toBe(201);
    const again = await Promise.all(requests.map(send));
    expect(again.map((a) => a.body.id)).toEqual(after.map((a) => a.body.id));

    for (const loanId of loanIds) {
      const file = (await as('district').get(`/loans/${loanId}`)).body;
      const mine = requests.filter((r) => r.loanId === loanId);
      expect(file.repayments).toHaveLength(mine.length);
      const ledger = file.repayments.reduce((s: number, r: { amountFen: number }) => s + r.amountFen, 0);
      expect(ledger).toBe(mine.reduce((s, r) => s + r.amountFen, 0));
      expect(file.balanceFen).toBe(1_000_000 - ledger);
    }
    const round = (await as('committee').get(`/rounds/${roundId}`)).body;
    expect(round.repaidFen).toBe(requests.reduce((s, r) => s + r.amountFen, 0));

    // this database is the test's own: a full recomputation of every aggregate, round and fund counter agrees
    const { reconcile } = await import('../../scripts/reconcile-lib.ts');
    const audit = await reconcile();
    expect(audit.differences).toEqual([]);
    expect(audit.loans).toBe(2);
  }, 180_000);
});
