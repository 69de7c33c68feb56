/** Request and answer shapes of the bulk application import. Owned by the imports capability. */
import * as z from 'zod/mini';
import { MAX_IMPORT_ROWS } from './import-limits.ts';
import { withMeta } from './meta.ts';

export { MAX_IMPORT_ROWS };

export const ImportInput = z.strictObject({
  /** the file's content: CSV text, or an Excel .xlsx workbook in base64 */
  format: withMeta(z.enum(['csv', 'xlsx']), { description: 'csv: UTF-8 text with a header row; xlsx: the first sheet of an Excel workbook, with the same header row' }),
  content: withMeta(z.string().check(z.minLength(1), z.maxLength(5_000_000)), {
    description: `the file: CSV text (UTF-8; GBK is not supported), or the .xlsx workbook in base64. At most ${MAX_IMPORT_ROWS} application rows.`,
  }),
  /** validate and report without writing anything */
  dryRun: withMeta(z._default(z.boolean(), false), { description: 'check every row and report what would happen, writing nothing' }),
});
export type ImportInput = z.output<typeof ImportInput>;

export const ImportRowStatus = z.enum(['accepted', 'refused', 'already_imported']);
export type ImportRowStatus = z.infer<typeof ImportRowStatus>;

export const ImportRowError = z.object({
  /** the column's canonical (English) name, e.g. residentId, amountRequestedYuan; `row` for the row as a whole */
  field: z.string(),
  /** the column's header as written in the file */
  column: z.optional(z.string()),
  rule: withMeta(z.string(), { description: 'the rule the row breaks, a key of the message catalogue (shared/i18n/errors.ts, shared/i18n/import-rows.ts), e.g. required, import_amount_decimals' }),
  params: withMeta(z.record(z.string(), z.unknown()), { description: "the rule's parameters (amounts in fen, dates YYYY-MM-DD, row numbers)" }),
  /** the rule in the request's language (Accept-Language), naming the column by the template's Chinese header */
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

export const ImportRowResult = z.object({
  /** 1-based line (CSV) or row (Excel) number in the file where the row starts */
  row: z.int(),
  status: ImportRowStatus,
  /** the application created (or, with dryRun, that would be created), or the one imported before */
  applicationId: z.optional(z.string()),
  errors: z.optional(z.array(ImportRowError)),
});
export type ImportRowResult = z.infer<typeof ImportRowResult>;

export const ImportReport = z.object({
  roundId: z.string(),
  dryRun: z.boolean(),
  rows: z.array(ImportRowResult),
  accepted: z.int(),
  refused: z.int(),
  alreadyImported: z.int(),
});
export type ImportReport = z.infer<typeof ImportReport>;

// ---------------------------------------------------------------- the columns of the file

/** The columns of an import file, in the template's order (a key is the column's English name). */
export const COLUMN_KEYS = [
  'name',
  'residentId',
  'villageId',
  'householdSize',
  'householdAnnualIncomeYuan',
  'villagePerCapitaIncomeYuan',
  'familyPlanning',
  'projectType',
  'projectDescription',
  'expectedAnnualReturnYuan',
  'amountRequestedYuan',
  'submittedOn',
  'consentOn',
  'consentTakenBy',
  'phone',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export interface ColumnSpec {
  /** the header a township clerk writes */
  zh: string;
  /** other headers accepted (the English name is always accepted) */
  aliases: string[];
  optional?: true;
}

export const COLUMNS: Record<ColumnKey, ColumnSpec> = {
  name: { zh: '姓名', aliases: ['母亲姓名', '申请人', '申请人姓名'] },
  residentId: { zh: '身份证号', aliases: ['身份证号码', '身份证'] },
  villageId: { zh: '村', aliases: ['村名', '村庄', '所在村', '行政村', 'village'] },
  householdSize: { zh: '家庭人口', aliases: ['家庭人口数', '家庭人数'] },
  householdAnnualIncomeYuan: { zh: '家庭年收入(元)', aliases: [] },
  villagePerCapitaIncomeYuan: { zh: '村人均收入(元)', aliases: ['村人均年收入(元)'] },
  familyPlanning: { zh: '计生情况', aliases: ['计划生育情况'] },
  projectType: { zh: '项目类型', aliases: [] },
  projectDescription: { zh: '项目说明', aliases: ['项目内容', '项目简介'] },
  expectedAnnualReturnYuan: { zh: '预计年收益(元)', aliases: [] },
  amountRequestedYuan: { zh: '申请金额(元)', aliases: ['申请借款金额(元)', '借款金额(元)'] },
  submittedOn: { zh: '申请日期', aliases: [], optional: true },
  consentOn: { zh: '同意书日期', aliases: ['同意日期', '同意书签署日期', '签署同意书日期'] },
  consentTakenBy: { zh: '告知人', aliases: ['取得同意人', '同意书经办人', '经办人'] },
  phone: { zh: '电话', aliases: ['联系电话', '手机', '手机号', '手机号码'], optional: true },
};

/** The words a column of fixed choices accepts in Chinese (besides the English values), by value: the first is the template's. */
export const COLUMN_CHOICES: Partial<Record<ColumnKey, Record<string, string[]>>> = {
  familyPlanning: {
    compliant: ['守法户', '守法'],
    one_child: ['独生子女户', '独生子女'],
    two_daughters: ['双女户', '双女'],
    violation: ['违法户', '违法', '违反政策', '违反计生政策'],
  },
  projectType: {
    shop: ['商店', '小卖部'],
    transport: ['运输'],
    livestock: ['养殖'],
    farming: ['种植'],
    handicraft: ['手工', '手工艺'],
    service: ['服务'],
    other: ['其他', '其它'],
  },
};
