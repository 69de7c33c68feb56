/**
 * The shape of the API's message catalogue (a leaf: the catalogue's parts import it, it
 * imports none of them). A refusal names its message by `rule` (or its `code`) with
 * structured `params`; an entry writes the sentence in each language. The parts are
 * `errors-<area>.ts`; `errors.ts` merges them all (tests, OpenAPI), while a Lambda function
 * bundles only the parts it may answer with (`lambdaHandler`'s `messages`).
 */
import { fieldLabel } from './fields.ts';
import { date, list, yuan, yuanRange } from './format.ts';
import type { Lang } from './lang.ts';

export type ErrorParams = Record<string, unknown>;

/** What a message may use: the language, the field's label and the formatters bound to the language. */
export interface Fmt {
  lang: Lang;
  /** label of the error's field ("申请金额"), or '' */
  field: string;
  yuan: (fen: number) => string;
  range: (minFen: number, maxFen: number) => string;
  date: (iso: string) => string;
  list: (items: readonly string[]) => string;
  label: (field: string) => string;
}

type Render<P> = (p: P, f: Fmt) => string;
export type Entry<P> = Record<Lang, Render<P>>;
export const entry = <P = Record<string, never>>(e: Entry<P>): Entry<P> => e;

/** A part of the catalogue: rule or code → its entry. */
export type MessageTable = Record<string, Entry<never>>;

export function fmtFor(lang: Lang, field?: string): Fmt {
  return {
    lang,
    field: fieldLabel(field, lang),
    yuan: (fen) => yuan(fen, lang),
    range: (a, b) => yuanRange(a, b, lang),
    date: (d) => date(d, lang),
    list: (xs) => list(xs, lang),
    label: (name) => fieldLabel(name, lang),
  };
}

export const W = (zh: string, bo: string, en: string): Record<Lang, string> => ({ 'zh-CN': zh, bo, en });
export const word = (table: Record<string, Record<Lang, string>>, key: unknown, lang: Lang) => table[String(key)]?.[lang] ?? String(key);

/** The message for a rule or code in a language from the parts given, or undefined when none has it. */
export function textFrom(tables: readonly MessageTable[], key: string, params: ErrorParams, lang: Lang, field?: string): string | undefined {
  for (const table of tables) {
    const e = Object.hasOwn(table, key) ? (table[key] as unknown as Entry<ErrorParams>) : undefined;
    if (!e) continue;
    try {
      return e[lang](params, fmtFor(lang, field));
    } catch {
      return undefined;
    }
  }
  return undefined;
}
