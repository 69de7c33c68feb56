/** Small form parts of the field forms: field errors, yes/no choices, checks the API would make. */
import { useI18n } from '../../i18n.tsx';

export function FieldError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <span className="f-field-error" role="alert">
      {message}
    </span>
  );
}

/** A yes/no that must be answered (no default: a wrong "no" is worse than a question). */
export function YesNo({ name, label, value, onChange, error }: { name: string; label: string; value: string; onChange: (v: string) => void; error?: string }) {
  const { t } = useI18n();
  return (
    <fieldset className="f-choice" aria-invalid={error ? true : undefined}>
      <legend>{label}</legend>
      <div className="f-choice-row">
        {(['yes', 'no'] as const).map((v) => (
          <label key={v} className={value === v ? 'f-pill checked' : 'f-pill'}>
            <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} />
            {t(v === 'yes' ? 'f_yes' : 'f_no')}
          </label>
        ))}
      </div>
      <FieldError message={error} />
    </fieldset>
  );
}

/** The API's text rule (trimmed, 1..max characters): a message, or undefined when fine. */
export function checkText(value: string, max: number, required: boolean, t: (k: string, v?: Record<string, string | number>) => string): string | undefined {
  const s = value.trim();
  if (!s) return required ? t('f_required') : undefined;
  if (s.length > max) return t('f_too_long', { n: max });
  return undefined;
}

/** Integer fen as the yuan people type ("3000", "3000.5"), without floats. */
export function fenToYuanText(fen: number): string {
  const cents = fen % 100;
  return `${Math.trunc(fen / 100)}${cents ? `.${String(cents).padStart(2, '0')}` : ''}`;
}
