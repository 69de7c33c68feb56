import { describe, expect, it } from 'vitest';
import { Forbidden } from '../../shared/domain/errors.ts';
import { ancestorAt, isOfficeId, isWithin, levelOf, parentOf } from '../../shared/domain/offices.ts';
import { assertRoleFitsOffice, assertWithinOffice, canSeeOffice, type Caller, type Role } from '../../shared/domain/roles.ts';
import { errorFrom } from './domain-fixtures.ts';

const COMMITTEE = 'lhasa';
const DISTRICT = 'lhasa.chengguan';
const TOWNSHIP = 'lhasa.chengguan.caigongtang';
const VILLAGE = 'lhasa.chengguan.caigongtang.v01';
const OTHER_DISTRICT = 'lhasa.duilongdeqing';

const caller = (role: Role, officeId: string): Caller => ({ userId: `u-${role}`, username: role, role, officeId });

describe('isWithin', () => {
  it.each([
    [DISTRICT, DISTRICT, 'the office itself'],
    [TOWNSHIP, DISTRICT, 'a township of the district'],
    [VILLAGE, DISTRICT, 'a village two levels down'],
    [VILLAGE, COMMITTEE, 'a village under the committee'],
  ])('%s is within %s (%s)', (officeId, ancestor) => {
    expect(isWithin(officeId, ancestor)).toBe(true);
  });

  it.each([
    ['lhasa.chengguan2', DISTRICT, 'a district whose name merely starts the same'],
    ['lhasa.chengguan2.x', DISTRICT, 'a township of such a district'],
    ['lhasa.chengguan-east', DISTRICT, 'a name continuing with a dash'],
    [DISTRICT, TOWNSHIP, 'the parent is not within its child'],
    [COMMITTEE, DISTRICT, 'the committee is not within a district'],
    [OTHER_DISTRICT, DISTRICT, 'a sibling district'],
    ['lhasa2', COMMITTEE, 'another committee with a similar name'],
  ])('%s is NOT within %s (%s)', (officeId, ancestor) => {
    expect(isWithin(officeId, ancestor)).toBe(false);
  });
});

describe('isOfficeId', () => {
  it.each([COMMITTEE, DISTRICT, TOWNSHIP, VILLAGE, 'a-1.b-2'])('accepts %s', (id) => {
    expect(isOfficeId(id)).toBe(true);
  });

  it.each([
    ['five levels', `${VILLAGE}.house7`],
    ['capital letters', 'Lhasa.Chengguan'],
    ['an empty segment', 'lhasa..chengguan'],
    ['a trailing dot', 'lhasa.'],
    ['a leading dot', '.lhasa'],
    ['empty', ''],
    ['a space', 'lhasa chengguan'],
    ['a segment over 40 characters', `lhasa.${'a'.repeat(41)}`],
  ])('refuses %s', (_what, id) => {
    expect(isOfficeId(id)).toBe(false);
  });
});

describe('levelOf', () => {
  it.each([
    [COMMITTEE, 'committee'],
    [DISTRICT, 'district'],
    [TOWNSHIP, 'township'],
    [VILLAGE, 'village'],
  ])('%s is a %s office', (id, level) => {
    expect(levelOf(id)).toBe(level);
  });
});

describe('ancestorAt', () => {
  it('finds the township of a village', () => {
    expect(ancestorAt(VILLAGE, 'township')).toBe(TOWNSHIP);
  });

  it('finds the district of a village', () => {
    expect(ancestorAt(VILLAGE, 'district')).toBe(DISTRICT);
  });

  it('finds the committee of a township', () => {
    expect(ancestorAt(TOWNSHIP, 'committee')).toBe(COMMITTEE);
  });

  it('returns the office itself at its own level', () => {
    expect(ancestorAt(TOWNSHIP, 'township')).toBe(TOWNSHIP);
  });

  it('returns nothing for a level below the office', () => {
    expect(ancestorAt(DISTRICT, 'village')).toBeUndefined();
    expect(ancestorAt(COMMITTEE, 'district')).toBeUndefined();
  });
});

describe('parentOf', () => {
  it.each([
    [VILLAGE, TOWNSHIP],
    [TOWNSHIP, DISTRICT],
    [DISTRICT, COMMITTEE],
  ])('the parent of %s is %s', (id, parent) => {
    expect(parentOf(id)).toBe(parent);
  });

  it('the committee has no parent', () => {
    expect(parentOf(COMMITTEE)).toBeUndefined();
  });
});

describe('canSeeOffice', () => {
  const district = caller('district', DISTRICT);

  it.each([
    [DISTRICT, 'its own office'],
    [TOWNSHIP, 'a township below'],
    [VILLAGE, 'a village below'],
    [COMMITTEE, 'the committee above (context records such as its rounds)'],
  ])('lets a district user see %s (%s)', (officeId) => {
    expect(canSeeOffice(district, officeId)).toBe(true);
  });

  it.each([
    [OTHER_DISTRICT, 'a sibling district'],
    [`${OTHER_DISTRICT}.naiqiong`, 'a township of another district'],
    ['lhasa.chengguan2', 'a district whose id merely starts the same'],
  ])('hides %s from a district user (%s)', (officeId) => {
    expect(canSeeOffice(district, officeId)).toBe(false);
  });

  it('lets a township user see its district’s rounds but not a neighbouring township', () => {
    const township = caller('township', TOWNSHIP);

    expect(canSeeOffice(township, DISTRICT)).toBe(true);
    expect(canSeeOffice(township, 'lhasa.chengguan.najin')).toBe(false);
  });

  it('lets the committee see everything under it', () => {
    const committee = caller('committee', COMMITTEE);

    expect(canSeeOffice(committee, VILLAGE)).toBe(true);
    expect(canSeeOffice(committee, OTHER_DISTRICT)).toBe(true);
  });
});

describe('assertWithinOffice', () => {
  it('lets a district user change a record of a village in the district', () => {
    expect(() => assertWithinOffice(caller('district', DISTRICT), VILLAGE)).not.toThrow();
  });

  it('forbids changing a record of another district, naming both offices', () => {
    const error = errorFrom(Forbidden, () => assertWithinOffice(caller('district', DISTRICT), `${OTHER_DISTRICT}.naiqiong`, 'application'));

    expect(error.message).toBe(`this application belongs to office ${OTHER_DISTRICT}.naiqiong, outside your office ${DISTRICT}`);
  });

  it('forbids changing a record of the office above (reading up is allowed, writing is not)', () => {
    expect(() => assertWithinOffice(caller('township', TOWNSHIP), DISTRICT)).toThrow(Forbidden);
  });

  it('forbids a look-alike district', () => {
    expect(() => assertWithinOffice(caller('district', DISTRICT), 'lhasa.chengguan2.x')).toThrow(Forbidden);
  });
});

describe('assertRoleFitsOffice', () => {
  it.each([
    ['committee', COMMITTEE],
    ['district', DISTRICT],
    ['township', TOWNSHIP],
    ['field', DISTRICT],
  ] as const)('accepts a %s user at %s', (role, officeId) => {
    expect(() => assertRoleFitsOffice(role, officeId)).not.toThrow();
  });

  it.each([
    ['field', TOWNSHIP],
    ['township', DISTRICT],
    ['district', COMMITTEE],
    ['committee', DISTRICT],
    ['township', VILLAGE],
  ] as const)('forbids a %s user at %s', (role, officeId) => {
    expect(() => assertRoleFitsOffice(role, officeId)).toThrow(Forbidden);
  });
});
