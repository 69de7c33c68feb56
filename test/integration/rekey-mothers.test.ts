/**
 * Re-keying the mothers (issue 11, PIPL): records made under the unkeyed SHA-256 of before
 * are moved to the keyed hash, after which a mother's open case is found again, and running
 * it a second time changes nothing. The table is shared with other test files running at
 * the same time: only this file's mother is ever under an old key, so the counts are exact.
 */
import { GetCommand, PutCommand, DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { documentClient, recordsTable } from '../../shared/store/client.ts';
import { keys, legacyMotherKey, motherKey } from '../../shared/store/keys.ts';
import { oldMotherKeyOf, rekeyMothers } from '../../scripts/lib/rekey-mothers.ts';
import { as } from '../support/api.ts';
import { applicationInput, openRound, residentId } from '../support/fixtures.ts';

const client = documentClient();
const TableName = recordsTable();
const read = async (key: { pk: string; sk: string }) => (await client.send(new GetCommand({ TableName, Key: key }))).Item;

describe('scripts/rekey-mothers.ts', () => {
  // the script reads the whole table (three Scans), which holds every other test file's data too: its
  // time grows with what the suite wrote before it, so it gets the drill's allowance, not the default 30 s
  it('moves a mother recorded under the old unkeyed hash to the keyed one; her open case is then found again; a second run changes nothing', { timeout: 240_000 }, async () => {
    const roundId = await openRound();
    const id = residentId();
    const submitted = await as('township').post('/applications', applicationInput(roundId, { mother: { name: '央金', residentId: id } }));
    expect(submitted.status).toBe(201);

    // the state before the keyed hash: her open case and the application's index key under SHA-256 of the ID
    const now = motherKey(id);
    const old = legacyMotherKey(id);
    const mother = await read(keys.mother(now));
    expect(mother).toBeDefined();
    await client.send(new PutCommand({ TableName, Item: { ...mother, ...keys.mother(old) } }));
    await client.send(new DeleteCommand({ TableName, Key: keys.mother(now) }));
    await client.send(new UpdateCommand({ TableName, Key: keys.application(submitted.body.id), UpdateExpression: 'SET motherPk = :m', ExpressionAttributeValues: { ':m': old } }));

    const legacy = oldMotherKeyOf(undefined);
    expect(await rekeyMothers({ oldMotherKey: legacy, dryRun: true })).toMatchObject({ cases: 1, mothers: 1 });
    // a dry run writes nothing
    expect(await read(keys.mother(now))).toBeUndefined();

    expect(await rekeyMothers({ oldMotherKey: legacy, dryRun: false })).toMatchObject({ cases: 1, mothers: 1, markers: 0 });
    expect(await read(keys.mother(old))).toBeUndefined();
    expect((await read(keys.mother(now)))?.openCase).toEqual(mother?.openCase);
    expect((await read(keys.application(submitted.body.id)))?.motherPk).toBe(now);

    // her open application is found under the new key: a second one is refused
    const again = await as('township').post('/applications', applicationInput(roundId, { mother: { name: '央金', residentId: id } }));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('mother_has_open_case');

    expect(await rekeyMothers({ oldMotherKey: legacy, dryRun: false })).toMatchObject({ cases: 0, mothers: 0, markers: 0 });
  });

  it('an earlier HMAC key is an old key too', () => {
    const id = residentId();
    expect(oldMotherKeyOf('an earlier key')(id)).not.toBe(oldMotherKeyOf('another key')(id));
    expect(oldMotherKeyOf('an earlier key')(id)).toMatch(/^MOTHER#[0-9a-f]{32}$/);
    expect(oldMotherKeyOf(undefined)(id)).toBe(legacyMotherKey(id));
  });
});
