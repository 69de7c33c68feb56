/**
 * A modal dialog that behaves as one: it takes focus when it opens, keeps Tab inside,
 * closes on Escape, and gives focus back to what had it. Built on the native <dialog>
 * (the rest of the page is inert while it is open).
 */
import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function Dialog({ title, children, onClose, actions }: { title: string; children: ReactNode; onClose: () => void; actions: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const close = useRef(onClose);
  close.current = onClose;
  // a layout effect: it runs in the commit that opens the dialog, while focus is still on what
  // opened it (Preact runs plain effects after the next paint, when a re-render may have moved it)
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // the first field, else the first button that does not act (cancel), else the dialog
    const first = dialog.querySelector<HTMLElement>('input, select, textarea') ?? dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? dialog).focus();
    const onCancel = (e: Event) => {
      e.preventDefault();
      close.current();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Tab') return;
      const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
      if (!items.length) return;
      const [head, tail] = [items[0]!, items[items.length - 1]!];
      if (e.shiftKey && document.activeElement === head) {
        e.preventDefault();
        tail.focus();
      } else if (!e.shiftKey && document.activeElement === tail) {
        e.preventDefault();
        head.focus();
      }
    };
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('keydown', onKey);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('keydown', onKey);
      if (dialog.open) dialog.close();
      if (before?.isConnected) before.focus();
    };
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} aria-modal="true">
      <h3 id={titleId}>{title}</h3>
      <div>{children}</div>
      <div className="actions">{actions}</div>
    </dialog>
  );
}

/** Asks before anything that moves money or cannot be undone; shows what will happen. */
export function ConfirmDialog({ title, children, onConfirm, onCancel, busy }: { title: string; children: ReactNode; onConfirm: () => void; onCancel: () => void; busy?: boolean }) {
  const { t } = useI18n();
  return (
    <Dialog
      title={title}
      onClose={() => !busy && onCancel()}
      actions={
        <>
          <button type="button" className="secondary" onClick={onCancel} disabled={busy} data-autofocus>
            {t('cancel')}
          </button>
          <button type="button" onClick={onConfirm} disabled={busy}>
            {t('confirm')}
          </button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
