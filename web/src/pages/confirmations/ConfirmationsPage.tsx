/**
 * 报批审核: the district sends a round's approved loans to the committee as a confirmation list
 * (报批名单) and sees each loan's state; the committee sees the lists waiting and those decided.
 */
import { useState } from 'react';
import { newIdempotencyKey } from '../../api/client.ts';
import { useRead, useReadAll, write } from '../../api/queries.ts';
import { useAuth } from '../../auth.tsx';
import { date, todayIso, yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { ConfirmDialog } from '../../ui/dialog.tsx';
import { Empty, ErrorMessage, Loaded } from '../../ui/feedback.tsx';
import { Person } from '../../ui/person.tsx';
import { useOfficeName } from '../../ui/offices.tsx';
import { ConfirmationBadge, confirmationOf, ListStatusBadge } from './parts.tsx';

export function ConfirmationsPage() {
  const { t } = useI18n();
  const committee = useAuth().session?.role === 'committee';
  return (
    <div className="d-page cf-page">
      <h1>{t('p_conf_title')}</h1>
      <p className="muted">{t(committee ? 'p_conf_intro_committee' : 'p_conf_intro_district')}</p>
      {!committee && <SendList />}
      <Lists />
    </div>
  );
}

/** The district picks approved loans of an open round, not yet confirmed, and sends them. */
function SendList() {
  const { t, lang } = useI18n();
  const officeName = useOfficeName();
  // newest first: the round being lent now
  const rounds = useReadAll('GET /rounds', { query: { status: 'open' } });
  const sorted = [...(rounds.data ?? [])].sort((a, b) => b.openedOn.localeCompare(a.openedOn) || b.id.localeCompare(a.id));
  const [roundId, setRoundId] = useState('');
  const round = roundId || sorted[0]?.id || '';
  const loans = useReadAll('GET /loans', { query: { roundId: round, status: 'approved' }, enabled: !!round });
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [sentOn, setSentOn] = useState(todayIso());
  const [note, setNote] = useState('');
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [key, setKey] = useState(newIdempotencyKey);
  const [done, setDone] = useState(false);
  const open = (loans.data ?? []).filter((l) => ['unconfirmed', 'returned', 'listed'].includes(confirmationOf(l)));
  const chosen = open.filter((l) => picked.has(l.id));
  const total = chosen.reduce((sum, l) => sum + l.principalFen, 0);
  const toggle = (id: string) =>
    setPicked((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const send = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await write('POST /confirmation-lists', { body: { sentOn, loanIds: chosen.map((l) => l.id), ...(note.trim() ? { note: note.trim() } : {}) }, idempotencyKey: key });
      setKey(newIdempotencyKey());
      setPicked(new Set());
      setNote('');
      setDone(true);
      await loans.refetch();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <section aria-labelledby="cf-send">
      <h2 id="cf-send">{t('p_conf_to_send')}</h2>
      <Loaded query={rounds}>
        {() =>
          !sorted.length ? (
            <Empty>{t('p_conf_no_round')}</Empty>
          ) : (
            <>
              <label className="field">
                <span className="label">{t('p_conf_round')}</span>
                <select
                  aria-label={t('p_conf_round')}
                  value={round}
                  onChange={(e) => {
                    setRoundId(e.target.value);
                    setPicked(new Set());
                  }}
                >
                  {sorted.map((r) => (
                    <option key={r.id} value={r.id}>
                      {officeName(r.districtId)} · {r.name}
                    </option>
                  ))}
                </select>
              </label>
              <Loaded query={loans}>
                {() =>
                  !open.length ? (
                    <Empty>{t('p_conf_nothing_to_send')}</Empty>
                  ) : (
                    <ul className="list cf-loans" aria-label={t('p_conf_to_send')}>
                      {open.map((l) => {
                        const state = confirmationOf(l);
                        return (
                          <li key={l.id} data-loan={l.id}>
                            <label className="cf-pick">
                              <input type="checkbox" checked={picked.has(l.id)} disabled={state === 'listed'} onChange={() => toggle(l.id)} />
                              <span>
                                <strong>{l.mother.name}</strong> · {officeName(l.villageId)} · {yuan(l.principalFen)}
                                <br />
                                <span className="muted">
                                  {t('p_conf_approved')} {date(l.approvedOn, lang)}
                                </span>{' '}
                                <ConfirmationBadge state={state} />
                                {state === 'returned' && l.confirmation?.reason && <span className="cf-reason"> {t('p_conf_returned_because', { reason: l.confirmation.reason })}</span>}
                              </span>
                            </label>
                          </li>
                        );
                      })}
                    </ul>
                  )
                }
              </Loaded>
              <div className="cf-actions">
                <label className="field">
                  <span className="label">{t('p_conf_sent_on')}</span>
                  <input type="date" aria-label={t('p_conf_sent_on')} value={sentOn} max={todayIso()} onChange={(e) => setSentOn(e.target.value)} />
                </label>
                <label className="field">
                  <span className="label">{t('p_conf_note')}</span>
                  <input aria-label={t('p_conf_note')} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
                </label>
                <button
                  type="button"
                  disabled={!chosen.length || busy}
                  onClick={() => {
                    setDone(false);
                    setAsking(true);
                  }}
                >
                  {chosen.length ? t('p_conf_send', { n: chosen.length, amount: yuan(total) }) : t('p_conf_choose')}
                </button>
              </div>
              {done && (
                <p role="status" className="ok">
                  {t('p_conf_sent_ok')}
                </p>
              )}
              {error !== undefined && <ErrorMessage error={error} />}
              {asking && (
                <ConfirmDialog title={t('p_conf_to_send')} onConfirm={() => void send()} onCancel={() => setAsking(false)} busy={busy}>
                  <p>{t('p_conf_send_confirm', { n: chosen.length, amount: yuan(total) })}</p>
                </ConfirmDialog>
              )}
            </>
          )
        }
      </Loaded>
    </section>
  );
}

/** The lists: waiting for the committee, then decided. */
function Lists() {
  const { t, lang } = useI18n();
  const officeName = useOfficeName();
  const waiting = useRead('GET /confirmation-lists', { query: { status: 'sent', limit: 100 } });
  const decided = useRead('GET /confirmation-lists', { query: { status: 'decided', limit: 50 } });
  const show = (status: 'sent' | 'decided') => (
    <Loaded query={status === 'sent' ? waiting : decided}>
      {(data) =>
        !data.items.length ? (
          <Empty>{t(status === 'sent' ? 'p_conf_no_waiting' : 'p_conf_no_lists')}</Empty>
        ) : (
          <ul className="list cf-lists">
            {[...data.items].reverse().map((l) => (
              <li key={l.id} data-list={l.id}>
                <span>
                  <Link to={`/confirmations/${l.id}`}>
                    <strong>{t('p_conf_list_head', { district: officeName(l.districtId), round: l.roundName, n: l.items.length, amount: yuan(l.totalFen) })}</strong>
                  </Link>
                  <br />
                  <span className="muted">
                    {t('p_conf_sent_on')} {date(l.sentOn, lang)} · {t('p_conf_sent_by')} <Person who={l.sentBy} />
                  </span>
                </span>
                <ListStatusBadge status={l.status} />
              </li>
            ))}
          </ul>
        )
      }
    </Loaded>
  );
  return (
    <>
      <h2>{t('p_conf_waiting')}</h2>
      {show('sent')}
      <h2>{t('p_conf_decided')}</h2>
      {show('decided')}
    </>
  );
}
