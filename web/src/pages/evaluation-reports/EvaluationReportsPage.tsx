/**
 * 评估报告: where each district's mid-term, year-end and final evaluation reports stand (due,
 * overdue, being drafted, submitted, received, revision asked for), per round; the district
 * drafts a report from here, everyone opens the latest version.
 */
import { useState } from 'react';
import { newIdempotencyKey } from '../../api/client.ts';
import { useRead, write } from '../../api/queries.ts';
import { useAuth } from '../../auth.tsx';
import { date } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link, navigate } from '../../router.tsx';
import { Empty, ErrorMessage, Loaded } from '../../ui/feedback.tsx';
import { useOfficeName } from '../../ui/offices.tsx';
import { type DueOverview, type DueRow, KIND_WORDS, StateBadge } from './parts.tsx';

export function EvaluationReportsPage() {
  const { t } = useI18n();
  const committee = useAuth().session?.role === 'committee';
  const due = useRead('GET /evaluation-reports/due', { query: {} });
  return (
    <div className="d-page er-page">
      <h1>{t('er_title')}</h1>
      <p className="muted">{t(committee ? 'er_intro_committee' : 'er_intro_district')}</p>
      <p className="muted">{t('er_rule_due')}</p>
      <Loaded query={due}>{(data) => <Overview data={data} committee={committee} />}</Loaded>
    </div>
  );
}

function Overview({ data, committee }: { data: DueOverview; committee: boolean }) {
  const { t } = useI18n();
  const officeName = useOfficeName();
  const withRows = data.districts.filter((d) => d.rows.length > 0);
  if (withRows.length === 0) return <Empty>{t('er_none')}</Empty>;
  return (
    <>
      {withRows.map((d) => (
        <section key={d.districtId} className="er-district" data-district={d.districtId}>
          <h2>{officeName(d.districtId)}</h2>
          <p className="muted">{t('er_counts', d.counts)}</p>
          <table className="d-rtable er-table" aria-label={`${t('er_title')} ${officeName(d.districtId)}`}>
            <thead>
              <tr>
                <th>{t('er_round')}</th>
                <th>{t('er_kind')}</th>
                <th>{t('er_point_on')}</th>
                <th>{t('er_due_on')}</th>
                <th>{t('er_state')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {d.rows.map((row) => (
                <Row key={`${row.roundId}-${row.point}`} row={row} committee={committee} />
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}

function Row({ row, committee }: { row: DueRow; committee: boolean }) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [key] = useState(newIdempotencyKey);
  const canDraft = !committee && (row.state === 'due' || row.state === 'overdue' || row.state === 'revision_requested');
  const draft = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const report = await write('POST /evaluation-reports', { body: { roundId: row.roundId, point: row.point }, idempotencyKey: key });
      navigate(`/evaluation-reports/${report.id}`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <tr data-round={row.roundId} data-point={row.point} data-state={row.state}>
      <td data-label={t('er_round')} className="d-cell-main">
        {row.roundName}
      </td>
      <td data-label={t('er_kind')}>{t(KIND_WORDS[row.kind])}</td>
      <td data-label={t('er_point_on')}>{date(row.pointOn, lang)}</td>
      <td data-label={t('er_due_on')}>
        {date(row.dueOn, lang)}
        {row.overdue && row.state !== 'overdue' && <span className="er-follow"> · {t('er_overdue_mark')}</span>}
      </td>
      <td data-label={t('er_state')}>
        <StateBadge state={row.state} />
      </td>
      <td>
        {row.reportId && (row.state !== 'revision_requested' || committee) && <Link to={`/evaluation-reports/${row.reportId}`}>{t('er_open')} →</Link>}
        {canDraft && (
          <button type="button" disabled={busy} onClick={() => void draft()}>
            {t(row.state === 'revision_requested' ? 'er_draft_revision' : 'er_draft')}
          </button>
        )}
        {error !== undefined && <ErrorMessage error={error} />}
      </td>
    </tr>
  );
}
