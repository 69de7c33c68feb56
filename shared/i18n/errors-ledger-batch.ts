/**
 * Refusals of a ledger import as a whole: what staging, approving and applying a batch refuse
 * (the rows of its sheets: ./ledger-rows.ts, which only the staging function answers with, as it
 * answers with `./errors-ledger-staging.ts` and none of the rest).
 * Part of ERROR_MESSAGES through `./errors-ledger-import.ts`.
 */
import { entry, type MessageTable } from './catalogue.ts';
import { LEDGER_STAGING_ERRORS } from './errors-ledger-staging.ts';

export const LEDGER_BATCH_ERRORS = {
  ...LEDGER_STAGING_ERRORS,
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
