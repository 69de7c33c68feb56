/** Building blocks the district and township pages share: offices, rounds, paged lists, form fields. */
import '../../i18n/zh-CN.district.ts';
import { useState, type ReactNode } from 'react';
import { readAll, useLoad, usePages, useRead } from '../../api/queries.ts';
import { date } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { ErrorMessage, Loading } from '../../ui/feedback.tsx';
import type { Notice, Office, Round } from './types.ts';

export { HistoryList } from '../../ui/history.tsx';
export { inChina } from '../../i18n/format.ts';
export { hrefOf } from '../../router.tsx';

// ---------- offices ----------

/** The caller's offices (names of townships and villages), read once and cached. */
export function useOffices(): { offices?: Office[]; byId: Map<string, Office> } {
  const { data } = useRead('GET /offices', { query: undefined });
  const offices = data?.items;
  return { offices, byId: new Map((offices ?? []).map((o) => [o.id, o])) };
}

/** An office's name in the reader's language; its id until the names are loaded. */
export function useOfficeName(): (id: string | undefined) => string {
  const { byId } = useOffices();
  const { lang } = useI18n();
  return (id) => {
    if (!id) return '—';
    const o = byId.get(id);
    if (!o) return id.split('.').at(-1) ?? id;
    return lang === 'en' ? (o.nameEn ?? o.name) : o.name;
  };
}

/** Township of a village (or of itself). */
export const townshipOf = (officeId: string) => officeId.split('.').slice(0, 3).join('.');

// ---------- rounds ----------

/** The rounds the caller sees, newest first, open before closed. */
export function useRounds() {
  return useLoad(['GET /rounds', 'all-sorted'], async (signal) => {
    const rounds = await readAll('GET /rounds', { signal });
    return rounds.sort((a, b) => (a.status === b.status ? b.openedOn.localeCompare(a.openedOn) || b.id.localeCompare(a.id) : a.status === 'open' ? -1 : 1));
  });
}

export function RoundSelect({ rounds, value, onChange, allowAll }: { rounds: Round[]; value: string; onChange: (id: string) => void; allowAll?: boolean }) {
  const { t } = useI18n();
  return (
    <label className="field">
      <span className="label">{t('d_round')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} aria-label={t('d_round')}>
        {allowAll && <option value="">{t('d_all_rounds')}</option>}
        {!allowAll && !value && <option value="">{t('d_choose_round')}</option>}
        {rounds.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
            {r.status === 'closed' ? ` (${t('d_round_closed')})` : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

// ---------- loading ----------

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

// ---------- display ----------

export function useDate(): (iso: string | undefined) => string {
  const { lang } = useI18n();
  return (iso) => date(iso, lang);
}

export type NoticeState = 'none' | 'running' | 'over';
export function noticeState(notice: Notice | undefined, today: string): NoticeState {
  if (!notice) return 'none';
  return today <= notice.endsOn ? 'running' : 'over';
}

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

/** One form's submission: busy while it runs, the API's error when it fails. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = async (work: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, clear: () => setError(undefined) };
}

/** A list's district filter: every district the caller sees, or all of them (''). Nothing when she sees only one. */
export function DistrictFilter({ value, onChange, label, allLabel }: { value: string; onChange: (districtId: string) => void; label: string; allLabel: string }) {
  const { offices } = useOffices();
  const officeName = useOfficeName();
  const districts = (offices ?? []).filter((o) => o.level === 'district');
  if (districts.length < 2) return null;
  return (
    <label className="field">
      <span className="label">{label}</span>
      <select name="districtId" value={value} onChange={(e) => onChange(e.target.value)} aria-label={label}>
        <option value="">{allLabel}</option>
        {districts.map((d) => (
          <option key={d.id} value={d.id}>
            {officeName(d.id)}
          </option>
        ))}
      </select>
    </label>
  );
}
