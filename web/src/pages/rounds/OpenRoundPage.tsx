/**
 * Committee: open a lending round for a district (`POST /rounds`, checked with `RoundInput`):
 * the district, a name, the opening date, the grants by source and the recovered money re-lent,
 * the loan range, term and notice period. Confirmed first with the capital and the total
 * granted in Chinese capitals; then the new round's page opens.
 */
import { useRef, useState } from 'react';
import { RoundInput } from '../../../../shared/domain/schemas.ts';
import { newIdempotencyKey } from '../../api/client.ts';
import { write } from '../../api/queries.ts';
import { fenInCapitals, todayIso, yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { PageProps } from '../../paths.ts';
import { useAuth } from '../../auth.tsx';
import { navigate } from '../../router.tsx';
import { ConfirmDialog } from '../../ui/dialog.tsx';
import { FormError, FormField, MoneyInput, useSchemaForm } from '../../ui/form.tsx';
import { useOfficeName, useOffices } from '../../ui/offices.tsx';
import { BackLink } from '../../ui/layout.tsx';
import { GrantsFields, moneyBody, type MoneyPart } from './GrantsFields.tsx';
import { AmountInCapitals, useFundRow } from './parts.tsx';
import { useMarks } from '../../i18n/marks.ts';

interface OpenRoundForm extends MoneyPart {
  districtId: string;
  name: string;
  openedOn: string;
  minLoanFen?: number;
  maxLoanFen?: number;
  termMonths: string;
  noticeDays: string;
}

const toBody = ({ grants, relentFen, termMonths, noticeDays, ...rest }: OpenRoundForm) => ({
  ...rest,
  name: rest.name.trim(),
  ...moneyBody({ grants, relentFen }),
  termMonths: Number(termMonths),
  noticeDays: Number(noticeDays),
});

export function OpenRoundPage(props: PageProps) {
  const { t } = useI18n();
  // only the committee opens rounds (the API refuses anyone else)
  if (useAuth().session?.role !== 'committee') return <BackLink to="/rounds" label={t('r_back')} />;
  return <OpenRoundForm {...props} />;
}

function OpenRoundForm({ route }: PageProps) {
  const { t } = useI18n();
  const mk = useMarks();
  const today = todayIso();
  const { offices } = useOffices();
  const officeName = useOfficeName();
  const districts = (offices ?? []).filter((o) => o.level === 'district');
  const key = useRef(newIdempotencyKey());
  const form = useSchemaForm<OpenRoundForm, RoundInput>(RoundInput, {
    defaultValues: {
      districtId: route.query.get('districtId') ?? '',
      name: '',
      openedOn: today,
      grants: [{ source: '', amountFen: undefined }],
      minLoanFen: 500_000,
      maxLoanFen: 1_500_000,
      termMonths: '24',
      noticeDays: '7',
    },
    prepare: toBody,
  });
  const districtId = form.watch('districtId');
  const { row } = useFundRow(districtId || undefined);
  const [confirming, setConfirming] = useState<RoundInput>();
  const [busy, setBusy] = useState(false);
  const onSubmit = form.submit(async (body) => setConfirming(body));

  async function open() {
    if (!confirming) return;
    setBusy(true);
    try {
      const round = await write('POST /rounds', { body: confirming, idempotencyKey: key.current });
      key.current = newIdempotencyKey();
      navigate(`/rounds/${round.id}`);
    } catch (e) {
      form.reportError(e);
    } finally {
      setBusy(false);
      setConfirming(undefined);
    }
  }

  const granted = confirming ? (confirming.grants?.reduce((s, g) => s + g.amountFen, 0) ?? confirming.grantFen ?? 0) : 0;
  return (
    <div className="d-page r-page">
      <BackLink to="/rounds" label={t('r_back')} />
      <h1>{t('r_open_title')}</h1>
      <p className="muted">{t('r_open_intro')}</p>
      <form onSubmit={onSubmit} className="card" aria-label={t('r_open_title')} noValidate>
        <div className="grid two">
          <FormField label={t('r_district')} error={form.errorOf('districtId')}>
            {(p) => (
              <select {...p} {...form.register('districtId')}>
                <option value="">{t('r_choose_district')}</option>
                {districts.map((d) => (
                  <option key={d.id} value={d.id}>
                    {officeName(d.id)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('r_name')} hint={t('r_name_hint')} error={form.errorOf('name')}>
            {(p) => <input {...p} {...form.register('name')} />}
          </FormField>
          <FormField label={t('r_opened_on')} error={form.errorOf('openedOn')}>
            {(p) => <input {...p} type="date" {...form.register('openedOn')} />}
          </FormField>
        </div>
        <GrantsFields control={form.control} register={form.register} errors={form.formState.errors} availableFen={districtId ? (row?.availableToRelendFen ?? undefined) : undefined} />
        <div className="grid two">
          <MoneyInput control={form.control} name="minLoanFen" label={t('r_min_loan')} />
          <MoneyInput control={form.control} name="maxLoanFen" label={t('r_max_loan')} />
          <FormField label={t('r_term_label')} error={form.errorOf('termMonths')}>
            {(p) => <input {...p} inputMode="numeric" {...form.register('termMonths')} />}
          </FormField>
          <FormField label={t('r_notice_label')} error={form.errorOf('noticeDays')}>
            {(p) => <input {...p} inputMode="numeric" {...form.register('noticeDays')} />}
          </FormField>
        </div>
        <FormError message={form.serverError} />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t('r_open_submit')}
          </button>
        </div>
      </form>
      {confirming && (
        <ConfirmDialog title={t('r_confirm_open_title')} onCancel={() => setConfirming(undefined)} onConfirm={open} busy={busy}>
          <p>{t('r_confirm_open_body', { district: officeName(confirming.districtId), name: confirming.name, capital: yuan(confirming.capitalFen) })}</p>
          <p>{t('r_confirm_granted')}</p>
          <AmountInCapitals fen={granted} />
          {confirming.grants && (
            <ul className="r-grants">
              {confirming.grants.map((g, i) => (
                <li key={`${g.source}-${i}`}>
                  <span>
                    {g.source}
                    <span className="r-sub">{fenInCapitals(g.amountFen)}</span>
                  </span>
                  <strong>{yuan(g.amountFen)}</strong>
                </li>
              ))}
            </ul>
          )}
          <p className="muted">
            {t('r_capital')}: {yuan(confirming.capitalFen)}
            {mk.aside(fenInCapitals(confirming.capitalFen))}
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
