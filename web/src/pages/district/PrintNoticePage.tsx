/** The public notice (公示) of a village's applicants in a round, to print and post on the village board. */
import { call } from '../../api/client.ts';
import { readAll, useLoad } from '../../api/queries.ts';
import type { PageProps } from '../../pages.tsx';
import { maskId, yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Empty } from '../../ui.tsx';
import { BackLink, Loaded, hrefOf, townshipOf, useDate, useOfficeName } from './common.tsx';
import type { Application, Round } from './types.ts';

export function PrintNoticePage({ route }: PageProps) {
  const { query } = route;
  const { t } = useI18n();
  const roundId = query.get('roundId') ?? '';
  const villageId = query.get('villageId') ?? '';
  const state = useLoad(['GET /applications', { roundId, villageId }, 'notice'], async (signal) => {
    if (!roundId || !villageId) throw new Error(t('d_notice_needs_round_village'));
    const [round, apps] = await Promise.all([call('GET /rounds/{id}', { params: { id: roundId }, signal }), readAll('GET /applications', { query: { roundId }, signal })]);
    const applicants = apps.filter((a) => a.villageId === villageId && a.status !== 'rejected').sort((a, b) => a.submittedOn.localeCompare(b.submittedOn) || a.mother.name.localeCompare(b.mother.name, 'zh'));
    return { round, applicants };
  });
  return (
    <div className="d-page d-print-page">
      <div className="no-print d-print-actions">
        <BackLink to={hrefOf('/applications', { roundId, township: villageId ? townshipOf(villageId) : undefined })} label={t('d_back_to_queue')} />
        <button type="button" onClick={() => window.print()}>
          {t('print')}
        </button>
      </div>
      <Loaded state={state}>{({ round, applicants }) => <NoticeDocument round={round} applicants={applicants} villageId={villageId} />}</Loaded>
    </div>
  );
}

function NoticeDocument({ round, applicants, villageId }: { round: Round; applicants: Application[]; villageId: string }) {
  const { t } = useI18n();
  const fmt = useDate();
  const name = useOfficeName();
  const township = townshipOf(villageId);
  const total = applicants.reduce((s, a) => s + a.amountRequestedFen, 0);
  const notices = applicants.flatMap((a) => (a.notice ? [a.notice] : []));
  const from = notices.map((n) => n.postedOn).sort()[0];
  const to = notices.map((n) => n.endsOn).sort().at(-1);
  const places = [...new Set(notices.flatMap((n) => (n.place ? [n.place] : [])))];

  return (
    <article className="printable d-doc" aria-label={t('d_notice_doc_title')}>
      <h1 className="d-doc-title">{t('d_notice_doc_title')}</h1>
      <p className="d-doc-sub">
        {round.name} · {name(round.districtId)} · {name(township)} · {name(villageId)}
      </p>
      <p>{t('d_notice_doc_intro', { village: name(villageId), n: applicants.length })}</p>
      {applicants.length === 0 ? (
        <Empty>{t('d_notice_no_applicants')}</Empty>
      ) : (
        <table className="d-doc-table">
          <thead>
            <tr>
              <th className="num">{t('d_seq')}</th>
              <th>{t('d_mother_name')}</th>
              <th>{t('d_resident_id')}</th>
              <th className="num">{t('d_household_size_short')}</th>
              <th>{t('d_project')}</th>
              <th className="num">{t('d_amount_requested')}</th>
            </tr>
          </thead>
          <tbody>
            {applicants.map((a, i) => (
              <tr key={a.id}>
                <td className="num">{i + 1}</td>
                <td>{a.mother.name}</td>
                <td className="d-mono">{maskId(a.mother.residentId)}</td>
                <td className="num">{a.householdSize}</td>
                <td>
                  {t(`d_pt_${a.project.type}`)}
                  <span className="d-doc-desc">{a.project.description}</span>
                </td>
                <td className="num">{yuan(a.amountRequestedFen)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={5}>{t('d_notice_total', { n: applicants.length })}</td>
              <td className="num">{yuan(total)}</td>
            </tr>
          </tfoot>
        </table>
      )}
      <h2>{t('d_notice_period')}</h2>
      <p data-testid="notice-period">
        {from && to ? t('d_notice_period_dates', { from: fmt(from), to: fmt(to) }) : t('d_notice_period_blank', { n: round.noticeDays })}
        {places.length > 0 && ` ${t('d_notice_posted_at', { place: places.join('、') })}`}
      </p>
      <h2>{t('d_notice_objections')}</h2>
      <p>{t('d_notice_objections_text', { village: name(villageId), township: name(township), district: name(round.districtId) })}</p>
      <div className="d-doc-signs">
        <div>
          <p>{name(township)}</p>
          <p className="d-doc-line">{t('d_seal')}</p>
        </div>
        <div>
          <p>{name(round.districtId)}</p>
          <p className="d-doc-line">{t('d_seal')}</p>
        </div>
      </div>
      <p className="d-doc-date">{from ? fmt(from) : t('d_date_blank')}</p>
    </article>
  );
}
