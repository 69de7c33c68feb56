/**
 * Folding the report aggregates of the old layout (one partition per township, round and year
 * group) into the district's items (scripts/lib/fold-aggregates.ts): after the deployment the
 * reports read only the new layout, so until the fold runs a township's, round's or year's row
 * misses what was counted before; after it every group reads what it read before, a subject a live
 * write counted again in the meantime is counted once (on the earlier date), and a second run
 * moves nothing. The district is this file's own.
 */
import { randomInt } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { foldAggregates } from '../../scripts/lib/fold-aggregates.ts';
import { roundGroup } from '../../shared/domain/aggregates.ts';
import { readSums } from '../../shared/store/aggregates.ts';
import { documentClient, recordsTable } from '../../shared/store/client.ts';
import { scopeKeys } from '../../shared/store/keys.ts';
import { getRecord, queryEvery } from '../../shared/store/records.ts';
import { as } from '../support/api.ts';

const districtId = `lhasa.fold-${randomInt(1e9)}`;
const townshipId = `${districtId}.xiang`;
const roundId = `01JFOLD${String(randomInt(1e9)).padStart(19, '0')}`;
const groups = {
  district: `district#${districtId}`,
  township: `township#${townshipId}`,
  round: roundGroup(districtId, roundId),
  year: `year#${districtId}#2025`,
};
const oldPks = [`AGG#township#${townshipId}`, `AGG#round#${roundId}`, `AGG#year#${districtId}#2025`];
const put = (item: Record<string, unknown>) => documentClient().send(new PutCommand({ TableName: recordsTable(), Item: item }));

/** One loan of 5,000 yuan disbursed on 2 April 2025 to a mother of a household of 4, half repaid on 1 May, as the old layout kept it. */
async function oldLayout() {
  const disbursed = { disbursedLoans: 1, disbursedFen: 500_000, mothers: 1, householdMembers: 4, villages: 1 };
  const repaid = { repaidFen: 250_000 };
  for (const pk of [`AGG#district#${districtId}`, ...oldPks]) {
    await put({ pk, sk: 'D#2025-04-02', ...disbursed });
    await put({ pk, sk: 'M#2025-04', ...disbursed });
    await put({ pk, sk: 'D#2025-05-01', ...repaid });
    await put({ pk, sk: 'M#2025-05', ...repaid });
    await put({ pk, sk: 'SEEN#mother#m1', type: 'SEEN', firstOn: '2025-04-02', metrics: { mothers: 1, householdMembers: 4 } });
    await put({ pk, sk: 'SEEN#village#v1', type: 'SEEN', firstOn: '2025-04-02', metrics: { villages: 1 } });
  }
}

async function figures(asOf: string) {
  const out: Record<string, { disbursedFen: number; repaidFen: number; mothers: number; householdMembers: number; villages: number }> = {};
  for (const [name, group] of Object.entries(groups)) {
    const S = await readSums(group, asOf);
    out[name] = { disbursedFen: S('disbursedFen', asOf), repaidFen: S('repaidFen', asOf), mothers: S('mothers', asOf), householdMembers: S('householdMembers', asOf), villages: S('villages', asOf) };
  }
  return out;
}

const before = { disbursedFen: 500_000, repaidFen: 250_000, mothers: 1, householdMembers: 4, villages: 1 };

describe('folding the old aggregate partitions into the district items', () => {
  beforeAll(async () => {
    for (const [id, name] of [
      [districtId, '合并县'],
      [townshipId, '合并乡'],
    ])
      expect((await as('committee').post('/offices', { id, name })).status).toBe(201);
    await put({
      pk: `ROUND#${roundId}`,
      sk: 'ROUND',
      type: 'ROUND',
      id: roundId,
      districtId,
      name: '2025年第一轮',
      status: 'open',
      openedOn: '2025-03-01',
      ...scopeKeys('ROUND', { id: roundId, status: 'open', districtId, officeId: districtId }),
    });
    await oldLayout();
    // after the deployment, before the fold: the same mother's loan of another round counted in this round group again (a live write, new layout)
    const pk = `AGG#district#${districtId}`;
    const r = `r#${roundId}#`;
    await put({ pk, sk: 'D#2025-05-10', [`${r}m`]: 1, [`${r}h`]: 4 });
    await put({ pk, sk: 'M#2025-05', repaidFen: 250_000, [`${r}m`]: 1, [`${r}h`]: 4 });
    await put({
      pk,
      sk: 'SEEN#mother#m1',
      type: 'SEEN',
      firstOn: '2025-04-02',
      metrics: { mothers: 1, householdMembers: 4 },
      [`${r}firstOn`]: '2025-05-10',
      [`${r}metrics`]: { mothers: 1, householdMembers: 4 },
    });
  });

  it('a dry run counts what it would move and writes nothing; until the fold the groups but the district read nothing of the past', async () => {
    const counts = await foldAggregates({ dryRun: true, districtIds: [districtId] });
    expect(counts).toEqual({ groups: 3, counters: 12, markers: 6, doubleCounted: 1 });
    const now = await figures('2025-06-30');
    expect(now.district).toEqual(before);
    expect(now.township).toEqual({ disbursedFen: 0, repaidFen: 0, mothers: 0, householdMembers: 0, villages: 0 });
    expect(now.round?.mothers).toBe(1);
    for (const pk of oldPks) expect(await queryEvery({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } })).toHaveLength(6);
  });

  it('the fold gives every group its figures back, counts the mother once on her first date, and leaves no old item', async () => {
    const counts = await foldAggregates({ dryRun: false, districtIds: [districtId] });
    expect(counts).toEqual({ groups: 3, counters: 12, markers: 6, doubleCounted: 1 });
    const now = await figures('2025-06-30');
    for (const name of Object.keys(groups)) expect(now[name], name).toEqual(before);
    // as of 30 April: the repayment not yet, the mother counted since 2 April in every group
    const april = await figures('2025-04-30');
    for (const name of Object.keys(groups)) expect(april[name], name).toEqual({ ...before, repaidFen: 0 });
    const marker = await getRecord<Record<string, unknown>>({ pk: `AGG#district#${districtId}`, sk: 'SEEN#mother#m1' });
    expect(marker?.[`r#${roundId}#firstOn`]).toBe('2025-04-02');
    expect(marker?.['t#xiang#firstOn']).toBe('2025-04-02');
    expect(marker?.['y#2025#firstOn']).toBe('2025-04-02');
    for (const pk of oldPks) expect(await queryEvery({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } })).toEqual([]);
  });

  it('a second run moves nothing and changes no figure', async () => {
    expect(await foldAggregates({ dryRun: false, districtIds: [districtId] })).toEqual({ groups: 0, counters: 0, markers: 0, doubleCounted: 0 });
    const now = await figures('2025-06-30');
    for (const name of Object.keys(groups)) expect(now[name], name).toEqual(before);
  });
});
