/**
 * #/my-work: what a field officer has to do, on a phone: evaluations due (hers first,
 * overdue marked), households still to visit (submitted applications of the open rounds
 * with fewer than two visits, each with a visit form; the count includes the visits sent from
 * this phone since the list was read and those waiting in its outbox), and the outbox of entries kept on
 * this phone. Evaluations not yet due are listed too (marked), so every open one can be reached. Loaded lists are kept on the device and shown, with their date, when offline;
 * the loans she must evaluate are fetched ahead so the evaluation form has them in the village.
 */
import '../../i18n/zh-CN.edges.ts';
import { Person } from '../../ui/person.tsx';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useAuth } from '../../auth.tsx';
import { date, moment as when, yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { Empty, ErrorMessage, Loading } from '../../ui/feedback.tsx';
import { keepAppShell, useQueue } from '../../api/device.ts';
import { loadOffices, placeName, type EvaluationKind, type Office } from './field-data.ts';
import { loadWork, prefetchLoans, savedWork, WORK_KEY, type AppItem, type DueLoan, type EvalRow } from './work-data.ts';
import type { QueueEntry } from '../../api/offline-queue.ts';
import { EntryBadge, EntryItem, entryState, OfflineBanner } from './parts.tsx';
import type { VisitBody } from './VisitForm.tsx';

// the form (and the API's schemas it checks with) loads when a visit is first logged
const VisitForm = lazy(async () => ({ default: (await import('./VisitForm.tsx')).VisitForm }));

const SHOW = 20;

export function MyWorkPage() {
  const { t, lang } = useI18n();
  const { session } = useAuth();
  const owner = session?.username ?? '';
  const { entries, pending, sending } = useQueue(owner);
  const state = useQuery({ queryKey: [...WORK_KEY, owner], queryFn: ({ signal }) => loadWork(owner, signal) });
  // what this phone saved last time, shown at once while the live list loads on a slow link
  const saved = useQuery({ queryKey: [...WORK_KEY, owner, 'saved'], queryFn: () => savedWork(owner), staleTime: Infinity, enabled: state.isPending });
  const updating = state.isPending && !!saved.data;
  const { data: offices } = useQuery({ queryKey: ['GET /offices', 'device'], queryFn: ({ signal }) => loadOffices(signal) });

  const work = state.data?.work ?? (updating ? saved.data?.work : undefined);
  const evalRows = work?.evaluations.rows ?? [];
  const mineRows = evalRows.filter((r) => r.fieldOfficer === owner);
  const othersRows = evalRows.filter((r) => r.fieldOfficer !== owner);
  const mine = flatten(mineRows);
  const others = flatten(othersRows);

  useEffect(() => {
    if (!state.data || state.data.at) return;
    // the list came live: now keep the app on the phone (the service worker's cache holds the
    // forms' code too, so a visit or an evaluation can be entered where there is no network)
    keepAppShell();
    const c = new AbortController();
    void prefetchLoans(
      mine.map((l) => l.loanId),
      c.signal,
    );
    return () => c.abort();
  }, [state.data]);

  // when something was sent, the lists change: read them again (once the outbox is quiet)
  const [mountedAt] = useState(() => new Date().toISOString());
  const sentCount = entries.filter((e) => e.status === 'sent' && (e.sentAt ?? '') >= mountedAt).length;
  const [seenSent, setSeenSent] = useState(0);
  const { refetch } = state;
  useEffect(() => {
    if (sentCount > seenSent) {
      setSeenSent(sentCount);
      void refetch();
    }
  }, [sentCount, seenSent, refetch]);

  const outbox = entries.filter((e) => e.status !== 'sent' || Date.now() - Date.parse(e.sentAt ?? e.updatedAt) < 3 * 86_400_000).reverse();
  const queuedFor = (subjectId: string, kind?: string) => entries.filter((e) => e.subjectId === subjectId && (kind === undefined || e.body.kind === kind) && e.status !== 'failed').at(-1);
  // visits of an application on this phone the list's count does not have: waiting to be sent,
  // or sent after the list was read (the network may drop before it is read again)
  const visitsHere = (e: QueueEntry, subjectId: string) => e.kind === 'visit' && e.subjectId === subjectId;
  const waitingVisits = (subjectId: string) => entries.filter((e) => visitsHere(e, subjectId) && e.status === 'pending').length;
  const readAt = work?.readAt;
  const sentSinceRead = (subjectId: string) => (readAt ? entries.filter((e) => visitsHere(e, subjectId) && e.status === 'sent' && (e.sentAt ?? '') > readAt).length : 0);

  // the outbox comes first while something in it waits or was refused
  const needsAttention = entries.some((e) => e.status !== 'sent');
  const outboxSection = (
    <section className="f-section f-outbox" aria-labelledby="f-outbox-h">
      <div className="row">
        <h2 id="f-outbox-h">{t('f_outbox')}</h2>
        {pending > 0 && <span className="badge badge-pending f-outbox-count">{t('f_pending_count', { n: pending })}</span>}
      </div>
      {outbox.length === 0 ? (
        <p className="muted f-small">{t('f_outbox_empty')}</p>
      ) : (
        <>
          <p className="muted f-small">{t('f_outbox_hint')}</p>
          <ul className="list f-entries">
            {outbox.map((e) => (
              <EntryItem key={e.id} entry={e} sending={sending(e.id)} editor={e.kind === 'visit' ? (close) => <VisitEditor entry={e} owner={owner} close={close} /> : undefined} />
            ))}
          </ul>
        </>
      )}
    </section>
  );

  return (
    <div className="f-page f-my-work">
      <OfflineBanner pending={pending} />
      <h1>{t('f_my_work')}</h1>

      {needsAttention && outboxSection}
      {state.isPending && !work && <Loading />}
      {updating && saved.data && <p className="f-note">{t('f_updating', { t: when(saved.data.at, lang) })}</p>}
      {state.error && <ErrorMessage error={state.error} onRetry={() => void state.refetch()} />}
      {state.data?.at && <p className="f-note">{t('f_cached_at', { t: when(state.data.at, lang) })}</p>}

      {work && (
        <>
          <section className="f-section f-evals" aria-labelledby="f-evals-h">
            <h2 id="f-evals-h">
              {t('f_evals_due')} <span className="f-count">{mine.length}</span>
            </h2>
            <p className="muted f-small">{t('f_evals_hint_all')}</p>
            {mine.length === 0 ? <Empty>{t('f_evals_mine_none')}</Empty> : <DueList loans={mine} queuedFor={queuedFor} sending={sending} />}
            {others.length > 0 && (
              <details className="f-others">
                <summary>{t('f_evals_others', { n: others.length })}</summary>
                <DueList loans={others} queuedFor={queuedFor} sending={sending} showOfficer />
              </details>
            )}
          </section>

          <section className="f-section f-visits" aria-labelledby="f-visits-h">
            <h2 id="f-visits-h">
              {t('f_visits_due')} <span className="f-count">{work.applications.length}</span>
            </h2>
            <p className="muted f-small">{t('f_visits_due_hint')}</p>
            {work.applications.length === 0 ? (
              <Empty>{t('f_visits_none')}</Empty>
            ) : (
              <VisitList
                apps={work.applications}
                roundNames={work.roundNames}
                offices={offices}
                owner={owner}
                queuedFor={queuedFor}
                waiting={waitingVisits}
                sentSinceRead={sentSinceRead}
                sending={sending}
              />
            )}
          </section>
        </>
      )}
      {!needsAttention && outboxSection}
    </div>
  );
}

type FlatDue = DueLoan & { kind: EvaluationKind; fieldOfficer: string };

/** Overdue first, then by due date. */
function flatten(rows: EvalRow[]): FlatDue[] {
  return rows
    .flatMap((r) => r.loans.map((l) => ({ ...l, kind: r.kind, fieldOfficer: r.fieldOfficer })))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueOn.localeCompare(b.dueOn) || a.mother.localeCompare(b.mother));
}

function DueList({
  loans,
  queuedFor,
  sending,
  showOfficer,
}: {
  loans: FlatDue[];
  queuedFor: (id: string, kind?: string) => QueueEntry | undefined;
  sending: (id: string) => boolean;
  showOfficer?: boolean;
}) {
  const { t, lang } = useI18n();
  const [all, setAll] = useState(false);
  const shown = all ? loans : loans.slice(0, SHOW);
  return (
    <>
      <ul className="list f-due">
        {shown.map((l) => {
          const q = queuedFor(l.loanId, l.kind);
          return (
            <li key={`${l.loanId}-${l.kind}-${l.dueOn}`} className={l.overdue ? 'f-due-item f-overdue' : l.upcoming ? 'f-due-item f-upcoming' : 'f-due-item'} data-loan={l.loanId}>
              <div className="row">
                <strong>{l.mother}</strong>
                {l.overdue ? (
                  <span className="badge badge-overdue">{t('f_overdue')}</span>
                ) : l.upcoming ? (
                  <span className="badge f-not-yet-due">{t('f_not_yet_due')}</span>
                ) : (
                  <span className="badge badge-pending">{t('f_due_soon')}</span>
                )}
              </div>
              <div className="f-small">
                {t(`kind_${l.kind}`)} · {t('f_due_on', { d: date(l.dueOn, lang) })}
                {showOfficer && (
                  <>
                    {` · ${t('f_officer')} `}
                    {l.fieldOfficer === '(未指定)' ? t('f_unassigned') : <Person who={l.fieldOfficer} />}
                  </>
                )}
              </div>
              <div className="f-item-actions">
                {q ? (
                  <span className="f-small">
                    {t('f_recorded_here')} <EntryBadge state={entryState(q, sending(q.id))} />
                  </span>
                ) : (
                  <Link className="button" to={`/evaluate/${l.loanId}?kind=${l.kind}`}>
                    {t('f_evaluate')}
                  </Link>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {!all && loans.length > SHOW && (
        <button type="button" className="secondary f-show-all" onClick={() => setAll(true)}>
          {t('f_more', { n: loans.length - SHOW })} · {t('f_show_all')}
        </button>
      )}
    </>
  );
}

function VisitList({
  apps,
  roundNames,
  offices,
  owner,
  queuedFor,
  waiting,
  sentSinceRead,
  sending,
}: {
  apps: AppItem[];
  roundNames: Record<string, string>;
  offices?: Map<string, Office>;
  owner: string;
  queuedFor: (id: string) => QueueEntry | undefined;
  waiting: (id: string) => number;
  sentSinceRead: (id: string) => number;
  sending: (id: string) => boolean;
}) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState<string>();
  const [all, setAll] = useState(false);
  const sorted = [...apps].sort((a, b) => a.submittedOn.localeCompare(b.submittedOn));
  const shown = all ? sorted : sorted.slice(0, SHOW);
  return (
    <>
      <ul className="list f-due">
        {shown.map((a) => {
          const q = queuedFor(a.id);
          const recorded = (a.visitCount ?? 0) + sentSinceRead(a.id);
          const waitingHere = waiting(a.id);
          return (
            <li key={a.id} className="f-due-item" data-application={a.id}>
              <div className="row">
                <strong>{a.mother.name}</strong>
                <span className="badge f-visit-count">
                  {t('f_visits_count', { n: recorded })}
                  {waitingHere > 0 && ` ${t('f_visits_waiting', { n: waitingHere })}`}
                </span>
              </div>
              <div className="f-small muted">
                {placeName(a.villageId, offices, lang)} · {t('f_requested', { a: yuan(a.amountRequestedFen) })}
                {roundNames[a.roundId] && ` · ${roundNames[a.roundId]}`}
              </div>
              <div className="f-item-actions">
                {q && (
                  <span className="f-small">
                    {t('f_kind_visit')} <EntryBadge state={entryState(q, sending(q.id))} />
                  </span>
                )}
                {recorded + waitingHere >= 2 ? (
                  <span className="f-small muted">{t('f_visits_enough')}</span>
                ) : (
                  open !== a.id && (
                    <button type="button" className={q ? 'secondary' : ''} onClick={() => setOpen(a.id)}>
                      {t('f_log_visit')}
                    </button>
                  )
                )}
              </div>
              {open === a.id && (
                <Suspense fallback={<Loading />}>
                  <VisitForm applicationId={a.id} mother={a.mother.name} submittedOn={a.submittedOn} owner={owner} onDone={() => setOpen(undefined)} />
                </Suspense>
              )}
            </li>
          );
        })}
      </ul>
      {!all && sorted.length > SHOW && (
        <button type="button" className="secondary f-show-all" onClick={() => setAll(true)}>
          {t('f_more', { n: sorted.length - SHOW })} · {t('f_show_all')}
        </button>
      )}
    </>
  );
}

function VisitEditor({ entry, owner, close }: { entry: QueueEntry; owner: string; close: () => void }) {
  return (
    <Suspense fallback={<Loading />}>
      <VisitForm applicationId={entry.subjectId} mother={entry.label} owner={owner} initial={entry.body as VisitBody} entryId={entry.id} onDone={close} />
    </Suspense>
  );
}
