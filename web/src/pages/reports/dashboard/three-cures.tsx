/** 三治并举 on the dashboard: women checked, illnesses found, treated and cured, training sessions and mothers trained, from the outcomes report (each person once per row). */
import '../../../i18n/zh-CN.evaluation-reports.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { ScrollRegion } from '../../../ui/scroll-region.tsx';
import { Figure } from './fund.tsx';
import { GroupDetail } from './portfolio.tsx';
import type { OutcomeRow, RowBase } from '../reports.ts';

export function ThreeCures({ focus, rows, rowLabel }: { focus: OutcomeRow; rows: OutcomeRow[]; rowLabel: (r: RowBase) => string }) {
  const { t } = useI18n();
  return (
    <section className="card" data-card="three-cures">
      <h2>{t('er_three_title')}</h2>
      <p className="muted c-note">{t('er_three_note')}</p>
      <dl className="c-figures">
        <Figure label={t('er_three_women')} value={t('er_three_people', { n: focus.womenChecked })} />
        <Figure label={t('er_three_found')} value={t('er_three_cases', { n: focus.illnessesFound })} />
        <Figure label={t('er_three_treated')} value={t('er_three_cases', { n: focus.illnessesTreated })} />
        <Figure label={t('er_three_cured')} value={t('er_three_cases', { n: focus.illnessesCured })} />
        <Figure label={t('er_three_sessions')} value={t('er_three_times', { n: focus.trainingSessions })} />
        <Figure label={t('er_three_trained')} value={t('er_three_people', { n: focus.mothersTrained })} />
      </dl>
      {rows.length > 1 && (
        <GroupDetail count={rows.length}>
          <ScrollRegion label={t('er_three_title')}>
            <table className="c-table">
              <thead>
                <tr>
                  <th>{t('c_group')}</th>
                  <th className="num">{t('er_three_women')}</th>
                  <th className="num">{t('er_three_found')}</th>
                  <th className="num">{t('er_three_treated')}</th>
                  <th className="num">{t('er_three_cured')}</th>
                  <th className="num">{t('er_three_sessions')}</th>
                  <th className="num">{t('er_three_trained')}</th>
                </tr>
              </thead>
              <tbody>
                {[...rows, focus].map((r) => (
                  <tr key={r.id} className={r.groupBy === 'total' ? 'c-total' : undefined}>
                    <th scope="row">{rowLabel(r)}</th>
                    <td className="num">{r.womenChecked}</td>
                    <td className="num">{r.illnessesFound}</td>
                    <td className="num">{r.illnessesTreated}</td>
                    <td className="num">{r.illnessesCured}</td>
                    <td className="num">{r.trainingSessions}</td>
                    <td className="num">{r.mothersTrained}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </GroupDetail>
      )}
    </section>
  );
}
