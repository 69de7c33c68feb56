/**
 * A reason said in a few words (settings changes, full-ID reveals, corrections; issue 18). A
 * part of the catalogue (./errors.ts), listed in `lambdaHandler`'s messages by the functions
 * whose code names this rule. The Tibetan sentences await a native speaker's review.
 */
import type { Entry } from './catalogue.ts';

const entry = <P = Record<string, never>>(e: Entry<P>): Entry<P> => e;

export const REASON_ERROR_MESSAGES = {
  reason_too_short: entry<{ han?: number; tibetanSyllables?: number; words?: number }>({
    'zh-CN': (p, f) => `${f.field || '理由'}要用几句话说明：至少 ${p.han ?? 4} 个汉字（或 ${p.tibetanSyllables ?? 3} 个藏文音节、${p.words ?? 3} 个词）`,
    bo: (p, f) => `${f.field || 'རྒྱུ་མཚན'} ཚིག་འགའ་ཡིས་གསལ་བཤད་བྱེད་དགོས། ཉུང་མཐར་ཡི་གེ་ ${p.tibetanSyllables ?? 3} (རྒྱ་ཡིག་ ${p.han ?? 4}) དགོས།`,
    en: (p, f) => `${f.field || 'the reason'} must say why in a few words: at least ${p.words ?? 3} words (or ${p.han ?? 4} Chinese characters, ${p.tibetanSyllables ?? 3} Tibetan syllables)`,
  }),
} satisfies Record<string, Entry<never>>;
