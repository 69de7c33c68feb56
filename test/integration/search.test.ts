/**
 * GET /search: a mother found by her full resident ID number or the start of her name,
 * only inside the caller's office subtree; outside it the answer is empty, as for a number
 * nobody has, so a search reveals nothing about another district's mothers.
 */
import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { as } from '../support/api.ts';
import { applicationInput, openRound, residentId } from '../support/fixtures.ts';
import { expectError, expectStatus } from './refusal-helpers.ts';

/** A name no other test uses, so the answers are exactly this test's records. */
const NAME = `德吉搜索${randomInt(1e9)}`;
const ID = residentId();
let appId: string;

beforeAll(async () => {
  const roundId = await openRound();
  const res = await as('township').post('/applications', applicationInput(roundId, { mother: { name: NAME, residentId: ID } }));
  expectStatus(res, 201);
  appId = res.body.id;
});

const search = (user: Parameters<typeof as>[0], q: string) => as(user).get('/search', { query: { q } });

describe('GET /search', () => {
  it('by full resident ID finds the mother for her district, township and the committee, with the number masked', async () => {
    for (const user of ['district', 'township', 'field', 'committee'] as const) {
      const res = await search(user, ID);
      expectStatus(res, 200);
      expect(res.body.items, user).toEqual([
        {
          kind: 'application',
          id: appId,
          motherName: NAME,
          residentIdMasked: `${ID.slice(0, 4)}${'*'.repeat(10)}${ID.slice(14)}`,
          officeId: 'lhasa.chengguan.caigongtang.zhiba',
          status: 'submitted',
          roundId: expect.any(String),
        },
      ]);
    }
    expect((await search('district', ID.toLowerCase())).body.items).toHaveLength(1);
  });

  it('by full resident ID returns nothing for another district’s user or another township, exactly as for an unknown number', async () => {
    for (const user of ['district-b', 'township-b'] as const) expect((await search(user, ID)).body, user).toEqual({ items: [] });
    expect((await search('district', residentId())).body).toEqual({ items: [] });
  });

  it('by name prefix finds her inside the subtree and nothing outside it', async () => {
    const prefix = NAME.slice(0, NAME.length - 3);
    const found = await search('district', prefix);
    expect(found.body.items.map((i: { id: string }) => i.id)).toEqual([appId]);
    expect((await search('township', NAME)).body.items).toHaveLength(1);
    expect((await search('committee', NAME)).body.items).toHaveLength(1);
    expect((await search('district-b', prefix)).body).toEqual({ items: [] });
    expect((await search('township-b', NAME)).body).toEqual({ items: [] });
  });

  it('an empty query is refused naming q', async () => {
    expectError(await as('district').get('/search', { query: { q: ' ' } }), 400, { field: 'q' });
  });
});
