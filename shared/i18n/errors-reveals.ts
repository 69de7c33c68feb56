/**
 * The limit of full resident ID numbers one person may see in a day (issue 18). A part of the
 * catalogue (./errors.ts), listed in `lambdaHandler`'s messages by the function that reveals
 * them (applications). The Tibetan sentences await a native speaker's review.
 */
import type { Entry } from './catalogue.ts';

const entry = <P = Record<string, never>>(e: Entry<P>): Entry<P> => e;

export const REVEAL_ERROR_MESSAGES = {
  reveal_limit_reached: entry<{ limit?: number }>({
    'zh-CN': (p) => `你今天已经查看了 ${p.limit ?? 20} 个完整身份证号，每人每天最多这么多；请明天再查看，或请组委会调整`,
    bo: (p) => `ཁྱེད་ཀྱིས་དེ་རིང་ཐོབ་ཐང་ལག་འཁྱེར་ཨང་ཆ་ཚང་ ${p.limit ?? 20} ལྟས་ཟིན། མི་རེར་ཉིན་རེར་མང་མཐར་དེ་ཙམ་ཡིན། སང་ཉིན་ཡང་བསྐྱར་ལྟ་རོགས། ཡང་ན་ཨུ་ཡོན་ལྷན་ཁང་ལ་ཞུ་རོགས།`,
    en: (p) => `you have seen ${p.limit ?? 20} full resident ID numbers today, the most one person may in a day: ask again tomorrow, or ask the committee`,
  }),
} satisfies Record<string, Entry<never>>;
