/** One confirmation list (报批名单): its loans with what the committee decides on; the committee confirms it or returns single loans with a reason. */
import { useState } from 'react';
import { newIdempotencyKey } from '../../api/client.ts';
import { useRead, write } from '../../api/queries.ts';
import { useAuth } from '../../auth.tsx';
import { date, todayIso, yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { PageProps } from '../../paths.ts';
import { Link } from '../../router.tsx';
import { ConfirmDialog } from '../../ui/dialog.tsx';
import { ErrorMessage, Loaded } from '../../ui/feedback.tsx';
import { HistoryList } from '../../ui/history.tsx';
import { Person } from '../../ui/person.tsx';
import { useOfficeName } from '../../ui/offices.tsx';
import { ConfirmationBadge, type ConfirmationList, ListStatusBadge, ScreeningText } from './parts.tsx';

export function ConfirmationListPage({ id }: PageProps) {
  const { t } = useI18n();
  const list = useRead('GET /confirmation-lists/{id}', { params: { id } });
  return (
    <div className="d-page cf-page">
      <p>
        <Link to="/confirmations">← {t('p_conf_back')}</Link>
      </p>
      <Loaded query={list}>{(data) => <ListView list={data} />}</Loaded>
    </div>
  );
}

function ListView({ list }: { list: ConfirmationList }) {
  const { t, lang } = useI18n();
  const officeName = useOfficeName();
  const committee = useAuth().session?.role === 'committee';
  const deciding = committee && list.status === 'sent';
  const [returns, setReturns] = useState<Record<string, string>>({});
  const [decidedOn, setDecidedOn] = useState(todayIso());
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [key] = useState(newIdempotencyKey);
  const returned = Object.entries(returns);
  const missingReason = returned.some(([, reason]) => !reason.trim());
  const decide = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await write('POST /confirmation-lists/{id}/decision', {
        params: { id: list.id },
        body: { decidedOn, returns: returned.map(([loanId, reason]) => ({ loanId, reason: reason.trim() })) },
        idempotencyKey: key,
      });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  const counts = { confirmed: list.items.length - returned.length, returned: returned.length };
  return (
    <>
      <h1>
        {t('p_conf_list_title')} <ListStatusBadge status={list.status} />
      </h1>
      <p>
        <strong>{t('p_conf_list_head', { district: officeName(list.districtId), round: list.roundName, n: list.items.length, amount: yuan(list.totalFen) })}</strong>
      </p>
      <p className="muted">
        {t('p_conf_sent_on')} {date(list.sentOn, lang)} · {t('p_conf_sent_by')} <Person who={list.sentBy} />
        {list.decidedOn && list.decidedBy && (
          <>
            {' '}
            · {t('p_conf_decided_on')} {date(list.decidedOn, lang)} · {t('p_conf_decided_by')} <Person who={list.decidedBy} />
          </>
        )}
      </p>
      {list.note && <p>{list.note}</p>}
      <p>
        <Link to={`/confirmations/${list.id}/print`}>{t('p_conf_print')} →</Link>
      </p>
      <table className="d-rtable cf-table" aria-label={t('p_conf_list_title')}>
        <thead>
          <tr>
            <th>{t('p_conf_mother')}</th>
            <th>{t('p_conf_village')}</th>
            <th className="num">{t('p_conf_amount')}</th>
            <th>{t('p_conf_screening')}</th>
            <th>{t('p_conf_visits')}</th>
            <th>{t('p_conf_approved')}</th>
            <th>{t('p_conf_state')}</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((item) => (
            <tr key={item.loanId} data-loan={item.loanId}>
              <td data-label={t('p_conf_mother')} className="d-cell-main">
                <Link to={`/loans/${item.loanId}`}>{item.motherName}</Link>
              </td>
              <td data-label={t('p_conf_village')}>{officeName(item.villageId)}</td>
              <td data-label={t('p_conf_amount')} className="num">
                {yuan(item.amountFen)}
              </td>
              <td data-label={t('p_conf_screening')}>
                <ScreeningText item={item} />
              </td>
              <td data-label={t('p_conf_visits')}>{t('p_conf_visits_n', { n: item.visitCount })}</td>
              <td data-label={t('p_conf_approved')}>
                {date(item.approvedOn, lang)}
                {item.approvedBy && (
                  <>
                    {' '}
                    <Person who={item.approvedBy} />
                  </>
                )}
              </td>
              <td data-label={t('p_conf_state')}>
                {deciding ? (
                  <>
                    <label className="cf-pick">
                      <input
                        type="checkbox"
                        checked={item.loanId in returns}
                        onChange={(e) =>
                          setReturns((r) => {
                            const next = { ...r };
                            if (e.target.checked) next[item.loanId] = '';
                            else delete next[item.loanId];
                            return next;
                          })
                        }
                      />
                      {t('p_conf_return')}
                    </label>
                    {item.loanId in returns && (
                      <input
                        className="cf-return-reason"
                        aria-label={t('p_conf_return_reason')}
                        placeholder={t('p_conf_return_reason')}
                        value={returns[item.loanId]}
                        maxLength={500}
                        onChange={(e) => setReturns((r) => ({ ...r, [item.loanId]: e.target.value }))}
                      />
                    )}
                  </>
                ) : (
                  <>
                    <ConfirmationBadge state={item.status} />
                    {item.reason && <div className="cf-reason">{t('p_conf_returned_because', { reason: item.reason })}</div>}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td>{t('p_conf_total')}</td>
            <td />
            <td className="num">{yuan(list.totalFen)}</td>
            <td colSpan={4} />
          </tr>
        </tfoot>
      </table>
      {deciding && (
        <div className="cf-actions">
          <label className="field">
            <span className="label">{t('p_conf_decided_on')}</span>
            <input type="date" aria-label={t('p_conf_decided_on')} value={decidedOn} min={list.sentOn} max={todayIso()} onChange={(e) => setDecidedOn(e.target.value)} />
          </label>
          <button type="button" disabled={busy || missingReason} onClick={() => setAsking(true)}>
            {t('p_conf_decide', counts)}
          </button>
          {missingReason && <span className="cf-reason">{t('p_conf_return_reason_missing')}</span>}
        </div>
      )}
      {error !== undefined && <ErrorMessage error={error} />}
      {asking && (
        <ConfirmDialog title={t('p_conf_list_title')} onConfirm={() => void decide()} onCancel={() => setAsking(false)} busy={busy}>
          <p>{t('p_conf_decide_confirm', counts)}</p>
        </ConfirmDialog>
      )}
      <h2>{t('p_conf_history')}</h2>
      <HistoryList events={list.history} />
    </>
  );
}
