/**
 * The pieces the 三治 forms share (health checks, consents, training sessions): a labelled
 * date or text box, and the form's end (the refusal, the "saved" line, the submit button).
 * Their styles are `outreach.css`, loaded here with them.
 */
import './outreach.css';
import type { ReactNode } from 'react';
import { todayIso } from '../i18n/format.ts';
import { ErrorMessage } from './feedback.tsx';

/** A date box with its label, no later than today (what was held or signed has happened). */
export function PastDateField({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  return (
    <label className="field">
      <span className="label">{label}</span>
      <input type="date" value={value} max={todayIso()} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

/** A one-line text box with its label. */
export function TextField({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  return (
    <label className="field">
      <span className="label">{label}</span>
      <input value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

/** The end of a form: the API's refusal if any, the line saying it was kept, a note, and the submit button. */
export function FormEnd({ error, done, note, disabled, children }: { error: unknown; done?: string; note?: ReactNode; disabled: boolean; children: ReactNode }) {
  return (
    <>
      {error ? <ErrorMessage error={error} /> : null}
      {done && (
        <p className="notice-ok" role="status">
          {done}
        </p>
      )}
      {note}
      <button type="submit" disabled={disabled}>
        {children}
      </button>
    </>
  );
}
