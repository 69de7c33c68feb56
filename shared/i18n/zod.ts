/**
 * A zod validation failure as the API reports it: the field, the rule it breaks (a key of
 * the message catalogue) and the rule's parameters. Refinements in the schemas name their
 * rule in `params.rule`.
 */
import { en } from 'zod/locales';
import * as z from 'zod/mini';
import type { ErrorParams } from './catalogue.ts';

// zod/mini loads no locale: the English messages kept as the fallback (and in an import row's
// answer) are zod's own English ones, as the classic API set them
z.config(en());

export interface FieldProblem {
  field: string;
  rule: string;
  params: ErrorParams;
  /** zod's own (English) message, kept as the fallback */
  message: string;
}

const isFen = (field: string) => /Fen$/.test(field);

type Issue = z.core.$ZodIssue;

function ruleOf(issue: Issue, field: string): { rule: string; params: ErrorParams } {
  switch (issue.code) {
    case 'invalid_type':
      if (!('input' in issue) || issue.input === undefined) return { rule: 'required', params: {} };
      if (issue.expected === 'int' && isFen(field)) return { rule: 'whole_fen', params: {} };
      return { rule: 'wrong_type', params: { expected: issue.expected } };
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return minimum <= 1 ? { rule: 'not_empty', params: {} } : { rule: 'min_number', params: { minimum } };
      if (issue.origin === 'array' || issue.origin === 'set') return { rule: 'min_items', params: { minimum } };
      return isFen(field) ? { rule: 'min_amount', params: { minimumFen: minimum } } : { rule: 'min_number', params: { minimum } };
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return { rule: 'max_length', params: { maximum } };
      if (issue.origin === 'array' || issue.origin === 'set') return { rule: 'max_items', params: { maximum } };
      return isFen(field) ? { rule: 'max_amount', params: { maximumFen: maximum } } : { rule: 'max_number', params: { maximum } };
    }
    case 'invalid_value':
      if ('input' in issue && issue.input === undefined) return { rule: 'required', params: {} };
      return { rule: 'one_of', params: { values: issue.values.map(String) } };
    case 'unrecognized_keys':
      return { rule: 'unknown_fields', params: { keys: issue.keys } };
    case 'invalid_format':
      return { rule: /phone$/.test(field) ? 'mobile' : 'record_id', params: {} };
    case 'custom': {
      const { rule, ...params } = (issue.params ?? {}) as ErrorParams;
      return typeof rule === 'string' ? { rule, params } : { rule: 'invalid', params: {} };
    }
    default:
      return { rule: 'invalid', params: {} };
  }
}

/** Every problem of a failed parse, field by field (`where` names the field of a problem with the whole input). */
export function fieldProblems(error: z.core.$ZodError, where: 'body' | 'query'): FieldProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const field = issue.code === 'unrecognized_keys' && !path ? (issue.keys[0] ?? where) : path || where;
    const message = issue.code === 'unrecognized_keys' ? `has unknown field(s): ${issue.keys.join(', ')}` : issue.message;
    return { field, ...ruleOf(issue, field), message };
  });
}
