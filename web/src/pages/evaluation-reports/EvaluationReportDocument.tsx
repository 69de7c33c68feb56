/**
 * The printed evaluation report (中期 / 年终 / 终期评估报告) as the district sends it to the
 * committee: A4, in Chinese (the offices' working language) whatever the reader's UI language;
 * the figures, the round's outcomes (final report), the problems and what was urged, the
 * households needing follow-up, the district's assessment with its signature and seal, and the
 * per-household annex (谈、查、看、问). Mothers by the names on their ID cards; a village also in
 * Tibetan when its office has a Tibetan name. Words from the Chinese catalogue (er_*).
 */
import '../../i18n/zh-CN.evaluation-reports.ts';
import { chinese, translator } from '../../i18n/catalogue.ts';
import { percent, yuan } from '../../i18n/format.ts';
import { zhDate } from '../../print/dates.ts';
import { KIND_WORDS, type Report, recoveryBp } from './parts.tsx';
import './evaluation-report-print.css';

export interface EvaluationReportDocumentProps {
  report: Report;
  /** an office's names: Chinese, and Tibetan where the office has one */
  placeOf: (id: string) => { zh: string; bo?: string };
  committee: string;
}

export function EvaluationReportDocument({ report, placeOf, committee }: EvaluationReportDocumentProps) {
  const t = translator(chinese);
  const f = report.figures;
  const o = report.outcomes;
  const kind = t(KIND_WORDS[report.kind]);
  const problems = report.annex.filter((l) => l.problems || l.actionsUrged);
  const followUp = report.annex.filter((l) => l.followUp);
  const methods = (l: Report['annex'][number]) => l.methods.map((m) => t(`method_${m}`)).join('、');
  let section = o ? 3 : 2;
  const next = () => ['一', '二', '三', '四', '五', '六'][section++ - 1]!;
  const place = (id: string) => {
    const p = placeOf(id);
    return (
      <>
        {p.zh}
        {p.bo && (
          <span lang="bo" className="pr-er-bo">
            {p.bo}
          </span>
        )}
      </>
    );
  };
  return (
    <article className="pr-doc pr-evalreport" lang="zh-CN" aria-label={t('er_doc_title', { kind })}>
      <header className="pr-er-head">
        <h1>{t('er_doc_title', { kind })}</h1>
        <p>{t('er_doc_to', { committee })}</p>
        <p className="pr-er-meta">
          <span>{t('er_doc_from', { district: placeOf(report.districtId).zh })}</span>
          <span>{t('er_doc_round', { round: report.roundName })}</span>
          <span>{t('er_doc_point', { months: report.monthsAfterDisbursement })}</span>
          <span>{t('er_doc_as_of', { date: zhDate(report.asOf) })}</span>
          <span>{t('er_doc_version', { n: report.revision })}</span>
        </p>
      </header>

      <section className="pr-er-section">
        <h2>{t('er_doc_section_figures')}</h2>
        <table className="pr-er-figures">
          <tbody>
            <tr>
              <th>{t('er_households_due')}</th>
              <td>{f.householdsDue}</td>
              <th>{t('er_households_evaluated')}</th>
              <td>{f.householdsEvaluated}</td>
            </tr>
            <tr>
              <th>{t('er_households_not_evaluated')}</th>
              <td>{f.householdsNotEvaluated}</td>
              <th>{t('er_principal_evaluated')}</th>
              <td>{yuan(f.principalEvaluatedFen)}</td>
            </tr>
            <tr>
              <th>{t('er_income')}</th>
              <td>{yuan(f.incomeToDateFen)}</td>
              <th>{t('er_forecast')}</th>
              <td>{yuan(f.forecastFen)}</td>
            </tr>
            <tr>
              <th>{t('er_with_problems')}</th>
              <td>{f.withProblems}</td>
              <th>{t('er_follow_up')}</th>
              <td>{f.followUp}</td>
            </tr>
            <tr>
              <th>{t('er_methods')}</th>
              <td colSpan={f.leftPoverty !== undefined ? 1 : 3}>
                {t('method_talk')} {f.methods.talk}　{t('method_check')} {f.methods.check}　{t('method_look')} {f.methods.look}　{t('method_ask')} {f.methods.ask}
              </td>
              {f.leftPoverty !== undefined && (
                <>
                  <th>{t('er_left_poverty')}</th>
                  <td>{f.leftPoverty}</td>
                </>
              )}
            </tr>
          </tbody>
        </table>
      </section>

      {o && (
        <section className="pr-er-section">
          <h2>{t('er_doc_section_outcomes')}</h2>
          <table className="pr-er-figures">
            <tbody>
              <tr>
                <th>{t('er_loans')}</th>
                <td>{o.loans}</td>
                <th>{t('er_disbursed')}</th>
                <td>{yuan(o.disbursedFen)}</td>
              </tr>
              <tr>
                <th>{t('er_repaid')}</th>
                <td>{yuan(o.repaidFen)}</td>
                <th>{t('er_repayment_rate')}</th>
                <td>{percent(recoveryBp(o.repaidFen, o.disbursedFen))}</td>
              </tr>
              <tr>
                <th>{t('er_written_off')}</th>
                <td>{yuan(o.writtenOffFen)}</td>
                <th>{t('er_outstanding')}</th>
                <td>{yuan(o.outstandingFen)}</td>
              </tr>
              <tr>
                <th>{t('er_repaid_in_full')}</th>
                <td>{o.repaidInFull}</td>
                <th>{t('er_income_gained')}</th>
                <td>{yuan(o.incomeGainedFen)}</td>
              </tr>
              <tr>
                <th>{t('er_left_poverty')}</th>
                <td colSpan={3}>{o.leftPoverty}</td>
              </tr>
            </tbody>
          </table>
        </section>
      )}

      <section className="pr-er-section">
        <h2>{t('er_doc_section_problems', { n: next() })}</h2>
        {problems.length === 0 ? (
          <p>{t('er_no_problems')}</p>
        ) : (
          <ol className="pr-er-list">
            {problems.map((l) => (
              <li key={l.loanId}>
                {l.motherName}（{place(l.villageId)}）：{l.problems}
                {l.actionsUrged && <>　{t('er_urged', { actions: l.actionsUrged })}</>}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="pr-er-section">
        <h2>{t('er_doc_section_follow', { n: next() })}</h2>
        {followUp.length === 0 ? (
          <p>—</p>
        ) : (
          <ol className="pr-er-list">
            {followUp.map((l) => (
              <li key={l.loanId}>
                {l.motherName}（{place(l.villageId)}）：{t(l.followUp === 'not_evaluated' ? 'er_follow_not_evaluated' : 'er_follow_problems')}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="pr-er-section pr-er-assessment">
        <h2>{t('er_doc_section_assessment', { n: next() })}</h2>
        <p className="pr-er-text">{report.assessment ?? ''}</p>
        <div className="pr-er-sign">
          <p>
            {t('er_doc_sign_district')}　　　　　　　　{t('er_doc_seal')}
          </p>
          <p>{report.submittedOn ? t('er_doc_date', { date: zhDate(report.submittedOn) }) : t('er_doc_date_blank')}</p>
          <p>
            {t('er_doc_received')}
            {report.reviewedOn && report.status === 'received' ? zhDate(report.reviewedOn) : '　　年　　月　　日'}
          </p>
        </div>
      </section>

      {/* on a phone the annex table scrolls sideways: a named region a keyboard reaches (axe: scrollable-region-focusable) */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keyboard */}
      <section className="pr-er-section pr-er-annex" tabIndex={0} aria-labelledby="pr-er-annex-title">
        <h2 id="pr-er-annex-title">{t('er_annex')}</h2>
        <table className="pr-er-table">
          <thead>
            <tr>
              <th>{t('er_doc_seq')}</th>
              <th>{t('er_mother')}</th>
              <th>{t('er_doc_township')}</th>
              <th>{t('er_village')}</th>
              <th className="pr-er-num">{t('er_amount')}</th>
              <th>{t('er_evaluated_on')}</th>
              <th>{t('er_how')}</th>
              <th>{t('er_fund_use')}</th>
              <th>{t('er_progress')}</th>
              <th className="pr-er-num">{t('er_income_one')}</th>
              <th className="pr-er-num">{t('er_forecast_one')}</th>
              <th>{t('er_problems')}</th>
            </tr>
          </thead>
          <tbody>
            {report.annex.map((l, i) => (
              <tr key={l.loanId}>
                <td>{i + 1}</td>
                <td>
                  {l.motherName}
                  {l.agreementNo && <div className="pr-er-small">{l.agreementNo}</div>}
                </td>
                <td>{place(l.townshipId)}</td>
                <td>{place(l.villageId)}</td>
                <td className="pr-er-num">{yuan(l.principalFen)}</td>
                <td>{l.evaluatedOn ? zhDate(l.evaluatedOn) : t('er_not_evaluated')}</td>
                <td>{methods(l)}</td>
                <td>{l.fundUse}</td>
                <td>
                  {l.progress}
                  {l.operatingState && <div className="pr-er-small">{l.operatingState}</div>}
                  {l.leftPoverty !== undefined && <div>{t(l.leftPoverty ? 'er_left' : 'er_not_left')}</div>}
                </td>
                <td className="pr-er-num">{l.incomeToDateFen !== undefined ? yuan(l.incomeToDateFen) : ''}</td>
                <td className="pr-er-num">{l.forecastFen !== undefined ? yuan(l.forecastFen) : ''}</td>
                <td>
                  {l.problems}
                  {l.actionsUrged && <div className="pr-er-small">{t('er_urged', { actions: l.actionsUrged })}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="pr-er-small">{t('er_doc_names_note')}</p>
      </section>
    </article>
  );
}
