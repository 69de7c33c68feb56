/**
 * Repayments recorded so far, and the form to record one (`RepaymentInput`), confirmed first
 * with the amount in Chinese capitals and the balance after it; one Idempotency-Key per submission.
 */
import { Person } from '../../ui/person.tsx';
import { useRef, useState } from 'react';
import { RepaymentInput } from '../../../../shared/domain/schemas.ts';
import { newIdempotencyKey } from '../../api/client.ts';
import { write } from '../../api/queries.ts';
import { fenInCapitals, todayIso, yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { hrefOf, Link } from '../../router.tsx';
import { ConfirmDialog } from '../../ui/dialog.tsx';
import { FormError, FormField, MoneyInput, useSchemaForm } from '../../ui/form.tsx';
import { Section, useDate } from '../../ui/layout.tsx';
import type { LoanDetail } from '../../api/records.ts';
import type { SectionProps } from './props.ts';

export function RepaymentsSection({ loan, role }: SectionProps) {
  const { t } = useI18n();
  const fmt = useDate();
  const canRepay = (loan.status === 'active' || loan.status === 'overdue') && (role === 'district' || role === 'township');
  const repayments = [...loan.repayments].sort((a, b) => a.paidOn.localeCompare(b.paidOn) || a.recordedAt.localeCompare(b.recordedAt));
  if (!loan.disbursement && repayments.length === 0) return null;
  return (
    <Section title={t('d_repayments')} id="repayments">
      {repayments.length === 0 ? (
        <p className="muted">{t('d_no_repayments')}</p>
      ) : (
        <table className="d-rtable">
          <thead>
            <tr>
              <th>{t('d_paid_on')}</th>
              <th className="num">{t('d_amount')}</th>
              <th>{t('d_receipt_no')}</th>
              <th className="num">{t('d_balance_after')}</th>
              <th>{t('d_recorded_by')}</th>
            </tr>
          </thead>
          <tbody>
            {repayments.map((r) => (
              <tr key={r.id}>
                <td data-label={t('d_paid_on')}>{fmt(r.paidOn)}</td>
                <td data-label={t('d_amount')} className="num">
                  {yuan(r.amountFen)}
                </td>
                <td data-label={t('d_receipt_no')}>
                  <Link to={hrefOf('/receipt', { loanId: loan.id, repaymentId: r.id })} className="d-receipt-link">
                    <span className="receipt-no">{r.receiptNo}</span> <span className="muted">· {t('print')}</span>
                  </Link>
                </td>
                <td data-label={t('d_balance_after')} className="num">
                  {yuan(r.balanceAfterFen)}
                </td>
                <td data-label={t('d_recorded_by')}>
                  <Person who={r.recordedBy} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canRepay && <RepaymentForm key={repayments.length} loan={loan} />}
    </Section>
  );
}

interface RepaymentForm {
  paidOn: string;
  amountFen?: number;
  receiptNo: string;
}

/**
 * A repayment sent without a known answer, kept in sessionStorage with its Idempotency-Key:
 * after a page reload the form shows it again and sending it reuses the key, so the API
 * replays the first answer and the money moves once. Other content gets a new key.
 */
interface Unsent {
  key: string;
  body: RepaymentInput;
}
const unsentKey = (loanId: string) => `repayment-unsent:${loanId}`;
function readUnsent(loanId: string): Unsent | undefined {
  try {
    const text = sessionStorage.getItem(unsentKey(loanId));
    return text ? (JSON.parse(text) as Unsent) : undefined;
  } catch {
    return undefined;
  }
}
function writeUnsent(loanId: string, unsent: Unsent | undefined): void {
  try {
    if (unsent) sessionStorage.setItem(unsentKey(loanId), JSON.stringify(unsent));
    else sessionStorage.removeItem(unsentKey(loanId));
  } catch {
    // no storage (private mode): the key lives as long as the page
  }
}

function RepaymentForm({ loan }: { loan: LoanDetail }) {
  const { t } = useI18n();
  const fmt = useDate();
  const today = todayIso();
  const unsent = useRef(readUnsent(loan.id));
  const key = useRef(unsent.current?.key ?? newIdempotencyKey());
  const form = useSchemaForm<RepaymentForm, RepaymentInput>(RepaymentInput, { defaultValues: unsent.current?.body ?? { paidOn: today, receiptNo: '' } });
  const [confirming, setConfirming] = useState<RepaymentInput>();
  const [busy, setBusy] = useState(false);
  const onSubmit = form.submit(async (body) => setConfirming(body));
  async function repay() {
    if (!confirming) return;
    setBusy(true);
    // the same content as the unsent one keeps its key; other content is a new request
    if (unsent.current && JSON.stringify(unsent.current.body) !== JSON.stringify(confirming)) key.current = newIdempotencyKey();
    unsent.current = { key: key.current, body: confirming };
    writeUnsent(loan.id, unsent.current);
    try {
      await write('POST /loans/{id}/repayments', { params: { id: loan.id }, body: confirming, idempotencyKey: key.current });
      key.current = newIdempotencyKey();
      unsent.current = undefined;
      writeUnsent(loan.id, undefined);
    } catch (e) {
      form.reportError(e);
    } finally {
      setBusy(false);
      setConfirming(undefined);
    }
  }
  return (
    <>
      <form onSubmit={onSubmit} className="d-inline-form" aria-label={t('d_record_repayment')} noValidate>
        <h3>{t('d_record_repayment')}</h3>
        <div className="grid three">
          <FormField label={t('d_paid_on')} error={form.errorOf('paidOn')}>
            {(p) => <input {...p} type="date" max={today} {...form.register('paidOn')} />}
          </FormField>
          <MoneyInput control={form.control} name="amountFen" label={t('d_amount_yuan')} hint={t('d_balance_is', { amount: yuan(loan.balanceFen) })} />
          <FormField label={t('d_receipt_no')} error={form.errorOf('receiptNo')}>
            {(p) => <input {...p} {...form.register('receiptNo')} />}
          </FormField>
        </div>
        <FormError message={form.serverError} />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t('d_record_repayment_ellipsis')}
          </button>
        </div>
      </form>
      {confirming && (
        <ConfirmDialog title={t('d_confirm_repayment_title')} onCancel={() => setConfirming(undefined)} onConfirm={repay} busy={busy}>
          <p>{t('d_confirm_repayment_body', { name: loan.mother.name, date: fmt(confirming.paidOn), receipt: confirming.receiptNo })}</p>
          <p className="d-big-amount">{yuan(confirming.amountFen)}</p>
          <p className="muted">{fenInCapitals(confirming.amountFen)}</p>
          <p className="muted d-small">{t('d_balance_after_is', { amount: yuan(Math.max(0, loan.balanceFen - confirming.amountFen)) })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
