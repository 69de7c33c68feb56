/** The pure rules of the hand-offs: which repayments a batch may carry, the flag, the reconciliation arithmetic. */
import { describe, expect, it } from 'vitest';
import { Conflict, Forbidden, ValidationFailed } from '../../shared/domain/errors.ts';
import {
  addFlows,
  batchFlows,
  checkBatch,
  collectedFlows,
  flagOf,
  flowsOf,
  noFlows,
  receivingOffice,
  rowOf,
  totalsOf,
  withSenders,
  type Flows,
  type HandOffRepayment,
  type RemittanceLevel,
} from '../../shared/domain/remittance.ts';
import { RemittanceInput } from '../../shared/domain/remittance-schemas.ts';
import { errorFrom } from './domain-fixtures.ts';

const TODAY = '2026-06-30';
const CAIGONGTANG = 'lhasa.chengguan.caigongtang';
const NIANGRE = 'lhasa.chengguan.niangre';
const CHENGGUAN = 'lhasa.chengguan';

const id = (n: number) => `01J${String(n).padStart(23, '0')}`;

function repayment(n: number, o: Partial<HandOffRepayment> = {}): HandOffRepayment {
  return { id: id(n), loanId: id(1000 + n), amountFen: 100_000, paidOn: '2026-06-01', districtId: CHENGGUAN, villageId: `${CAIGONGTANG}.zhiba`, state: 'held', ...o };
}

const found = (...rs: HandOffRepayment[]) => new Map(rs.map((r) => [r.id, r]));

/** The loan of `repayment(n)`. */
const loanOf = (repaymentId: string) => id(1000 + Number(repaymentId.slice(3)));

/** A batch naming repayments as the waiting list gives them: each with its loan. */
function batch(ids: string[], o: Partial<{ level: RemittanceLevel; fromOfficeId: string; handedOverOn: string }> = {}) {
  return { level: 'township_to_district' as const, fromOfficeId: CAIGONGTANG, handedOverOn: '2026-06-10', repaymentRefs: ids.map((r) => ({ id: r, loanId: loanOf(r) })), ...o };
}

describe('who may hand over from which office', () => {
  const township = { role: 'township' as const, officeId: CAIGONGTANG };
  const district = { role: 'district' as const, officeId: CHENGGUAN };

  it('a township hands its own money to its district; its district may record it for it', () => {
    expect(receivingOffice(township, 'township_to_district', CAIGONGTANG)).toBe(CHENGGUAN);
    expect(receivingOffice(district, 'township_to_district', NIANGRE)).toBe(CHENGGUAN);
  });

  it('a district remits to the committee', () => {
    expect(receivingOffice(district, 'district_to_committee', CHENGGUAN)).toBe('lhasa');
  });

  it('refuses another township (403), the wrong kind of office (422), and a township remitting to the committee (403)', () => {
    expect(errorFrom(Forbidden, () => receivingOffice(township, 'township_to_district', NIANGRE)).message).toMatch(/outside your office/);
    expect(errorFrom(ValidationFailed, () => receivingOffice(district, 'township_to_district', CHENGGUAN)).field).toBe('fromOfficeId');
    expect(errorFrom(ValidationFailed, () => receivingOffice(district, 'district_to_committee', NIANGRE)).field).toBe('fromOfficeId');
    expect(errorFrom(ValidationFailed, () => receivingOffice(township, 'township_to_district', `${CAIGONGTANG}.zhiba`)).field).toBe('fromOfficeId');
    expect(errorFrom(Forbidden, () => receivingOffice(township, 'district_to_committee', CHENGGUAN)).message).toMatch(/outside your office/);
    expect(errorFrom(Forbidden, () => receivingOffice({ role: 'township', officeId: CHENGGUAN }, 'district_to_committee', CHENGGUAN)).message).toMatch(/only the district office/);
  });
});

describe('which repayments a batch may carry', () => {
  it('accepts repayments the township still holds, in the order asked', () => {
    const [a, b] = [repayment(1), repayment(2)];
    expect(checkBatch(batch([b.id, a.id]), found(a, b), TODAY).map((r) => r.id)).toEqual([b.id, a.id]);
  });

  it('names every unknown repayment (422)', () => {
    const error = errorFrom(ValidationFailed, () => checkBatch(batch([id(1), id(7), id(8)]), found(repayment(1)), TODAY));
    expect(error.field).toBe('repaymentRefs');
    expect(error.message).toContain(id(7));
    expect(error.message).toContain(id(8));
    expect(error.message).not.toContain(id(1));
  });

  it('a repayment named with another loan than its own is unknown too (422)', () => {
    const wrongLoan = { ...batch([id(1)]), repaymentRefs: [{ id: id(1), loanId: id(1002) }] };
    const error = errorFrom(ValidationFailed, () => checkBatch(wrongLoan, found(repayment(1)), TODAY));
    expect(error.field).toBe('repaymentRefs');
    expect(error.message).toContain(id(1));
  });

  it('refuses a repayment named twice (422)', () => {
    expect(errorFrom(ValidationFailed, () => checkBatch(batch([id(1), id(1)]), found(repayment(1)), TODAY)).message).toMatch(/more than once/);
  });

  it('refuses repayments collected outside the sending office (403), naming them', () => {
    const foreign = repayment(2, { villageId: `${NIANGRE}.minzu` });
    const error = errorFrom(Forbidden, () => checkBatch(batch([id(1), foreign.id]), found(repayment(1), foreign), TODAY));
    expect(error.message).toContain(foreign.id);
    expect(error.message).not.toContain(id(1));
  });

  it('refuses a township prefix that is not a whole office id (caigongtang is not caigongtang2)', () => {
    const lookalike = repayment(3, { villageId: `${CAIGONGTANG}2.x` });
    expect(() => checkBatch(batch([lookalike.id]), found(lookalike), TODAY)).toThrow(Forbidden);
  });

  it('refuses a repayment already handed on (409 already_handed_on), naming it and its batch', () => {
    const gone = repayment(2, { state: 'at_district', toDistrict: { batchId: id(99), handedOverOn: '2026-06-05' } });
    const error = errorFrom(Conflict, () => checkBatch(batch([id(1), gone.id]), found(repayment(1), gone), TODAY));
    expect(error.code).toBe('already_handed_on');
    expect(error.message).toContain(gone.id);
    expect(error.message).toContain(id(99));
  });

  it('for the committee: carries what the district received, refuses what the township still holds (409 not_received) or was remitted (409)', () => {
    const received = repayment(1, { state: 'at_district', toDistrict: { batchId: id(90), handedOverOn: '2026-06-05' } });
    const held = repayment(2);
    const remitted = repayment(3, { state: 'at_committee', toDistrict: { batchId: id(90), handedOverOn: '2026-06-05' }, toCommittee: { batchId: id(91), handedOverOn: '2026-06-06' } });
    const toCommittee = (ids: string[]) => batch(ids, { level: 'district_to_committee', fromOfficeId: CHENGGUAN });
    expect(checkBatch(toCommittee([received.id]), found(received), TODAY)).toHaveLength(1);
    expect(errorFrom(Conflict, () => checkBatch(toCommittee([held.id]), found(held), TODAY)).code).toBe('not_received');
    expect(errorFrom(Conflict, () => checkBatch(toCommittee([remitted.id]), found(remitted), TODAY)).code).toBe('already_handed_on');
  });

  it('for the committee: a repayment of another district is outside (403)', () => {
    const other = repayment(1, { state: 'at_district', districtId: 'lhasa.duilongdeqing', villageId: 'lhasa.duilongdeqing.naiqiong.boma' });
    expect(() => checkBatch(batch([other.id], { level: 'district_to_committee', fromOfficeId: CHENGGUAN }), found(other), TODAY)).toThrow(Forbidden);
  });

  it('refuses a hand-off date in the future, or before a repayment was paid (or received by the district)', () => {
    expect(errorFrom(ValidationFailed, () => checkBatch(batch([id(1)], { handedOverOn: '2026-07-01' }), found(repayment(1)), TODAY)).field).toBe('handedOverOn');
    const late = repayment(2, { paidOn: '2026-06-20' });
    const error = errorFrom(ValidationFailed, () => checkBatch(batch([id(1), late.id], { handedOverOn: '2026-06-19' }), found(repayment(1), late), TODAY));
    expect(error.field).toBe('handedOverOn');
    expect(error.message).toContain(late.id);
    expect(checkBatch(batch([late.id], { handedOverOn: '2026-06-20' }), found(late), TODAY)).toHaveLength(1);
    const received = repayment(3, { state: 'at_district', toDistrict: { batchId: id(90), handedOverOn: '2026-06-15' } });
    expect(() => checkBatch(batch([received.id], { level: 'district_to_committee', fromOfficeId: CHENGGUAN, handedOverOn: '2026-06-14' }), found(received), TODAY)).toThrow(/received by the district/);
  });

  it('checks in order: unknown, then outside, then already handed on', () => {
    const foreign = repayment(2, { villageId: `${NIANGRE}.minzu` });
    const gone = repayment(3, { state: 'at_district' });
    expect(() => checkBatch(batch([id(9), foreign.id, gone.id]), found(foreign, gone), TODAY)).toThrow(ValidationFailed);
    expect(() => checkBatch(batch([foreign.id, gone.id]), found(foreign, gone), TODAY)).toThrow(Forbidden);
  });
});

describe('the flag', () => {
  it('is down when the declared amount equals the repayments', () => {
    expect(flagOf(300, [{ amountFen: 100 }, { amountFen: 200 }])).toEqual({ sumOfRepaymentsFen: 300, differenceFen: 0, flagged: false });
  });

  it('is up when cash is short (negative) or over (positive)', () => {
    expect(flagOf(200, [{ amountFen: 100 }, { amountFen: 200 }])).toEqual({ sumOfRepaymentsFen: 300, differenceFen: -100, flagged: true });
    expect(flagOf(301, [{ amountFen: 300 }])).toEqual({ sumOfRepaymentsFen: 300, differenceFen: 1, flagged: true });
  });
});

describe('counters and reconciliation', () => {
  const office = (officeId: string) => ({ id: officeId, name: officeId });

  /** collected at two townships, part handed to the district with a short batch, part remitted. */
  function scenario() {
    let caigongtang: Flows = addFlows(addFlows(noFlows(), collectedFlows(100_000)), collectedFlows(50_000));
    const niangre: Flows = addFlows(noFlows(), collectedFlows(70_000));
    let chengguan = noFlows();
    let lhasa = noFlows();
    // caigongtang hands both, 100 fen short
    const short = flagOf(149_900, [{ amountFen: 100_000 }, { amountFen: 50_000 }]);
    const m1 = batchFlows(149_900, short, 2);
    caigongtang = addFlows(caigongtang, m1.sender);
    chengguan = addFlows(chengguan, m1.receiver);
    // the district remits one of them
    const exact = flagOf(100_000, [{ amountFen: 100_000 }]);
    const m2 = batchFlows(100_000, exact, 1);
    chengguan = addFlows(chengguan, m2.sender);
    lhasa = addFlows(lhasa, m2.receiver);
    const townships = [rowOf('township', office('lhasa.chengguan.caigongtang'), caigongtang), rowOf('township', office('lhasa.chengguan.niangre'), niangre)];
    const district = withSenders(rowOf('district', office(CHENGGUAN), chengguan), townships);
    const committee = withSenders(rowOf('committee', office('lhasa'), lhasa), [district]);
    return { townships, district, committee };
  }

  it('a township: collected, handed on, still held, and the declared difference', () => {
    const [caigongtang, niangre] = scenario().townships;
    expect(caigongtang).toMatchObject({
      collectedFen: 150_000,
      collectedCount: 2,
      handedOnFen: 150_000,
      handedOnCount: 2,
      declaredHandedOnFen: 149_900,
      differenceFen: -100,
      heldFen: 0,
      heldCount: 0,
      batchesHandedOn: 1,
      flaggedBatches: 1,
    });
    expect(niangre).toMatchObject({ collectedFen: 70_000, handedOnFen: 0, heldFen: 70_000, heldCount: 1, differenceFen: 0, flaggedBatches: 0 });
  });

  it('the district: received (and declared), remitted, still held, reconciled against its townships', () => {
    expect(scenario().district).toMatchObject({
      receivedFen: 150_000,
      receivedCount: 2,
      declaredReceivedFen: 149_900,
      handedOnFen: 100_000,
      heldFen: 50_000,
      heldCount: 1,
      differenceFen: 0,
      handedHereFen: 150_000,
      reconciles: true,
    });
  });

  it('the committee: received, reconciled against the districts', () => {
    expect(scenario().committee).toMatchObject({ receivedFen: 100_000, heldFen: 100_000, handedHereFen: 100_000, reconciles: true });
  });

  it('a receiving office that does not match its senders does not reconcile', () => {
    const { townships, district } = scenario();
    expect(withSenders({ ...district, receivedFen: district.receivedFen - 1 }, townships).reconciles).toBe(false);
  });

  it('totals: every fen collected is held by a township, held by a district or remitted', () => {
    const { townships, district, committee } = scenario();
    expect(totalsOf([committee, district, ...townships])).toEqual({
      collectedFen: 220_000,
      heldByTownshipsFen: 70_000,
      heldByDistrictsFen: 50_000,
      remittedToCommitteeFen: 100_000,
      unaccountedFen: 0,
      differenceFen: -100,
      flaggedBatches: 1,
    });
  });

  it('reads stored counters, missing ones as zero, and takes later days off', () => {
    const total = flowsOf({ collectedFen: 500, collectedCount: 3, pk: 'x', handedOnFen: 'not a number' });
    expect(total).toEqual({ ...noFlows(), collectedFen: 500, collectedCount: 3 });
    expect(addFlows(total, { collectedFen: 200, collectedCount: 1 }, -1)).toMatchObject({ collectedFen: 300, collectedCount: 2 });
    expect(flowsOf(undefined)).toEqual(noFlows());
  });
});

describe('the request shape', () => {
  const valid = {
    level: 'township_to_district',
    fromOfficeId: CAIGONGTANG,
    handedOverOn: '2026-06-10',
    amountFen: 100,
    repaymentRefs: [{ id: id(1), loanId: id(1001) }],
    handedOverBy: '格桑',
    receivedBy: '王丽',
  };
  const refs = (n: number) => Array.from({ length: n }, (_, i) => ({ id: id(i), loanId: id(1000 + i) }));

  it('accepts 1 to 90 repayments, each named by its id and its loan’s', () => {
    expect(RemittanceInput.safeParse(valid).success).toBe(true);
    expect(RemittanceInput.safeParse({ ...valid, repaymentRefs: refs(90) }).success).toBe(true);
    expect(RemittanceInput.safeParse({ ...valid, repaymentRefs: refs(91) }).success).toBe(false);
    expect(RemittanceInput.safeParse({ ...valid, repaymentRefs: [] }).success).toBe(false);
    expect(RemittanceInput.safeParse({ ...valid, repaymentRefs: [{ id: id(1) }] }).success).toBe(false);
    expect(RemittanceInput.safeParse({ ...valid, repaymentRefs: [id(1)] }).success).toBe(false);
  });

  it('refuses unknown levels, fields and zero amounts', () => {
    expect(RemittanceInput.safeParse({ ...valid, level: 'village_to_township' }).success).toBe(false);
    expect(RemittanceInput.safeParse({ ...valid, extra: 1 }).success).toBe(false);
    expect(RemittanceInput.safeParse({ ...valid, amountFen: 0 }).success).toBe(false);
  });
});
