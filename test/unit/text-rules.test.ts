/** The one normalisation of receipt numbers, and the deny-list of invisible characters shared by every text field. */
import { describe, expect, it } from 'vitest';
import { RepaymentInput, text } from '../../shared/domain/schemas.ts';
import { hiddenCharacter, normalizeReceiptNo, receiptNoProblem } from '../../shared/domain/text-rules.ts';
import { keys } from '../../shared/store/keys.ts';

/** The seven look-alike spellings of `SJ-001` reported in issue 18. */
export const LOOK_ALIKES = ['S\u200DJ-001', 'S\u200CJ-001', 'S\u2063J-001', 'S\u034FJ-001', 'SJ\uFE0F-001', '\u0405\u0408-001', 'SJ\u2010001'];

describe('receipt numbers', () => {
  it('the seven look-alike spellings of a receipt are the same number (and key) as the receipt', () => {
    for (const v of LOOK_ALIKES) {
      expect(normalizeReceiptNo(v), JSON.stringify(v)).toBe('SJ-001');
      expect(keys.receipt('lhasa.chengguan.caigongtang', v)).toEqual(keys.receipt('lhasa.chengguan.caigongtang', 'SJ-001'));
    }
  });

  it('case, spaces, full-width forms, other dashes and slashes, Greek and Cyrillic capitals do not make another number', () => {
    expect(normalizeReceiptNo(' ｓｊ－００１ ')).toBe('SJ-001');
    expect(normalizeReceiptNo('CG\u22122023\u20140012')).toBe('CG-2023-0012');
    expect(normalizeReceiptNo('CG\u2215\u0410\u0412\u0421')).toBe('CG/ABC');
    expect(normalizeReceiptNo('\u039A\u039C\u039D\u039F\u03A1-1')).toBe('KMNOP-1');
    expect(normalizeReceiptNo('\u{E0041}SJ-001\u{E007F}')).toBe('SJ-001');
    // the keys of numbers typed plainly are what they always were
    expect(normalizeReceiptNo('cgt-2022-0109')).toBe('CGT-2022-0109');
    expect(normalizeReceiptNo('账123-4')).toBe('账123-4');
  });

  it('refuses what is left outside letters A–Z, Chinese characters, digits, "-" and "/", naming the characters', () => {
    expect(receiptNoProblem('SJ-001')).toBeUndefined();
    expect(receiptNoProblem('账2023/12')).toBeUndefined();
    expect(receiptNoProblem('NO.0012')).toEqual({ rule: 'receipt_characters', characters: ['.'] });
    expect(receiptNoProblem('SJ_Д1')).toEqual({ rule: 'receipt_characters', characters: ['_', 'Д'] });
    expect(receiptNoProblem('١٢٣')).toMatchObject({ rule: 'receipt_characters' });
    expect(receiptNoProblem('\u200D\u2063')).toEqual({ rule: 'not_empty' });
  });

  it('the repayment schema names the rule on receiptNo', () => {
    const parsed = RepaymentInput.safeParse({ paidOn: '2026-01-02', amountFen: 100, receiptNo: 'NO.12' });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path: ['receiptNo'], params: { rule: 'receipt_characters', characters: ['.'] } });
    expect(RepaymentInput.safeParse({ paidOn: '2026-01-02', amountFen: 100, receiptNo: '\u0405\u0408-001' }).success).toBe(true);
  });
});

describe('invisible characters in text', () => {
  const names = ['卓\u200D玛', '卓\u2063玛', '卓\u3164玛', '卓玛\u{E0041}', '卓玛\uFE0F', '卓\u034F玛', '卓\u200C玛', '卓\u200B玛', '卓玛\u202E', '卓\u00AD玛', '卓\uFFFD玛'];

  it('every default-ignorable, format and replaced character is found', () => {
    for (const n of names) expect(hiddenCharacter(n), JSON.stringify(n)).toBeDefined();
    expect(hiddenCharacter('\uFEFF卓玛')).toBeUndefined();
  });

  it('the schemas’ text fields refuse them with rule hidden_characters, naming the character', () => {
    for (const n of names.slice(0, 7)) {
      const parsed = text(60).safeParse(n);
      expect(parsed.success, JSON.stringify(n)).toBe(false);
      expect(parsed.error!.issues.map((i) => (i as { params?: { rule?: string } }).params?.rule)).toContain('hidden_characters');
    }
  });

  it('Tibetan, Chinese and English text passes: Tibetan needs no joiners', () => {
    for (const t of ['བཀྲ་ཤིས་སྒྲོལ་མ།', 'ཚེ་རིང་དབང་མོ་', '༄༅། །བོད་ཀྱི་', '卓玛·次仁', 'Dolma Tsering', '拉萨市城关区蔡公堂乡']) {
      expect(hiddenCharacter(t), t).toBeUndefined();
      expect(text(60).safeParse(t).success, t).toBe(true);
    }
  });
});
