/**
 * The web app's words and numbers: every translation carries the placeholders of its Chinese
 * source; money and dates are written as people in China write them; the API's own schemas,
 * run in a form, word their problems in the UI language.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApplicationInput, EvaluationInput, RepaymentInput } from '../../shared/domain/schemas.ts';
import { bo } from '../../web/src/i18n/bo.ts';
import { en } from '../../web/src/i18n/en.ts';
import { date, fenToYuanText, moment, parseYuan, yuan } from '../../web/src/i18n/format.ts';
import { zhCNCommittee } from '../../web/src/i18n/zh-CN.committee.ts';
import { zhCNDistrict } from '../../web/src/i18n/zh-CN.district.ts';
import { zhCNImports } from '../../web/src/i18n/zh-CN.imports.ts';
import { zhCNFind } from '../../web/src/i18n/zh-CN.find.ts';
import { zhCNLedger } from '../../web/src/i18n/zh-CN.ledger.ts';
import { zhCNRounds } from '../../web/src/i18n/zh-CN.rounds.ts';
import { zhCNMoney } from '../../web/src/i18n/zh-CN.money.ts';
import { zhCNSettings } from '../../web/src/i18n/zh-CN.settings.ts';
import { zhCNChecks } from '../../web/src/i18n/zh-CN.checks.ts';
import { zhCNOutreach } from '../../web/src/i18n/zh-CN.outreach.ts';
import { zhCNProgramme } from '../../web/src/i18n/zh-CN.programme.ts';
import { zhCNSms } from '../../web/src/i18n/zh-CN.sms.ts';
import { zhCNEvaluationReports } from '../../web/src/i18n/zh-CN.evaluation-reports.ts';
import { zhCNEdges } from '../../web/src/i18n/zh-CN.edges.ts';
import { zhCNPersonalData } from '../../web/src/i18n/zh-CN.personal-data.ts';
import { zhCN, type MessageKey } from '../../web/src/i18n/zh-CN.ts';
import { interpolate, translator } from '../../web/src/i18n/catalogue.ts';
import { issueText, schemaResolver, splitNames, withoutBlanks } from '../../web/src/ui/schema-messages.ts';

const chinese: Record<string, string> = {
  ...zhCN,
  ...zhCNDistrict,
  ...zhCNCommittee,
  ...zhCNLedger,
  ...zhCNFind,
  ...zhCNMoney,
  ...zhCNImports,
  ...zhCNRounds,
  ...zhCNSettings,
  ...zhCNChecks,
  ...zhCNOutreach,
  ...zhCNProgramme,
  ...zhCNSms,
  ...zhCNEvaluationReports,
  ...zhCNEdges,
  ...zhCNPersonalData,
};
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalogues', () => {
  it('English has every Chinese key, with the same placeholders', () => {
    // prepare: the keys of both
    const keys = Object.keys(chinese);
    // act / assert
    expect(Object.keys(en).sort()).toEqual(keys.sort());
    for (const k of keys) expect(placeholders(en[k as MessageKey]), k).toEqual(placeholders(chinese[k]!));
  });

  it('Tibetan is written in Tibetan script and keeps the placeholders of the Chinese it replaces', () => {
    const entries = Object.entries(bo);
    expect(entries.length).toBeGreaterThan(150);
    for (const [k, text] of entries) {
      expect(placeholders(text), k).toEqual(placeholders(chinese[k]!));
      expect(text, k).toMatch(/[\u0F00-\u0FFF]/);
      expect(text, k).not.toMatch(/[\u4E00-\u9FFF]/);
    }
  });

  it('falls back to Chinese for words not yet translated, and fills placeholders', () => {
    const t = translator({ f_more: 'ད་དུང་ {n} ཡོད།' });
    expect(t('f_more', { n: 3 })).toBe('ད་དུང་ 3 ཡོད།');
    expect(t('sign_in')).toBe('登录');
    expect(interpolate('{a} / {b}', { a: 1 })).toBe('1 / {b}');
  });
});

describe('money and dates', () => {
  it('writes yuan with separators from integer fen', () => {
    expect(yuan(1_234_560)).toBe('¥12,345.60');
    expect(yuan(1_000_000)).toBe('¥10,000');
    expect(yuan(5)).toBe('¥0.05');
    expect(yuan(-250)).toBe('-¥2.50');
    expect(yuan(undefined)).toBe('—');
  });

  it('reads back what it writes, to the fen, for any amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (fen) => {
        expect(parseYuan(fenToYuanText(fen))).toBe(fen);
        expect(parseYuan(yuan(fen))).toBe(fen);
      }),
    );
  });

  it('refuses what is not an amount', () => {
    for (const text of ['', 'abc', '1.234', '1,00', '-5', '1e3']) expect(parseYuan(text), text).toBeUndefined();
  });

  it('writes dates as people write them in each language, and moments on a clock in China', () => {
    expect(date('2026-05-03', 'zh')).toBe('2026年5月3日');
    expect(date('2026-05-03', 'bo')).toBe('སྤྱི་ལོ་2026 ཟླ་5 ཚེས་3');
    expect(date('2026-05-03', 'en')).toBe('3 May 2026');
    // 20:30 UTC is 04:30 the next morning in Lhasa (China time)
    expect(moment('2026-05-03T20:30:00Z', 'zh')).toBe('5月4日 04:30');
  });
});

describe('forms on the API schemas', () => {
  const t = translator(chinese);
  const resolve = async <O>(schema: import('zod/mini').ZodMiniType<O>, values: Record<string, unknown>, prepare?: (f: Record<string, unknown>) => unknown) => {
    const result = await schemaResolver(schema, t, prepare)(values, undefined, { fields: {}, shouldUseNativeValidation: false });
    return result.errors as Record<string, { message?: string } & Record<string, { message?: string }>>;
  };

  it('words each problem of an evaluation in Chinese, on its field', async () => {
    const errors = await resolve(EvaluationInput, {
      kind: 'midterm',
      evaluatedOn: '2026-05-03',
      fundUse: '  ',
      progress: 'x'.repeat(2001),
      operatingState: '良好',
      incomeToDateFen: Number.NaN,
      forecastFen: 100,
      methods: [],
    });
    expect(errors.fundUse?.message).toBe('请填写');
    expect(errors.progress?.message).toBe('最多 2000 字');
    expect(errors.incomeToDateFen?.message).toBe('请输入金额（元），最多两位小数');
    expect(errors.methods?.message).toBe('至少选一项');
  });

  it('catches a wrong resident ID number with the check the API makes, in words', async () => {
    const errors = await resolve(ApplicationInput, { mother: { name: '德吉', residentId: '540102199001011235' } });
    expect(errors.mother?.residentId?.message).toBe('身份证号码有误');
  });

  it('drops blank optional texts, so an empty box is "not given" rather than "too short"', async () => {
    expect(withoutBlanks({ a: ' ', b: 'x', c: { d: '', e: 1 } })).toEqual({ b: 'x', c: { e: 1 } });
    const errors = await resolve(RepaymentInput, { paidOn: '2026-05-03', amountFen: 0, receiptNo: '' });
    expect(errors.amountFen?.message).toBe('不能少于 ¥0.01');
    expect(errors.receiptNo?.message).toBe('请填写');
  });

  it('names the characters a receipt number may not hold, and a hidden one, not just "invalid"', async () => {
    const errors = await resolve(RepaymentInput, { paidOn: '2026-05-03', amountFen: 100, receiptNo: 'NO.0012#' });
    expect(errors.receiptNo?.message).toBe('收据号只能包含字母 A–Z、汉字、数字、“-”和“/”，不能有：. #');
    const english = translator(en);
    const issue = { code: 'custom', path: ['receiptNo'], message: 'x', input: 'NO.1', params: { rule: 'receipt_characters', characters: ['.'] } } as unknown as Parameters<typeof issueText>[0];
    expect(issueText(issue, english)).toBe('A receipt number may hold only letters A–Z, Chinese characters, digits, “-” and “/”; not: .');
    const hidden = await resolve(ApplicationInput, { mother: { name: '德\u200D吉' } });
    expect(hidden.mother?.name?.message).toMatch(/^不能包含看不见的字符（U\+200D/);
  });

  it('splits names typed in one box', () => {
    expect(splitNames('达瓦、王丽, 扎西；\n')).toEqual(['达瓦', '王丽', '扎西']);
  });

  it('names every issue kind without the schema English', () => {
    const issue = { code: 'too_big', origin: 'number', maximum: 1_500_000, path: ['amountFen'], message: 'must be at most', input: 2_000_000 } as unknown as Parameters<typeof issueText>[0];
    expect(issueText(issue, t)).toBe('不能超过 ¥15,000');
  });
});
