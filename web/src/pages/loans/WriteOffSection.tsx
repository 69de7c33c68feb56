/**
 * The committee writes off what a mother cannot repay (`WriteOffInput`): offered only where
 * the API would take it (an active or overdue loan with a balance, to the committee). The
 * amount is the whole balance, shown in yuan and in Chinese capitals in the confirmation; one
 * Idempotency-Key per submission; a refusal shows in the UI language on its field or above
 * the button.
 */
import '../../i18n/zh-CN.money.ts';
import '../remittances/remittances.css';
import { WriteOffInput } from '../../../../shared/domain/schemas.ts';
import { write } from '../../api/queries.ts';
import { fenInCapitals, todayIso, yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ConfirmDialog } from '../../ui/dialog.tsx';
import { FormActions, FormField, useSchemaForm, useConfirmedSubmit } from '../../ui/form.tsx';
import { Section, useDate } from '../../ui/layout.tsx';
import type { SectionProps } from './props.ts';

interface WriteOffFields {
  writtenOffOn: string;
  reason: string;
}

export function WriteOffSection({ loan, role }: SectionProps) {
  if (role !== 'committee' || loan.writeOff || (loan.status !== 'active' && loan.status !== 'overdue') || loan.balanceFen <= 0) return null;
  return <WriteOffForm loan={loan} />;
}

function WriteOffForm({ loan }: Pick<SectionProps, 'loan'>) {
  const { t } = useI18n();
  const fmt = useDate();
  const today = todayIso();
  const form = useSchemaForm<WriteOffFields, WriteOffInput>(WriteOffInput, { defaultValues: { writtenOffOn: today, reason: '' } });
  const {
    onSubmit,
    confirming,
    busy,
    confirm: writeOff,
    cancel,
  } = useConfirmedSubmit(form, (body: WriteOffInput, idempotencyKey) => write('POST /loans/{id}/write-off', { params: { id: loan.id }, body, idempotencyKey }));
  return (
    <Section title={t('m_wo_title')} id="write-off">
      <p className="muted">{t('m_wo_intro')}</p>
      <p className="m-wo-balance">{t('m_wo_balance', { amount: yuan(loan.balanceFen), capitals: fenInCapitals(loan.balanceFen) })}</p>
      <form onSubmit={onSubmit} className="d-inline-form" aria-label={t('m_wo_title')} noValidate>
        <div className="grid three">
          <FormField label={t('m_wo_date')} error={form.errorOf('writtenOffOn')}>
            {(p) => <input {...p} type="date" max={today} min={loan.disbursement?.disbursedOn} {...form.register('writtenOffOn')} />}
          </FormField>
        </div>
        <FormField label={t('m_wo_reason')} error={form.errorOf('reason')}>
          {(p) => <textarea {...p} rows={3} {...form.register('reason')} />}
        </FormField>
        <FormActions error={form.serverError} busy={busy} submitLabel={t('m_wo_submit')} danger />
      </form>
      {confirming && (
        <ConfirmDialog title={t('m_wo_confirm_title')} onCancel={cancel} onConfirm={writeOff} busy={busy}>
          <p>{t('m_wo_confirm_body', { name: loan.mother.name, date: fmt(confirming.writtenOffOn), reason: confirming.reason })}</p>
          <p className="d-big-amount">{yuan(loan.balanceFen)}</p>
          <p className="muted">{fenInCapitals(loan.balanceFen)}</p>
          <p className="m-warn">{t('m_wo_cannot_undo')}</p>
        </ConfirmDialog>
      )}
    </Section>
  );
}
