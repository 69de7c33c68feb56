import { describe, expect, it } from 'vitest';
import { birthDateOf, maskResidentId, residentIdCheckChar, residentIdProblem } from '../../shared/domain/resident-id.ts';

/*
 * Worked by hand (GB 11643 / ISO 7064 MOD 11-2) for 54010219880515002?:
 *   digits   5  4  0  1  0  2  1  9  8  8  0  5  1  5  0  0  2
 *   weights  7  9 10  5  8  4  2  1  6  3  7  9 10  5  8  4  2
 *   products 35 36 0  5  0  8  2  9 48 24  0 45 10 25  0  0  4  → sum 251
 *   251 mod 11 = 9 → check char '10X98765432'[9] = '3'
 * and for the textbook example 11010519491231002?: sum 167, 167 mod 11 = 2 → 'X'.
 */
const HAND_COMPUTED = '540102198805150023';
const TEXTBOOK = '11010519491231002X';

describe('resident ID check character', () => {
  it('computes 3 for a number worked out by hand', () => {
    expect(residentIdCheckChar('54010219880515002')).toBe('3');
  });

  it('computes X for the textbook example 11010519491231002X', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
  });
});

describe('resident ID validation', () => {
  it('accepts a number whose check character was worked out by hand', () => {
    expect(residentIdProblem(HAND_COMPUTED)).toBeNull();
  });

  it('accepts the well-known valid number 11010519491231002X', () => {
    expect(residentIdProblem(TEXTBOOK)).toBeNull();
  });

  it('accepts a lower-case x as the check character', () => {
    expect(residentIdProblem('11010519491231002x')).toBeNull();
  });

  it.each(['540102198805150020', '540102198805150024', '54010219880515002X', '110105194912310020', '110105194912310021'])('refuses %s because the check character does not match', (id) => {
    expect(residentIdProblem(id)).toBe('checksum');
  });

  it('refuses a number with one digit mistyped (the check character catches it)', () => {
    const mistyped = '540102198805150123'; // 002 → 012 in the sequence code
    expect(residentIdProblem(mistyped)).toBe('checksum');
  });

  it.each([
    ['Feb 30', '540102198802300023'],
    ['month 13', '540102198813150023'],
    ['month 00', '540102198800150023'],
    ['day 00', '540102198805000023'],
    ['April 31', '540102198804310023'],
    ['Feb 29 in 1900 (not a leap year)', '540102190002290023'],
    ['Feb 29 in 1989 (not a leap year)', '540102198902290023'],
    ['a year before 1900', '540102189905150023'],
  ])('refuses a birth date that does not exist: %s', (_what, id) => {
    expect(residentIdProblem(id)).toBe('birth_date');
  });

  it('accepts a mother born on Feb 29 of a leap year (2000)', () => {
    const first17 = '54010220000229002';
    expect(residentIdProblem(first17 + residentIdCheckChar(first17))).toBeNull();
  });

  it.each([
    ['17 characters', '54010219880515002'],
    ['19 characters', '5401021988051500230'],
    ['empty', ''],
    ['a letter among the digits', '5401021988A5150023'],
    ['X anywhere but last', '5401021988X5150023'],
    ['a check letter other than X', '54010219880515002Y'],
    ['spaces around it', ' 540102198805150023 '],
    ['dashes', '540102-19880515-0023'],
    ['full-width digits', '５４０１０２１９８８０５１５００２３'],
    ['an old 15-digit number', '540102880515002'],
  ])('refuses a number of the wrong shape: %s', (_what, id) => {
    expect(residentIdProblem(id)).toBe('shape');
  });

  it('reads the date of birth from characters 7-14', () => {
    expect(birthDateOf(TEXTBOOK)).toBe('1949-12-31');
  });
});

describe('resident ID masking', () => {
  it('keeps the first 4 and last 4 characters and hides the 10 between', () => {
    expect(maskResidentId(HAND_COMPUTED)).toBe('5401**********0023');
  });

  it('keeps the check character X visible', () => {
    expect(maskResidentId(TEXTBOOK)).toBe('1101**********002X');
  });

  it('hides the whole date of birth', () => {
    const masked = maskResidentId(TEXTBOOK);

    expect(masked).toHaveLength(18);
    expect(masked).not.toContain('1949');
    expect(masked).not.toContain('1231');
  });
});

describe('birth dates in the future', () => {
  it('refuses a number whose birth date has not happened yet', () => {
    const first17 = '54010221500101002';
    expect(residentIdProblem(first17 + residentIdCheckChar(first17), '2026-11-23')).toBe('birth_date');
  });
});
