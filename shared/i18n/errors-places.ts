/**
 * Refusals about offices and rounds named in a request: an office that does not exist, is
 * not below the committee or already exists; a round that does not exist or lies in another
 * district. A part of the catalogue (./errors.ts), listed in `lambdaHandler`'s messages by the
 * functions whose code names these rules.
 */
import { entry, type MessageTable } from './catalogue.ts';

export const PLACE_ERRORS = {
  office_missing: entry<{ officeId: string }>({
    'zh-CN': (p, f) => `${f.field}所指的单位 ${p.officeId} 不存在`,
    bo: (p, f) => `${f.field} ནང་གི་ལས་ཁུངས་ ${p.officeId} མེད།`,
    en: (p, f) => `${f.field} names office ${p.officeId}, which does not exist`,
  }),
  office_below_committee: entry({
    'zh-CN': () => '单位编号必须位于组委会之下（如 lhasa.chengguan）',
    bo: () => 'ལས་ཁུངས་ཀྱི་ཨང་རྟགས་ཨུ་ཡོན་ལྷན་ཁང་གི་འོག་ཏུ་ཡོད་དགོས། (དཔེར་ན་ lhasa.chengguan)',
    en: () => 'must name an office below the committee (dotted path)',
  }),
  round_missing: entry({ 'zh-CN': () => '所选轮次不存在', bo: () => 'བདམས་པའི་སྐོར་རིམ་མེད།', en: () => 'names a round that does not exist' }),
  round_other_district: entry({ 'zh-CN': () => '所选轮次不属于该村所在的区', bo: () => 'བདམས་པའི་སྐོར་རིམ་གྲོང་ཚོ་འདིའི་ཆུས་ཀྱི་མིན།', en: () => 'the round belongs to another district than the village' }),
  district_round_mismatch: entry({ 'zh-CN': () => '所选区与轮次所属的区不一致', bo: () => 'བདམས་པའི་ཆུས་དང་སྐོར་རིམ་གྱི་ཆུས་མི་མཐུན།', en: () => 'names another district than the round’s' }),
  exists: entry({ 'zh-CN': () => '该单位已存在', bo: () => 'ལས་ཁུངས་འདི་ཡོད་ཟིན།', en: () => 'the office already exists' }),
} satisfies MessageTable;
