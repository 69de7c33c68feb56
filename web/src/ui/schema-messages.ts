/**
 * The API's zod schemas as a react-hook-form resolver, with every problem worded in the UI
 * language from the issue's kind (too long, required, an amount below the minimum…), never
 * the schema's English text. Pure: no React, so the unit tests run it against the real schemas.
 */
import { toNestErrors } from '@hookform/resolvers';
import type { FieldError, FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type * as z from 'zod/mini';
import { yuan } from '../i18n/format.ts';
import type { Translate } from '../i18n/catalogue.ts';
import '../i18n/zh-CN.checks.ts';

type Issue = z.core.$ZodIssue;

const isMoney = (path: PropertyKey[]) => String(path.at(-1) ?? '').endsWith('Fen');

/** One schema problem in words, in the UI language. */
export function issueText(issue: Issue, t: Translate): string {
  const field = String(issue.path.at(-1) ?? '');
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? t('v_required') : t('v_too_short', { n: min });
      if (issue.origin === 'array' || issue.origin === 'set') return t('v_choose_some');
      return isMoney(issue.path) ? t('v_amount_min', { a: yuan(min) }) : t('v_number_min', { n: min });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return t('v_too_long', { n: max });
      return isMoney(issue.path) ? t('v_amount_max', { a: yuan(max) }) : t('v_number_max', { n: max });
    }
    case 'invalid_type':
      if (issue.input === undefined || issue.input === '' || issue.input === null) return issue.expected === 'boolean' ? t('v_choose') : t('v_required');
      return isMoney(issue.path) || issue.expected === 'number' || issue.expected === 'int' ? t('v_amount') : t('v_invalid');
    case 'invalid_value':
    case 'invalid_union':
      return issue.input === undefined || issue.input === '' ? t('v_choose') : t('v_invalid');
    case 'custom': {
      // a check that names its rule gets its own words (the characters it refuses, in the UI language)
      const params = (issue.params ?? {}) as { rule?: string; characters?: string[]; codePoint?: string };
      if (params.rule === 'receipt_characters') return t('v_receipt_characters', { chars: (params.characters ?? []).join(' ') });
      if (params.rule === 'hidden_characters') return t('v_hidden_characters', { char: params.codePoint ?? '' });
      if (field.toLowerCase().endsWith('residentid')) return t('v_resident_id');
      if (/On$|Date$/.test(field)) return t('v_date');
      return t('v_invalid');
    }
    default:
      return t('v_invalid');
  }
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Drops empty texts, at any depth (an optional field left blank is absent, a required one is then "required"). */
export function withoutBlanks<T extends Record<string, unknown>>(values: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || (typeof v === 'string' && v.trim() === '')) continue;
    out[k] = isPlainObject(v) ? withoutBlanks(v) : v;
  }
  return out as Partial<T>;
}

/** Names typed in one box, separated by 、 commas, semicolons or new lines. */
export function splitNames(text: string): string[] {
  return text
    .split(/[,，、;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The dotted names of a form's fields (`mother.residentId`), to match an API error's `field`. */
export function fieldNames(values: unknown, prefix = ''): string[] {
  if (!isPlainObject(values)) return prefix ? [prefix] : [];
  return Object.entries(values).flatMap(([k, v]) => [`${prefix}${k}`, ...(isPlainObject(v) ? fieldNames(v, `${prefix}${k}.`) : [])]);
}

/**
 * A react-hook-form resolver over a zod schema, with messages in the UI language. `prepare`
 * turns the form's values into the request body (blank optional texts dropped by default);
 * problems inside a field shown as one control (a list of names typed in one box) land on it.
 */
export function schemaResolver<F extends FieldValues, O>(
  schema: z.ZodMiniType<O>,
  t: Translate,
  prepare: (form: F) => unknown = withoutBlanks,
  wholeFields: readonly string[] = [],
): Resolver<F, unknown, O> {
  return async (values, _context, options) => {
    // with the input of each problem, to tell "missing" from "not an amount"
    const result = await schema.safeParseAsync(prepare(values), { reportInput: true });
    if (result.success) return { values: result.data, errors: {} };
    const errors: Record<string, FieldError> = {};
    for (const issue of result.error.issues) {
      const first = String(issue.path[0] ?? '');
      const path = wholeFields.includes(first) ? first : issue.path.map(String).join('.');
      errors[path] ??= { type: issue.code, message: issueText(issue, t) };
    }
    return { values: {}, errors: toNestErrors(errors, options) as FieldErrors<F> };
  };
}
