/**
 * What the import's batching could break (shared/usecases/imports.ts writes 49 rows a
 * transaction, several transactions at once): a mother listed twice in one file with her rows
 * in different transactions, and a request that fails after some of its transactions were
 * written, then is sent again. Over the API, against DynamoDB Local.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { documentClient } from '../../shared/store/client.ts';
import { keys, motherKey } from '../../shared/store/keys.ts';
import { getRecord, queryPartition } from '../../shared/store/records.ts';
import { as } from '../support/api.ts';
import { daysAgo, openRound, residentIdSequence, ZHIBA } from '../support/fixtures.ts';

/** Resident IDs unique within the run: a region code of our own, one birth date each. */
const newResidentId = residentIdSequence('5397');

const HEADER = '姓名,身份证号,村,家庭人口,家庭年收入(元),村人均收入(元),计生情况,项目类型,项目说明,预计年收益(元),申请金额(元),同意书日期,告知人';
/** A CSV of one row per resident ID (line 2 is the first), each a good application. */
const csv = (ids: string[]) => [HEADER, ...ids.map((id, i) => `卓玛${i},${id},${ZHIBA},5,9000,6200,双女户,养殖,养殖牦牛出售酥油奶渣,6000,${5000 + i},${daysAgo(3)},格桑`)].join('\n');

const importInto = (roundId: string, content: string, opts: { dryRun?: boolean; idempotencyKey?: string } = {}) =>
  as('township').post(`/rounds/${roundId}/imports`, { format: 'csv', content, dryRun: opts.dryRun ?? false }, opts.idempotencyKey ? { idempotencyKey: opts.idempotencyKey } : {});

/** Every application of a round, following the cursor. */
async function applicationsOf(roundId: string): Promise<{ id: string; amountRequestedFen: number }[]> {
  const items: { id: string; amountRequestedFen: number }[] = [];
  let cursor: string | undefined;
  do {
    const page = await as('district').get('/applications', { query: { roundId, limit: '100', ...(cursor ? { cursor } : {}) } });
    expect(page.status).toBe(200);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

/** What the application's partition holds, by item type. */
const partitionOf = async (applicationId: string) => (await queryPartition(keys.application(applicationId).pk)).map((item) => item.type);
/** The application's history, as the API shows it. */
async function historyOf(applicationId: string): Promise<{ action: string }[]> {
  const res = await as('district').get(`/applications/${applicationId}`);
  expect(res.status).toBe(200);
  return res.body.history;
}

const client = documentClient();
const realSend = client.send.bind(client);
afterEach(() => {
  (client as { send: unknown }).send = realSend;
});

/** From now on the `n`th transaction (1-based) fails as a throttled database would; the others are written. */
function failTransaction(n: number): void {
  let seen = 0;
  (client as { send: unknown }).send = (command: unknown, ...rest: unknown[]) => {
    if (command instanceof TransactWriteCommand && ++seen === n) {
      const error = new Error('Rate of requests exceeds the allowed throughput');
      error.name = 'ThrottlingException';
      return Promise.reject(error);
    }
    return (realSend as (c: unknown, ...r: unknown[]) => Promise<unknown>)(command, ...rest);
  };
}

/**
 * From now on every transaction that writes applications is cancelled for want of capacity
 * (reason ThrottlingError, as DynamoDB cancels one when the table or an index is over its
 * throughput) the first `times` times it is sent, counted by its first application; answers
 * how many were cancelled so far.
 */
function throttleEachTransaction(times: number): () => number {
  const sent = new Map<string, number>();
  let cancelled = 0;
  (client as { send: unknown }).send = (command: unknown, ...rest: unknown[]) => {
    if (command instanceof TransactWriteCommand) {
      const items = command.input.TransactItems ?? [];
      const first = items.find((i) => i.Put?.Item?.type === 'APP')?.Put?.Item?.pk as string | undefined;
      if (first) {
        const n = (sent.get(first) ?? 0) + 1;
        sent.set(first, n);
        if (n <= times) {
          cancelled++;
          const reasons = items.map((_, i) => ({ Code: i === 0 ? 'ThrottlingError' : 'None' }));
          return Promise.reject(
            new TransactionCanceledException({ message: 'Transaction cancelled, please refer cancellation reasons for specific reasons', $metadata: {}, CancellationReasons: reasons }),
          );
        }
      }
    }
    return (realSend as (c: unknown, ...r: unknown[]) => Promise<unknown>)(command, ...rest);
  };
  return () => cancelled;
}

describe('an import written in several transactions', () => {
  it('refuses a mother’s second row when it falls in another transaction than her first, and again when the file is sent again', async () => {
    const roundId = await openRound();
    const ids = Array.from({ length: 70 }, () => newResidentId());
    // line 2 and line 62: rows 1 and 61, in the first and second transaction of 49 rows
    ids[60] = ids[0]!.toLowerCase();
    const refusedRow = { row: 62, status: 'refused', errors: [expect.objectContaining({ field: 'residentId', rule: 'import_duplicate_in_file', params: { row: 2 } })] };

    const first = await importInto(roundId, csv(ids));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ accepted: 69, refused: 1, alreadyImported: 0 });
    expect(first.body.rows[60]).toEqual(refusedRow);
    const listed = await applicationsOf(roundId);
    expect(listed.length).toBe(69);
    // her application is the one of her first row (5,000 yuan), and she has exactly one open case
    expect(listed.find((a) => a.id === first.body.rows[0].applicationId)?.amountRequestedFen).toBe(500_000);
    expect(await getRecord(keys.mother(motherKey(ids[0]!)))).toEqual({ openCase: { kind: 'application', id: first.body.rows[0].applicationId, officeId: ZHIBA } });

    const again = await importInto(roundId, csv(ids));
    expect(again.body).toMatchObject({ accepted: 0, refused: 1, alreadyImported: 69 });
    expect(again.body.rows[60]).toEqual(refusedRow);
    expect(again.body.rows.filter((r: { status: string }) => r.status === 'already_imported').map((r: { applicationId: string }) => r.applicationId)).toEqual(
      first.body.rows.filter((r: { status: string }) => r.status === 'accepted').map((r: { applicationId: string }) => r.applicationId),
    );
    expect((await applicationsOf(roundId)).length).toBe(69);
  });

  it('after a failure that left some transactions written, the same request sent again imports the rest, writes nothing twice, and then replays its answer', async () => {
    const roundId = await openRound();
    const ids = Array.from({ length: 100 }, () => newResidentId());
    const content = csv(ids);
    const dry = await importInto(roundId, content, { dryRun: true });
    expect(dry.body.accepted).toBe(100);
    const expectedIds: string[] = dry.body.rows.map((r: { applicationId: string }) => r.applicationId);

    // 100 rows are three transactions (49, 49, 2); the second one fails
    failTransaction(2);
    const failed = await importInto(roundId, content, { idempotencyKey: 'import-batches-partial-1' });
    expect(failed.status).toBe(503);
    expect(failed.body.error.code).toBe('service_unavailable');
    const written = await applicationsOf(roundId);
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(100);
    (client as { send: unknown }).send = realSend;

    const retried = await importInto(roundId, content, { idempotencyKey: 'import-batches-partial-1' });
    expect(retried.status).toBe(200);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    expect(retried.body).toMatchObject({ accepted: 100 - written.length, refused: 0, alreadyImported: written.length });
    // every row names the application a single import would have created, whichever request wrote it
    expect(retried.body.rows.map((r: { applicationId: string }) => r.applicationId)).toEqual(expectedIds);
    const writtenIds = new Set(written.map((a) => a.id));
    for (const r of retried.body.rows) expect(r.status).toBe(writtenIds.has(r.applicationId) ? 'already_imported' : 'accepted');

    const listed = await applicationsOf(roundId);
    expect(listed.map((a) => a.id).sort()).toEqual([...expectedIds].sort());
    // each application written once: its partition holds its record alone (the record is its submission's entry), and its history shows one submission
    expect(await Promise.all(expectedIds.map(partitionOf))).toEqual(expectedIds.map(() => ['APP']));
    const histories = await Promise.all(expectedIds.map(historyOf));
    expect(histories.map((h) => h.map((e) => e.action))).toEqual(expectedIds.map(() => ['application_submitted']));

    const replay = await importInto(roundId, content, { idempotencyKey: 'import-batches-partial-1' });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(retried.body);
  });

  it('when the table is over its write capacity, waits and sends each transaction again until it is written: no row refused', async () => {
    const roundId = await openRound();
    const ids = Array.from({ length: 70 }, () => newResidentId());
    // two transactions (49 and 21 rows), each cancelled four times before it goes through
    const cancelled = throttleEachTransaction(4);
    const res = await importInto(roundId, csv(ids));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 70, refused: 0, alreadyImported: 0 });
    expect(cancelled()).toBe(8);
    (client as { send: unknown }).send = realSend;
    expect((await applicationsOf(roundId)).length).toBe(70);
  });
});
