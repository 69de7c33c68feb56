/**
 * The message catalogue covers every refusal the server can give, in all three languages:
 * the codes and rules are read from the source of `shared/` (TypeScript's own parser), so a
 * new error code without a catalogue entry fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { RESIDENT_ID_RULES } from '../../shared/domain/resident-id.ts';
import { blockerText, ERROR_MESSAGES, errorText, type Blocker } from '../../shared/i18n/errors.ts';
import { date, yuan, yuanRange } from '../../shared/i18n/format.ts';
import { HISTORY_MESSAGES, historyText, historyView } from '../../shared/i18n/history.ts';
import { LANGS, languageOf } from '../../shared/i18n/lang.ts';
import { EXCEPTION_KIND_WORDS, exceptionText } from '../../shared/i18n/exceptions.ts';
import { EXCEPTION_KINDS } from '../../shared/store/exceptions.ts';
import { SAMPLE } from './i18n-sample.ts';

const ERROR_CLASSES = new Set(['ValidationFailed', 'Conflict', 'Forbidden', 'NotFound', 'Unauthenticated', 'ConcurrentChange', 'ServiceUnavailable', 'RequestError']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The argument naming the rule, of the functions (and methods: `r.fail`) that refuse one row of an import (import-rows.ts, usecases/imports.ts, the ledger's ledger.ts). */
const ROW_RULE_ARGUMENT: Record<string, number> = { bad: 1, fail: 2, refusedFor: 2, refuse: 3 };
const calleeName = (call: ts.CallExpression) => (ts.isIdentifier(call.expression) ? call.expression.text : ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : undefined);

/** Every code and rule literal thrown in shared/: class codes, Conflict and RequestError codes, `rule:` values, contentError rules, import row rules. */
function keysThrownIn(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sourceFiles(dir)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const add = (node: ts.Node | undefined) => {
      if (node && ts.isStringLiteralLike(node)) found.set(node.text, `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
    };
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyDeclaration(node) && node.name.getText() === 'code') add(node.initializer);
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && ERROR_CLASSES.has(node.expression.text)) {
        if (node.expression.text === 'Conflict' || node.expression.text === 'RequestError') add(node.arguments?.[1]);
      }
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'contentError') add(node.arguments[1]);
      if (ts.isCallExpression(node)) {
        const name = calleeName(node);
        if (name && name in ROW_RULE_ARGUMENT) add(node.arguments[ROW_RULE_ARGUMENT[name]!]);
      }
      if (ts.isPropertyAssignment(node) && node.name.getText() === 'rule') add(node.initializer);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

const BLOCKER_RULES = ['notice_missing', 'notice_running', 'objections_open', 'objections_upheld', 'visits_missing', 'screening_failed', 'round_closed', 'capital_short', 'capital_short_or_closed'];

const TIBETAN = /[\u0F00-\u0FFF]/;
const HAN = /[\u4E00-\u9FFF]/;

describe('the error message catalogue', () => {
  const thrown = keysThrownIn(join(import.meta.dirname, '../../shared'));

  it('finds the codes and rules thrown in shared/ (the scan itself works)', () => {
    for (const key of [
      'validation_failed',
      'approval_blocked',
      'mother_has_open_case',
      'amount_out_of_range',
      'not_in_future',
      'date',
      'file_columns',
      'invalid_json',
      'import_amount_decimals',
      'import_one_of',
      'import_duplicate_in_file',
      'import_open_case_elsewhere',
      'import_out_of_time',
      // the ledger import: a method (r.fail), refuse(), problems with `rule:`, the use case's refusals, a sheet
      'ledger_whole_number',
      'ledger_guarantors_both',
      'ledger_round_repeated',
      'ledger_exceeds_balance',
      'ledger_status_mismatch',
      'ledger_open_case',
      'ledger_sheet_columns',
      'ledger_not_reconciled',
    ])
      expect([...thrown.keys()]).toContain(key);
  });

  it('has an entry in zh-CN, bo and en for every code and rule thrown in shared/', () => {
    const missing = [...thrown].filter(([key]) => !(key in ERROR_MESSAGES) && !BLOCKER_RULES.includes(key) && !key.startsWith('resident_id_')).map(([key, where]) => `${key} (${where})`);
    expect(missing).toEqual([]);
    for (const problem of Object.keys(RESIDENT_ID_RULES)) expect(ERROR_MESSAGES).toHaveProperty(`resident_id_${problem}`);
  });

  it('writes every entry in each language’s own script, with no placeholder left unfilled', () => {
    for (const key of Object.keys(ERROR_MESSAGES)) {
      for (const lang of LANGS) {
        const text = errorText(key, SAMPLE, lang, 'amountRequestedFen');
        expect(text, `${key} ${lang}`).toBeTruthy();
        expect(text, `${key} ${lang}`).not.toMatch(/undefined|NaN|\[object/);
        if (lang === 'bo') expect(text, `${key} bo`).toMatch(TIBETAN);
        if (lang === 'zh-CN') expect(text, `${key} zh-CN`).toMatch(HAN);
        if (lang === 'en') expect(text, `${key} en`).not.toMatch(HAN);
      }
    }
  });

  it('names every unmet approval condition in each language', () => {
    const blockers: Blocker[] = [
      { rule: 'notice_missing' },
      { rule: 'notice_running', endsOn: '2026-11-29' },
      { rule: 'objections_open', count: 1 },
      { rule: 'objections_upheld', count: 1 },
      { rule: 'visits_missing', count: 1, required: 2 },
      { rule: 'screening_failed', rules: ['willing_to_work'] },
      { rule: 'round_closed' },
      { rule: 'capital_short', availableFen: 100, amountFen: 200 },
      { rule: 'capital_short_or_closed', amountFen: 200 },
    ];
    expect(blockers.map((b) => b.rule).sort()).toEqual([...BLOCKER_RULES].sort());
    for (const b of blockers) {
      expect(blockerText(b, 'bo')).toMatch(TIBETAN);
      expect(blockerText(b, 'zh-CN')).toMatch(HAN);
    }
    expect(blockerText({ rule: 'notice_running', endsOn: '2026-11-29' }, 'zh-CN')).toBe('公示期至2026年11月29日才结束');
    expect(blockerText({ rule: 'screening_failed', rules: ['willing_to_work'] }, 'zh-CN')).toBe('资格审查未通过：劳动意愿');
  });

  it('writes the round’s range in yuan with separators: "申请金额必须在 5,000–15,000 元之间"', () => {
    expect(errorText('amount_out_of_range', { minFen: 500_000, maxFen: 1_500_000 }, 'zh-CN', 'amountRequestedFen')).toBe('申请金额必须在 5,000–15,000 元之间');
    expect(errorText('amount_out_of_range', { minFen: 500_000, maxFen: 1_500_000 }, 'bo', 'amountRequestedFen')).toContain('སྒོར་ 5,000–15,000');
  });

  it('keeps the English message of a code it does not know (another capability’s new error)', () => {
    expect(errorText('some_new_code', {}, 'zh-CN')).toBeUndefined();
  });
});

describe('formats', () => {
  it('money in yuan with separators, never fen', () => {
    expect(yuan(1_234_567, 'zh-CN')).toBe('12,345.67 元');
    expect(yuan(1_500_000, 'zh-CN')).toBe('15,000 元');
    expect(yuan(1_500_000, 'bo')).toBe('སྒོར་ 15,000');
    expect(yuan(1_500_000, 'en')).toBe('15,000 yuan');
    expect(yuanRange(500_000, 1_500_000, 'en')).toBe('5,000–15,000 yuan');
  });

  it('dates as people write them', () => {
    expect(date('2026-11-29', 'zh-CN')).toBe('2026年11月29日');
    expect(date('2026-01-05', 'zh-CN')).toBe('2026年1月5日');
    expect(date('2026-11-29', 'bo')).toBe('སྤྱི་ལོ་2026ལོའི་ཟླ་11ཚེས་29');
    expect(date('2026-11-29', 'en')).toBe('29 November 2026');
  });
});

describe('Accept-Language', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['bo', 'bo'],
    ['bo-CN,zh;q=0.5', 'bo'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['en;q=0.2, bo;q=0.8', 'bo'],
    ['fr, en;q=0.5', 'en'],
    ['de, fr', 'zh-CN'],
    ['en;q=0', 'zh-CN'],
    ['*', 'zh-CN'],
  ])('%s → %s', (header, lang) => {
    expect(languageOf(header)).toBe(lang);
  });
});

describe('history entries', () => {
  const actor = { userId: 'u1', username: 'clerk', role: 'district' as const, officeId: 'lhasa.chengguan' };

  it('render from action and params: yuan, dates as people write them, the actor’s display name', () => {
    const event = {
      at: '2026-11-29T02:00:00Z',
      actor: { ...actor, displayName: '李娟' },
      action: 'repayment',
      summary: '250000 fen repaid',
      params: { amountFen: 250_000, paidOn: '2026-11-28', receiptNo: 'SJ001', balanceAfterFen: 750_000, repaymentId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' },
    };
    const [zh] = historyView([event], 'zh-CN');
    expect(zh!.text).toBe('还款 2,500 元（2026年11月28日），收据号 SJ001，余额 7,500 元');
    expect(zh!.actorName).toBe('李娟');
    expect(historyText(event, 'en')).toBe('2,500 yuan repaid on 28 November 2026 (receipt SJ001); balance 7,500 yuan');
    expect(historyText(event, 'bo')).toMatch(/[\u0F00-\u0FFF]/);
  });

  it('render events stored in the old shape (figures under data) from what they have, without record ids', () => {
    const old = {
      at: '2025-01-01T00:00:00Z',
      actor,
      action: 'approved',
      summary: 'approved for 1000000 fen; loan 01ARZ3NDEKTSV4RRFFQ69G5FAV',
      data: { loanId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', amountFen: 1_000_000 },
    };
    expect(historyText(old, 'zh-CN')).toBe('批准贷款 10,000 元');
    expect(historyView([old], 'zh-CN')[0]!.actorName).toBe('clerk');
    const rejected = { at: '2025-01-01T00:00:00Z', actor, action: 'rejected', summary: 'rejected: 不符合条件' };
    expect(historyText(rejected, 'zh-CN')).toBe('不予批准');
  });

  it('shows the stored summary for an action the catalogue does not know (another capability’s new entry)', () => {
    expect(historyText({ action: 'something_new', summary: 'something new happened' }, 'zh-CN')).toBe('something new happened');
  });

  it('has every action the use cases write, in all three languages', () => {
    const written = new Set<string>();
    for (const file of sourceFiles(join(import.meta.dirname, '../../shared/usecases'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/historyItem\(\s*ctx,[^,]+,\s*(?:[^'?]*\?\s*)?'([a-z_]+)'(?:\s*:\s*'([a-z_]+)')?/g)) {
        written.add(m[1]!);
        if (m[2]) written.add(m[2]);
      }
    }
    expect(written.size).toBeGreaterThan(15);
    expect([...written].filter((a) => !(a in HISTORY_MESSAGES))).toEqual([]);
  });
});

describe('the exceptions report', () => {
  const samples: Record<(typeof EXCEPTION_KINDS)[number], Record<string, unknown>> = {
    back_dated: { what: 'repayment', paperDate: '2026-10-20', daysLate: 40 },
    duplicate_receipt: { receiptNo: 'NO.0001234', earlierRepaymentId: '01J', earlierLoanId: '01K' },
    cross_district_application: { submittingDistrictId: 'lhasa.chengguan', openCaseDistrictId: 'lhasa.duilongdeqing' },
    resident_id_revealed: { reason: '核对重复申请' },
    remittance_mismatch: { level: 'district_to_committee', amountFen: 3_690_000, sumOfRepaymentsFen: 3_700_000, differenceFen: -10_000 },
    bulk_id_check: { via: 'ledger_import', dryRun: true, rows: 2_000, ids: 1_998 },
    staff_changed: { change: 'moved', displayName: '蔡公堂乡 · 央金', role: 'township', officeId: 'lhasa.chengguan', fromOfficeId: 'lhasa.duilongdeqing' },
    settings_changed: { stage: 'proposed', changes: { separationOfDuties: { before: true, after: false } }, reason: '试点期间暂停四眼原则' },
    controls_off: { what: 'approval', controls: ['separationOfDuties'] },
    resident_id_burst: { count: 6, minutes: 10 },
    sms_failed: { messageKind: 'repayment', code: 'isv.MOBILE_NUMBER_ILLEGAL', refusal: 'invalid_number', attempts: 1 },
    sms_over_budget: { messageKind: 'due_reminder', code: 'monthly_cap', attempts: 1 },
    data_access_request: { applications: 2, loans: 1 },
    personal_data_corrected: { fields: ['name', 'phone'], reason: '身份证换发，姓名更正' },
  };
  const names: Record<string, string> = { 'lhasa.chengguan': '城关区项目办', 'lhasa.duilongdeqing': '堆龙德庆区项目办' };
  for (const kind of EXCEPTION_KINDS)
    it(`names and writes out "${kind}" in every language, without ids or fen`, () => {
      for (const lang of LANGS) {
        expect(EXCEPTION_KIND_WORDS[kind][lang]).toBeTruthy();
        const text = exceptionText({ kind, data: samples[kind] }, lang, (id) => names[id] ?? id);
        expect(text).not.toMatch(/lhasa\.|undefined|NaN|\bfen\b/);
        if (lang === 'zh-CN') expect(text).not.toMatch(/[a-z]{3,}/);
        if (lang === 'bo') expect(text).toMatch(/[\u0F00-\u0FFF]/);
      }
    });
  it('names every kind of entry that can be recorded late', () => {
    // the \`what\` of every recordEntry call in the use cases, literal or built from the evaluation kinds
    const sources = sourceFiles(join(import.meta.dirname, '../../shared/usecases')).map((f) => readFileSync(f, 'utf8'));
    const literal = sources.flatMap((src) => [...src.matchAll(/what: '([^']+)'/g)].map((m) => m[1]!));
    const built = sources.some((src) => /what: `\$\{input\.kind\} evaluation`/.test(src)) ? ['midterm', 'yearend', 'final'].map((k) => `${k} evaluation`) : [];
    expect(literal.length).toBeGreaterThan(5);
    for (const what of [...literal, ...built]) {
      const text = exceptionText({ kind: 'back_dated', data: { what, paperDate: '2026-10-20', daysLate: 9 } }, 'zh-CN', String);
      expect(text, what).not.toMatch(/[a-z]{3,}/);
    }
  });

  it('writes amounts in yuan and dates as people write them', () => {
    expect(exceptionText({ kind: 'remittance_mismatch', data: samples.remittance_mismatch }, 'zh-CN', String)).toBe('区交组委会：申报 36,900 元，所含还款合计 37,000 元，差额 -100 元');
    expect(exceptionText({ kind: 'back_dated', data: samples.back_dated }, 'zh-CN', String)).toBe('还款纸面日期 2026年10月20日，晚 40 天登记');
  });
});

describe('screening reasons', () => {
  it('every rule gives its reason in Tibetan script too', async () => {
    const { screen } = await import('../../shared/domain/screening.ts');
    const { screeningInput } = await import('./domain-fixtures.ts');
    for (const r of screen(screeningInput()).rules) expect(r.reasonBo, r.rule).toMatch(/[\u0F00-\u0FFF]/);
  });
});
