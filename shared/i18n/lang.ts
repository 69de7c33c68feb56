/**
 * The languages the API answers in, chosen from the request's `Accept-Language` (q-values
 * honoured, by `negotiator`); Chinese when nothing matches.
 */
import Negotiator from 'negotiator';

export const LANGS = ['zh-CN', 'bo', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh-CN';

/** The best of our languages for an `Accept-Language` header (absent or unmatched: zh-CN). */
export function languageOf(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return DEFAULT_LANG;
  const best = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).language([...LANGS]);
  return (LANGS as readonly string[]).includes(best ?? '') ? (best as Lang) : DEFAULT_LANG;
}
