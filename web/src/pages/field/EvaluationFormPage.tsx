/**
 * #/evaluate/{loanId}: the evaluation of a loan (中期 / 年终 / 终期评估) on a phone in the
 * village. The loan is read when there is a network (and kept on the device); without one
 * the form still works and the entry waits in the outbox. `?kind=` picks the kind,
 * `?entry=` corrects an entry the API returned. An evaluation already sent or waiting on this
 * phone is shown with its state, never offered again as a form (see evaluation-slots.ts).
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useAuth } from '../../auth.tsx';
import { date, moment as when, todayIso, yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { PageProps } from '../../paths.ts';
import { Link } from '../../router.tsx';
import { ErrorMessage, Loading, StatusBadge } from '../../ui/feedback.tsx';
import { keepAppShell, queue, useQueue } from '../../api/device.ts';
import { EvaluationForm } from './EvaluationForm.tsx';
import { evaluationSlots, firstOpenKind, type KindSlot } from './evaluation-slots.ts';
import { KINDS, loadLoan, loadOffices, placeName, type EvaluationKind, type LoanSnapshot, type Office } from './field-data.ts';
import { EntryBadge, EntryItem, entryState, OfflineBanner } from './parts.tsx';

export function EvaluationFormPage({ id: loanId, route }: PageProps) {
  const { t } = useI18n();
  const { session } = useAuth();
  const owner = session?.username ?? '';
  const entryId = route.query.get('entry') ?? undefined;
  const kindParam = route.query.get('kind') as EvaluationKind | null;
  const { entries, pending, sending } = useQueue(owner);
  const loan = useQuery({ queryKey: ['GET /loans/{id}', { id: loanId }, 'device'], queryFn: ({ signal }) => loadLoan(loanId, signal), enabled: !!loanId });
  const { data: offices } = useQuery({ queryKey: ['GET /offices', 'device'], queryFn: ({ signal }) => loadOffices(signal) });
  const live = loan.data?.live;
  useEffect(() => {
    if (live) keepAppShell();
  }, [live]);
  // an evaluation of this loan arrived after the loan was read (here, or before leaving and coming
  // back to this page within the cache's time): read the loan again, so its schedule shows the slot filled
  const lastSentAt = entries
    .filter((e) => e.kind === 'evaluation' && e.subjectId === loanId && e.status === 'sent')
    .map((e) => e.sentAt ?? '')
    .sort()
    .at(-1);
  const { refetch, dataUpdatedAt, isFetching } = loan;
  useEffect(() => {
    if (lastSentAt && Date.parse(lastSentAt) > dataUpdatedAt && !isFetching) void refetch();
  }, [lastSentAt, dataUpdatedAt, isFetching, refetch]);
  // the entry saved from this form (per ?entry=, so "edit" on a saved page opens the form again)
  const [saved, setSaved] = useState<{ id: string; entryParam: string }>();
  if (!loanId) return <ErrorMessage error={new Error(t('f_no_loan'))} />;
  const forLoan = entries.filter((e) => e.kind === 'evaluation' && e.subjectId === loanId);
  const justSaved = saved && saved.entryParam === (entryId ?? '') ? queue.get(saved.id) : undefined;
  const editing = entryId ? queue.get(entryId) : undefined;
  const snap = loan.data?.value;
  const slots = evaluationSlots(snap, forLoan, editing?.id);
  const asked = kindParam && KINDS.includes(kindParam) ? kindParam : undefined;
  // the kind asked for (or, without one, every kind) is sent or waiting already: its state, not a form
  const taken = editing ? undefined : asked ? (slots[asked].remaining > 0 ? undefined : slots[asked]) : firstOpenKind(snap, slots) ? undefined : null;

  return (
    <div className="f-page f-evaluate">
      <OfflineBanner pending={pending} />
      <p className="f-back">
        <Link to="/my-work">← {t('f_back_to_work')}</Link>
      </p>
      <h1>{t('f_eval_title')}</h1>
      {loan.isPending && <Loading />}
      {loan.error && <ErrorMessage error={loan.error} onRetry={() => void loan.refetch()} />}
      {loan.data && <LoanCard snap={snap} live={loan.data.live} at={loan.data.at} offices={offices} />}

      {forLoan.length > 0 && (
        <section className="f-section" aria-label={t('f_entry_status')}>
          <h2>{t('f_entry_status')}</h2>
          <ul className="list f-entries">
            {forLoan.map((e) => (
              <EntryItem key={e.id} entry={e} sending={sending(e.id)} />
            ))}
          </ul>
        </section>
      )}

      {justSaved ? (
        <div className="card f-saved" role="status">
          <p>
            <strong>{t(justSaved.status === 'sent' ? 'f_entry_sent_note' : justSaved.status === 'failed' ? 'f_entry_failed_note' : 'f_entry_saved_note')}</strong>
          </p>
          <p>
            <Link className="button" to="/my-work">
              {t('f_back_to_work')}
            </Link>
          </p>
        </div>
      ) : taken !== undefined && loan.data ? (
        <AlreadyEntered loanId={loanId} slot={taken} sending={sending} anotherOpen={!!firstOpenKind(snap, slots)} />
      ) : (
        (loan.data || (loan.error && editing)) &&
        (!entryId || editing?.status === 'failed') && (
          <EvaluationForm
            key={editing?.id ?? 'new'}
            loanId={loanId}
            owner={owner}
            snap={snap}
            slots={slots}
            kindParam={asked}
            editing={editing?.status === 'failed' ? editing : undefined}
            onSaved={(id) => setSaved({ id, entryParam: entryId ?? '' })}
          />
        )
      )}
    </div>
  );
}

/** In place of the form: the evaluation asked for is sent, waiting on this phone, or recorded already (or all are). */
function AlreadyEntered({ loanId, slot, sending, anotherOpen }: { loanId: string; slot: KindSlot | null; sending: (id: string) => boolean; anotherOpen: boolean }) {
  const { t } = useI18n();
  const entry = slot?.entry;
  const note = !slot
    ? t('f_all_entered')
    : entry?.status === 'pending'
      ? t('f_already_waiting', { kind: t(`kind_${slot.kind}`) })
      : entry
        ? t('f_already_sent', { kind: t(`kind_${slot.kind}`) })
        : t('f_already_recorded', { kind: t(`kind_${slot.kind}`) });
  return (
    <div className="card f-saved f-already" role="status" data-kind={slot?.kind ?? ''}>
      <p>
        <strong>{note}</strong> {entry && <EntryBadge state={entryState(entry, sending(entry.id))} />}
      </p>
      <p className="f-item-actions">
        <Link className="button" to="/my-work">
          {t('f_back_to_work')}
        </Link>
        {anotherOpen && (
          <Link className="button secondary" to={`/evaluate/${loanId}`}>
            {t('f_evaluate_other')}
          </Link>
        )}
      </p>
    </div>
  );
}

function LoanCard({ snap, live, at, offices }: { snap?: LoanSnapshot; live: boolean; at?: string; offices?: Map<string, Office> }) {
  const { t, lang } = useI18n();
  const today = todayIso();
  if (!snap) return <p className="f-note">{t('f_loan_unavailable')}</p>;
  return (
    <section className="card f-loan" aria-label={snap.mother}>
      {!live && at && <p className="f-note">{t('f_loan_cached', { t: when(at, lang) })}</p>}
      <div className="row">
        <strong className="f-mother">{snap.mother}</strong>
        <StatusBadge status={snap.status} />
      </div>
      <div className="muted f-small">{placeName(snap.villageId, offices, lang)}</div>
      <dl className="f-facts">
        <div>
          <dt>{t('f_principal')}</dt>
          <dd>{yuan(snap.principalFen)}</dd>
        </div>
        <div>
          <dt>{t('f_balance')}</dt>
          <dd>{yuan(snap.balanceFen)}</dd>
        </div>
        <div>
          <dt>{t('f_disbursed_on')}</dt>
          <dd>{date(snap.disbursedOn, lang)}</dd>
        </div>
        <div>
          <dt>{t('f_loan_due')}</dt>
          <dd>{date(snap.dueOn, lang)}</dd>
        </div>
      </dl>
      <h3>{t('f_schedule')}</h3>
      <ul className="f-schedule">
        {snap.evaluationSchedule.map((s) => (
          <li key={`${s.kind}-${s.dueOn}`} className={s.evaluationId ? 'done' : s.dueOn < today ? 'overdue' : ''}>
            <span>{t(`kind_${s.kind}`)}</span>
            <span>{date(s.dueOn, lang)}</span>
            {s.evaluationId ? <span className="badge badge-sent">{t('f_done')}</span> : s.dueOn < today ? <span className="badge badge-overdue">{t('f_overdue')}</span> : <span />}
          </li>
        ))}
      </ul>
    </section>
  );
}
