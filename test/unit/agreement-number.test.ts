/** Agreement numbers stay valid and distinct past round 99 and past the 999th loan of a round. */
import { describe, expect, it } from 'vitest';
import { agreementNumber } from '../../shared/domain/offices.ts';

describe('agreement numbers', () => {
  it('write the round with two digits at least and the loan with three, growing past 99 and 999', () => {
    expect(agreementNumber('城关', '2026', 4, 17)).toBe('城关-2026-04-017');
    expect(agreementNumber('城关', '2026', 99, 2)).toBe('城关-2026-99-002');
    expect(agreementNumber('城关', '2026', 118, 2)).toBe('城关-2026-118-002');
    expect(agreementNumber('城关', '2026', 4, 1000)).toBe('城关-2026-04-1000');
    // distinct: rounds 11 and 118 with loans 8 and 2 never meet
    expect(agreementNumber('城关', '2026', 11, 82)).not.toBe(agreementNumber('城关', '2026', 118, 2));
  });
});
