/**
 * One hand-off of collected repayments (`RemittanceInput`): the repayments waiting at the
 * sending office, ticked one by one, and the batch's date, the cash counted and who gave and
 * took it. Confirmed first with the amount in Chinese capitals (and the difference from the
 * repayments ticked, which the API accepts but flags); one Idempotency-Key per submission.
 */
import { useEffect, useRef, useState } from 'react';
import { RemittanceInput } from '../../../../shared/domain/remittance-schemas.ts';
import { newIdempotencyKey } from '../../api/client.ts';
import { useReadAll, write } from '../../api/queries.ts';
import { fenInCapitals, todayIso, yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { navigate } from '../../router.tsx';
import { ConfirmDialog } from '../../ui/dialog.tsx';
import { Empty, Loaded } from '../../ui/feedback.tsx';
import { FormActions, FormField, MoneyInput, useSchemaForm, withoutBlanks } from '../../ui/form.tsx';
import { differenceText, useOfficeLabel, type Level, type Waiting } from './parts.tsx';
import { useDate } from '../../ui/layout.tsx';

type HandOverFields = {
  handedOverOn: string;
  amountFen?: number;
  handedOverBy: string;
  receivedBy: string;
  note: string;
  /** the ids ticked (sent with their loans: the API reads each repayment by its loan and id) */
  repaymentRefs: string[];
};

/** The repayments a level picks up at an office, and the form that hands a choice of them on. */
export function HandOver({ level, fromOfficeId }: { level: Level; fromOfficeId: string }) {
  const { t } = useI18n();
  // a township: what it still holds; a district: what it received and has not remitted
  const waiting = useReadAll('GET /remittances/waiting', { query: { officeId: fromOfficeId, state: level === 'township_to_district' ? 'held' : 'at_district' } });
  return (
    <section className="card m-handover" aria-label={t('m_new_batch')}>
      <h2>{t(level === 'township_to_district' ? 'm_waiting_township' : 'm_waiting_district')}</h2>
      <Loaded query={waiting}>
        {(items) => (items.length === 0 ? <Empty>{t('m_no_waiting')}</Empty> : <HandOverForm key={`${level}|${fromOfficeId}`} level={level} fromOfficeId={fromOfficeId} waiting={items} />)}
      </Loaded>
    </section>
  );
}

function HandOverForm({ level, fromOfficeId, waiting }: { level: Level; fromOfficeId: string; waiting: Waiting[] }) {
  const { t } = useI18n();
  const fmt = useDate();
  const office = useOfficeLabel();
  const today = todayIso();
  const key = useRef(newIdempotencyKey());
  const loanOf = new Map(waiting.map((r) => [r.id, r.loanId]));
  const form = useSchemaForm<HandOverFields, RemittanceInput>(RemittanceInput, {
    defaultValues: { handedOverOn: today, handedOverBy: '', receivedBy: '', note: '', repaymentRefs: [] },
    prepare: (f) => ({ ...withoutBlanks(f), repaymentRefs: f.repaymentRefs.map((id) => ({ id, loanId: loanOf.get(id) ?? '' })), level, fromOfficeId }),
  });
  const [confirming, setConfirming] = useState<RemittanceInput>();
  const [busy, setBusy] = useState(false);
  const chosen = form.watch('repaymentRefs');
  const chosenSet = new Set(chosen);
  const byId = new Map(waiting.map((r) => [r.id, r]));
  // a repayment handed on elsewhere (another clerk, another tab) leaves the choice when the list is read again
  useEffect(() => {
    const still = chosen.filter((id) => byId.has(id));
    if (still.length !== chosen.length) form.setValue('repaymentRefs', still);
  });
  const sumFen = chosen.reduce((s, id) => s + (byId.get(id)?.amountFen ?? 0), 0);
  const sorted = [...waiting].sort((a, b) => a.paidOn.localeCompare(b.paidOn) || a.receiptNo.localeCompare(b.receiptNo));

  const choose = (ids: string[]) => form.setValue('repaymentRefs', ids, { shouldValidate: form.formState.isSubmitted });
  const toggle = (id: string) => choose(chosenSet.has(id) ? chosen.filter((c) => c !== id) : [...chosen, id]);
  const onSubmit = form.submit(async (body) => setConfirming(body));

  async function handOver() {
    if (!confirming) return;
    setBusy(true);
    try {
      const batch = await write('POST /remittances', { body: confirming, idempotencyKey: key.current });
      key.current = newIdempotencyKey();
      navigate(`/remittances/${batch.id}`);
    } catch (e) {
      form.reportError(e);
    } finally {
      setBusy(false);
      setConfirming(undefined);
    }
  }

  const confirmSum = confirming ? confirming.repaymentRefs.reduce((s, r) => s + (byId.get(r.id)?.amountFen ?? 0), 0) : 0;
  const receiver = level === 'township_to_district' ? office(fromOfficeId.split('.').slice(0, 2).join('.')) : t('m_the_committee');
  return (
    <>
      <div className="row m-choose-row">
        <span className="muted" aria-live="polite">
          {t('m_selected', { n: chosen.length, amount: yuan(sumFen) })}
        </span>
        <span>
          <button type="button" className="link" onClick={() => choose(sorted.map((r) => r.id))}>
            {t('m_select_all')}
          </button>{' '}
          <button type="button" className="link" onClick={() => choose([])}>
            {t('m_select_none')}
          </button>
        </span>
      </div>
      <table className="d-rtable m-table m-waiting">
        <thead>
          <tr>
            <th>{t('m_choose')}</th>
            <th>{t('m_paid_on')}</th>
            <th>{t('m_mother')}</th>
            <th>{t('m_village')}</th>
            <th>{t('m_receipt')}</th>
            <th className="num">{t('m_amount')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.id} className={chosenSet.has(r.id) ? 'm-row-chosen' : undefined} data-receipt={r.receiptNo}>
              <td data-label={t('m_choose')}>
                <input type="checkbox" className="m-tick" checked={chosenSet.has(r.id)} onChange={() => toggle(r.id)} aria-label={t('m_choose_repayment', { receipt: r.receiptNo })} />
              </td>
              <td data-label={t('m_paid_on')}>{fmt(r.paidOn)}</td>
              <td data-label={t('m_mother')}>{r.motherName ?? '—'}</td>
              <td data-label={t('m_village')}>{office(r.villageId)}</td>
              <td data-label={t('m_receipt')}>
                <span className="receipt-no">{r.receiptNo}</span>
              </td>
              <td data-label={t('m_amount')} className="num">
                {yuan(r.amountFen)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {form.errorOf('repaymentRefs') && (
        <p className="field-error" role="alert">
          {form.errorOf('repaymentRefs')}
        </p>
      )}

      <form onSubmit={onSubmit} className="d-inline-form" aria-label={t('m_new_batch')} noValidate>
        <h3>{t('m_new_batch')}</h3>
        <div className="grid three">
          <FormField label={t('m_handed_over_on')} error={form.errorOf('handedOverOn')}>
            {(p) => <input {...p} type="date" max={today} {...form.register('handedOverOn')} />}
          </FormField>
          <MoneyInput control={form.control} name="amountFen" label={t('m_amount_yuan')} hint={t('m_amount_hint', { amount: yuan(sumFen) })} />
          <FormField label={t('m_note')} error={form.errorOf('note')}>
            {(p) => <input {...p} {...form.register('note')} />}
          </FormField>
          <FormField label={t('m_handed_over_by')} error={form.errorOf('handedOverBy')}>
            {(p) => <input {...p} autoComplete="name" {...form.register('handedOverBy')} />}
          </FormField>
          <FormField label={t('m_received_by')} error={form.errorOf('receivedBy')}>
            {(p) => <input {...p} {...form.register('receivedBy')} />}
          </FormField>
        </div>
        <FormActions error={form.serverError} busy={busy} submitLabel={t('m_submit')} />
      </form>

      {confirming && (
        <ConfirmDialog title={t('m_confirm_title')} onCancel={() => setConfirming(undefined)} onConfirm={handOver} busy={busy}>
          <p>
            {t('m_confirm_body', {
              from: office(fromOfficeId),
              to: receiver,
              date: fmt(confirming.handedOverOn),
              n: confirming.repaymentRefs.length,
              by: confirming.handedOverBy,
              receiver: confirming.receivedBy,
            })}
          </p>
          <p className="d-big-amount">{yuan(confirming.amountFen)}</p>
          <p className="muted">{fenInCapitals(confirming.amountFen)}</p>
          {confirming.amountFen !== confirmSum && (
            <p className="m-warn" role="alert">
              {t('m_confirm_difference', { sum: yuan(confirmSum), diff: differenceText(confirming.amountFen - confirmSum, t) })}
            </p>
          )}
        </ConfirmDialog>
      )}
    </>
  );
}
