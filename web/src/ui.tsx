/** Shared building blocks: loading, empty and error states, confirmation before money moves, form fields. */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { ApiError } from './api.ts';
import { useI18n } from './i18n.tsx';

export function Loading() {
  const { t } = useI18n();
  return <p className="muted" role="status">{t('loading')}</p>;
}

export function Empty({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  return <p className="empty">{children ?? t('empty')}</p>;
}

/** The API's own message, naming the field when it did. */
export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const message = error instanceof ApiError ? (error.code === 'network' ? t('network_unreachable') : error.message) : String((error as Error)?.message ?? error);
  return (
    <div className="error" role="alert">
      <span>{message}</span>
      {onRetry && (
        <button type="button" className="link" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

/** Loads data on mount and when `deps` change; gives loading / error / data, a reload, and `set` for data a change returned. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): { data?: T; error?: unknown; loading: boolean; reload: () => void; set: (data: T) => void } {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: undefined }));
    load(controller.signal).then(
      (data) => !controller.signal.aborted && setState({ data, loading: false }),
      (error: unknown) => !controller.signal.aborted && (error as Error)?.name !== 'AbortError' && setState({ error, loading: false }),
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((x) => x + 1), []);
  const set = useCallback((data: T) => setState({ data, loading: false }), []);
  return { ...state, reload, set };
}

/** Asks before anything that moves money; shows what will happen. */
export function ConfirmDialog({ title, children, onConfirm, onCancel, busy }: { title: string; children: ReactNode; onConfirm: () => void; onCancel: () => void; busy?: boolean }) {
  const { t } = useI18n();
  return (
    <div className="dialog-backdrop" role="presentation">
      <div className="dialog" role="dialog" aria-modal="true" aria-label={title}>
        <h3>{title}</h3>
        <div>{children}</div>
        <div className="actions">
          <button type="button" className="secondary" onClick={onCancel} disabled={busy}>
            {t('cancel')}
          </button>
          <button type="button" onClick={onConfirm} disabled={busy}>
            {t('confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}

export function Field({ label, children, hint }: { label: string; children: ReactNode; hint?: string }) {
  return (
    <label className="field">
      <span className="label">{label}</span>
      {children}
      {hint && <span className="hint">{hint}</span>}
    </label>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return <span className={`badge badge-${status}`}>{t(`status_${status}`)}</span>;
}
