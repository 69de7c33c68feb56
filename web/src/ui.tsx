/** Shared parts, for pages written before `ui/` (sign-in): new code imports from `ui/` directly. */
import type { ReactNode } from 'react';

export { ConfirmDialog, Dialog } from './ui/dialog.tsx';
export { Empty, ErrorMessage as ErrorBox, Loading, StatusBadge } from './ui/feedback.tsx';

/** A label around its control (the control's accessible name is the label's text). */
export function Field({ label, children, hint }: { label: string; children: ReactNode; hint?: string }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the child passed in (a label around its input)
    <label className="field">
      <span className="label">{label}</span>
      {children}
      {hint && <span className="hint">{hint}</span>}
    </label>
  );
}
