/**
 * Refusals of a ledger import as a whole: what staging, approving and applying a batch refuse
 * (the rows of its sheets: ./ledger-rows.ts, which only the staging function answers with).
 * Part of ERROR_MESSAGES through `./errors-ledger-import.ts`.
 */
import { entry, type MessageTable } from './catalogue.ts';

export const LEDGER_BATCH_ERRORS = {
  ledger_rows_refused: entry({
    'zh-CN': () => '台账中有未通过检查的行，请按逐行报告改正后再导入',
    bo: () => 'རྩིས་ཁྲའི་ནང་ཞིབ་བཤེར་མ་འགྲིག་པའི་ཐིག་ཕྲེང་ཡོད། ཐིག་ཕྲེང་སོ་སོའི་སྙན་ཐོ་ལྟར་བཅོས་རྗེས་ནང་འདྲེན་བྱེད་རོགས།',
    en: () => 'some ledger rows were refused; correct them as the row report says, then import again',
  }),
  // ledger_not_reconciled: with the ledger's rows (./ledger-rows.ts)
  already_imported: entry({
    'zh-CN': () => '这份台账已经导入过，不会重复导入',
    bo: () => 'རྩིས་ཁྲ་འདི་སྔོན་ནས་ནང་འདྲེན་བྱས་ཟིན། ཡང་བསྐྱར་ནང་འདྲེན་མི་བྱེད།',
    en: () => 'this ledger was already imported; nothing is created twice',
  }),
  ledger_import_pending: entry({
    'zh-CN': () => '本区已有一批台账等待组委会审核或正在写入，请等它完成后再导入',
    bo: () => 'ཆུས་འདིའི་རྩིས་ཁྲ་ཚན་པ་ཞིག་ཨུ་ཡོན་ལྷན་ཁང་གི་ཞིབ་བཤེར་སྒུག་བཞིན་ཡོད། དེ་ཚར་རྗེས་ནང་འདྲེན་བྱེད་རོགས།',
    en: () => 'another ledger import of this district is waiting for the committee’s review or being written; try again when it is done',
  }),
  ledger_part_missing: entry({
    'zh-CN': () => '台账批次缺少一部分数据，请重新导入',
    bo: () => 'རྩིས་ཁྲའི་ཚན་པར་ཆ་ཤས་ཤིག་མི་འདུག ཡང་བསྐྱར་ནང་འདྲེན་བྱེད་རོགས།',
    en: () => 'a part of the ledger batch is missing; stage it again',
  }),
  ledger_round_exists: entry({
    'zh-CN': () => '系统中已有同名轮次，且数据不同',
    bo: () => 'མ་ལག་ནང་མིང་གཅིག་པའི་སྐོར་རིམ་ཡོད་ལ་གཞི་གྲངས་མི་འདྲ།',
    en: () => 'a round of that name already exists with other data',
  }),
  ledger_loan_exists: entry({
    'zh-CN': () => '这笔贷款已经在系统中',
    bo: () => 'བུ་ལོན་འདི་མ་ལག་ནང་ཡོད་ཟིན།',
    en: () => 'this loan is already in the system',
  }),
  ledger_chunk_done: entry({
    'zh-CN': () => '这部分台账已经写入',
    bo: () => 'རྩིས་ཁྲའི་ཆ་ཤས་འདི་འབྲི་ཚར།',
    en: () => 'this part of the ledger was already written',
  }),
} satisfies MessageTable;
