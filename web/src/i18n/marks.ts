/**
 * The punctuation a page puts between words and data — a label and its value, the items of a
 * list, an aside in brackets — in each UI language: Chinese marks (：、（）) in Chinese only. Marks,
 * not words, so not in the catalogues: a Tibetan label already ends with its shad (or a final ག),
 * so a space is its colon. To be reviewed with the Tibetan catalogue by a native reader.
 */
import { useI18n } from './index.tsx';
import type { Lang } from './format.ts';

export interface Marks {
  /** between a label and its value */
  colon: string;
  /** between the items of a list */
  list: string;
  /** an aside after what it explains */
  aside(x: string | number): string;
}

export const MARKS: Record<Lang, Marks> = {
  zh: { colon: '：', list: '、', aside: (x) => `（${x}）` },
  bo: { colon: ' ', list: ', ', aside: (x) => ` (${x})` },
  en: { colon: ': ', list: ', ', aside: (x) => ` (${x})` },
};

/** The marks of the UI language. */
export function useMarks(): Marks {
  return MARKS[useI18n().lang];
}
