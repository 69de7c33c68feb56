/**
 * The donor report as the public reads it and prints it (A4): figures, sources of the money,
 * districts with simple SVG bars, health and training, and the stories mothers agreed to.
 * No personal data reaches it: the server builds it from aggregates only.
 */
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import type { ResponseOf } from '../../../../shared/routes.ts';
import { date, percent, yuan } from '../../i18n/format.ts';
import { useI18n, type Lang } from '../../i18n/index.tsx';
import './public-report.css';
import { useMarks } from '../../i18n/marks.ts';

export type Report = ResponseOf<'GET /public/reports/{id}'>;

const titleOf = (r: Report, lang: Lang) => (lang === 'zh' ? r.title['zh-CN'] : r.title[lang]);

function Bars({ name, rows }: { name: string; rows: { label: string; value: number; display: string }[] }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const H = 30;
  return (
    <figure className="dr-chart">
      <figcaption>{name}</figcaption>
      <svg viewBox={`0 0 380 ${rows.length * H + 4}`} role="img" aria-label={name}>
        {rows.map((r, i) => (
          <g key={r.label} transform={`translate(0 ${i * H})`}>
            <text x="0" y="18" fontSize="13">
              {r.label}
            </text>
            <rect x="120" y="6" height="16" width={Math.max(1, (r.value / max) * 190)} rx="2" className="dr-bar" />
            <text x={124 + (r.value / max) * 190} y="19" fontSize="12">
              {r.display}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}

export function ReportView({ report }: { report: Report }) {
  const { t, lang } = useI18n();
  const mk = useMarks();
  const x = report.total;
  const times = x.timesLentBp === null ? '—' : (x.timesLentBp / 10_000).toFixed(2);
  const label = (d: Report['districts'][number]) => (d.merged ? t('o_other_districts') : d.label);
  const figure = (name: string, value: string) => (
    <div key={name}>
      <dt>{name}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <article className="dr-report" data-report={report.id}>
      <header>
        <h1>{titleOf(report, lang)}</h1>
        <p className="dr-sub">
          {t('o_period', { from: date(report.from, lang), to: date(report.to, lang) })}
          {report.publishedOn ? ` · ${t('o_published_on', { d: date(report.publishedOn, lang) })}` : ''}
        </p>
      </header>
      <section>
        <h2>{t('o_money')}</h2>
        <dl className="dr-figures">
          {figure(t('o_granted'), yuan(x.grantedFen))}
          {figure(t('o_lent'), yuan(x.lentFen))}
          {figure(t('o_repaid'), yuan(x.repaidFen))}
          {figure(t('o_relent'), yuan(x.relentFen))}
          {figure(t('o_times_lent'), t('o_times', { n: times }))}
          {figure(t('o_repayment_rate'), percent(x.repaymentRateBp))}
        </dl>
        {report.sources.length > 0 && (
          <>
            <h3>{t('o_sources')}</h3>
            <ul className="dr-sources">
              {report.sources.map((s) => (
                <li key={s.source}>
                  {s.source || t('o_source_unlisted')}
                  {mk.colon}
                  {yuan(s.amountFen)}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section>
        <h2>{t('o_people')}</h2>
        <dl className="dr-figures">
          {figure(t('o_mothers'), String(x.mothers))}
          {figure(t('o_household_members'), String(x.householdMembers))}
          {figure(t('o_villages'), String(x.villages))}
          {figure(t('o_income'), yuan(x.incomeGainedFen))}
          {figure(t('o_left_poverty'), String(x.leftPoverty))}
          {figure(t('o_poverty_exit_rate'), percent(x.povertyExitRateBp))}
        </dl>
      </section>
      <section>
        <h2>{t('o_health_training')}</h2>
        <dl className="dr-figures">
          {figure(t('o_women_checked'), String(x.womenChecked))}
          {figure(t('o_illnesses_found'), String(x.illnessesFound))}
          {figure(t('o_illnesses_cured'), String(x.illnessesCured))}
          {figure(t('o_sessions'), String(x.trainingSessions))}
          {figure(t('o_mothers_trained'), String(x.mothersTrained))}
        </dl>
      </section>
      <section className="dr-districts">
        <h2>{t('o_by_district')}</h2>
        <div className="dr-charts">
          <Bars name={t('o_chart_lent')} rows={report.districts.map((d) => ({ label: label(d), value: d.lentFen, display: yuan(d.lentFen) }))} />
          <Bars name={t('o_chart_mothers')} rows={report.districts.map((d) => ({ label: label(d), value: d.mothers, display: String(d.mothers) }))} />
        </div>
        <ScrollRegion label={t('o_by_district')}>
          <table>
            <thead>
              <tr>
                <th>{t('o_district')}</th>
                <th className="num">{t('o_mothers')}</th>
                <th className="num">{t('o_lent')}</th>
                <th className="num">{t('o_repayment_rate')}</th>
                <th className="num">{t('o_income')}</th>
                <th className="num">{t('o_women_checked')}</th>
                <th className="num">{t('o_mothers_trained')}</th>
              </tr>
            </thead>
            <tbody>
              {report.districts.map((d) => (
                <tr key={d.label}>
                  <th scope="row">{label(d)}</th>
                  <td className="num">{d.mothers}</td>
                  <td className="num">{yuan(d.lentFen)}</td>
                  <td className="num">{percent(d.repaymentRateBp)}</td>
                  <td className="num">{yuan(d.incomeGainedFen)}</td>
                  <td className="num">{d.womenChecked}</td>
                  <td className="num">{d.mothersTrained}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        {report.suppressedDistricts > 0 && <p className="muted">{t('o_suppressed', { n: report.suppressedDistricts })}</p>}
      </section>
      {report.stories.length > 0 && (
        <section className="dr-stories">
          <h2>{t('o_stories')}</h2>
          {report.stories.map((s) => (
            <blockquote key={`${s.name}${s.district}`} className="dr-story">
              <p>{s.story}</p>
              <footer>
                {s.name} · {s.district}
              </footer>
            </blockquote>
          ))}
        </section>
      )}
      <footer className="dr-footer">{t('o_footer')}</footer>
    </article>
  );
}
