/** Request and answer shapes of the bulk application import. Owned by the imports capability. */
import * as z from 'zod';

/** Largest number of application rows one import may hold (one request must finish within API Gateway's 29 s). */
export const MAX_IMPORT_ROWS = 10_000;

export const ImportInput = z.strictObject({
  /** the file's content: CSV text, or an Excel .xlsx workbook in base64 */
  format: z.enum(['csv', 'xlsx']).meta({ description: 'csv: UTF-8 text with a header row; xlsx: the first sheet of an Excel workbook, with the same header row' }),
  content: z
    .string()
    .min(1)
    .max(5_000_000)
    .meta({ description: `the file: CSV text (UTF-8; GBK is not supported), or the .xlsx workbook in base64. At most ${MAX_IMPORT_ROWS} application rows.` }),
  /** validate and report without writing anything */
  dryRun: z.boolean().default(false).meta({ description: 'check every row and report what would happen, writing nothing' }),
});
export type ImportInput = z.output<typeof ImportInput>;

export const ImportRowStatus = z.enum(['accepted', 'refused', 'already_imported']);
export type ImportRowStatus = z.infer<typeof ImportRowStatus>;

export const ImportRowError = z.object({
  /** the column's canonical (English) name, e.g. residentId, amountRequestedYuan; `row` for the row as a whole */
  field: z.string(),
  /** the column's header as written in the file */
  column: z.string().optional(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

export const ImportRowResult = z.object({
  /** 1-based line (CSV) or row (Excel) number in the file where the row starts */
  row: z.int(),
  status: ImportRowStatus,
  /** the application created (or, with dryRun, that would be created), or the one imported before */
  applicationId: z.string().optional(),
  errors: z.array(ImportRowError).optional(),
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
