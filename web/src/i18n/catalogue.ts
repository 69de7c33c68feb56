/**
 * The words of the UI, without React: the Chinese catalogue as loaded so far (its district and
 * committee parts add themselves when their pages load), the translator over a language's
 * catalogue with Chinese as the fallback, and placeholders.
 */
import { addChinese, loadedChinese } from './chinese.ts';
import { zhCN, type MessageKey } from './zh-CN.ts';

export type { MessageKey };
export { addChinese };
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

export type Catalogue = Partial<Record<MessageKey, string>>;

/** The Chinese words loaded so far: the app's own part, then the district and committee parts as their pages load. */
export const chinese: Catalogue = loadedChinese;
addChinese(zhCN);

/** Whether a key built from data (a rule's or an event's name) is in the catalogue. */
export const isMessageKey = (key: string): key is MessageKey => key in chinese;

/** Fills `{name}` placeholders. */
export function interpolate(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A translator over one catalogue, falling back to Chinese. */
export function translator(catalogue: Catalogue): Translate {
  return (key, vars) => interpolate(catalogue[key] ?? chinese[key] ?? key, vars);
}
