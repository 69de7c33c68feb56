/**
 * The decision: what must hold before approval, then approve (an amount in the round's range
 * up to the amount asked; the API decides) or reject with a reason, checked with
 * `DecisionInput` and confirmed first, the amount also in Chinese capitals.
 */
import { Person } from '../../ui/person.tsx';
import { useState } from 'react';
import { DecisionInput } from '../../../../shared/domain/schemas.ts';
import type { Round } from '../../../../shared/domain/entities.ts';
import { write } from '../../api/queries.ts';
import { fenInCapitals, todayIso, yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { ConfirmDialog } from '../../ui/dialog.tsx';
import { StatusBadge } from '../../ui/feedback.tsx';
import { FormActions, FormField, MoneyInput, useSchemaForm, withoutBlanks } from '../../ui/form.tsx';
import { Facts, Section, useDate } from '../../ui/layout.tsx';
import type { ApplicationDetail } from '../../api/records.ts';
import type { SectionProps } from './props.ts';
import { useMarks } from '../../i18n/marks.ts';

interface DecisionForm {
  decision: 'approve' | 'reject';
  decidedOn: string;
  amountFen?: number;
  note: string;
  reason: string;
}

/** Only what the chosen decision carries. */
const toBody = ({ decision, decidedOn, amountFen, note, reason }: DecisionForm) => withoutBlanks(decision === 'approve' ? { decision, decidedOn, amountFen, note } : { decision, decidedOn, reason });

export function DecisionSection({ app, round, role }: Omit<SectionProps, 'open'> & { round?: Round }) {
  const { t } = useI18n();
  const mk = useMarks();
  const fmt = useDate();
  if (app.decision) {
    const d = app.decision;
    return (
      <Section title={t('d_decision')}>
        <Facts
          rows={[
            [t('d_decision'), <StatusBadge key="s" status={app.status} />],
            [t('d_decided_on'), fmt(d.decidedOn)],
            ...(d.amountFen !== undefined ? ([[t('d_approved_amount'), `${yuan(d.amountFen)}${mk.aside(fenInCapitals(d.amountFen))}`]] as [string, string][]) : []),
            ...(d.reason ? ([[t('d_reject_reason'), d.reason]] as [string, string][]) : []),
            ...(d.note ? ([[t('d_note'), d.note]] as [string, string][]) : []),
            [t('d_decided_by'), <Person key="p" who={d.decidedBy} />],
          ]}
        />
        {app.loanId && (
          <p>
            <Link className="button" to={`/loans/${app.loanId}`}>
              {t('d_open_loan')}
            </Link>
          </p>
        )}
      </Section>
    );
  }
  if (role !== 'district' || app.status !== 'submitted') return null;
  return <DecisionForm app={app} round={round} />;
}

function DecisionForm({ app, round }: { app: ApplicationDetail; round?: Round }) {
  const { t } = useI18n();
  const fmt = useDate();
  const today = todayIso();
  const form = useSchemaForm<DecisionForm, DecisionInput>(DecisionInput, {
    defaultValues: { decision: 'approve', decidedOn: today, amountFen: app.amountRequestedFen, note: '', reason: '' },
    prepare: toBody,
  });
  const mode = form.watch('decision');
  const [confirming, setConfirming] = useState<DecisionInput>();
  const [busy, setBusy] = useState(false);
  const checklist: [string, boolean][] = [
    [t('d_check_notice'), !!app.notice && today > app.notice.endsOn],
    [t('d_check_objections'), app.objections.every((o) => o.status === 'dismissed')],
    [t('d_check_visits'), app.visits.length >= 2],
    [t('d_check_screening'), !!app.screening?.passed],
  ];
  // a valid form asks first; only the confirmation sends
  const onSubmit = form.submit(async (body) => setConfirming(body));
  async function decide() {
    if (!confirming) return;
    setBusy(true);
    try {
      await write('POST /applications/{id}/decision', { params: { id: app.id }, body: confirming });
    } catch (e) {
      form.reportError(e);
    } finally {
      setBusy(false);
      setConfirming(undefined);
    }
  }

  return (
    <Section title={t('d_decision')} id="decision">
      <ul className="d-checklist" aria-label={t('d_checklist')}>
        {checklist.map(([label, ok]) => (
          <li key={label} className={ok ? 'd-pass' : 'd-fail'}>
            {ok ? '✓' : '✗'} {label}
          </li>
        ))}
      </ul>
      <div className="d-tabs" role="tablist">
        {(['approve', 'reject'] as const).map((m) => (
          <button key={m} type="button" role="tab" aria-selected={mode === m} className={mode === m ? '' : 'secondary'} onClick={() => form.setValue('decision', m)}>
            {t(m === 'approve' ? 'd_approve' : 'd_reject')}
          </button>
        ))}
      </div>
      <form onSubmit={onSubmit} className="d-inline-form" aria-label={mode === 'approve' ? t('d_approve') : t('d_reject')} noValidate>
        <div className="grid two">
          {mode === 'approve' ? (
            <MoneyInput control={form.control} name="amountFen" label={t('d_approved_amount_yuan')} hint={round ? `${yuan(round.minLoanFen)} – ${yuan(round.maxLoanFen)}` : undefined} />
          ) : (
            <FormField label={t('d_reject_reason')} error={form.errorOf('reason')}>
              {(p) => <input {...p} {...form.register('reason')} />}
            </FormField>
          )}
          <FormField label={t('d_decided_on')} error={form.errorOf('decidedOn')}>
            {(p) => <input {...p} type="date" max={today} {...form.register('decidedOn')} />}
          </FormField>
        </div>
        {mode === 'approve' && (
          <FormField label={t('d_note_optional')} error={form.errorOf('note')}>
            {(p) => <input {...p} {...form.register('note')} />}
          </FormField>
        )}
        <FormActions error={form.serverError} busy={busy} submitLabel={mode === 'approve' ? t('d_approve_ellipsis') : t('d_reject_ellipsis')} danger={mode === 'reject'} />
      </form>
      {confirming && (
        <ConfirmDialog title={confirming.decision === 'approve' ? t('d_confirm_approve_title') : t('d_confirm_reject_title')} onCancel={() => setConfirming(undefined)} onConfirm={decide} busy={busy}>
          {confirming.decision === 'approve' ? (
            <>
              <p>{t('d_confirm_approve_body', { name: app.mother.name })}</p>
              {/* the schema requires one of the two names of the approved amount */}
              <p className="d-big-amount">{yuan((confirming.amountApprovedFen ?? confirming.amountFen)!)}</p>
              <p className="muted">{fenInCapitals((confirming.amountApprovedFen ?? confirming.amountFen)!)}</p>
              <p className="muted d-small">
                {t('d_decided_on')}: {fmt(confirming.decidedOn)}
              </p>
            </>
          ) : (
            <>
              <p>{t('d_confirm_reject_body', { name: app.mother.name })}</p>
              <p className="d-pre">{confirming.reason}</p>
            </>
          )}
        </ConfirmDialog>
      )}
    </Section>
  );
}
