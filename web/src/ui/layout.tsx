/**
 * The building blocks of the pages that show records: sections, label / value pairs, the way back,
 * what is shown while a record loads, lists that grow page by page, dates as people write them.
 */
import type { ReactNode } from 'react';
import { usePages } from '../api/queries.ts';
import { date } from '../i18n/format.ts';
import { useI18n } from '../i18n/index.tsx';
import { Link } from '../router.tsx';
import { ErrorMessage, Loading } from './feedback.tsx';

export function Section({ title, children, actions, id }: { title: string; children: ReactNode; actions?: ReactNode; id?: string }) {
  return (
    <section className="card d-section" id={id} aria-label={title}>
      <div className="row d-section-head">
        <h2>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** Label / value pairs. */
export function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="d-facts">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function BackLink({ to, label }: { to: string; label?: string }) {
  const { t } = useI18n();
  return (
    <Link to={to} className="d-back no-print">
      ← {label ?? t('back')}
    </Link>
  );
}

/** Shows loading, then the error (with retry), then the content. */
export function Loaded<T>({ state, children }: { state: { data?: T; error?: unknown; loading: boolean; reload: () => void }; children: (data: T) => ReactNode }) {
  if (state.data !== undefined) return <>{children(state.data)}</>;
  if (state.error !== undefined) return <ErrorMessage error={state.error} onRetry={state.reload} />;
  return <Loading />;
}

// ---------- lists ----------

/** A list that grows page by page ("load more"), restarting when the query changes. */
export function usePaged<K extends 'GET /applications' | 'GET /loans'>(key: K, query: Record<string, string | undefined>, enabled = true) {
  const pages = usePages(key, { query, enabled, pageSize: 50 } as Parameters<typeof usePages<K>>[1]);
  return {
    items: pages.data?.pages.flatMap((p) => p.items) ?? [],
    next: pages.hasNextPage ? 'more' : undefined,
    loading: enabled && (pages.isPending || pages.isFetchingNextPage),
    error: pages.error ?? undefined,
    loadMore: () => void pages.fetchNextPage(),
    reload: () => void pages.refetch(),
  };
}

export function LoadMore({ next, loading, onMore }: { next?: string; loading: boolean; onMore: () => void }) {
  const { t } = useI18n();
  if (loading) return <Loading />;
  if (!next) return null;
  return (
    <div className="d-more">
      <button type="button" className="secondary" onClick={onMore}>
        {t('more')}
      </button>
    </div>
  );
}

// ---------- dates ----------

export function useDate(): (iso: string | undefined) => string {
  const { lang } = useI18n();
  return (iso) => date(iso, lang);
}
