/** The public notice (公示) of a village's applicants in a round, bilingual Tibetan–Chinese, one page per posting (`posting` names one), to print and post on the village board. */
import '../../i18n/zh-CN.district.ts';
import '../../i18n/zh-CN.edges.ts';
import { call } from '../../api/client.ts';
import { readAll, useLoad } from '../../api/queries.ts';
import type { PageProps } from '../../paths.ts';
import { useI18n } from '../../i18n/index.tsx';
import { noticePostings, unpostedApplications } from '../../print/notice.ts';
import { NoticeDocument } from '../../print/NoticeDocument.tsx';
import { placesOf } from '../../print/offices.ts';
import '../../print/print.css';
import { Empty } from '../../ui.tsx';
import { townshipOf, useOffices } from '../../ui/offices.tsx';
import { BackLink, Loaded } from '../../ui/layout.tsx';
import { hrefOf } from '../../router.tsx';
import type { Application, Round } from '../../api/records.ts';
import { useMarks } from '../../i18n/marks.ts';

export function PrintNoticePage({ route }: PageProps) {
  const { query } = route;
  const { t } = useI18n();
  const roundId = query.get('roundId') ?? '';
  const villageId = query.get('villageId') ?? '';
  const state = useLoad(['GET /applications', { roundId, villageId }, 'notice'], async (signal) => {
    if (!roundId || !villageId) throw new Error(t('d_notice_needs_round_village'));
    const [round, apps] = await Promise.all([call('GET /rounds/{id}', { params: { id: roundId }, signal }), readAll('GET /applications', { query: { roundId }, signal })]);
    const applicants = apps
      .filter((a) => a.villageId === villageId && a.status !== 'rejected')
      .sort((a, b) => a.submittedOn.localeCompare(b.submittedOn) || a.mother.name.localeCompare(b.mother.name, 'zh'));
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
      <Loaded state={state}>{({ round, applicants }) => <NoticeDocuments round={round} applicants={applicants} villageId={villageId} postingKey={query.get('posting')} />}</Loaded>
    </div>
  );
}

/** Every posting of the village in the round as its own printed page, or only the one named by the `posting` query parameter. */
function NoticeDocuments({ round, applicants, villageId, postingKey }: { round: Round; applicants: Application[]; villageId: string; postingKey: string | null }) {
  const { t } = useI18n();
  const mk = useMarks();
  const { byId } = useOffices();
  const places = placesOf(villageId, byId);
  const postings = noticePostings(applicants).filter((p) => !postingKey || p.key === postingKey);
  const unposted = unpostedApplications(applicants);
  return (
    <>
      {unposted.length > 0 && <p className="no-print d-notice-unposted">{t('d_notice_unposted', { names: unposted.map((a) => a.mother.name).join(mk.list) })}</p>}
      {postings.length === 0 ? (
        <Empty>{t(unposted.length > 0 ? 'd_notice_nothing_posted' : 'd_notice_no_applicants')}</Empty>
      ) : (
        postings.map((p) => <NoticeDocument key={p.key} posting={p} village={places.village} township={places.township} kinds={places.kinds} roundName={round.name} />)
      )}
    </>
  );
}
