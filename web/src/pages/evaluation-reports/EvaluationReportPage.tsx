/**
 * One evaluation report (#/evaluation-reports/{id}): the figures drawn from the households'
 * evaluations, the round's outcomes (final report), the problems and the households needing
 * follow-up, the per-household annex (谈、查、看、问); the district writes its assessment and
 * submits the draft, the committee marks a submitted report received or asks for a revision.
 */
import { type ReactNode, useState } from 'react';
import { call, newIdempotencyKey } from '../../api/client.ts';
import { invalidateAfter, useRead, write } from '../../api/queries.ts';
import { useAuth } from '../../auth.tsx';
import { date, percent, todayIso, yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { PageProps } from '../../paths.ts';
import { Link } from '../../router.tsx';
import { ConfirmDialog } from '../../ui/dialog.tsx';
import { ErrorMessage, Loaded } from '../../ui/feedback.tsx';
import { HistoryList } from '../../ui/history.tsx';
import { Person } from '../../ui/person.tsx';
import { useOfficeName } from '../../ui/offices.tsx';
import { KIND_WORDS, type Report, recoveryBp, StateBadge } from './parts.tsx';
import { useMarks } from '../../i18n/marks.ts';

export function EvaluationReportPage({ id }: PageProps) {
  const { t } = useI18n();
  const report = useRead('GET /evaluation-reports/{id}', { params: { id } });
  return (
    <div className="d-page er-page">
      <p>
        <Link to="/evaluation-reports">← {t('er_back')}</Link>
      </p>
      <Loaded query={report}>{(data) => <ReportView key={data.id} report={data} />}</Loaded>
    </div>
  );
}

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ReportView({ report }: { report: Report }) {
  const { t, lang } = useI18n();
  const mk = useMarks();
  const officeName = useOfficeName();
  const role = useAuth().session?.role;
  const f = report.figures;
  const o = report.outcomes;
  const problems = report.annex.filter((l) => l.problems || l.actionsUrged);
  const followUp = report.annex.filter((l) => l.followUp);
  return (
    <>
      <h1>
        {report.roundName} {t(KIND_WORDS[report.kind])} <StateBadge state={report.status} />
      </h1>
      <p className="muted">
        {officeName(report.districtId)} · {t('er_version', { n: report.revision })} · {t('er_as_of', { date: date(report.asOf, lang) })} · {t('er_due_on')} {date(report.dueOn, lang)}
      </p>
      <p className="muted">
        {t('er_drafted_by')} <Person who={report.draftedBy} />
        {report.submittedOn && report.submittedBy && (
          <>
            {' '}
            · {t('er_submitted_by')} {date(report.submittedOn, lang)} <Person who={report.submittedBy} />
          </>
        )}
        {report.reviewedOn && report.reviewedBy && (
          <>
            {' '}
            · {t('er_reviewed_by')} {date(report.reviewedOn, lang)} <Person who={report.reviewedBy} />
          </>
        )}
      </p>
      {report.reviewComment && <p className="er-review-comment">{t('er_review_comment', { comment: report.reviewComment })}</p>}
      <p>
        <Link to={`/evaluation-reports/${report.id}/print`}>{t('er_print')} →</Link>
        {report.previousId && (
          <>
            {' · '}
            <Link to={`/evaluation-reports/${report.previousId}`}>{t('er_previous')}</Link>
          </>
        )}
      </p>

      <h2>{t('er_figures')}</h2>
      <dl className="er-figures" data-figures>
        <Figure label={t('er_households_due')}>{t('er_households_n', { n: f.householdsDue })}</Figure>
        <Figure label={t('er_households_evaluated')}>{t('er_households_n', { n: f.householdsEvaluated })}</Figure>
        <Figure label={t('er_households_not_evaluated')}>{t('er_households_n', { n: f.householdsNotEvaluated })}</Figure>
        <Figure label={t('er_principal_evaluated')}>{yuan(f.principalEvaluatedFen)}</Figure>
        <Figure label={t('er_income')}>{yuan(f.incomeToDateFen)}</Figure>
        <Figure label={t('er_forecast')}>{yuan(f.forecastFen)}</Figure>
        <Figure label={t('er_with_problems')}>{t('er_households_n', { n: f.withProblems })}</Figure>
        <Figure label={t('er_follow_up')}>{t('er_households_n', { n: f.followUp })}</Figure>
        <Figure label={t('er_methods')}>
          {t('method_talk')} {f.methods.talk} · {t('method_check')} {f.methods.check} · {t('method_look')} {f.methods.look} · {t('method_ask')} {f.methods.ask}
        </Figure>
        {f.leftPoverty !== undefined && <Figure label={t('er_left_poverty')}>{t('er_households_n', { n: f.leftPoverty })}</Figure>}
      </dl>

      {o && (
        <>
          <h2>{t('er_outcomes')}</h2>
          <dl className="er-figures" data-outcomes>
            <Figure label={t('er_loans')}>{o.loans}</Figure>
            <Figure label={t('er_disbursed')}>{yuan(o.disbursedFen)}</Figure>
            <Figure label={t('er_repaid')}>{yuan(o.repaidFen)}</Figure>
            <Figure label={t('er_repayment_rate')}>{percent(recoveryBp(o.repaidFen, o.disbursedFen))}</Figure>
            <Figure label={t('er_written_off')}>{yuan(o.writtenOffFen)}</Figure>
            <Figure label={t('er_outstanding')}>{yuan(o.outstandingFen)}</Figure>
            <Figure label={t('er_repaid_in_full')}>{o.repaidInFull}</Figure>
            <Figure label={t('er_income_gained')}>{yuan(o.incomeGainedFen)}</Figure>
            <Figure label={t('er_left_poverty')}>{t('er_households_n', { n: o.leftPoverty })}</Figure>
          </dl>
        </>
      )}

      <h2>{t('er_problems')}</h2>
      {problems.length === 0 ? (
        <p className="muted">{t('er_no_problems')}</p>
      ) : (
        <ul className="er-problems">
          {problems.map((l) => (
            <li key={l.loanId}>
              <strong>{l.motherName}</strong>
              {mk.aside(officeName(l.villageId))}
              {mk.colon}
              {l.problems}
              {l.actionsUrged && <div>{t('er_urged', { actions: l.actionsUrged })}</div>}
            </li>
          ))}
        </ul>
      )}

      <h2>{t('er_follow_up_list')}</h2>
      {followUp.length === 0 ? (
        <p className="muted">—</p>
      ) : (
        <ul className="er-follow-list">
          {followUp.map((l) => (
            <li key={l.loanId} data-loan={l.loanId}>
              <Link to={`/loans/${l.loanId}`}>{l.motherName}</Link>
              {mk.aside(officeName(l.villageId))}
              {mk.colon}
              <span className="er-follow">{t(l.followUp === 'not_evaluated' ? 'er_follow_not_evaluated' : 'er_follow_problems')}</span>
            </li>
          ))}
        </ul>
      )}

      <h2>{t('er_assessment')}</h2>
      {role === 'district' && report.status === 'draft' ? (
        <DraftActions report={report} />
      ) : (
        <>
          <p className="er-assessment">{report.assessment ?? t('er_assessment_none')}</p>
          {report.status !== 'draft' && <p className="muted">{t('er_immutable')}</p>}
        </>
      )}
      {role === 'committee' && report.status === 'submitted' && <ReviewActions report={report} />}

      <h2>{t('er_annex')}</h2>
      <Annex report={report} />

      <h2>{t('er_history')}</h2>
      <HistoryList events={report.history} />
    </>
  );
}

function Annex({ report }: { report: Report }) {
  const { t, lang } = useI18n();
  const mk = useMarks();
  const officeName = useOfficeName();
  const methods = (l: Report['annex'][number]) => l.methods.map((m) => t(`method_${m}`)).join(mk.list);
  return (
    <table className="d-rtable er-annex" aria-label={t('er_annex')}>
      <thead>
        <tr>
          <th>{t('er_mother')}</th>
          <th>{t('er_village')}</th>
          <th className="num">{t('er_amount')}</th>
          <th>{t('er_evaluated_on')}</th>
          <th>{t('er_how')}</th>
          <th>{t('er_fund_use')}</th>
          <th>{t('er_progress')}</th>
          <th className="num">{t('er_income_one')}</th>
          <th className="num">{t('er_forecast_one')}</th>
        </tr>
      </thead>
      <tbody>
        {report.annex.map((l) => (
          <tr key={l.loanId} data-loan={l.loanId}>
            <td data-label={t('er_mother')} className="d-cell-main">
              {l.motherName}
            </td>
            <td data-label={t('er_village')}>{officeName(l.villageId)}</td>
            <td data-label={t('er_amount')} className="num">
              {yuan(l.principalFen)}
            </td>
            <td data-label={t('er_evaluated_on')}>{l.evaluatedOn ? date(l.evaluatedOn, lang) : <span className="er-follow">{t('er_not_evaluated')}</span>}</td>
            <td data-label={t('er_how')}>{methods(l)}</td>
            <td data-label={t('er_fund_use')}>{l.fundUse}</td>
            <td data-label={t('er_progress')}>
              {l.progress}
              {l.operatingState && <div className="muted">{l.operatingState}</div>}
              {l.leftPoverty !== undefined && <div>{t(l.leftPoverty ? 'er_left' : 'er_not_left')}</div>}
            </td>
            <td data-label={t('er_income_one')} className="num">
              {l.incomeToDateFen !== undefined ? yuan(l.incomeToDateFen) : ''}
            </td>
            <td data-label={t('er_forecast_one')} className="num">
              {l.forecastFen !== undefined ? yuan(l.forecastFen) : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The district writes its assessment (saved on the draft) and submits the report. */
function DraftActions({ report }: { report: Report }) {
  const { t } = useI18n();
  const [assessment, setAssessment] = useState(report.assessment ?? '');
  const [refresh, setRefresh] = useState(false);
  const [reportedOn, setReportedOn] = useState(todayIso());
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>();
  const [key] = useState(newIdempotencyKey);
  const changed = assessment.trim() !== (report.assessment ?? '') || refresh;
  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await call('PATCH /evaluation-reports/{id}', { params: { id: report.id }, body: { assessment: assessment.trim(), refreshFigures: refresh } });
      await invalidateAfter('PATCH /evaluation-reports/{id}');
      setSaved(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await write('POST /evaluation-reports/{id}/submit', { params: { id: report.id }, body: { reportedOn }, idempotencyKey: key });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <>
      <label className="field">
        <span className="label">{t('er_assessment')}</span>
        <textarea
          aria-label={t('er_assessment')}
          placeholder={t('er_assessment_hint')}
          value={assessment}
          maxLength={5000}
          onChange={(e) => {
            setAssessment(e.target.value);
            setSaved(false);
          }}
        />
      </label>
      <label className="er-refresh">
        <input type="checkbox" checked={refresh} onChange={(e) => setRefresh(e.target.checked)} /> {t('er_refresh')}
      </label>
      <div className="er-actions">
        <button type="button" disabled={busy || !assessment.trim() || !changed} onClick={() => void save()}>
          {t('er_save')}
        </button>
        {saved && (
          <span role="status" className="ok">
            {t('er_saved')}
          </span>
        )}
        <label className="field">
          <span className="label">{t('er_reported_on')}</span>
          <input type="date" aria-label={t('er_reported_on')} value={reportedOn} min={report.asOf} max={todayIso()} onChange={(e) => setReportedOn(e.target.value)} />
        </label>
        <button type="button" disabled={busy || !report.assessment || changed} onClick={() => setAsking(true)}>
          {t('er_submit')}
        </button>
      </div>
      {error !== undefined && <ErrorMessage error={error} />}
      {asking && (
        <ConfirmDialog title={t('er_submit')} onConfirm={() => void submit()} onCancel={() => setAsking(false)} busy={busy}>
          <p>{t('er_submit_confirm')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}

/** The committee marks the report received (a comment if it likes) or asks for a revision (with its comment). */
function ReviewActions({ report }: { report: Report }) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  const [reviewedOn, setReviewedOn] = useState(todayIso());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [key] = useState(newIdempotencyKey);
  const review = async (decision: 'received' | 'revision') => {
    setBusy(true);
    setError(undefined);
    try {
      await write('POST /evaluation-reports/{id}/review', { params: { id: report.id }, body: { decision, reviewedOn, ...(comment.trim() ? { comment: comment.trim() } : {}) }, idempotencyKey: key });
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <section className="er-review">
      <h2>{t('er_review')}</h2>
      <label className="field">
        <span className="label">{t('er_comment')}</span>
        <textarea aria-label={t('er_comment')} placeholder={t('er_comment_hint')} value={comment} maxLength={1000} onChange={(e) => setComment(e.target.value)} />
      </label>
      <div className="er-actions">
        <label className="field">
          <span className="label">{t('er_reviewed_on')}</span>
          <input type="date" aria-label={t('er_reviewed_on')} value={reviewedOn} min={report.submittedOn} max={todayIso()} onChange={(e) => setReviewedOn(e.target.value)} />
        </label>
        <button type="button" disabled={busy} onClick={() => void review('received')}>
          {t('er_receive')}
        </button>
        <button type="button" className="secondary" disabled={busy || !comment.trim()} onClick={() => void review('revision')}>
          {t('er_ask_revision')}
        </button>
      </div>
      {error !== undefined && <ErrorMessage error={error} />}
    </section>
  );
}
