/**
 * The shape of a refusal's message, in every language: what the catalogue (`errors.ts`) and its
 * parts (`import-rows.ts`, `ledger-rows.ts`, `errors-<area>.ts`) import, so that no part imports
 * the module that assembles them.
 */
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

export type Render<P> = (p: P, f: Fmt) => string;
/** One message: a sentence per language, written from the error's params. */
export type Entry<P> = Record<Lang, Render<P>>;
