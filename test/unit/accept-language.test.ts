/**
 * The API's language comes from Accept-Language by negotiator's rules, now written in a
 * few lines (shared/i18n/lang.ts) so that no function bundles negotiator's parser: both
 * must choose the same language for every header a browser or a client may send.
 */
import Negotiator from 'negotiator';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LANG, LANGS, languageOf } from '../../shared/i18n/lang.ts';

const byNegotiator = (header: string) => {
  const best = new Negotiator({ headers: { 'accept-language': header } }).language([...LANGS]);
  return (LANGS as readonly string[]).includes(best ?? '') ? best : DEFAULT_LANG;
};

const RANGES = [
  'zh',
  'zh-CN',
  'zh-cn',
  'zh-TW',
  'bo',
  'bo-CN',
  'en',
  'en-US',
  'EN-gb',
  '*',
  'fr',
  'bo;q=0',
  'en;q=0.5',
  'zh;q=0.9',
  '*;q=0.1',
  'en;q=0',
  'bo;q=0.9',
  'zh-CN;q=0.8',
  'en; q=0.7',
  'bo;q=',
];

describe('Accept-Language', () => {
  it('chooses as negotiator does for every combination of up to three ranges', () => {
    const differ: string[] = [];
    for (const a of RANGES)
      for (const b of RANGES)
        for (const c of ['', ...RANGES.slice(0, 10)]) {
          const header = [a, b, c].filter(Boolean).join(', ');
          if (byNegotiator(header) !== languageOf(header)) differ.push(header);
        }
    expect(differ).toEqual([]);
  });

  it.each([
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['en-US,en;q=0.9', 'en'],
    ['bo', 'bo'],
    ['fr-FR,fr;q=0.9', 'zh-CN'],
    ['en;q=0.2, bo;q=0.8', 'bo'],
    ['', 'zh-CN'],
  ])('%j → %s', (header, lang) => {
    expect(languageOf(header)).toBe(lang);
  });
});
