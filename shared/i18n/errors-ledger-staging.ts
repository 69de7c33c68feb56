/**
 * What staging a ledger batch refuses as a whole: the staging function answers with these and
 * none of what approving and applying a batch refuse (`./errors-ledger-batch.ts`, which spreads
 * them). Apart from it, so that the staging function's Tibetan texts hold only its own.
 */
import { entry, type MessageTable } from './catalogue.ts';

/** What staging a batch refuses as a whole (the staging function answers with these, and none of the rest). */
export const LEDGER_STAGING_ERRORS = {
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
} satisfies MessageTable;
