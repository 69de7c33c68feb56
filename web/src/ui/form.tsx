/**
 * Forms on the API's own zod schemas (`shared/domain/schemas.ts`) with react-hook-form: the
 * resolver runs the schema and words each problem in the UI language from the issue's kind
 * (too long, required, an amount below the minimum…), never the schema's English text. After
 * a failed submit react-hook-form moves focus to the first bad field; an API refusal naming a
 * `field` is put on that field (and focuses it).
 */
import { useId, useRef, useState, type BaseSyntheticEvent, type ReactNode } from 'react';
import { useController, useForm, type Control, type DefaultValues, type FieldValues, type Path, type UseFormSetError } from 'react-hook-form';
import type * as z from 'zod/mini';
import { ApiError, newIdempotencyKey } from '../api/client.ts';
import { fenToYuanText, parseYuan } from '../i18n/format.ts';
import { useI18n } from '../i18n/index.tsx';
import { fieldNames, isPlainObject, schemaResolver } from './schema-messages.ts';

export { fieldNames, issueText, schemaResolver, splitNames, withoutBlanks } from './schema-messages.ts';
import { errorText } from './feedback.tsx';

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
export function useSchemaForm<F extends FieldValues, O>(schema: z.ZodMiniType<O>, options: { defaultValues: DefaultValues<F>; prepare?: (form: F) => unknown; wholeFields?: readonly string[] }) {
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

/**
 * The end of a form: the API's refusal (if any), then "cancel" when the form can be closed,
 * and the submit button (disabled while sending).
 */
export function FormActions({ error, busy, submitLabel, onCancel, danger = false }: { error?: string; busy: boolean; submitLabel: string; onCancel?: () => void; danger?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <FormError message={error} />
      <div className="actions">
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            {t('cancel')}
          </button>
        )}
        <button type="submit" className={danger ? 'd-danger' : undefined} disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}

/**
 * The two steps of a form that moves money or closes something: a valid body is first held
 * for the confirmation dialog (`confirming`), then `confirm()` sends it once under one
 * Idempotency-Key (the same key when the same body is sent again after a lost answer, a new
 * one after success); a refusal goes back onto the form.
 */
export function useConfirmedSubmit<O>(
  form: { submit: (send: (body: O) => Promise<unknown>) => (e?: BaseSyntheticEvent) => Promise<void>; reportError: (e: unknown) => void },
  send: (body: O, idempotencyKey: string) => Promise<unknown>,
) {
  const key = useRef(newIdempotencyKey());
  const [confirming, setConfirming] = useState<O>();
  const [busy, setBusy] = useState(false);
  const onSubmit = form.submit(async (body) => setConfirming(body));
  const confirm = async () => {
    if (!confirming) return;
    setBusy(true);
    try {
      await send(confirming, key.current);
      key.current = newIdempotencyKey();
    } catch (e) {
      form.reportError(e);
    } finally {
      setBusy(false);
      setConfirming(undefined);
    }
  };
  return { onSubmit, confirming, busy, confirm, cancel: () => setConfirming(undefined) };
}
