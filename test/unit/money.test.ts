import { describe, expect, it } from 'vitest';
import { assertFen, formatYuan, yuan } from '../../shared/domain/money.ts';

describe('formatYuan', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [50, '0.50'],
    [100, '1.00'],
    [99_999, '999.99'],
    [100_000, '1,000.00'],
    [1_000_000, '10,000.00'],
    [1_234_567, '12,345.67'],
    [123_456_789, '1,234,567.89'],
    [10_000_000_000, '100,000,000.00'],
  ])('shows %i fen as %s yuan', (fen, shown) => {
    expect(formatYuan(fen)).toBe(shown);
  });

  it.each([
    [-5, '-0.05'],
    [-100, '-1.00'],
    [-123_456, '-1,234.56'],
  ])('shows a negative amount %i fen with a minus sign: %s', (fen, shown) => {
    expect(formatYuan(fen)).toBe(shown);
  });

  it('shows a negative zero as plain zero', () => {
    expect(formatYuan(-0)).toBe('0.00');
  });

  it.each([1.5, 0.1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('refuses %s, which is not a safe whole number of fen', (value) => {
    expect(() => formatYuan(value)).toThrow(TypeError);
  });

  it('puts a yuan sign in front with yuan()', () => {
    expect(yuan(1_234_567)).toBe('¥12,345.67');
  });
});

describe('assertFen', () => {
  it('accepts whole numbers of fen, including 0 and negatives', () => {
    expect(() => assertFen(0)).not.toThrow();
    expect(() => assertFen(1_000_000)).not.toThrow();
    expect(() => assertFen(-5)).not.toThrow();
  });

  it('refuses a fraction of a fen and names the amount', () => {
    expect(() => assertFen(100.5, 'amountFen')).toThrow(TypeError);
    expect(() => assertFen(100.5, 'amountFen')).toThrow(/amountFen must be an integer number of fen, got 100.5/);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])('refuses %s', (value) => {
    expect(() => assertFen(value)).toThrow(TypeError);
  });
});
