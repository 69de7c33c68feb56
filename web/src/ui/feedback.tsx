/** Loading, empty and error states, and a record's status, the same on every page. */
import type { ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import { useI18n, type MessageKey, type Translate } from '../i18n/index.tsx';

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" role="status">
      {t('loading')}
    </p>
  );
}

export function Empty({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  return <p className="empty">{children ?? t('empty')}</p>;
}

/** The text of an error in the UI language: the API's own message (it answers in the language asked), or ours for no network. */
export function errorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) return error.code === 'network' ? t('network_unreachable') : error.message;
  return String((error as Error)?.message ?? error);
}

/** An error, with a retry when one makes sense. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="error" role="alert">
      <span>{errorText(error, t)}</span>
      {onRetry && (
        <button type="button" className="link" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

/** Shows loading, then the error (with retry), then the content: for a TanStack Query result. */
export function Loaded<T>({ query, children }: { query: { data?: T; error: unknown; isPending: boolean; refetch: () => unknown }; children: (data: T) => ReactNode }) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.error) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  return <Loading />;
}

export type Status = 'submitted' | 'approved' | 'rejected' | 'active' | 'overdue' | 'repaid' | 'written_off';

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useI18n();
  return <span className={`badge badge-${status}`}>{t(`status_${status}` satisfies MessageKey)}</span>;
}
