/** Building blocks the district and township pages share: offices, rounds, paged lists, form fields. */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { api, ApiError } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { date } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { Link } from '../../router.tsx';
import { ErrorBox, Loading, useLoad } from '../../ui.tsx';
import type { HistoryEvent, Notice, Office, Page, Round } from './types.ts';
import './words.ts';

/** Every page of a list (for lists that are small by nature: a round's loans in one township, a village's applicants). */
export async function fetchAll<T>(path: string, query: Record<string, string | undefined>, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 200; i++) {
    const page = await api.get<Page<T>>(path, { query: { ...query, limit: '100', cursor }, signal });
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return items;
}

// ---------- offices ----------

const officeCache = new Map<string, Promise<Office[]>>();

/** The caller's offices (names of townships and villages), loaded once per signed-in user. */
export function useOffices(): { offices?: Office[]; byId: Map<string, Office> } {
  const { session } = useAuth();
  const key = session?.token ?? '';
  const [offices, setOffices] = useState<Office[]>();
  useEffect(() => {
    let live = true;
    if (!officeCache.has(key)) {
      const p = api.get<{ items: Office[] }>('/offices').then((r) => r.items);
      p.catch(() => officeCache.delete(key));
      officeCache.set(key, p);
    }
    officeCache.get(key)!.then(
      (o) => live && setOffices(o),
      () => live && setOffices([]),
    );
    return () => {
      live = false;
    };
  }, [key]);
  const byId = new Map((offices ?? []).map((o) => [o.id, o]));
  return { offices, byId };
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
  return useLoad(async (signal) => {
    const rounds = await fetchAll<Round>('/rounds', {}, signal);
    return rounds.sort((a, b) => (a.status === b.status ? b.openedOn.localeCompare(a.openedOn) || b.id.localeCompare(a.id) : a.status === 'open' ? -1 : 1));
  }, []);
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
export function usePaged<T>(path: string, query: Record<string, string | undefined>, enabled = true) {
  const key = JSON.stringify([path, query, enabled]);
  const [state, setState] = useState<{ items: T[]; next?: string; loading: boolean; error?: unknown; done: boolean }>({ items: [], loading: enabled, done: false });
  const controller = useRef<AbortController>(undefined);
  const [tick, setTick] = useState(0);
  const fetchPage = useCallback(
    (cursor: string | undefined, append: boolean) => {
      controller.current?.abort();
      const c = new AbortController();
      controller.current = c;
      setState((s) => ({ ...s, loading: true, error: undefined, ...(append ? {} : { items: [], done: false }) }));
      api.get<Page<T>>(path, { query: { ...query, limit: '50', cursor }, signal: c.signal }).then(
        (page) => !c.signal.aborted && setState((s) => ({ items: append ? [...s.items, ...page.items] : page.items, next: page.nextCursor, loading: false, done: !page.nextCursor })),
        (error: unknown) => !c.signal.aborted && setState((s) => ({ ...s, loading: false, error })),
      );
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );
  useEffect(() => {
    if (enabled) fetchPage(undefined, false);
    else setState({ items: [], loading: false, done: true });
    return () => controller.current?.abort();
  }, [fetchPage, enabled, tick]);
  return {
    ...state,
    loadMore: () => state.next && fetchPage(state.next, true),
    reload: () => setTick((x) => x + 1),
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

// ---------- forms ----------

/** The API's message for this field (its `field` is the request path, e.g. mother.residentId). */
export function fieldError(error: unknown, name: string): string | undefined {
  return error instanceof ApiError && error.field === name ? error.message : undefined;
}

/** An API error that no field on the form shows. */
export function formLevelError(error: unknown, fields: string[]): unknown {
  return error instanceof ApiError && error.field && fields.includes(error.field) ? undefined : error;
}

export function FormField({ label, error, hint, children, className }: { label: string; error?: string; hint?: string; children: ReactNode; className?: string }) {
  return (
    <label className={`field ${error ? 'd-invalid' : ''} ${className ?? ''}`}>
      <span className="label">{label}</span>
      {children}
      {hint && <span className="hint">{hint}</span>}
      {error && (
        <span className="d-field-error" role="alert">
          {error}
        </span>
      )}
    </label>
  );
}

export function Check({ label, checked, onChange, name }: { label: string; checked: boolean; onChange: (v: boolean) => void; name?: string }) {
  return (
    <label className="d-check">
      <input type="checkbox" name={name} checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
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

/** A moment (ISO timestamp, UTC) as the day and time on a clock in China (UTC+8). */
export function inChina(iso: string): { day: string; time: string } {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return { day: iso.slice(0, 10), time: '' };
  const local = new Date(ms + 8 * 3_600_000).toISOString();
  return { day: local.slice(0, 10), time: local.slice(11, 16) };
}

export function HistoryList({ events }: { events: HistoryEvent[] }) {
  const { t, lang } = useI18n();
  const sorted = [...events].sort((a, b) => b.at.localeCompare(a.at));
  if (!sorted.length) return <p className="muted">{t('empty')}</p>;
  return (
    <ol className="d-history">
      {sorted.map((e, i) => (
        <li key={`${e.at}-${i}`}>
          <span className="d-when">
            {date(inChina(e.at).day, lang)} {inChina(e.at).time}
          </span>
          <strong>{t(`d_event_${e.action}`) === `d_event_${e.action}` ? e.action : t(`d_event_${e.action}`)}</strong>
          <span className="muted"> · {e.actor.displayName ?? e.actor.username} ({t(`role_${e.actor.role}`)})</span>
          <div className="d-summary">{e.summary}</div>
        </li>
      ))}
    </ol>
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
  if (state.error !== undefined) return <ErrorBox error={state.error} onRetry={state.reload} />;
  return <Loading />;
}

/** Builds `#/path?query` keeping only the set values. */
export function hrefOf(path: string, query: Record<string, string | undefined>): string {
  const q = Object.entries(query).filter((e): e is [string, string] => !!e[1]);
  return q.length ? `${path}?${new URLSearchParams(q)}` : path;
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
