/**
 * The committee's round form: grants by source plus recovered money re-lent make the body
 * that the API's own RoundInput checks (blank grant rows left out, the capital their sum plus
 * the re-lent money, no grant listed meaning no new money rather than "what the fund lacks").
 */
import { describe, expect, it } from 'vitest';
import { grantTotal, RoundInput } from '../../shared/domain/schemas.ts';
import { moneyBody } from '../../web/src/pages/rounds/money.ts';

const round = { districtId: 'lhasa.chengguan', name: '第五轮', openedOn: '2026-05-01' };

describe('a round’s money from the committee’s form', () => {
  it('two grants and re-lent money: the capital is their sum, the new money the grants’ sum; blank rows are left out', () => {
    const body = moneyBody({
      grants: [
        { source: ' 基金会 ', amountFen: 2_000_000 },
        { source: '', amountFen: undefined },
        { source: '自筹', amountFen: 1_000_000 },
      ],
      relentFen: 500_000,
    });
    expect(body).toEqual({
      capitalFen: 3_500_000,
      grants: [
        { source: '基金会', amountFen: 2_000_000 },
        { source: '自筹', amountFen: 1_000_000 },
      ],
    });
    const parsed = RoundInput.parse({ ...round, ...body });
    expect(grantTotal(parsed)).toBe(3_000_000);
  });

  it('no grant listed: no new money (grantFen 0), the capital is the re-lent money', () => {
    const body = moneyBody({ grants: [{ source: ' ', amountFen: undefined }], relentFen: 2_000_000 });
    expect(body).toEqual({ capitalFen: 2_000_000, grantFen: 0 });
    expect(grantTotal(RoundInput.parse({ ...round, ...body }))).toBe(0);
  });

  it('a grant without its amount or source is refused on that grant, and a typo is not counted', () => {
    const missing = RoundInput.safeParse({ ...round, ...moneyBody({ grants: [{ source: '基金会', amountFen: 2_000_000 }, { source: '自筹' }] }) });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((i) => i.path.join('.'))).toEqual(['grants.1.amountFen']);
    const typo = moneyBody({
      grants: [
        { source: '基金会', amountFen: Number.NaN },
        { source: '', amountFen: 1_000_000 },
      ],
    });
    expect(typo.capitalFen).toBe(1_000_000);
    const refused = RoundInput.safeParse({ ...round, ...typo });
    expect(refused.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['grants.0.amountFen', 'grants.1.source']);
  });
});
