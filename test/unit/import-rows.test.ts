/** The pure part of the import: CSV and .xlsx reading, headers, yuan → fen, row mapping and checks. */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ValidationFailed } from '../../shared/domain/errors.ts';
import { importedApplicationId } from '../../shared/domain/imported-ids.ts';
import { locateColumns, prepareImport, type ImportEnv } from '../../shared/domain/import-rows.ts';
import {
  MAX_SHEET_ROWS,
  MAX_SHEET_CELLS,
  MAX_SHARED_STRINGS,
  EXTRA_COLUMNS,
  excelNumberText,
  excelSerialDate,
  normalizeDate,
  parseCsv,
  readCsv,
  readTable,
  readXlsx,
  villageDirectory,
  yuanToFen,
} from '../../shared/domain/sheets.ts';
import type { Office } from '../../shared/domain/offices.ts';
import { MAX_FEN } from '../../shared/domain/schemas.ts';
import { importRowErrorIn } from '../../shared/i18n/import-row-text.ts';
import { residentIdCheckChar } from '../../shared/domain/resident-id.ts';
import { motherKey } from '../../shared/store/keys.ts';
import { base64Of, wideRowWorkbook } from '../support/hostile-workbooks.ts';
import { COLUMN_KEYS } from '../../shared/domain/import-schemas.ts';
import { useMotherKey } from '../../shared/store/mother-key.ts';

useMotherKey('unit-test-mother-key');

const idOf = (first17: string) => first17 + residentIdCheckChar(first17);
const ID_A = idOf('54010219850101123');
const ID_B = idOf('54010219900215456');
const ID_C = idOf('54010219881130789');
const badChecksum = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

const ROUND_ID = '01JABCDEFGHJKMNPQRSTVWXYZ0';

const OFFICES: Office[] = [
  { id: 'lhasa.chengguan', level: 'district', name: '城关区项目办' },
  { id: 'lhasa.chengguan.caigongtang', level: 'township', name: '蔡公堂乡' },
  { id: 'lhasa.chengguan.caigongtang.zhiba', level: 'village', name: '支巴村', nameEn: 'Zhiba Village' },
  { id: 'lhasa.chengguan.caigongtang.baiding', level: 'village', name: '白定村' },
  { id: 'lhasa.chengguan.niangre', level: 'township', name: '娘热乡' },
  { id: 'lhasa.chengguan.niangre.minzu', level: 'village', name: '民族村' },
  { id: 'lhasa.chengguan.niangre.baiding', level: 'village', name: '白定村' },
];

const env = (overrides: Partial<ImportEnv> = {}): ImportEnv => ({
  roundId: ROUND_ID,
  districtId: 'lhasa.chengguan',
  roundOpenedOn: '2025-01-01',
  callerOfficeId: 'lhasa.chengguan.caigongtang',
  today: '2026-06-01',
  districtOffices: OFFICES,
  motherId: motherKey,
  ...overrides,
});

const HEADER_ZH = '姓名,身份证号,村,家庭人口,家庭年收入(元),村人均收入(元),计生情况,项目类型,项目说明,预计年收益(元),申请金额(元),申请日期,同意书日期,告知人,电话';
const HEADER_EN =
  'name,residentId,villageId,householdSize,householdAnnualIncomeYuan,villagePerCapitaIncomeYuan,familyPlanning,projectType,projectDescription,expectedAnnualReturnYuan,amountRequestedYuan,submittedOn,consentOn,consentTakenBy,phone';
const row = (id: string, overrides: Partial<Record<string, string>> = {}) => {
  const v = {
    name: '次仁卓玛',
    id,
    village: 'lhasa.chengguan.caigongtang.zhiba',
    size: '5',
    income: '"12,000.00"',
    perCapita: '4000',
    fp: '双女户',
    type: '养殖',
    desc: '养殖牦牛十头',
    ret: '8000.5',
    amount: '"10,000"',
    date: '2026/3/1',
    consentOn: '2026/3/1',
    consentTakenBy: '格桑',
    phone: '13800138000',
    ...overrides,
  };
  return [v.name, v.id, v.village, v.size, v.income, v.perCapita, v.fp, v.type, v.desc, v.ret, v.amount, v.date, v.consentOn, v.consentTakenBy, v.phone].join(',');
};

function contentError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).field).toBe('content');
    return (error as Error).message;
  }
  throw new Error('expected a ValidationFailed on content');
}

describe('yuanToFen: yuan as written to integer fen, exactly', () => {
  it.each([
    ['0.1', 10],
    ['0.01', 1],
    ['1', 100],
    ['1.5', 150],
    ['1,234.56', 123_456],
    ['10,000.50', 1_000_050],
    ['1,000,000', 100_000_000],
    ['12000', 1_200_000],
    [' 8000.05 ', 800_005],
    ['¥1,234.5', 123_450],
    ['￥3,000', 300_000],
    ['5000元', 500_000],
    ['１２００', 120_000],
    ['0', 0],
    ['007.10', 710],
    ['100000000', 10_000_000_000],
  ])('%s yuan → %i fen', (text, fen) => {
    expect(yuanToFen(text)).toEqual({ ok: true, value: fen });
  });

  it.each([
    ['1.234', 'at most 2 decimal places'],
    ['0.001', 'at most 2 decimal places'],
    ['-5', 'must not be negative'],
    ['-0.50', 'must not be negative'],
    ['', 'is required'],
    ['   ', 'is required'],
    ['abc', 'must be an amount in yuan'],
    ['1,23', 'must be an amount in yuan'],
    ['12,0000', 'must be an amount in yuan'],
    ['1.', 'must be an amount in yuan'],
    ['.5', 'must be an amount in yuan'],
    ['1e3', 'must be an amount in yuan'],
    ['1 000', 'must be an amount in yuan'],
    ['100000000.01', 'must be at most'],
    ['99999999999999999999', 'must be at most'],
  ])('refuses %j (%s)', (text, message) => {
    const parsed = yuanToFen(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.message).toContain(message);
  });

  it('refuses zero where at least one fen is needed', () => {
    expect(yuanToFen('0', { min: 1 })).toEqual({ ok: false, message: 'must be more than 0 yuan', rule: 'import_amount_positive', params: {} });
    expect(yuanToFen('0.01', { min: 1 })).toEqual({ ok: true, value: 1 });
  });

  it('is exact where floats are not (0.1 + 0.2, 1.005, 4.35 × 100)', () => {
    expect(yuanToFen('0.30')).toEqual({ ok: true, value: 30 });
    expect(yuanToFen('4.35')).toEqual({ ok: true, value: 435 });
    expect(yuanToFen('1.15')).toEqual({ ok: true, value: 115 });
    expect(yuanToFen('9,007,199,254.74')).toEqual({ ok: false, message: expect.stringContaining('must be at most'), rule: 'max_amount', params: { maximumFen: MAX_FEN } });
  });
});

describe('parseCsv (RFC 4180)', () => {
  it('splits fields and records, keeping the line each record starts on', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', '2', '3'] },
    ]);
  });

  it('handles quotes, doubled quotes, embedded commas and newlines, CRLF', () => {
    const rows = parseCsv('name,desc\r\n"Zhuoma, Ciren","line one\r\nline two ""quoted"""\r\nlast,x\r\n');
    expect(rows).toEqual([
      { line: 1, cells: ['name', 'desc'] },
      { line: 2, cells: ['Zhuoma, Ciren', 'line one\nline two "quoted"'] },
      { line: 4, cells: ['last', 'x'] },
    ]);
  });

  it('keeps empty fields, a trailing empty field and a last record without newline', () => {
    expect(parseCsv('a,,c,\n,,,\nx')).toEqual([
      { line: 1, cells: ['a', '', 'c', ''] },
      { line: 2, cells: ['', '', '', ''] },
      { line: 3, cells: ['x'] },
    ]);
  });

  it('accepts lone CR line ends and keeps blank lines as empty records', () => {
    expect(parseCsv('a\r\rb\r')).toEqual([
      { line: 1, cells: ['a'] },
      { line: 2, cells: [''] },
      { line: 3, cells: ['b'] },
    ]);
  });

  it('keeps a quote inside an unquoted field as written', () => {
    expect(parseCsv('5" pipe,x')).toEqual([{ line: 1, cells: ['5" pipe', 'x'] }]);
  });

  it('refuses an unterminated quote, naming its line', () => {
    expect(contentError(() => parseCsv('a,b\n1,"open\n2,3\n'))).toContain('opened on line 2');
  });
});

describe('readCsv', () => {
  it('strips a UTF-8 BOM', () => {
    expect(readCsv('\uFEFF姓名,村\n卓玛,支巴村').rows[0]!.cells).toEqual(['姓名', '村']);
  });

  it('refuses text that was not UTF-8 (GBK decoded as UTF-8 gives U+FFFD)', () => {
    expect(contentError(() => readCsv('\uFFFD\uFFFD,\uFFFD\n'))).toMatch(/GBK.*not supported.*CSV UTF-8/);
  });

  it('recognises a workbook sent as CSV', () => {
    expect(contentError(() => readCsv('UEsDBBQAAAAIAA'))).toContain('format "xlsx"');
  });

  it('reads tab-separated text', () => {
    expect(readCsv('姓名\t村\n卓玛\t支巴村\n').rows[1]!.cells).toEqual(['卓玛', '支巴村']);
  });
});

describe('Excel numbers and dates', () => {
  it.each([
    ['10000.5', '10000.5'],
    ['0.30000000000000004', '0.3'],
    ['1234.5600000000001', '1234.56'],
    ['1.2345E+3', '1234.5'],
    ['5E-3', '0.005'],
    ['13800138000', '13800138000'],
    ['1234567.8900000001', '1234567.89'],
    ['999999999999999.9', '1000000000000000'],
    ['0.99999999999999999', '1'],
    ['-2.5', '-2.5'],
    ['0', '0'],
  ])('%s → %s', (raw, text) => {
    expect(excelNumberText(raw)).toBe(text);
  });

  it.each([
    ['2026-03-01', '2026-03-01'],
    ['2026/3/1', '2026-03-01'],
    ['2026.3.1', '2026-03-01'],
    ['2026年3月1日', '2026-03-01'],
    ['2026/3/1 0:00', '2026-03-01'],
  ])('date %s → %s', (raw, date) => {
    expect(normalizeDate(raw)).toEqual({ ok: true, value: date });
  });

  it.each(['2026/2/30', '3/1/2026', '20260301', 'yesterday'])('refuses the date %s', (raw) => {
    expect(normalizeDate(raw).ok).toBe(false);
  });

  it('turns Excel date serials into dates (1900 and 1904 systems)', () => {
    expect(excelSerialDate('46082')).toEqual({ ok: true, value: '2026-03-01' });
    expect(excelSerialDate('46082.5')).toEqual({ ok: true, value: '2026-03-01' });
    expect(excelSerialDate('44620', true)).toEqual({ ok: true, value: '2026-03-01' });
  });
});

describe('locateColumns', () => {
  it('accepts Chinese headers (full-width brackets, spaces, * marks, no unit) and skips a title row', () => {
    const csv = `蔡公堂乡2026年幸福工程申请名单,,\n序号, *姓名 ,身份证号码,村,家庭人口,家庭年收入（元）,村人均收入,计生情况,项目类型,项目说明,预计年收益(元),申请金额（元）,同意日期,告知人\n1,卓玛\n`;
    const columns = locateColumns(readCsv(csv));
    expect(columns.header.line).toBe(2);
    expect(columns.at.get('name')).toEqual({ index: 1, label: '*姓名' });
    expect(columns.at.get('amountRequestedYuan')!.label).toBe('申请金额（元）');
    expect(columns.at.has('submittedOn')).toBe(false);
    expect(columns.rows.map((r) => r.line)).toEqual([3]);
  });

  it('accepts the English names in any case', () => {
    const columns = locateColumns(readCsv(`${HEADER_EN.toUpperCase()}\n${row(ID_A)}\n`));
    expect(columns.at.size).toBe(15);
  });

  it('refuses missing and unknown columns, listing them', () => {
    const message = contentError(() => locateColumns(readCsv('姓名,身份证号,村,备注\n卓玛,x,y,z\n')));
    expect(message).toContain('is missing column(s): 家庭人口 (householdSize)');
    expect(message).toContain('计生情况 (familyPlanning)');
    expect(message).toContain('has unknown column(s): 备注');
    expect(message).not.toContain('申请日期 (submittedOn),');
  });

  it('refuses a file without a header, without rows, or empty', () => {
    expect(contentError(() => locateColumns(readCsv('1,2,3\n4,5,6\n')))).toContain('has no header row');
    expect(contentError(() => locateColumns(readCsv(`${HEADER_ZH}\n\n`)))).toContain('no applications');
    expect(contentError(() => locateColumns(readCsv('\n\n')))).toContain('is empty');
  });

  it('refuses more than 10,000 rows', () => {
    const csv = `${HEADER_ZH}\n${`${row(ID_A)}\n`.repeat(10_001)}`;
    expect(contentError(() => locateColumns(readCsv(csv)))).toContain('has 10001 application rows; at most 10000');
  });
});

describe('villageDirectory', () => {
  const villages = villageDirectory(OFFICES, 'lhasa.chengguan', 'lhasa.chengguan.caigongtang');
  it.each(['lhasa.chengguan.caigongtang.zhiba', '支巴村', '支巴', 'Zhiba Village', 'zhiba', ' 支巴村 '])('finds zhiba from %j', (text) => {
    expect(villages.resolve(text)).toEqual({ ok: true, value: 'lhasa.chengguan.caigongtang.zhiba' });
  });
  it.each([
    ['白定村', 'names 2 villages'],
    ['民族村', 'outside your office'],
    ['lhasa.chengguan.niangre.minzu', 'outside your office'],
    ['lhasa.duilongdeqing.naiqiong.boma', "not an office of district lhasa.chengguan, the round's district"],
    ['lhasa.chengguan.caigongtang', 'is a township office, not a village'],
    ['波玛村', 'no village named "波玛村"'],
    ['', 'is required'],
  ])('refuses %j: %s', (text, message) => {
    const found = villages.resolve(text);
    expect(found.ok ? '' : found.message).toContain(message);
  });
});

describe('prepareImport', () => {
  const csv = (...rows: string[]) => ({ format: 'csv' as const, content: `${HEADER_ZH}\n${rows.join('\n')}\n` });

  it('maps a row onto ApplicationInput, converting yuan to fen and Chinese values to the enums', () => {
    const [first] = prepareImport(csv(row(ID_A)), env());
    expect(first).toEqual({
      row: 2,
      ok: true,
      applicationId: importedApplicationId(ROUND_ID, motherKey(ID_A)),
      input: {
        roundId: ROUND_ID,
        submittedOn: '2026-03-01',
        villageId: 'lhasa.chengguan.caigongtang.zhiba',
        mother: { name: '次仁卓玛', residentId: ID_A, phone: '13800138000' },
        consent: { givenOn: '2026-03-01', takenBy: '格桑' },
        householdSize: 5,
        householdAnnualIncomeFen: 1_200_000,
        villagePerCapitaIncomeFen: 400_000,
        familyPlanning: 'two_daughters',
        project: { type: 'livestock', description: '养殖牦牛十头', expectedAnnualReturnFen: 800_050 },
        amountRequestedFen: 1_000_000,
      },
    });
  });

  it('reads the same row with English headers and values', () => {
    const content = `${HEADER_EN}\n${row(ID_A, { fp: 'two_daughters', type: 'livestock', village: '支巴村', date: '2026-03-01' })}\n`;
    const [first] = prepareImport({ format: 'csv', content }, env());
    const [zh] = prepareImport(csv(row(ID_A)), env());
    expect(first).toEqual(zh);
  });

  it.each([
    ['守法户', 'compliant'],
    ['独生子女户', 'one_child'],
    ['违反政策', 'violation'],
    ['违法户', 'violation'],
    ['ONE_CHILD', 'one_child'],
  ])('family planning %s → %s', (text, value) => {
    const [first] = prepareImport(csv(row(ID_A, { fp: text })), env());
    expect(first!.ok && first!.input.familyPlanning).toBe(value);
  });

  it.each([
    ['小卖部', 'shop'],
    ['商店', 'shop'],
    ['运输', 'transport'],
    ['种植', 'farming'],
    ['手工', 'handicraft'],
    ['服务', 'service'],
    ['其他', 'other'],
  ])('project type %s → %s', (text, value) => {
    const [first] = prepareImport(csv(row(ID_A, { type: text })), env());
    expect(first!.ok && first!.input.project.type).toBe(value);
  });

  it('reports every problem of a row, by column, with the line it is on', () => {
    const rows = prepareImport(
      csv(
        row(badChecksum(ID_A)),
        row(ID_B, { village: 'lhasa.chengguan.niangre.minzu' }),
        row(ID_C, { amount: '1000.123', size: '', fp: '超生', type: '开矿' }),
        `"${'卓玛'}","${idOf('54010219700101001')}",支巴村,40,1000,"4,000",守法户,种植,"种青稞\n和油菜",0,5000,2099-01-01,2099-01-01,格桑,12345`,
      ),
      env(),
    );
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    expect(rows[0]).toEqual({
      row: 2,
      ok: false,
      errors: [{ field: 'residentId', column: '身份证号', rule: 'resident_id_checksum', params: {}, message: expect.stringContaining('check character') }],
    });
    expect(rows[1]).toEqual({
      row: 3,
      ok: false,
      errors: [
        {
          field: 'villageId',
          column: '村',
          rule: 'import_village_outside',
          params: { village: expect.any(String) },
          message: expect.stringContaining('outside your office lhasa.chengguan.caigongtang'),
        },
      ],
    });
    expect(rows[2]!.ok ? [] : rows[2]!.errors.map((e) => [e.field, e.rule, e.message])).toEqual([
      ['householdSize', 'required', 'is required'],
      ['familyPlanning', 'import_one_of', expect.stringContaining('must be one of 守法户/守法=compliant')],
      ['projectType', 'import_one_of', expect.stringContaining('小卖部')],
      ['amountRequestedYuan', 'import_amount_decimals', 'must have at most 2 decimal places (1 fen = 0.01 yuan)'],
    ]);
    expect(rows[2]!.ok ? undefined : rows[2]!.errors[1]!.params).toEqual({ choices: ['守法户', '独生子女户', '双女户', '违法户'], values: ['compliant', 'one_child', 'two_daughters', 'violation'] });
    expect(rows[3]!.ok ? [] : rows[3]!.errors.map((e) => e.field).sort()).toEqual(['householdSize', 'phone', 'submittedOn']);
  });

  it('refuses dates before the round opened or in the future', () => {
    const [before, future] = prepareImport(csv(row(ID_A, { date: '2024/12/31', consentOn: '2024/12/31' }), row(ID_B, { date: '2026-06-02', consentOn: '2026-06-01' })), env());
    expect(before).toMatchObject({ ok: false, errors: [{ field: 'submittedOn', rule: 'not_before', params: { reference: 'round_opened', date: '2025-01-01' } }] });
    expect(future).toMatchObject({ ok: false, errors: [{ field: 'submittedOn', rule: 'not_in_future', params: { today: '2026-06-01' } }] });
  });

  it('refuses a row without the mother’s consent, or with consent dated after the application (PIPL)', () => {
    const [missing, late, sameDay] = prepareImport(csv(row(ID_A, { consentOn: '', consentTakenBy: '' }), row(ID_B, { consentOn: '2026/3/2' }), row(ID_C)), env());
    expect(missing).toEqual({
      row: 2,
      ok: false,
      errors: [
        { field: 'consentOn', column: '同意书日期', rule: 'required', params: {}, message: 'is required' },
        { field: 'consentTakenBy', column: '告知人', rule: 'required', params: {}, message: 'is required' },
      ],
    });
    expect(late).toEqual({
      row: 3,
      ok: false,
      errors: [
        { field: 'consentOn', column: '同意书日期', rule: 'not_after', params: { reference: 'application', date: '2026-03-01' }, message: 'must not be after the application date (2026-03-01)' },
      ],
    });
    expect(importRowErrorIn(late!.ok ? ({} as never) : late!.errors[0]!, 'zh-CN').message).toBe('同意书日期不能晚于申请日期（2026年3月1日）');
    expect(sameDay).toMatchObject({ ok: true, input: { consent: { givenOn: '2026-03-01', takenBy: '格桑' } } });
  });

  it('refuses a consent signed more than a year before the application (consent_too_old) and takes one signed a year before', () => {
    const [ancient, yearBefore] = prepareImport(csv(row(ID_A, { consentOn: '2025/2/28' }), row(ID_B, { consentOn: '2025/3/1' })), env());
    expect(ancient).toMatchObject({ ok: false, errors: [{ field: 'consentOn', rule: 'consent_too_old', params: { days: 365, date: '2025-03-01' } }] });
    expect(importRowErrorIn(ancient!.ok ? ({} as never) : ancient!.errors[0]!, 'zh-CN').message).toBe('同意书日期不能早于申请日期前 365 天（2025年3月1日）：请重新取得她的同意');
    expect(yearBefore).toMatchObject({ ok: true, input: { consent: { givenOn: '2025-03-01' } } });
  });

  it('refuses the second row of the same mother, and reports a shifted (unquoted) amount', () => {
    const rows = prepareImport(csv(row(ID_A), row(ID_A.toLowerCase()), row(ID_B, { amount: '10,000' })), env());
    expect(rows[0]!.ok).toBe(true);
    expect(rows[1]).toEqual({
      row: 3,
      ok: false,
      errors: [{ field: 'residentId', column: '身份证号', rule: 'import_duplicate_in_file', params: { row: 2 }, message: 'is the same as on row 2: a mother may be listed only once' }],
    });
    expect(rows[2]!.ok ? [] : rows[2]!.errors[0]).toMatchObject({ field: 'row', rule: 'import_row_extra_values', params: { count: 1 } });
  });

  it('refuses an amount outside the round’s range, as a submission is refused', () => {
    const [inside, above, below] = prepareImport(
      csv(row(ID_A, { amount: '15000' }), row(ID_B, { amount: '16000' }), row(ID_C, { amount: '4999.99' })),
      env({ loanRangeFen: { min: 500_000, max: 1_500_000 } }),
    );
    expect(inside!.ok).toBe(true);
    for (const refused of [above, below])
      expect(refused).toMatchObject({ ok: false, errors: [{ field: 'amountRequestedYuan', column: '申请金额(元)', rule: 'amount_out_of_range', params: { minFen: 500_000, maxFen: 1_500_000 } }] });
  });

  it('says each problem in the caller’s language, naming the column by the template’s Chinese header', () => {
    const [first] = prepareImport(csv(row(ID_A, { amount: '1000.123', fp: '超生' })), env({ loanRangeFen: { min: 100_000, max: 1_500_000 } }));
    const errors = first!.ok ? [] : first!.errors;
    const said = (lang: 'zh-CN' | 'bo' | 'en') => errors.map((e) => importRowErrorIn(e, lang).message);
    expect(said('zh-CN')).toEqual(['计生情况只能填写：守法户、独生子女户、双女户、违法户', '申请金额(元)最多两位小数（1 分 = 0.01 元）']);
    expect(said('bo').every((m) => /[\u0F00-\u0FFF]/.test(m) && m.includes(m.startsWith('计生') ? '计生情况' : '申请金额(元)'))).toBe(true);
    expect(said('en')).toEqual([expect.stringContaining('计生情况 must be one of 守法户'), '申请金额(元) must have at most 2 decimal places (1 fen = 0.01 yuan)']);
    // a zod rule (from the API's own schema) and a rule with a date in it
    const [late] = prepareImport(csv(row(ID_B, { date: '2026-06-02', size: '0' })), env());
    expect((late!.ok ? [] : late!.errors).map((e) => importRowErrorIn(e, 'zh-CN').message)).toEqual(['家庭人口不能小于 1', '申请日期不能晚于今天（2026年6月1日）']);
  });

  it('leaves out an empty optional date and phone', () => {
    const [first] = prepareImport(csv(row(ID_A, { date: '', phone: '' })), env());
    expect(first!.ok && first!.input).not.toHaveProperty('submittedOn');
    expect(first!.ok && first!.input.mother).toEqual({ name: '次仁卓玛', residentId: ID_A });
  });
});

describe('importedApplicationId', () => {
  it('is a 26-character ULID-shaped id, the same for the same round and mother, and starts with the round’s time', () => {
    const id = importedApplicationId(ROUND_ID, motherKey(ID_A));
    expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(importedApplicationId(ROUND_ID, motherKey(ID_A.toLowerCase()))).toBe(id);
    expect(importedApplicationId(ROUND_ID, motherKey(ID_B))).not.toBe(id);
    expect(importedApplicationId('01JABCDEFGHJKMNPQRSTVWXYZ1', motherKey(ID_A))).not.toBe(id);
    expect(id.slice(0, 10)).toBe(ROUND_ID.slice(0, 10));
  });
});

// ---------------------------------------------------------------- xlsx

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const colName = (j: number) => (j < 26 ? String.fromCharCode(65 + j) : String.fromCharCode(64 + Math.floor(j / 26)) + String.fromCharCode(65 + (j % 26)));

/** A minimal workbook: cells are strings (shared or inline) or numbers ({ n: '…' }). */
function xlsx(rows: (string | { n: string })[][], opts: { inline?: boolean; prefix?: boolean; date1904?: boolean; startRow?: number } = {}): Uint8Array {
  const strings: string[] = [];
  const p = opts.prefix ? 'x:' : '';
  const sheetRows = rows
    .map((cells, i) => {
      const r = (opts.startRow ?? 1) + i;
      const xml = cells
        .map((c, j) => {
          const ref = `${colName(j)}${r}`;
          if (typeof c !== 'string') return `<${p}c r="${ref}"><${p}v>${c.n}</${p}v></${p}c>`;
          if (c === '') return '';
          if (opts.inline) return `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t xml:space="preserve">${esc(c)}</${p}t></${p}is></${p}c>`;
          strings.push(c);
          return `<${p}c r="${ref}" t="s"><${p}v>${strings.length - 1}</${p}v></${p}c>`;
        })
        .join('');
      return `<${p}row r="${r}">${xml}</${p}row>`;
    })
    .join('');
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><${p}workbook xmlns${p ? ':x' : ''}="${ns}" xmlns:r="${rel}">${opts.date1904 ? `<${p}workbookPr date1904="1"/>` : ''}<${p}sheets><${p}sheet name="申请名单" sheetId="1" r:id="rId1"/><${p}sheet name="说明" sheetId="2" r:id="rId2"/></${p}sheets></${p}workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><${p}worksheet xmlns${p ? ':x' : ''}="${ns}"><${p}sheetData>${sheetRows}</${p}sheetData></${p}worksheet>`),
    'xl/worksheets/sheet2.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${ns}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>not this sheet</t></is></c></row></sheetData></worksheet>`,
    ),
    'xl/sharedStrings.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${ns}" count="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`,
    ),
  };
  return zipSync(files);
}

describe('readXlsx', () => {
  it('reads the first sheet: shared strings, numbers as exact text, row numbers, gaps', () => {
    const table = readXlsx(xlsx([['姓名', '金额'], ['卓玛 & <次仁>', { n: '10000.5' }], [], ['', { n: '0.30000000000000004' }]], { startRow: 3 }));
    expect(table.rows).toEqual([
      { line: 3, cells: ['姓名', '金额'] },
      { line: 4, cells: ['卓玛 & <次仁>', { number: '10000.5' }] },
      { line: 5, cells: [] },
      { line: 6, cells: ['', { number: '0.3' }] },
    ]);
  });

  it('reads inline strings, namespace prefixes and the 1904 date system', () => {
    const table = readXlsx(
      xlsx(
        [
          ['a', 'b'],
          ['line one\nline two', { n: '5' }],
        ],
        { inline: true, prefix: true, date1904: true },
      ),
    );
    expect(table.date1904).toBe(true);
    expect(table.rows[1]!.cells).toEqual(['line one\nline two', { number: '5' }]);
  });

  it('reads rich text runs without phonetic guides, and OOXML escapes', () => {
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const book = zipSync({
      'xl/workbook.xml': strToU8(`<workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="s" sheetId="1" r:id="rId7"/></sheets></workbook>`),
      'xl/_rels/workbook.xml.rels': strToU8(
        `<Relationships><Relationship Id="rId7" Type="${rel}/worksheet" Target="worksheets/data.xml"/><Relationship Id="rId8" Type="${rel}/sharedStrings" Target="strings.xml"/></Relationships>`,
      ),
      'xl/strings.xml': strToU8(
        `<sst><si><r><rPr><b/></rPr><t>次仁</t></r><r><t>卓玛</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si><si><t>a_x000D_b</t></si><si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si></sst>`,
      ),
      'xl/worksheets/data.xml': strToU8(
        `<worksheet><cols><col min="1" max="3" width="12"/></cols><sheetData><row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="b"><v>1</v></c><c t="str"><v>x&amp;y</v></c><c><f>A1</f></c><c s="3"/><c t="s"><v>2</v></c></row></sheetData></worksheet>`,
      ),
    });
    expect(readXlsx(book).rows).toEqual([{ line: 1, cells: ['次仁卓玛', 'a\rb', 'TRUE', 'x&y', '', '', '漢字'] }]);
  });

  it('reads a hostile sheet (elements never closed) in linear time', () => {
    const book = zipSync({
      'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
      'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${'<row r="1"><c t="inlineStr"><is><t>x'.repeat(50_000)}</sheetData></worksheet>`),
    });
    const started = performance.now();
    expect(readXlsx(book).rows).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('refuses what is not an .xlsx workbook', () => {
    expect(contentError(() => readTable({ format: 'xlsx', content: 'not base64!' }))).toContain('not valid base64');
    expect(contentError(() => readTable({ format: 'xlsx', content: Buffer.from('hello, world').toString('base64') }))).toContain('not a zip archive');
    expect(contentError(() => readXlsx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0])))).toContain('Excel 97-2003 .xls');
    expect(contentError(() => readXlsx(zipSync({ 'hello.txt': strToU8('hi') })))).toContain('no workbook part');
    const damaged = xlsx([['a']]).slice(0, 200);
    expect(contentError(() => readXlsx(damaged))).toContain('is not a readable .xlsx');
  });

  it('gives the same rows as the CSV, with numbers, a date serial and a numeric resident ID explained', () => {
    const header = HEADER_ZH.split(',');
    const values = [
      '次仁卓玛',
      ID_A,
      '支巴村',
      { n: '5' },
      { n: '12000' },
      { n: '4000' },
      '双女户',
      '养殖',
      '养殖牦牛十头',
      { n: '8000.5' },
      { n: '10000' },
      { n: '46082' },
      { n: '46082' },
      '格桑',
      { n: '13800138000' },
    ];
    const fromXlsx = prepareImport({ format: 'xlsx', content: Buffer.from(xlsx([header, values])).toString('base64') }, env());
    const fromCsv = prepareImport({ format: 'csv', content: `${HEADER_ZH}\n${row(ID_A, { village: '支巴村' })}\n` }, env());
    expect(fromXlsx).toEqual(fromCsv);

    const numericId = values.map((v, j) => (j === 1 ? { n: '5.4010219850101101E+17' } : v));
    const [refused] = prepareImport({ format: 'xlsx', content: Buffer.from(xlsx([header, numericId])).toString('base64') }, env());
    expect(refused).toMatchObject({ ok: false, errors: [{ field: 'residentId', message: expect.stringContaining('format the column as text') }] });
  });
});

describe('imports are bounded', () => {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const book = (sheet: string, extra: Record<string, Uint8Array> = {}) =>
    zipSync({
      'xl/workbook.xml': strToU8(`<workbook xmlns="${ns}"><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>`),
      'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
      'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${sheet}</sheetData></worksheet>`),
      ...extra,
    });

  it('counts empty rows as rows: a sheet of empty <row/> elements stops at the limit', () => {
    expect(contentError(() => readXlsx(book('<row/>'.repeat(MAX_SHEET_ROWS + 1))))).toContain(`more than ${MAX_SHEET_ROWS} rows`);
    expect(readXlsx(book('<row/>'.repeat(100))).rows).toHaveLength(100);
  });

  it('counts empty CSV records as rows too', () => {
    expect(contentError(() => readCsv(`${HEADER_ZH}\n${'\n'.repeat(MAX_SHEET_ROWS + 1)}`))).toContain(`more than ${MAX_SHEET_ROWS} rows`);
  });

  it('stops unpacking a part that grows past its limit, whatever the archive declares (a 3-million-row sheet of 18 MB)', () => {
    const bomb = book('<row/>'.repeat(3_000_000));
    expect(bomb.length).toBeLessThan(100_000);
    expect(contentError(() => readXlsx(bomb))).toContain('is too large');
  });

  it('refuses the wide-row workbook (10,900 rows, one cell each at column ZZZ) without padding a row, in well under a second', () => {
    const wide = wideRowWorkbook();
    expect(wide.length).toBeLessThan(60_000);
    const started = performance.now();
    const refusal = (() => {
      try {
        prepareImport({ format: 'xlsx', content: base64Of(wide) }, env());
      } catch (error) {
        return error as ValidationFailed;
      }
    })();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(refusal).toBeInstanceOf(ValidationFailed);
    expect(refusal).toMatchObject({ field: 'content', rule: 'workbook_too_wide', params: { max: COLUMN_KEYS.length + EXTRA_COLUMNS } });
  });

  it('caps the column index at the width: empty cells beyond it are dropped, filled ones refuse the file', () => {
    const table = readXlsx(book('<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="ZZZ1" s="3"/></row>'), 10);
    expect(table.rows[0]!.cells).toEqual(['a']);
    expect(contentError(() => readXlsx(book('<row r="1"><c r="K1"><v>1</v></c></row>'), 10))).toContain('beyond column 10');
    expect(readXlsx(book('<row r="1"><c r="J1"><v>1</v></c></row>'), 10).rows[0]!.cells).toHaveLength(10);
    expect(readCsv('a,b,,,,', 3).rows[0]!.cells).toEqual(['a', 'b', '']);
    expect(contentError(() => readCsv('a,b,c,d', 3))).toContain('beyond column 3');
  });

  it('budgets cells and shared strings, not only rows', () => {
    expect(contentError(() => readXlsx(book(`<row>${'<c/>'.repeat(MAX_SHEET_CELLS + 1)}</row>`)))).toContain(`more than ${MAX_SHEET_CELLS} cells`);
    const strings = strToU8(`<sst>${'<si><t>x</t></si>'.repeat(MAX_SHARED_STRINGS + 1)}</sst>`);
    const withStrings = zipSync({
      'xl/workbook.xml': strToU8(`<workbook xmlns="${ns}"><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>`),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="x/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
      ),
      'xl/worksheets/sheet1.xml': strToU8('<worksheet><sheetData><row/></sheetData></worksheet>'),
      'xl/sharedStrings.xml': strings,
    });
    expect(contentError(() => readXlsx(withStrings))).toContain('shared texts');
  });

  it('refuses a zip archive holding two entries of the same name', () => {
    const twice = book('<row><c t="inlineStr"><is><t>a</t></is></c></row>', { 'xl/worksheets/sheetX.xml': strToU8('<worksheet><sheetData><row/></sheetData></worksheet>') });
    // rename the second entry (in its local header and the central directory) to the first one's name
    const bytes = Buffer.from(twice);
    const from = Buffer.from('xl/worksheets/sheetX.xml');
    for (let at = bytes.indexOf(from); at >= 0; at = bytes.indexOf(from, at + 1)) Buffer.from('xl/worksheets/sheet1.xml').copy(bytes, at);
    expect(contentError(() => readXlsx(new Uint8Array(bytes)))).toContain('two entries named xl/worksheets/sheet1.xml');
  });
});
