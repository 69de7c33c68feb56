/**
 * The languages the API answers in, chosen from the request's `Accept-Language` with the
 * rules of `negotiator` (q-values, then the most specific match, then the caller's order):
 * `zh` and `zh-CN` match zh-CN, `en-US` matches en, `*` matches any; Chinese when nothing
 * matches. Written here in a few lines instead of bundling negotiator's general parser.
 */
export const LANGS = ['zh-CN', 'bo', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh-CN';

interface Accepted {
  full: string;
  prefix: string;
  q: number;
  order: number;
}

/** The ranges of an Accept-Language header, with their q-values (a q that is not a number counts as 0: never chosen). */
function acceptedOf(header: string): Accepted[] {
  const accepted: Accepted[] = [];
  for (const [order, part] of header.split(',').entries()) {
    const [range = '', ...params] = part.split(';').map((x) => x.trim());
    if (!range) continue;
    const qParam = params.find((p) => /^q\s*=/i.test(p));
    const qText = qParam?.slice(qParam.indexOf('=') + 1).trim();
    const q = qText ? Number.parseFloat(qText) : 1; // an empty q counts as 1, as negotiator reads it
    const full = range.toLowerCase();
    accepted.push({ full, prefix: full.split('-')[0]!, q: Number.isNaN(q) ? 0 : q, order });
  }
  return accepted;
}

/** The best of our languages for an `Accept-Language` header (absent or unmatched: zh-CN). */
export function languageOf(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return DEFAULT_LANG;
  const accepted = acceptedOf(acceptLanguage);
  const ranked: { lang: Lang; q: number; s: number; o: number; i: number }[] = [];
  for (const [i, lang] of LANGS.entries()) {
    const full = lang.toLowerCase();
    const prefix = full.split('-')[0]!;
    // how this language is accepted: by the most specific range, then the highest q, then the later range
    let mine = { q: 0, s: 0, o: -1 };
    for (const a of accepted) {
      const s = a.full === full ? 4 : a.prefix === full ? 2 : a.full === prefix ? 1 : a.full === '*' ? 0 : -1;
      if (s >= 0 && (mine.s - s || mine.q - a.q || mine.o - a.order) < 0) mine = { q: a.q, s, o: a.order };
    }
    if (mine.q > 0) ranked.push({ lang, ...mine, i });
  }
  ranked.sort((a, b) => b.q - a.q || b.s - a.s || a.o - b.o || a.i - b.i);
  return ranked[0]?.lang ?? DEFAULT_LANG;
}
