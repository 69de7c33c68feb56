/**
 * A reason said in a few words (settings changes, full-ID reveals, corrections), and the
 * limit of full resident ID numbers one person may see in a day (issue 18). A part of the
 * catalogue (./errors.ts), listed in `lambdaHandler`'s messages by the functions whose code
 * names these rules. The Tibetan sentences await a native speaker's review.
 */
import type { Entry } from './catalogue.ts';

const entry = <P = Record<string, never>>(e: Entry<P>): Entry<P> => e;

export const REASON_ERROR_MESSAGES = {
  reason_too_short: entry<{ han?: number; tibetanSyllables?: number; words?: number }>({
    'zh-CN': (p, f) => `${f.field || '理由'}要用几句话说明：至少 ${p.han ?? 4} 个汉字（或 ${p.tibetanSyllables ?? 3} 个藏文音节、${p.words ?? 3} 个词）`,
    bo: (p, f) => `${f.field || 'རྒྱུ་མཚན'} ཚིག་འགའ་ཡིས་གསལ་བཤད་བྱེད་དགོས། ཉུང་མཐར་ཡི་གེ་ ${p.tibetanSyllables ?? 3} (རྒྱ་ཡིག་ ${p.han ?? 4}) དགོས།`,
    en: (p, f) => `${f.field || 'the reason'} must say why in a few words: at least ${p.words ?? 3} words (or ${p.han ?? 4} Chinese characters, ${p.tibetanSyllables ?? 3} Tibetan syllables)`,
  }),
  reveal_limit_reached: entry<{ limit?: number }>({
    'zh-CN': (p) => `你今天已经查看了 ${p.limit ?? 20} 个完整身份证号，每人每天最多这么多；请明天再查看，或请组委会调整`,
    bo: (p) => `ཁྱེད་ཀྱིས་དེ་རིང་ཐོབ་ཐང་ལག་འཁྱེར་ཨང་ཆ་ཚང་ ${p.limit ?? 20} ལྟས་ཟིན། མི་རེར་ཉིན་རེར་མང་མཐར་དེ་ཙམ་ཡིན། སང་ཉིན་ཡང་བསྐྱར་ལྟ་རོགས། ཡང་ན་ཨུ་ཡོན་ལྷན་ཁང་ལ་ཞུ་རོགས།`,
    en: (p) => `you have seen ${p.limit ?? 20} full resident ID numbers today, the most one person may in a day: ask again tomorrow, or ask the committee`,
  }),
} satisfies Record<string, Entry<never>>;
