/**
 * Forms on the API's own zod schemas (`shared/domain/schemas.ts`) with react-hook-form: the
 * resolver runs the schema and words each problem in the UI language from the issue's kind
 * (too long, required, an amount below the minimum…), never the schema's English text. After
 * a failed submit react-hook-form moves focus to the first bad field; an API refusal naming a
 * `field` is put on that field (and focuses it).
 */
import { toNestErrors } from '@hookform/resolvers';
import { useId, useState, type ReactNode } from 'react';
import { useController, useForm, type Control, type DefaultValues, type FieldError, type FieldErrors, type FieldValues, type Path, type Resolver, type UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import { ApiError } from '../api/client.ts';
import { fenToYuanText, parseYuan, yuan } from '../i18n/format.ts';
import { useI18n, type Translate } from '../i18n/index.tsx';
import { errorText } from './feedback.tsx';

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
    case 'custom':
      if (field.toLowerCase().endsWith('residentid')) return t('v_resident_id');
      if (/On$|Date$/.test(field)) return t('v_date');
      return t('v_invalid');
    default:
      return t('v_invalid');
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

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
export function schemaResolver<F extends FieldValues, O>(schema: z.ZodType<O>, t: Translate, prepare: (form: F) => unknown = withoutBlanks, wholeFields: readonly string[] = []): Resolver<F, unknown, O> {
  return async (values, _context, options) => {
    const result = await schema.safeParseAsync(prepare(values));
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

/** Puts an API refusal on the field it names (focusing it); true when a field took it. */
export function applyApiError<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: readonly string[]): boolean {
  if (!(error instanceof ApiError) || !error.field || !fields.includes(error.field)) return false;
  setError(error.field as Path<T>, { type: error.code, message: error.message }, { shouldFocus: true });
  return true;
}

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/** A labelled control with its hint and its problem; the control's accessible name is the visible label. */
export function FormField({ label, error, hint, children, className }: { label: string; error?: string; hint?: string; children: (props: ControlProps) => ReactNode; className?: string }) {
  const id = useId();
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${error ? 'invalid' : ''} ${className ?? ''}`}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-describedby': described, ...(error ? { 'aria-invalid': true as const } : {}) })}
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

/** A group of choices (radio buttons or checkboxes) under a legend. */
export function ChoiceGroup({ legend, error, children, className }: { legend: string; error?: string; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <fieldset className={`choice ${className ?? ''}`} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <div className="choice-row">{children}</div>
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </fieldset>
  );
}

/** A yes/no that must be answered (no default: a wrong "no" is worse than a question); the value is a boolean. */
export function YesNo<T extends FieldValues, O>({ control, name, label }: { control: Control<T, unknown, O>; name: Path<T>; label: string }) {
  const { t } = useI18n();
  const { field, fieldState } = useController({ control, name });
  return (
    <ChoiceGroup legend={label} error={fieldState.error?.message}>
      {([true, false] as const).map((v, i) => (
        <label key={String(v)} className={field.value === v ? 'pill checked' : 'pill'}>
          <input type="radio" name={field.name} value={v ? 'yes' : 'no'} ref={i === 0 ? field.ref : undefined} checked={field.value === v} onChange={() => field.onChange(v)} onBlur={field.onBlur} />
          {t(v ? 'f_yes' : 'f_no')}
        </label>
      ))}
    </ChoiceGroup>
  );
}

/**
 * An amount typed in yuan ("3,000.50"), kept in the form as integer fen: undefined when empty,
 * NaN when it is not an amount (the schema then says so), never a float.
 */
export function MoneyInput<T extends FieldValues, O>({ control, name, label, hint }: { control: Control<T, unknown, O>; name: Path<T>; label: string; hint?: string }) {
  const { field, fieldState } = useController({ control, name });
  const [text, setText] = useState(() => (typeof field.value === 'number' && Number.isFinite(field.value) ? fenToYuanText(field.value) : ''));
  return (
    <FormField label={label} hint={hint} error={fieldState.error?.message}>
      {(props) => (
        <input
          {...props}
          ref={field.ref}
          name={field.name}
          inputMode="decimal"
          autoComplete="off"
          value={text}
          onBlur={field.onBlur}
          onChange={(e) => {
            setText(e.target.value);
            field.onChange(e.target.value.trim() === '' ? undefined : (parseYuan(e.target.value) ?? Number.NaN));
          }}
        />
      )}
    </FormField>
  );
}

/**
 * A form on one of the API's schemas. `submit(send)` validates with the schema (focusing the
 * first bad field), then sends; a refusal naming one of the form's fields goes on that field,
 * any other shows above the buttons (`serverError`).
 */
export function useSchemaForm<F extends FieldValues, O>(schema: z.ZodType<O>, options: { defaultValues: DefaultValues<F>; prepare?: (form: F) => unknown; wholeFields?: readonly string[] }) {
  const { t } = useI18n();
  const form = useForm<F, unknown, O>({ resolver: schemaResolver(schema, t, options.prepare, options.wholeFields), defaultValues: options.defaultValues });
  /** puts a refusal on its field, or above the buttons */
  const reportError = (e: unknown) => {
    if (!applyApiError(e, form.setError, fieldNames(form.getValues()))) form.setError('root.server', { type: 'api', message: errorText(e, t) });
  };
  const submit = (send: (body: O) => Promise<unknown>) =>
    form.handleSubmit(async (body) => {
      try {
        await send(body);
      } catch (e) {
        reportError(e);
      }
    });
  const errors = form.formState.errors as Record<string, { message?: string } | undefined> & { root?: { server?: { message?: string } } };
  /** the problem of a field by its dotted name */
  const errorOf = (name: string): string | undefined => {
    let at: unknown = form.formState.errors;
    for (const part of name.split('.')) at = isPlainObject(at) ? at[part] : undefined;
    return isPlainObject(at) && typeof at.message === 'string' ? at.message : undefined;
  };
  return { ...form, submit, reportError, errorOf, serverError: errors.root?.server?.message };
}

/** A refusal no field of the form shows. */
export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <div className="error" role="alert">
      <span>{message}</span>
    </div>
  );
}
