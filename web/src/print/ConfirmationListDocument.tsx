/**
 * The 报批表: a district's confirmation list (报批名单) as the committee files it — A4, in
 * Chinese (the offices' working language), one row per mother with what the committee
 * decides on, the total in capitals, the district's opinion and the signature lines of the
 * district office head and the committee. Words from the Chinese catalogue (p_doc_*).
 */
import type { ResponseOf } from '../../../shared/routes.ts';
import '../i18n/zh-CN.programme.ts';
import { chinese, translator } from '../i18n/catalogue.ts';
import { fenInCapitals, yuan } from '../i18n/format.ts';
import { zhDate } from './dates.ts';
import './confirmation-list.css';

type List = ResponseOf<'GET /confirmation-lists/{id}'>;

export interface ConfirmationListProps {
  list: List;
  /** office names in Chinese, by id */
  nameOf: (id: string) => string;
  committee: string;
}

export function ConfirmationListDocument({ list, nameOf, committee }: ConfirmationListProps) {
  const t = translator(chinese);
  const person = (p?: { displayName?: string; username: string }) => p?.displayName ?? p?.username ?? '';
  const screening = (item: List['items'][number]) =>
    item.screeningPassed === undefined ? t('p_conf_screening_none') : item.screeningPassed ? t('p_conf_screening_passed', { score: item.priorityScore ?? 0 }) : t('p_conf_screening_failed');
  return (
    <article className="pr-doc pr-conflist" lang="zh-CN" aria-label={t('p_doc_title')}>
      <header className="pr-conflist-head">
        <h1>{t('p_doc_title')}</h1>
        <p>{t('p_doc_to', { committee })}</p>
        <p className="pr-conflist-meta">
          <span>{t('p_doc_from', { district: nameOf(list.districtId) })}</span>
          <span>{t('p_doc_round', { round: list.roundName })}</span>
          <span>{t('p_doc_date', { date: zhDate(list.sentOn) })}</span>
        </p>
      </header>
      <table className="pr-conflist-table">
        <thead>
          <tr>
            <th>{t('p_doc_seq')}</th>
            <th>{t('p_conf_mother')}</th>
            <th>{t('p_doc_township')}</th>
            <th>{t('p_conf_village')}</th>
            <th className="pr-conflist-num">{t('p_conf_amount')}</th>
            <th>{t('p_conf_screening')}</th>
            <th>{t('p_conf_visits')}</th>
            <th>{t('p_doc_approved_by')}</th>
            <th>{t('p_conf_state')}</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((item, i) => (
            <tr key={item.loanId}>
              <td>{i + 1}</td>
              <td>
                {item.motherName}
                {item.agreementNo && <div className="pr-conflist-small">{item.agreementNo}</div>}
              </td>
              <td>{nameOf(item.townshipId)}</td>
              <td>{nameOf(item.villageId)}</td>
              <td className="pr-conflist-num">{yuan(item.amountFen)}</td>
              <td>{screening(item)}</td>
              <td>{t('p_conf_visits_n', { n: item.visitCount })}</td>
              <td>
                {person(item.approvedBy)}
                <div className="pr-conflist-small">{zhDate(item.approvedOn)}</div>
              </td>
              <td>
                {list.status === 'decided' ? t(`p_conf_state_${item.status}`) : ''}
                {item.reason && <div className="pr-conflist-small">{item.reason}</div>}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={9}>{t('p_doc_total', { n: list.items.length, amount: yuan(list.totalFen), capitals: fenInCapitals(list.totalFen) })}</td>
          </tr>
        </tfoot>
      </table>
      <section className="pr-conflist-opinions">
        <div className="pr-conflist-box">
          <p>{t('p_doc_district_opinion')}</p>
          <p className="pr-conflist-sign">
            <span>
              {t('p_doc_sign_district')}
              <span className="pr-conflist-line" />
            </span>
            <span>{t('p_doc_seal')}</span>
          </p>
          <p className="pr-conflist-sign">
            {list.sentBy && <span className="pr-conflist-small">{`${t('p_conf_sent_by')}：${person(list.sentBy)}`}</span>}
            <span>{t('p_doc_date_blank')}</span>
          </p>
        </div>
        <div className="pr-conflist-box">
          <p>{t('p_doc_committee_opinion')}</p>
          <p className="pr-conflist-blank" />
          <p className="pr-conflist-sign">
            <span>
              {t('p_doc_sign_committee')}
              <span className="pr-conflist-line" />
            </span>
            <span>{t('p_doc_seal')}</span>
          </p>
          <p className="pr-conflist-sign">
            {list.decidedBy && <span className="pr-conflist-small">{`${t('p_conf_decided_by')}：${person(list.decidedBy)}`}</span>}
            <span>{list.decidedOn ? t('p_doc_decided_date', { date: zhDate(list.decidedOn) }) : t('p_doc_date_blank')}</span>
          </p>
        </div>
      </section>
    </article>
  );
}
