/** The repayment card's lines, dates as written in Chinese and Tibetan, and the typed bilingual word table. */
import { describe, expect, it } from 'vitest';
import { repaymentCardLines } from '../../web/src/print/card.ts';
import { biDate, boDate, tibetanDigits, zhDate } from '../../web/src/print/dates.ts';
import { say, WORDS } from '../../web/src/print/words.ts';
import { repayments } from './print-fixtures.ts';

describe('repaymentCardLines', () => {
  it('lists repayments in the order paid, then empty lines to fill by hand', () => {
    const lines = repaymentCardLines(repayments, 649_950, 10);

    expect(lines.map((l) => l.repayment?.receiptNo)).toEqual(['CGT-2027-0003', 'CGT-2027-0012', ...Array(8).fill(undefined)]);
    expect(lines.map((l) => l.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('keeps at least two empty lines however many repayments there are', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ ...repayments[0]!, id: `r${i}`, receiptNo: `R-${i + 1}`, paidOn: '2027-01-01' }));

    const lines = repaymentCardLines(many, 100, 10);

    expect(lines).toHaveLength(14);
    expect(lines.slice(0, 3).map((l) => l.repayment?.receiptNo)).toEqual(['R-1', 'R-2', 'R-3']);
  });

  it('has no empty lines once the loan is repaid', () => {
    expect(repaymentCardLines(repayments, 0)).toHaveLength(2);
  });
});

describe('dates', () => {
  it('writes a date as in China and in Tibetan with Tibetan digits', () => {
    expect(zhDate('2026-11-29')).toBe('2026年11月29日');
    expect(boDate('2026-11-29')).toBe('སྤྱི་ལོ་༢༠༢༦ ཟླ་༡༡ ཚེས་༢༩');
    expect(boDate('2027-05-02')).toBe('སྤྱི་ལོ་༢༠༢༧ ཟླ་༥ ཚེས་༢');
    expect(tibetanDigits(1_234_567_890)).toBe('༡༢༣༤༥༦༧༨༩༠');
  });

  it('gives blanks to fill in by hand when there is no date yet, and refuses what is not a date', () => {
    expect(biDate(undefined).zh).toMatch(/^＿+年＿+月＿+日$/);
    expect(() => boDate('29/11/2026')).toThrow(RangeError);
  });
});

describe('words', () => {
  const entries = Object.entries(WORDS);

  it('has every string in Tibetan script and in Chinese', () => {
    for (const [key, w] of entries) {
      expect(w.bo, key).toMatch(/[\u0F40-\u0FBC]/u);
      expect(w.bo, key).not.toMatch(/[\u4E00-\u9FFF]/u);
      expect(w.zh, key).toMatch(/[\u4E00-\u9FFF]/u);
    }
  });

  it('has the same placeholders in both languages', () => {
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, w] of entries) expect(holes(w.bo), key).toEqual(holes(w.zh));
  });

  it('uses the plain Tibetan names of the documents', () => {
    expect(WORDS.notice_title.bo).toContain('གསལ་བསྒྲགས');
    expect(WORDS.ag_title.bo).toContain('བུ་ལོན་གྱི་གྲོས་མཐུན');
    expect(WORDS.rc_title.bo).toContain('འཛིན་ཤོག');
  });

  it('fills placeholders in both languages', () => {
    expect(say('months_n', { n: 24 })).toEqual({ bo: 'ཟླ་བ་ 24', zh: '24 个月' });
  });
});
