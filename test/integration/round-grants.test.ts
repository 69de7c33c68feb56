/**
 * A round's new money listed by source (grants): the round keeps each grant and its sum is
 * the round's grant and the district fund's new money; a grantFen that disagrees with the
 * grants, or grants above the capital, is refused with a named rule in the caller's language.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { as, call, tokens } from '../support/api.ts';
import { daysAgo, today } from '../support/fixtures.ts';
import { expectError, expectStatus } from './refusal-helpers.ts';

async function newDistrict(): Promise<string> {
  const districtId = `lhasa.grants-${randomUUID().slice(0, 8)}`;
  expectStatus(await as('committee').post('/offices', { id: districtId, name: '拨款测试区' }), 201);
  return districtId;
}

describe('grants by source', () => {
  it('a round opened with two grants keeps both; their sum is the new money of the round and of the district fund', async () => {
    const districtId = await newDistrict();
    const grants = [
      { source: '中国人口福利基金会', amountFen: 1_500_000 },
      { source: '市组委会自筹', amountFen: 500_000 },
    ];
    const opened = await as('committee').post('/rounds', { districtId, name: '第一轮', openedOn: daysAgo(3), capitalFen: 2_000_000, grants });
    expectStatus(opened, 201);
    expect(opened.body).toMatchObject({ capitalFen: 2_000_000, grantFen: 2_000_000, grants });
    expect((await as('committee').get(`/rounds/${opened.body.id}`)).body.grants).toEqual(grants);
    const fund = await as('committee').get('/reports/fund', { query: { districtId } });
    expect(fund.body.rows).toEqual([expect.objectContaining({ districtId, grantedFen: 2_000_000 })]);
  });

  it('grants may cover part of the capital: the rest is the district’s recovered money, and without it the fund refuses', async () => {
    const districtId = await newDistrict();
    const res = await as('committee').post(
      '/rounds',
      { districtId, name: '第一轮', openedOn: today(), capitalFen: 2_000_000, grants: [{ source: '基金会', amountFen: 1_000_000 }] },
      { lang: 'zh-CN' },
    );
    expectError(res, 409, { code: 'fund_insufficient' });
    expect(res.body.error.message).toContain('新拨资金');
    expect(res.body.error.message).not.toMatch(/[A-Za-z]/);
  });

  it('a grantFen that is not the sum of the grants is refused on grantFen, in Chinese', async () => {
    const districtId = await newDistrict();
    const body = { districtId, name: '第一轮', openedOn: today(), capitalFen: 2_000_000, grantFen: 1_000_000, grants: [{ source: '基金会', amountFen: 2_000_000 }] };
    const res = await as('committee').post('/rounds', body, { lang: 'zh-CN' });
    expectError(res, 400, { field: 'grantFen' });
    expect(res.body.error.message).toBe('新拨资金必须等于各笔拨款之和 20,000 元');
    expect((await as('committee').get('/rounds', { query: { districtId } })).body.items).toEqual([]);
  });

  it('grants above the capital are refused on grants', async () => {
    const districtId = await newDistrict();
    const grants = [
      { source: '基金会', amountFen: 1_500_000 },
      { source: '自筹', amountFen: 1_000_000 },
    ];
    const res = await as('committee').post('/rounds', { districtId, name: '第一轮', openedOn: today(), capitalFen: 2_000_000, grants }, { lang: 'zh-CN' });
    expectError(res, 400, { field: 'grants' });
    expect(res.body.error.message).toBe('拨款不能大于本轮资金');
  });

  it('approving a round request with grants opens the round with them', async () => {
    const districtId = await newDistrict();
    const token = await tokens.sign({ username: `clerk-${districtId.split('.')[1]}`, role: 'district', officeId: districtId });
    const request = await call(null, 'POST', '/round-requests', { name: '第一轮', requestedOn: today(), capitalFen: 2_000_000, reason: '首轮' }, { token });
    expectStatus(request, 201);
    const grants = [
      { source: '基金会', amountFen: 1_200_000 },
      { source: '自筹', amountFen: 800_000 },
    ];
    const decided = await as('committee').post(`/round-requests/${request.body.id}/decision`, { decision: 'approve', openedOn: today(), capitalFen: 2_000_000, grants });
    expectStatus(decided, 200);
    expect(decided.body.round).toMatchObject({ districtId, capitalFen: 2_000_000, grantFen: 2_000_000, grants });
  });
});
