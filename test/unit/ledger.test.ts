/** The pure part of the ledger import: reading the four sheets, the ledger's own rules, totals against the paper, templates. */
import { describe, expect, it } from 'vitest';
import { ValidationFailed } from '../../shared/domain/errors.ts';
import { readTable } from '../../shared/domain/sheets.ts';
import { assembleLedger, grantsOf, MAX_REPAYMENTS_PER_LOAN, ledgerTotals, totalDifferences } from '../../shared/domain/ledger-assemble.ts';
import { readLedger, type LedgerEnv } from '../../shared/domain/ledger-read.ts';
import { LEDGER_COLUMNS } from '../../shared/domain/ledger-columns.ts';
import { ledgerRecordId } from '../../shared/domain/ledger-records.ts';
import { LEDGER_COLUMN_NOTES, templateRows } from '../../shared/domain/ledger-template.ts';
import { LEDGER_FILES } from '../../shared/domain/schemas/ledger-import.ts';
import type { Office } from '../../shared/domain/offices.ts';
import { ledgerTemplate } from '../../shared/http/ledger-templates.ts';
import { errorText } from '../../shared/i18n/errors.ts';
import { yuan } from '../../shared/i18n/format.ts';
import { ledgerRowErrorIn } from '../../shared/i18n/ledger-row-text.ts';
import { generateLedger } from '../support/ledger-fixture.ts';
import { motherKey } from '../../shared/store/keys.ts';
import { useMotherKey } from '../../shared/store/mother-key.ts';

useMotherKey('unit-test-mother-key');

const DISTRICT = 'lhasa.testdist';
const VILLAGES = [`${DISTRICT}.tw1.v1`, `${DISTRICT}.tw1.v2`, `${DISTRICT}.tw2.v3`];
const OFFICES: Office[] = [
  { id: DISTRICT, level: 'district', name: '测试区' },
  { id: `${DISTRICT}.tw1`, level: 'township', name: '一乡' },
  { id: `${DISTRICT}.tw2`, level: 'township', name: '二乡' },
  { id: VILLAGES[0]!, level: 'village', name: '一村' },
  { id: VILLAGES[1]!, level: 'village', name: '二村' },
  { id: VILLAGES[2]!, level: 'village', name: '三村' },
];
const TODAY = '2026-11-29';
const env: LedgerEnv = { districtId: DISTRICT, today: TODAY, districtOffices: OFFICES };

const run = (files: { rounds: string; loans: string; repayments: string; writeOffs?: string }) => {
  const read = readLedger({ format: 'csv', ...files }, env);
  return { read, ledger: assembleLedger(read, motherKey), figures: ledgerTotals(read) };
};

/** Changes one cell of a CSV file: the row whose cells include `match`, column `col` (0-based). */
function editCell(file: string, match: string, col: number, value: string): string {
  let done = false;
  const out = file
    .split('\r\n')
    .map((line) => {
      if (done || !line.includes(match)) return line;
      done = true;
      const cells = line.split(',');
      cells[col] = value;
      return cells.join(',');
    })
    .join('\r\n');
  if (!done) throw new Error(`no row with ${match}`);
  return out;
}

describe('a generated ledger of three rounds, 50 loans and about 300 repayments', () => {
  const gen = generateLedger({ villages: VILLAGES, today: TODAY, receiptPrefix: 'U' });

  it('is read whole: every row accepted, and the rows add up to the paper totals', () => {
    const { read, ledger, figures } = run(gen.files);
    const repayments = gen.loans.reduce((s, l) => s + l.repayments.length, 0);
    expect(repayments).toBeGreaterThanOrEqual(250);
    expect(ledger.verdicts.filter((v) => !v.ok)).toEqual([]);
    expect(ledger.verdicts).toHaveLength(3 + 50 + repayments + gen.loans.filter((l) => l.writeOff).length);
    expect(ledger.loans).toHaveLength(50);
    expect(read.rounds.every((r) => r.ok)).toBe(true);
    expect(figures.totals).toMatchObject(gen.declaredTotals);
    expect(totalDifferences(gen.declaredTotals, figures)).toEqual([]);
  });

  it('has a write-off, a repaid loan, open loans and a mother who borrowed twice', () => {
    const { ledger } = run(gen.files);
    expect(ledger.loans.some((l) => l.writeOff)).toBe(true);
    expect(ledger.loans.some((l) => l.writtenStatus === 'repaid')).toBe(true);
    expect(ledger.loans.filter((l) => l.writtenStatus === 'open').length).toBeGreaterThan(10);
    expect(new Set(ledger.loans.map((l) => l.mother.residentId)).size).toBe(49);
  });

  it('one fen less in a repayment is named: the round and the difference, whole ledger too', () => {
    const open = gen.loans.find((l) => l.round === 2 && l.repayments.length)!;
    const r = open.repayments[0]!;
    const yuanText = `${Math.trunc(r.amountFen / 100)}.${String(r.amountFen % 100).padStart(2, '0')}`;
    const less = `${Math.trunc((r.amountFen - 1) / 100)}.${String((r.amountFen - 1) % 100).padStart(2, '0')}`;
    const files = { ...gen.files, repayments: editCell(gen.files.repayments, `${r.receiptNo}`, 3, less) };
    expect(gen.files.repayments).toContain(yuanText);
    const { ledger, figures } = run(files);
    expect(ledger.verdicts.filter((v) => !v.ok)).toEqual([]);
    const differences = totalDifferences(gen.declaredTotals, figures);
    expect(differences).toContainEqual({ round: '台账第3轮', field: 'repaidFen', declaredFen: figures.rounds[2]!.repaidFen + 1, computedFen: figures.rounds[2]!.repaidFen, differenceFen: -1 });
    expect(differences).toContainEqual({ field: 'repaidFen', declaredFen: gen.declaredTotals.repaidFen, computedFen: gen.declaredTotals.repaidFen - 1, differenceFen: -1 });
    expect(differences).toContainEqual(expect.objectContaining({ round: '台账第3轮', field: 'outstandingFen', differenceFen: 1 }));
    // said in the caller's language: the round, yuan with separators, the signed difference
    const round = figures.rounds[2]!;
    const zh = errorText('ledger_not_reconciled', { differences }, 'zh-CN')!;
    expect(zh).toContain(`“台账第3轮”：累计还款 纸面 ${yuan(round.repaidFen + 1, 'zh-CN')}，逐行合计 ${yuan(round.repaidFen, 'zh-CN')}，相差 -0.01 元`);
    expect(zh).toContain(`“台账第3轮”：未还余额 纸面 ${yuan(round.outstandingFen - 1, 'zh-CN')}，逐行合计 ${yuan(round.outstandingFen, 'zh-CN')}，相差 +0.01 元`);
    expect(zh).toContain('整本台账：累计还款');
    expect(errorText('ledger_not_reconciled', { differences }, 'en')).toContain('round "台账第3轮": repaid');
  });
});

describe('the ledger’s own rules', () => {
  const gen = generateLedger({ villages: VILLAGES, today: TODAY, loans: 9, repayments: 27, receiptPrefix: 'V' });
  const refusal = (ledger: ReturnType<typeof run>['ledger'], file: string, row: number) => ledger.verdicts.find((v) => v.file === file && v.row === row);

  it('a status that the money contradicts is refused, naming both', () => {
    const repaid = gen.loans.findIndex((l) => !l.writeOff && l.repayments.reduce((s, r) => s + r.amountFen, 0) === l.principalFen);
    const files = { ...gen.files, loans: editCell(gen.files.loans, gen.loans[repaid]!.residentId, 12, '在贷') };
    const { ledger } = run(files);
    const error = refusal(ledger, 'loans', repaid + 2)?.errors?.[0];
    expect(error).toMatchObject({ field: 'status', rule: 'ledger_status_mismatch', params: { written: 'open', actual: 'repaid', writtenOff: false } });
    // said in the caller's language, the column by the template's header, money in yuan
    const principal = gen.loans[repaid]!.principalFen;
    expect(ledgerRowErrorIn('loans', error!, 'zh-CN').message).toBe(`状态写的是“在贷”，但按金额应为“已还清”：借款 ${yuan(principal, 'zh-CN')}，已还 ${yuan(principal, 'zh-CN')}`);
    expect(ledgerRowErrorIn('loans', error!, 'en').message).toContain('状态 says open but the money says repaid');
    // its repayments go with it: no money without its loan
    expect(ledger.verdicts.filter((v) => v.file === 'repayments' && !v.ok).length).toBe(gen.loans[repaid]!.repayments.length);
  });

  it('a repayment over the balance, a write-off of less than the balance and a receipt used twice are refused', () => {
    const l = gen.loans.find((x) => x.writeOff)!;
    const files = {
      ...gen.files,
      writeOffs: editCell(gen.files.writeOffs, l.residentId, 3, '1.00'),
      repayments: editCell(gen.files.repayments, gen.loans[0]!.repayments[1]!.receiptNo, 4, gen.loans[0]!.repayments[0]!.receiptNo),
    };
    const { ledger } = run(files);
    const bad = ledger.verdicts.filter((v) => !v.ok).flatMap((v) => v.errors!.map((e) => `${v.file}.${e.field}: ${e.rule}`));
    expect(bad).toContain('writeOffs.amountYuan: ledger_write_off_balance');
    expect(bad).toContain('repayments.receiptNo: ledger_receipt_repeated');

    const first = gen.loans[0]!.repayments[0]!;
    const over = editCell(gen.files.repayments, first.receiptNo, 3, '99999.00');
    const refused = run({ ...gen.files, repayments: over }).ledger.verdicts.find((v) => v.file === 'repayments' && v.errors?.[0]?.rule === 'ledger_exceeds_balance');
    expect(refused?.errors?.[0]?.params).toEqual({ balanceFen: gen.loans[0]!.principalFen, date: first.paidOn });
    const [y, m, d] = first.paidOn.split('-').map(Number);
    expect(ledgerRowErrorIn('repayments', refused!.errors![0]!, 'zh-CN').message).toBe(`还款金额(元)超过了${y}年${m}月${d}日的未还余额 ${yuan(gen.loans[0]!.principalFen, 'zh-CN')}`);
  });

  it('dates in the future and a loan in a round the rounds sheet lacks are refused', () => {
    const files = { ...gen.files, loans: editCell(editCell(gen.files.loans, gen.loans[0]!.residentId, 8, '2099-01-01'), gen.loans[2]!.residentId, 1, '第九轮') };
    const { ledger } = run(files);
    expect(refusal(ledger, 'loans', 2)?.errors?.[0]).toMatchObject({ field: 'disbursedOn', rule: 'not_in_future', params: { today: TODAY } });
    expect(ledgerRowErrorIn('loans', refusal(ledger, 'loans', 2)!.errors![0]!, 'zh-CN').message).toBe('发放日期不能晚于今天（2026年11月29日）');
    expect(refusal(ledger, 'loans', 4)?.errors?.[0]).toMatchObject({ field: 'round', rule: 'ledger_round_unknown', params: { round: '第九轮' } });
    expect(ledgerRowErrorIn('loans', refusal(ledger, 'loans', 4)!.errors![0]!, 'zh-CN')).toMatchObject({ column: '轮次名称', message: '轮次名称“第九轮”不在轮次表中' });
  });

  it('a sheet without its header is refused whole, naming the sheet', () => {
    expect(() => run({ ...gen.files, repayments: '甲,乙\r\n1,2\r\n' })).toThrow(ValidationFailed);
    try {
      run({ ...gen.files, repayments: '甲,乙\r\n1,2\r\n' });
    } catch (error) {
      expect((error as ValidationFailed).field).toBe('repayments');
      expect((error as Error).message).toContain('还款');
      const { rule, params } = error as ValidationFailed;
      expect(rule).toBe('ledger_sheet_no_header');
      expect(errorText(rule!, params, 'zh-CN')).toBe('还款表没有表头：第一行应写出各列名称，如 身份证号、轮次名称、还款日期、还款金额(元)、收据号');
    }
  });

  it('a loan with more repayments than one transaction can hold is refused, naming the limit', () => {
    const many = generateLedger({ villages: VILLAGES, today: TODAY, rounds: 1, loans: 1, repayments: MAX_REPAYMENTS_PER_LOAN + 1, receiptPrefix: 'M' });
    expect(many.loans[0]!.repayments).toHaveLength(MAX_REPAYMENTS_PER_LOAN + 1);
    const { ledger } = run(many.files);
    expect(ledger.loans).toEqual([]);
    const error = ledger.verdicts.find((v) => v.file === 'loans')?.errors?.[0];
    expect(error).toMatchObject({ field: 'row', rule: 'ledger_too_many_repayments', params: { count: MAX_REPAYMENTS_PER_LOAN + 1, max: MAX_REPAYMENTS_PER_LOAN } });
    expect(ledgerRowErrorIn('loans', error!, 'en').message).toContain(`at most ${MAX_REPAYMENTS_PER_LOAN} per loan`);
  });

  it('ids are the same every time the ledger is read, and differ between records', () => {
    expect(run(gen.files).ledger.loans.map((l) => l.id)).toEqual(run(gen.files).ledger.loans.map((l) => l.id));
    expect(ledgerRecordId('2024-01-02', 'x')).not.toBe(ledgerRecordId('2024-01-02', 'y'));
    expect(ledgerRecordId('2024-01-02', 'x')).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(ledgerRecordId('2024-01-02', 'x') < ledgerRecordId('2024-01-03', 'x')).toBe(true);
  });

  it('a round without its grant gets what the fund lacked when it opened', () => {
    const { ledger } = run(gen.files);
    const rounds = ledger.rounds.map(({ grantFen: _g, ...r }) => r);
    const grants = grantsOf(rounds, ledger.loans, 0);
    const [first, second] = rounds;
    expect(grants.get(first!.id)).toBe(first!.capitalFen);
    const recovered = ledger.loans
      .filter((l) => l.roundId === first!.id)
      .flatMap((l) => l.repayments)
      .filter((r) => r.paidOn < second!.openedOn)
      .reduce((s, r) => s + r.amountFen, 0);
    // the first round closed before the second opened: its unused capital was back in the fund
    const unused = first!.closedOn! < second!.openedOn ? first!.capitalFen - ledger.loans.filter((l) => l.roundId === first!.id).reduce((s, l) => s + l.principalFen, 0) : 0;
    expect(grants.get(second!.id)).toBe(Math.max(0, second!.capitalFen - recovered - unused));
  });
});

describe('templates', () => {
  it('the CSV template reads back: notes and the example row are skipped, the header is found', () => {
    for (const kind of ['rounds', 'loans', 'repayments', 'writeOffs'] as const) {
      const csv = ledgerTemplate(kind, 'csv').body;
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      expect(csv).toContain('示例');
    }
    const read = readLedger({ format: 'csv', rounds: ledgerTemplate('rounds', 'csv').body, loans: ledgerTemplate('loans', 'csv').body, repayments: ledgerTemplate('repayments', 'csv').body }, env);
    expect(read.rounds).toEqual([]);
    expect(read.loans).toEqual([]);
  });

  it('the Excel template is a workbook the import reads, every cell text', () => {
    const file = ledgerTemplate('loans', 'xlsx');
    expect(file.encoding).toBe('base64');
    const table = readTable({ format: 'xlsx', content: file.body });
    expect(table.rows[1]!.cells.slice(0, 4)).toEqual(['序号', '轮次名称', '姓名', '身份证号']);
    expect(table.rows[2]!.cells[3]).toBe('540102198503154223');
  });

  it('gives every column of every sheet a note and an example, and notes no column the sheet does not have', () => {
    for (const kind of LEDGER_FILES) {
      const [notes, header, example] = templateRows(kind);
      expect(header!.slice(1)).toEqual(LEDGER_COLUMNS[kind].map((c) => c.zh));
      expect(notes!.every((n) => n.trim() !== '') && example!.every((e) => e.trim() !== '')).toBe(true);
      expect(Object.keys(LEDGER_COLUMN_NOTES[kind]).sort()).toEqual(LEDGER_COLUMNS[kind].map((c) => c.key).sort());
    }
  });
});
