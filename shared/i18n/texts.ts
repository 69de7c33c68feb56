/**
 * The texts of a function's bundle, read per language (infra/text-split.ts builds the bundle:
 * docs/performance.md, "Texts per language"). Nothing of the sources imports this module: in
 * `index.mjs` each text of the catalogues became `text(key)`, an object that answers
 * `['zh-CN']`, `.bo` and `.en` as the text did, by looking its key up in that language's file
 * `i18n-<lang>.cjs` beside `index.mjs`, loaded (and parsed) on the first read in the language.
 * A caller who reads Tibetan never loads the Chinese or English texts.
 */
import { createRequire } from 'node:module';
import type { Lang } from './lang.ts';

/** A language file: each text's key → its value in the language. */
type TextFile = Record<string, unknown>;

const loaded: Partial<Record<Lang, TextFile>> = {};
const requireHere = createRequire(import.meta.url);

/** The texts of one language, from the file beside the bundle (read once per execution environment). */
function textsIn(lang: Lang): TextFile {
  let file = loaded[lang];
  if (!file) {
    file = (requireHere(`./i18n-${lang}.cjs`) as { default: TextFile }).default;
    loaded[lang] = file;
  }
  return file;
}

function textOf(lang: Lang, key: string): never {
  const texts = textsIn(lang);
  if (!Object.hasOwn(texts, key)) throw new Error(`text ${key} is missing from i18n-${lang}.cjs: the bundle and its language files were built apart`);
  return texts[key] as never;
}

/** One text of the catalogues, as each language writes it. */
class Text {
  constructor(private readonly key: string) {}
  get 'zh-CN'(): never {
    return textOf('zh-CN', this.key);
  }
  get bo(): never {
    return textOf('bo', this.key);
  }
  get en(): never {
    return textOf('en', this.key);
  }
}

/** The text under `key` (what the build writes in place of `{ 'zh-CN': …, bo: …, en: … }`). */
export const text = (key: string): Record<Lang, never> => new Text(key);
