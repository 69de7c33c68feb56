/** The headline figures of the view: repayment rates, PAR30, outstanding, arrears, mothers helped, poverty exit. */
import { percent, yuan } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/index.tsx';
import type { Tone } from '../charts.tsx';
import type { OutcomeRow, PortfolioRow, RepaymentRow } from '../reports.ts';
import { repaymentTone, par30Tone } from './shared.ts';

export function Kpi({ name, label, value, hint, tone }: { name: string; label: string; value: string; hint?: string; tone?: Tone }) {
  return (
    <div className={`kpi c-kpi c-kpi-${tone ?? 'plain'}`} data-kpi={name}>
      <div className="label">{label}</div>
      <div className="value">{value}</div>
      {hint && <div className="c-kpi-hint">{hint}</div>}
    </div>
  );
}

export function Kpis({ rp, pf, oc }: { rp: RepaymentRow; pf: PortfolioRow; oc: OutcomeRow }) {
  const { t } = useI18n();
  return (
    <section className="c-kpis" aria-label={t('c_kpi_section')}>
      <Kpi
        name="repayment"
        label={t('c_kpi_repayment')}
        value={percent(rp.repaymentRateBp)}
        tone={repaymentTone(rp.repaymentRateBp)}
        hint={t('c_kpi_repayment_hint', { due: yuan(rp.fallenDueFen), repaid: yuan(rp.repaidOnDueLoansFen) })}
      />
      <Kpi name="on-time" label={t('c_kpi_on_time')} value={percent(rp.onTimeRateBp)} tone={repaymentTone(rp.onTimeRateBp)} hint={t('c_kpi_on_time_hint', { repaid: yuan(rp.repaidOnTimeFen) })} />
      <Kpi name="par30" label={t('c_kpi_par30')} value={percent(rp.par30Bp)} tone={par30Tone(rp.par30Bp)} hint={t('c_kpi_par30_hint', { fen: yuan(rp.par30Fen) })} />
      <Kpi name="outstanding" label={t('c_kpi_outstanding')} value={yuan(rp.outstandingFen)} hint={t('c_kpi_outstanding_hint', { n: pf.active.loans + pf.overdue.loans })} />
      <Kpi name="arrears" label={t('c_kpi_arrears')} value={yuan(rp.arrearsFen)} tone={rp.arrearsFen > 0 ? 'warn' : 'plain'} hint={t('c_kpi_arrears_hint', { n: rp.arrearsLoans })} />
      <Kpi
        name="mothers"
        label={t('c_kpi_mothers')}
        value={t('c_kpi_mothers_value', { n: oc.mothersHelped.toLocaleString('en-US') })}
        hint={t('c_kpi_mothers_hint', { n: oc.householdMembersReached.toLocaleString('en-US') })}
      />
      <Kpi name="poverty-exit" label={t('c_kpi_exit')} value={percent(oc.povertyExitRateBp)} hint={t('c_kpi_exit_hint', { final: oc.finalEvaluations, left: oc.leftPoverty })} />
    </section>
  );
}
