/**
 * Refusals of a mother's data-subject requests (PIPL arts. 45–47), in Chinese, Tibetan and
 * English; spread into `ERROR_MESSAGES` (./errors.ts) and the applications function's messages.
 * To be reviewed by a native Tibetan reader.
 */
import { entry } from './catalogue.ts';

export const PERSONAL_DATA_ERROR_MESSAGES = {
  household_size_counted: entry({
    'zh-CN': () => '她的借款已发放，家庭人口已计入统计报表，不能再更正；如确有错误，请在备注中说明',
    bo: () => 'ཁོ་མོའི་བུ་ལོན་སྤྲོད་ཟིན་པས་ཁྱིམ་མིའི་གྲངས་སྡོམ་རྩིས་སྙན་ཞུར་བཅུག་ཟིན། ད་ནས་བཅོས་སྒྲིག་བྱེད་མི་ཆོག',
    en: () => 'her loan has been paid out and the household size is counted in the reports; it can no longer be corrected',
  }),
  correction_unchanged: entry({
    'zh-CN': () => '更正后的信息与现有信息相同，没有需要更正的内容',
    bo: () => 'བཅོས་སྒྲིག་བྱས་རྗེས་ཀྱི་ཆ་འཕྲིན་དང་ད་ཡོད་ཆ་འཕྲིན་གཅིག་མཚུངས་ཡིན། བཅོས་སྒྲིག་བྱེད་རྒྱུ་མེད།',
    en: () => 'the corrected details are the same as those held: there is nothing to correct',
  }),
  personal_data_anonymised: entry({
    'zh-CN': () => '她的个人信息已在保存期满后匿名化，不能再更正',
    bo: () => 'ཁོ་མོའི་མི་སྒེར་ཆ་འཕྲིན་ཉར་ཚགས་དུས་ཚོད་རྫོགས་རྗེས་མིང་མེད་དུ་བཟོས་ཟིན་པས་བཅོས་སྒྲིག་བྱེད་མི་ཐུབ།',
    en: () => 'her personal data was anonymised when the retention period ended; it can no longer be corrected',
  }),
};
