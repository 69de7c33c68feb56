/**
 * What reading any uploaded sheet refuses (shared/domain/sheets.ts and the rows read with it),
 * in each language: a file that cannot be read, and a value of a row (an amount, a date, a
 * village, a resident ID Excel stored as a number, values beyond the header, a mother's open
 * case elsewhere). Both imports answer with them: the application import (part of
 * `./errors-file-import.ts`) and the ledger's staging (`./ledger-row-text.ts`), which answers with
 * no other part of the application import's. `f.field` is the column as the template heads it
 * in Chinese. Part of ERROR_MESSAGES. The Tibetan sentences await a native speaker's review.
 */
import type { Entry } from './catalogue.ts';
import type { Lang } from './lang.ts';

const entry = <P = Record<string, never>>(e: Entry<P>): Entry<P> => e;

const LEVELS: Record<string, Record<Lang, string>> = {
  committee: { 'zh-CN': '组委会', bo: 'ཨུ་ཡོན་ལྷན་ཁང་།', en: 'committee' },
  district: { 'zh-CN': '区', bo: 'ཆུས།', en: 'district' },
  township: { 'zh-CN': '乡（镇、街道）', bo: 'ཤང་།', en: 'township' },
};
const level = (l: string, lang: Lang) => LEVELS[l]?.[lang] ?? l;

export const SHEET_MESSAGES = {
  file_unreadable: entry<{ detail: string }>({
    'zh-CN': () => '文件无法读取：请上传 UTF-8 编码的 CSV（Excel：另存为 → CSV UTF-8）或 .xlsx 工作簿',
    bo: () => 'ཡིག་ཆ་ཀློག་མི་ཐུབ། UTF-8 ཡི་ CSV ཡང་ན་ .xlsx ཡིག་ཆ་ཕུལ་རོགས།',
    en: (p) => `the file ${p.detail}`,
  }),
  import_amount_format: entry({
    'zh-CN': (_p, f) => `${f.field}必须是以元为单位的金额，如 12000、12,000 或 12000.50`,
    bo: (_p, f) => `${f.field} སྒོར་གྱི་དངུལ་འབོར་ཡིན་དགོས། དཔེར་ན་ 12000། 12,000། 12000.50`,
    en: (_p, f) => `${f.field} must be an amount in yuan such as 12000, 12,000 or 12000.50`,
  }),
  import_amount_negative: entry({
    'zh-CN': (_p, f) => `${f.field}不能是负数`,
    bo: (_p, f) => `${f.field} ཀླད་ཀོར་ལས་ཆུང་བ་ཡིན་མི་ཆོག`,
    en: (_p, f) => `${f.field} must not be negative`,
  }),
  import_amount_decimals: entry({
    'zh-CN': (_p, f) => `${f.field}最多两位小数（1 分 = 0.01 元）`,
    bo: (_p, f) => `${f.field} ཚེག་རྗེས་ཨང་གྲངས་གཉིས་ལས་མང་མི་ཆོག (ཧྥན་ 1 = སྒོར་ 0.01)`,
    en: (_p, f) => `${f.field} must have at most 2 decimal places (1 fen = 0.01 yuan)`,
  }),
  import_amount_positive: entry({
    'zh-CN': (_p, f) => `${f.field}必须大于 0 元`,
    bo: (_p, f) => `${f.field} སྒོར་ 0 ལས་མང་བ་ཡིན་དགོས།`,
    en: (_p, f) => `${f.field} must be more than 0 yuan`,
  }),
  import_date_format: entry({
    'zh-CN': (_p, f) => `${f.field}必须是日期，写作 2026-03-01 或 2026/3/1`,
    bo: (_p, f) => `${f.field} ཚེས་གྲངས་ཡིན་དགོས། 2026-03-01 ཡང་ན་ 2026/3/1 ལྟར་འབྲི་དགོས།`,
    en: (_p, f) => `${f.field} must be a date written YYYY-MM-DD or YYYY/M/D`,
  }),
  import_date_unreal: entry<{ text: string }>({
    'zh-CN': (p, f) => `${f.field}“${p.text}”不是真实的日期`,
    bo: (p, f) => `${f.field} “${p.text}” ཚེས་གྲངས་ངོ་མ་མིན།`,
    en: (p, f) => `${f.field}: ${p.text} is not a real calendar date`,
  }),
  import_one_of: entry<{ choices: string[]; values: string[] }>({
    'zh-CN': (p, f) => `${f.field}只能填写：${p.choices.join('、')}`,
    bo: (p, f) => `${f.field} ནང་ ${p.choices.join('། ')} ཁོ་ན་འབྲི་ཆོག`,
    en: (p, f) => `${f.field} must be one of ${p.choices.join(', ')} (or ${p.values.join(', ')})`,
  }),
  import_village_ambiguous: entry<{ text: string; villages: string[] }>({
    'zh-CN': (p, f) => `${f.field}“${p.text}”对应本区 ${p.villages.length} 个村：${p.villages.join('、')}，请填写村的单位编号`,
    bo: (p, f) => `${f.field} “${p.text}” ཆུས་འདིའི་གྲོང་ཚོ་ ${p.villages.length} ལ་འགྲོ། ${p.villages.join('། ')} གྲོང་ཚོའི་ལས་ཁུངས་ཨང་རྟགས་འབྲི་རོགས།`,
    en: (p, f) => `${f.field}: "${p.text}" names ${p.villages.length} villages of the round's district (${p.villages.join(', ')}): write the village's office id`,
  }),
  import_village_unknown: entry<{ text: string }>({
    'zh-CN': (p, f) => `${f.field}：本轮所属的区没有名为“${p.text}”的村，请按登记的村名或单位编号填写`,
    bo: (p, f) => `${f.field} སྐོར་འདིའི་ཆུས་ནང་ “${p.text}” ཟེར་བའི་གྲོང་ཚོ་མེད། ཐོ་འགོད་བྱས་པའི་མིང་ངམ་ལས་ཁུངས་ཨང་རྟགས་འབྲི་རོགས།`,
    en: (p, f) => `${f.field}: no village named "${p.text}" in the round's district; write its name as registered or its office id`,
  }),
  import_village_not_in_district: entry<{ text: string }>({
    'zh-CN': (p, f) => `${f.field}：${p.text} 不是本轮所属区的单位`,
    bo: (p, f) => `${f.field} ${p.text} སྐོར་འདིའི་ཆུས་ཀྱི་ལས་ཁུངས་མིན།`,
    en: (p, f) => `${f.field}: ${p.text} is not an office of the round's district`,
  }),
  import_village_not_village: entry<{ text: string; level: string }>({
    'zh-CN': (p, f) => `${f.field}：“${p.text}”是${level(p.level, f.lang)}，不是村（居委会）`,
    bo: (p, f) => `${f.field} “${p.text}” ནི་${level(p.level, f.lang)}ཡིན། གྲོང་ཚོ་མིན།`,
    en: (p, f) => `${f.field}: "${p.text}" is a ${level(p.level, f.lang)} office, not a village`,
  }),
  import_village_outside: entry<{ village: string }>({
    'zh-CN': (p, f) => `${f.field}：${p.village}不在您单位的管辖范围内`,
    bo: (p, f) => `${f.field} ${p.village} ཁྱེད་ཀྱི་ལས་ཁུངས་ཀྱི་ཁྱབ་ཁོངས་སུ་མེད།`,
    en: (p, f) => `${f.field}: ${p.village} is outside your office`,
  }),
  import_resident_id_number: entry({
    'zh-CN': (_p, f) => `${f.field}被 Excel 存成了数字（只保留 15 位）：请把这一列设为“文本”后重新输入号码`,
    bo: (_p, f) => `${f.field} Excel ནང་ཨང་གྲངས་སུ་ཉར་འདུག (ཨང་ 15 ཁོ་ན་ལྷག) སྟར་འདི་ཡི་གེར་བསྒྱུར་ནས་ཨང་གྲངས་ཡང་བསྐྱར་འབྲི་རོགས།`,
    en: (_p, f) => `${f.field} is stored as a number, which Excel keeps to 15 digits only: format the column as text and type the numbers again`,
  }),
  import_row_extra_values: entry<{ count: number }>({
    'zh-CN': (p) => `这一行比表头多出 ${p.count} 个值（CSV 文件中 10,000.50 这样带逗号的金额要加引号）`,
    bo: (p) => `ཕྲེང་འདིར་མགོ་བྱང་ལས་ཨང་གྲངས་ ${p.count} ལྷག་འདུག (CSV ནང་ 10,000.50 ལྟ་བུའི་དངུལ་འབོར་ལ་འགོད་རྟགས་དགོས།)`,
    en: (p) => `the row has ${p.count} more value(s) than the header has columns (an amount such as 10,000.50 must be in quotes in a CSV file)`,
  }),
  import_open_case_elsewhere: entry({
    'zh-CN': () => '这位母亲在其他单位已有一笔未结的申请或贷款，还清或未获批准后才能再次申请',
    bo: () => 'ཨ་མ་འདིར་ལས་ཁུངས་གཞན་དུ་མཇུག་མ་སྒྲིལ་བའི་རེ་ཞུའམ་བུ་ལོན་ཞིག་ཡོད། འཇལ་ཚར་རྗེས་སམ་ཆོག་མཆན་མ་ཐོབ་རྗེས་ཡང་བསྐྱར་ཞུ་ཆོག',
    en: () => 'this mother already has an open application or loan in another office; she may apply again after it is repaid or rejected',
  }),
} satisfies Record<string, Entry<never>>;
