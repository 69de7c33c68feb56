/** Amounts in Chinese capital numerals (大写) as printed on the loan agreement. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fenInCapitals, integerInCapitals } from '../../web/src/i18n/chinese-numerals.ts';

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const PLACES: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };

/** Reads capitals back into fen, the way a bank clerk checks them (independent of the writer). */
function readBack(text: string): number {
  const m = /^(?:(.+)元)?零?(?:([壹贰叁肆伍陆柒捌玖])角)?(?:([壹贰叁肆伍陆柒捌玖])分)?整?$/.exec(text);
  if (!m) throw new Error(`unreadable: ${text}`);
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of m[1] ?? '') {
    const d = DIGITS.indexOf(ch);
    if (d >= 0) digit = d;
    else if (PLACES[ch]) {
      section += digit * PLACES[ch];
      digit = 0;
    } else if (ch === '万') {
      total += (section + digit) * 10_000;
      section = digit = 0;
    } else if (ch === '亿') {
      total = (total + section + digit) * 100_000_000;
      section = digit = 0;
    } else throw new Error(`unexpected ${ch} in ${text}`);
  }
  const yuan = total + section + digit;
  return yuan * 100 + (m[2] ? DIGITS.indexOf(m[2]) * 10 : 0) + (m[3] ? DIGITS.indexOf(m[3]) : 0);
}

describe('fenInCapitals', () => {
  it.each([
    [1_000_000, '壹万元整'],
    [500_000, '伍仟元整'],
    [1_500_000, '壹万伍仟元整'],
    [1_200_000, '壹万贰仟元整'],
    [800_000, '捌仟元整'],
    [100, '壹元整'],
    [1_000, '壹拾元整'],
    [1_100, '壹拾壹元整'],
    [0, '零元整'],
  ])('writes the loan sizes of the programme: %i fen → %s', (fen, text) => {
    expect(fenInCapitals(fen)).toBe(text);
  });

  it('writes one 零 for a run of zeros inside the number, none at its end', () => {
    expect(fenInCapitals(1_000_500)).toBe('壹万零伍元整');
    expect(fenInCapitals(1_050_000)).toBe('壹万零伍佰元整');
    expect(fenInCapitals(10_050_000)).toBe('壹拾万零伍佰元整');
    expect(fenInCapitals(10_500_000)).toBe('壹拾万伍仟元整');
    expect(fenInCapitals(1_010_100)).toBe('壹万零壹佰零壹元整');
    expect(fenInCapitals(2_000_000_000)).toBe('贰仟万元整');
    expect(fenInCapitals(10_000_000_000)).toBe('壹亿元整');
    expect(fenInCapitals(10_001_000_000)).toBe('壹亿零壹万元整');
    expect(fenInCapitals(10_000_000_500)).toBe('壹亿零伍元整');
    expect(fenInCapitals(12_345_678_900)).toBe('壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元整');
  });

  it('writes 角 and 分: 整 after 元 or 角, none after 分, 零 for a missing 角', () => {
    expect(fenInCapitals(1_000_050)).toBe('壹万元伍角整');
    expect(fenInCapitals(1_000_055)).toBe('壹万元伍角伍分');
    expect(fenInCapitals(1_000_005)).toBe('壹万元零伍分');
    expect(fenInCapitals(50)).toBe('伍角整');
    expect(fenInCapitals(5)).toBe('伍分');
    expect(fenInCapitals(123_456)).toBe('壹仟贰佰叁拾肆元伍角陆分');
  });

  it('refuses what is not a whole non-negative number of fen', () => {
    expect(() => fenInCapitals(-1)).toThrow(RangeError);
    expect(() => fenInCapitals(1.5)).toThrow(RangeError);
    expect(() => fenInCapitals(Number.NaN)).toThrow(RangeError);
    expect(() => integerInCapitals(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
  });

  it('reads back to the same amount, never with two 零 in a row, for any amount the API accepts', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 0, max: 10_000_000_000 }),
          fc.integer({ min: 0, max: 2_000_000 }).map((y) => y * 100),
        ),
        (fen) => {
          const text = fenInCapitals(fen);
          expect(readBack(text)).toBe(fen);
          expect(text).not.toMatch(/零零/);
          if (fen >= 100) expect(text).not.toMatch(/^零|零元|零[万亿]/);
          expect(text.endsWith('分') || text.endsWith('整')).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads back every whole amount from 0 to 20,000 yuan', () => {
    for (let yuan = 0; yuan <= 20_000; yuan++) expect(readBack(fenInCapitals(yuan * 100))).toBe(yuan * 100);
  });
});
