/**
 * The disbursement to the mother in person (`DisbursementInput`): confirmed first with the
 * amount in Chinese capitals, sent with an Idempotency-Key kept across retries of the same
 * submission. Whether she came and her ID was checked is the API's rule, not repeated here.
 */
import { Person } from '../../ui/person.tsx';
import { DisbursementInput } from '../../../../shared/domain/schemas.ts';
import { write } from '../../api/queries.ts';
import { fenInCapitals, todayIso, yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ConfirmDialog } from '../../ui/dialog.tsx';
import { FormActions, FormField, MoneyInput, useSchemaForm, useConfirmedSubmit } from '../../ui/form.tsx';
import { Facts, Section, useDate } from '../../ui/layout.tsx';
import type { LoanDetail } from '../../api/records.ts';
import type { SectionProps } from './props.ts';
import { useMarks } from '../../i18n/marks.ts';

interface DisbursementForm {
  disbursedOn: string;
  amountFen?: number;
  place: string;
  motherPresent: boolean;
  idChecked: boolean;
}

export function DisbursementSection({ loan, role }: SectionProps) {
  const { t } = useI18n();
  const mk = useMarks();
  const fmt = useDate();
  const d = loan.disbursement;
  if (d)
    return (
      <Section title={t('d_disbursement')}>
        <Facts
          rows={[
            [t('d_disbursed_on'), fmt(d.disbursedOn)],
            [t('d_amount'), `${yuan(d.amountFen)}${mk.aside(fenInCapitals(d.amountFen))}`],
            [t('d_in_person'), `✓ ${t('d_mother_present')} · ✓ ${t('d_id_checked')}`],
            ...(d.place ? ([[t('d_place'), d.place]] as [string, string][]) : []),
            [t('d_recorded_by'), <Person key="p" who={d.recordedBy} />],
          ]}
        />
      </Section>
    );
  if (loan.status !== 'approved' || (role !== 'district' && role !== 'township')) return null;
  return <DisbursementForm loan={loan} />;
}

function DisbursementForm({ loan }: { loan: LoanDetail }) {
  const { t } = useI18n();
  const fmt = useDate();
  const today = todayIso();
  const form = useSchemaForm<DisbursementForm, DisbursementInput>(DisbursementInput, {
    defaultValues: { disbursedOn: today, amountFen: loan.principalFen, place: '', motherPresent: false, idChecked: false },
  });
  const {
    onSubmit,
    confirming,
    busy,
    confirm: disburse,
    cancel,
  } = useConfirmedSubmit(form, (body: DisbursementInput, idempotencyKey) => write('POST /loans/{id}/disbursement', { params: { id: loan.id }, body, idempotencyKey }));
  return (
    <Section title={t('d_disbursement')} id="disbursement">
      {!loan.agreement && <p className="d-warn">{t('d_disburse_needs_agreement')}</p>}
      <form onSubmit={onSubmit} className="d-inline-form" aria-label={t('d_disburse')} noValidate>
        <div className="grid three">
          <FormField label={t('d_disbursed_on')} error={form.errorOf('disbursedOn')}>
            {(p) => <input {...p} type="date" max={today} {...form.register('disbursedOn')} />}
          </FormField>
          <MoneyInput control={form.control} name="amountFen" label={t('d_amount_yuan')} hint={t('d_amount_is_principal', { amount: yuan(loan.principalFen) })} />
          <FormField label={t('d_place_optional')} error={form.errorOf('place')}>
            {(p) => <input {...p} {...form.register('place')} />}
          </FormField>
        </div>
        <label className="d-check">
          <input type="checkbox" {...form.register('motherPresent')} />
          <span>{t('d_mother_present_q', { name: loan.mother.name })}</span>
        </label>
        {form.errorOf('motherPresent') && <span className="field-error">{form.errorOf('motherPresent')}</span>}
        <label className="d-check">
          <input type="checkbox" {...form.register('idChecked')} />
          <span>{t('d_id_checked_q')}</span>
        </label>
        {form.errorOf('idChecked') && <span className="field-error">{form.errorOf('idChecked')}</span>}
        <FormActions error={form.serverError} busy={busy} submitLabel={t('d_disburse_ellipsis')} />
      </form>
      {confirming && (
        <ConfirmDialog title={t('d_confirm_disburse_title')} onCancel={cancel} onConfirm={disburse} busy={busy}>
          <p>{t('d_confirm_disburse_body', { name: loan.mother.name, date: fmt(confirming.disbursedOn) })}</p>
          <p className="d-big-amount">{yuan(confirming.amountFen)}</p>
          <p className="muted">{fenInCapitals(confirming.amountFen)}</p>
          <p className="muted d-small">
            {confirming.motherPresent ? '✓' : '✗'} {t('d_mother_present')} · {confirming.idChecked ? '✓' : '✗'} {t('d_id_checked')}
          </p>
        </ConfirmDialog>
      )}
    </Section>
  );
}
