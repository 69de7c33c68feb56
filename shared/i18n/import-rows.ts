/**
 * The refusals of one row of a bulk import (`POST /rounds/{id}/imports`) that only it gives, in
 * each language (what any sheet's values refuse, the ledger's too: `./sheet-rows.ts`).
 * `f.field` is the column as the template heads it in Chinese (申请金额(元)), the word a clerk
 * sees in the file whatever language the answer is in; a problem with the row as a whole has
 * no column. Rows also use the catalogue's general rules (`required`, `max_amount`,
 * `not_in_future`, `amount_out_of_range`, `resident_id_*` …). Part of ERROR_MESSAGES.
 * The Tibetan sentences await a native speaker's review.
 */
import type { Entry } from './catalogue.ts';

const entry = <P = Record<string, never>>(e: Entry<P>): Entry<P> => e;

export const IMPORT_ROW_MESSAGES = {
  import_whole_number: entry({
    'zh-CN': (_p, f) => `${f.field}必须是整数（人数）`,
    bo: (_p, f) => `${f.field} མི་གྲངས་ཆ་ཚང་ཡིན་དགོས།`,
    en: (_p, f) => `${f.field} must be a whole number of people`,
  }),
  import_duplicate_in_file: entry<{ row: number }>({
    'zh-CN': (p, f) => `${f.field}与第 ${p.row} 行相同：每位母亲只能列一次`,
    bo: (p, f) => `${f.field} ཕྲེང་ ${p.row} པ་དང་གཅིག་མཚུངས་རེད། ཨ་མ་རེ་རེ་ཐེངས་གཅིག་ཁོ་ན་འགོད་ཆོག`,
    en: (p, f) => `${f.field} is the same as on row ${p.row}: a mother may be listed only once`,
  }),
  import_row_unnamed_column: entry<{ column: number }>({
    'zh-CN': (p) => `这一行第 ${p.column} 列有内容，但该列没有表头`,
    bo: (p) => `ཕྲེང་འདིའི་སྟར་ ${p.column} པར་ནང་དོན་ཡོད་ཀྱང་སྟར་དེར་མགོ་བྱང་མེད།`,
    en: (p) => `the row has a value in column ${p.column}, which has no header`,
  }),
  import_changed_meanwhile: entry({
    'zh-CN': () => '这一行的记录刚被另一个请求同时修改：请再次上传同一文件（已导入的行会标为已导入）',
    bo: () => 'ཕྲེང་འདིའི་ཟིན་ཐོ་རེ་ཞུ་གཞན་ཞིག་གིས་དུས་མཚུངས་སུ་བཟོ་བཅོས་བྱས་སོང་། ཡིག་ཆ་དེ་ཉིད་ཡང་བསྐྱར་ཕུལ་རོགས།',
    en: () => 'was changed by another request at the same time; send the same file again (rows already imported are reported as such)',
  }),
  import_out_of_time: entry({
    'zh-CN': () => '未导入：处理到这一行之前已超时。请再次上传同一文件导入其余各行（已导入的行会标为已导入）',
    bo: () => 'ནང་འདྲེན་མ་བྱས། ཕྲེང་འདིར་མ་སླེབས་གོང་དུས་ཚོད་ཡོལ། ལྷག་མ་ནང་འདྲེན་བྱེད་པར་ཡིག་ཆ་དེ་ཉིད་ཡང་བསྐྱར་ཕུལ་རོགས།',
    en: () => 'not imported: the import ran out of time before this row; send the same file again to import the rest (rows already imported are reported as such)',
  }),
} satisfies Record<string, Entry<never>>;
