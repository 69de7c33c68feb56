import { CloseRoundInput } from '../../../../shared/domain/schemas.ts';
import { useRead, write } from '../../api/queries.ts';
import { useAuth } from '../../auth.tsx';
import { date, todayIso, yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { PageProps } from '../../paths.ts';
import { Link } from '../../router.tsx';
import { ConfirmDialog } from '../../ui/dialog.tsx';
import { Loaded } from '../../ui/feedback.tsx';
import { FormError, FormField, useSchemaForm, useConfirmedSubmit } from '../../ui/form.tsx';
import { Person } from '../../ui/person.tsx';
import { useOfficeName, useOffices } from '../../ui/offices.tsx';
import { BackLink, Facts, Section } from '../../ui/layout.tsx';
import { AmountInCapitals, CapitalFigures, GrantList, RoundStatus, type Round } from './parts.tsx';
import { useMarks } from '../../i18n/marks.ts';

export function RoundPage({ id }: PageProps) {
  const { t } = useI18n();
  const round = useRead('GET /rounds/{id}', { params: { id } });
  return (
    <div className="d-page r-page">
      <BackLink to="/rounds" label={t('r_back')} />
      <Loaded query={round}>{(r) => <RoundView round={r} />}</Loaded>
    </div>
  );
}

function RoundView({ round }: { round: Round }) {
  const { t, lang } = useI18n();
  const mk = useMarks();
  const { session } = useAuth();
  const officeName = useOfficeName();
  // a township clerk's offices are those of her township: her district is named only where its name is known, never by its id
  const { byId } = useOffices();
  const mayClose = round.status === 'open' && (session?.role === 'committee' || session?.role === 'district');
  return (
    <>
      <div className="r-card-head">
        <h1>{round.name}</h1>
        <RoundStatus status={round.status} />
      </div>
      <p className="muted">
        {byId.has(round.districtId) ? `${officeName(round.districtId)} · ` : ''}
        {round.number ? `${t('r_round_no', { n: round.number })} · ` : ''}
        {t('r_opened_on')} {date(round.openedOn, lang)}
        {round.closedOn ? ` · ${t('r_closed_on')} ${date(round.closedOn, lang)}` : ''}
      </p>
      <Section title={t('r_capital')} id="capital">
        <CapitalFigures round={round} />
        <p className="muted">{t('r_loans_closed', { closed: round.closedLoans, total: round.loanCount })}</p>
      </Section>
      <Section title={t('r_grants')} id="grants">
        <GrantList round={round} />
      </Section>
      <Section title={t('r_range')} id="terms">
        <Facts
          rows={[
            [t('r_range'), `${yuan(round.minLoanFen)} – ${yuan(round.maxLoanFen)}`],
            [t('r_term'), t('r_term_months', { n: round.termMonths })],
            [t('r_evaluations'), t('r_evaluation_months', { list: round.evaluationMonths.join(mk.list) })],
            [t('r_notice_days'), t('r_days', { n: round.noticeDays })],
            [t('r_opened_by'), <Person key="p" who={round.createdBy} />],
            ...(round.source === 'ledger' ? ([[t('r_from_ledger'), '✓']] as [string, string][]) : []),
          ]}
        />
        <p>
          <Link to={`/loans?roundId=${round.id}`}>{t('nav_loans')} →</Link>
        </p>
      </Section>
      {mayClose && <CloseRound round={round} />}
    </>
  );
}

interface CloseForm {
  closedOn: string;
}

function CloseRound({ round }: { round: Round }) {
  const { t, lang } = useI18n();
  const today = todayIso();
  const form = useSchemaForm<CloseForm, CloseRoundInput>(CloseRoundInput, { defaultValues: { closedOn: today } });
  const {
    onSubmit,
    confirming,
    busy,
    confirm: close,
    cancel,
  } = useConfirmedSubmit(form, (body: CloseRoundInput, idempotencyKey) => write('POST /rounds/{id}/close', { params: { id: round.id }, body, idempotencyKey }));
  return (
    <Section title={t('r_close_title')} id="close">
      <p>{t('r_close_means')}</p>
      <form onSubmit={onSubmit} aria-label={t('r_close_title')} noValidate>
        <div className="grid two">
          <FormField label={t('r_close_date')} error={form.errorOf('closedOn')}>
            {(p) => <input {...p} type="date" {...form.register('closedOn')} />}
          </FormField>
        </div>
        <FormError message={form.serverError} />
        <div className="actions">
          <button type="submit" className="d-danger" disabled={busy}>
            {t('r_close')}
          </button>
        </div>
      </form>
      {confirming && (
        <ConfirmDialog title={t('r_confirm_close_title', { name: round.name })} onCancel={cancel} onConfirm={close} busy={busy}>
          <p>{t('r_close_means')}</p>
          <p>
            {t('r_close_date')}: {date(confirming.closedOn, lang)}
          </p>
          <p>{t('r_close_released')}</p>
          <AmountInCapitals fen={round.uncommittedFen} />
        </ConfirmDialog>
      )}
    </Section>
  );
}
