/**
 * With the UI in བོད་ཡིག or English, no Chinese UI phrase on the page: every visible text (and
 * every accessible name, placeholder and title) that contains Han characters or Chinese punctuation
 * must be data — what people typed or named (mothers, villages, offices, rounds, notes) — and
 * nothing else.
 *
 * What is data is not listed by phrase: it is every string the API answered this browser with
 * (its JSON answers, recorded from the first request on), except the texts the server words in the
 * reader's language (`text`, `summary`, `message`, …) and any string that is a phrase of the Chinese
 * catalogue. From each text on the page the data strings are taken out; a Han character left is a UI
 * phrase. An amount in Chinese capitals (壹万元整: how Chinese money paper writes a sum, shown
 * beside the figure in every language, like ¥) is a number, not a phrase. Marked content is skipped: `translate="no"` (the HTML standard for names and quotes not to
 * translate), and on printed documents (bilingual by design) a Chinese line whose Tibetan line is
 * there beside it (a Chinese line without its Tibetan pair is reported), an amount in capitals
 * (`.pr-capitals`, 人民币 壹万元整), and the accessible names given in the document's own language
 * (`lang="zh-CN"`). A printed document with no bilingual line at all is Chinese paper by design (the
 * confirmation list 报批表 and the evaluation report go to the committee in Chinese): skipped whole.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

/** Han ideographs (with extension A), CJK symbols and punctuation (、。「」; not the ideographic space), full-width forms (，：（）; not the low line ＿ of a blank to fill in). */
export const HAN_SOURCE = '[\\u3400-\\u4DBF\\u4E00-\\u9FFF\\u3001-\\u303F\\uFF01-\\uFF3E\\uFF40-\\uFF60\\uFFE0-\\uFFEE]';
const HAN = new RegExp(HAN_SOURCE);

/** Keys of the API's answers whose strings the server words in the reader's language: UI texts, not data. */
const WORDED_KEYS = new Set(['text', 'summary', 'message', 'lastError', 'title', 'help']);

const I18N = resolve(import.meta.dirname, '..', '..', '..', 'web', 'src', 'i18n');

/** Every phrase of the web app's Chinese catalogue (all its parts): never data, even when an answer carries one. */
export async function chineseCatalogue(): Promise<Set<string>> {
  const phrases = new Set<string>();
  for (const file of readdirSync(I18N).filter((f) => /^zh-CN(\..+)?\.ts$/.test(f))) {
    const mod = (await import(join(I18N, file))) as Record<string, unknown>;
    for (const part of Object.values(mod))
      if (part && typeof part === 'object')
        for (const v of Object.values(part)) {
          if (typeof v === 'string' && HAN.test(v)) phrases.add(v.trim());
        }
  }
  return phrases;
}

export interface AnsweredData {
  /** the data strings answered so far (every answer received by now read to its end) */
  strings(): Promise<string[]>;
}

/** Records, from now on, the data strings of the API's JSON answers to the context's pages. */
export function answeredData(context: BrowserContext, notData: Set<string>): AnsweredData {
  const strings = new Set<string>();
  const pending = new Set<Promise<void>>();
  const add = (value: unknown, key?: string): void => {
    if (typeof value === 'string') {
      const s = value.trim();
      // one character is too little to tell a name from a word
      if (s.length >= 2 && HAN.test(s) && !notData.has(s) && !(key && WORDED_KEYS.has(key))) strings.add(s);
    } else if (Array.isArray(value)) for (const v of value) add(v, key);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) add(v, k);
  };
  context.on('response', (res) => {
    if (!(res.headers()['content-type'] ?? '').includes('json')) return;
    const read: Promise<void> = res
      .json()
      .then(add, () => undefined)
      .finally(() => pending.delete(read));
    pending.add(read);
  });
  return {
    async strings() {
      while (pending.size > 0) await Promise.all([...pending]);
      return [...strings];
    },
  };
}

/**
 * The texts of the page that show a Chinese phrase not made of data, each as 「text」 (an
 * attribute's as name=「text」); a Chinese line of a printed document without its Tibetan pair as
 * "unpaired 「text」".
 */
export async function chinesePhrases(page: Page, data: string[]): Promise<string[]> {
  return page.evaluate(
    ({ data, han }) => {
      const HAN_RE = new RegExp(han);
      // longest first, so a name inside a longer name is taken out with it
      const names = [...data].sort((a, b) => b.length - a.length);
      const found = new Set<string>();
      const check = (text: string, label?: string) => {
        let rest = text;
        for (const n of names) if (rest.includes(n)) rest = rest.split(n).join(' ');
        // amounts in Chinese capitals: a run of their characters with a digit and a unit
        rest = rest.replace(/[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]{2,}/g, (run) => (/[零壹贰叁肆伍陆柒捌玖拾]/.test(run) && /[元角分]/.test(run) ? ' ' : run));
        if (HAN_RE.test(rest)) {
          const shown = text.replace(/\s+/g, ' ').trim().slice(0, 120);
          found.add(label ? `${label}=「${shown}」` : `「${shown}」`);
        }
      };
      // printed documents in Chinese only (no bilingual line): Chinese paper by design
      const chinesePaper = Array.from(document.querySelectorAll('article.pr-doc')).filter((doc) => !doc.querySelector('.pr-bi'));
      const skipped = (el: Element | null) => !el || !!el.closest('[translate="no"], script, style, noscript, template, .pr-capitals') || chinesePaper.some((doc) => doc.contains(el));
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.nodeValue ?? '';
        const el = node.parentElement;
        if (!HAN_RE.test(text) || skipped(el)) continue;
        // a printed document's Chinese line, with its Tibetan line beside it (bilingual paper)
        const zhLine = el?.closest('.pr-bi > .pr-zh');
        if (zhLine) {
          const boLine = zhLine.parentElement?.querySelector(':scope > .pr-bo');
          if (!boLine?.textContent?.trim()) found.add(`unpaired 「${text.trim().slice(0, 120)}」`);
          continue;
        }
        check(text);
      }
      for (const attr of ['aria-label', 'placeholder', 'title', 'alt'])
        for (const el of Array.from(document.body.querySelectorAll(`[${attr}]`))) {
          const value = el.getAttribute(attr) ?? '';
          // on printed paper (a document, or what holds its pages), a name given in the paper's own language (Chinese)
          const paper = !!el.closest('article.pr-doc') || !!el.querySelector('article.pr-doc');
          const paperName = paper && el.closest('[lang]')?.getAttribute('lang') === 'zh-CN';
          if (HAN_RE.test(value) && !skipped(el) && !paperName) check(value, attr);
        }
      if (HAN_RE.test(document.title)) check(document.title, 'title of the page');
      return [...found];
    },
    { data, han: HAN_SOURCE },
  );
}
