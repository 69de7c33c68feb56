import { RoundRequestDecisionInput } from '../../../../shared/domain/schemas.ts';
import { useRead, write } from '../../api/queries.ts';
import { date, fenInCapitals, todayIso, yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useAuth } from '../../auth.tsx';
import { Link } from '../../router.tsx';
import { ConfirmDialog } from '../../ui/dialog.tsx';
import { Empty, Loaded } from '../../ui/feedback.tsx';
import { FormError, FormField, useSchemaForm, useConfirmedSubmit } from '../../ui/form.tsx';
import { Person } from '../../ui/person.tsx';
import { useOfficeName } from '../../ui/offices.tsx';
import { GrantsFields, moneyBody, type MoneyPart } from './GrantsFields.tsx';
import { AmountInCapitals, PositionFigures, RequestStatus, RoundsTabs, useFundRow, type RoundRequest } from './parts.tsx';
import { useMarks } from '../../i18n/marks.ts';

export function RoundRequestsPage() {
  const { t } = useI18n();
  // only the committee decides (the API refuses anyone else): others see the requests only
  const committee = useAuth().session?.role === 'committee';
  const pending = useRead('GET /round-requests', { query: { status: 'pending', limit: 100 } });
  const all = useRead('GET /round-requests', { query: { limit: 50 } });
  return (
    <div className="d-page r-page">
      <h1>{t('r_requests_title')}</h1>
      <p className="muted">{t('r_requests_intro')}</p>
      {committee && <RoundsTabs at="requests" />}
      <h2>{t('r_pending')}</h2>
      <Loaded query={pending}>
        {(data) =>
          !data.items.length ? (
            <Empty>{t('r_no_pending')}</Empty>
          ) : (
            <ul className="list r-requests">{data.items.map((r) => (committee ? <PendingRequest key={r.id} request={r} /> : <DecidedRequest key={r.id} request={r} />))}</ul>
          )
        }
      </Loaded>
      <h2>{t('r_decided')}</h2>
      <Loaded query={all}>
        {(data) => {
          const decided = data.items.filter((r) => r.status !== 'pending');
          return !decided.length ? (
            <Empty>{t('r_no_decided')}</Empty>
          ) : (
            <ul className="list r-requests">
              {decided.map((r) => (
                <DecidedRequest key={r.id} request={r} />
              ))}
            </ul>
          );
        }}
      </Loaded>
    </div>
  );
}

function RequestHead({ request }: { request: RoundRequest }) {
  const { t, lang } = useI18n();
  const mk = useMarks();
  const officeName = useOfficeName();
  return (
    <>
      <div className="r-card-head">
        <h3>
          {officeName(request.districtId)} · {request.name}
        </h3>
        <RequestStatus status={request.status} />
      </div>
      <p className="muted">
        {t('r_requested_on')} {date(request.requestedOn, lang)} · {t('r_requested_by')} <Person who={request.requestedBy} />
      </p>
      <p>
        {t('r_capital_asked')}
        {mk.colon}
        <strong>{yuan(request.capitalFen)}</strong>
      </p>
      <p className="r-reason">
        {t('r_reason')}
        {mk.colon}
        {request.reason}
      </p>
    </>
  );
}

function DecidedRequest({ request }: { request: RoundRequest }) {
  const { t } = useI18n();
  const mk = useMarks();
  const d = request.decision;
  return (
    <li data-request={request.id}>
      <RequestHead request={request} />
      {d?.reason && (
        <p>
          {t('r_reject_reason')}
          {mk.colon}
          {d.reason}
        </p>
      )}
      {request.roundId && <Link to={`/rounds/${request.roundId}`}>{t('r_approved_round', { capital: yuan(d?.capitalFen ?? request.capitalFen) })} →</Link>}
      {d && (
        <p className="muted">
          {t('r_decided_by')} <Person who={d.decidedBy} />
        </p>
      )}
    </li>
  );
}

interface DecisionForm extends MoneyPart {
  decision: 'approve' | 'reject';
  openedOn: string;
  reason: string;
}

const toBody = ({ decision, openedOn, reason, grants, relentFen }: DecisionForm) =>
  decision === 'approve' ? { decision, openedOn, ...moneyBody({ grants, relentFen }) } : { decision, reason: reason.trim() };

function PendingRequest({ request }: { request: RoundRequest }) {
  const { t } = useI18n();
  const mk = useMarks();
  const officeName = useOfficeName();
  const today = todayIso();
  const available = Math.max(0, request.fundPosition?.availableFen ?? 0);
  const relent = Math.min(available, request.capitalFen);
  const form = useSchemaForm<DecisionForm, RoundRequestDecisionInput>(RoundRequestDecisionInput, {
    defaultValues: {
      decision: 'approve',
      openedOn: today,
      reason: '',
      grants: request.capitalFen > relent ? [{ source: '', amountFen: request.capitalFen - relent }] : [],
      relentFen: relent || undefined,
    },
    prepare: toBody,
  });
  const mode = form.watch('decision');
  const {
    onSubmit,
    confirming,
    busy,
    confirm: decide,
    cancel,
  } = useConfirmedSubmit(form, (body: RoundRequestDecisionInput, idempotencyKey) => write('POST /round-requests/{id}/decision', { params: { id: request.id }, body, idempotencyKey }));
  const district = officeName(request.districtId);
  // the fund may have moved since the request: the hint shows what it can re-lend now
  const { row } = useFundRow(request.districtId);
  return (
    <li data-request={request.id}>
      <RequestHead request={request} />
      {request.fundPosition && (
        <>
          <h4>{t('r_position_then')}</h4>
          <PositionFigures position={request.fundPosition} />
        </>
      )}
      <div className="d-tabs" role="tablist" aria-label={t('r_decide')}>
        {(['approve', 'reject'] as const).map((m) => (
          <button key={m} type="button" role="tab" aria-selected={mode === m} className={mode === m ? '' : 'secondary'} onClick={() => form.setValue('decision', m)}>
            {t(m === 'approve' ? 'r_approve' : 'r_reject')}
          </button>
        ))}
      </div>
      <form onSubmit={onSubmit} aria-label={mode === 'approve' ? t('r_approve') : t('r_reject')} noValidate>
        {mode === 'approve' ? (
          <>
            <div className="grid two">
              <FormField label={t('r_opened_on')} error={form.errorOf('openedOn')}>
                {(p) => <input {...p} type="date" {...form.register('openedOn')} />}
              </FormField>
            </div>
            <GrantsFields control={form.control} register={form.register} errors={form.formState.errors} availableFen={row?.availableToRelendFen ?? request.fundPosition?.availableFen} />
          </>
        ) : (
          <FormField label={t('r_reject_reason')} error={form.errorOf('reason')}>
            {(p) => <textarea {...p} rows={2} {...form.register('reason')} />}
          </FormField>
        )}
        <FormError message={form.serverError} />
        <div className="actions">
          <button type="submit" className={mode === 'reject' ? 'd-danger' : ''} disabled={busy}>
            {mode === 'approve' ? t('r_approve_submit') : t('r_reject_submit')}
          </button>
        </div>
      </form>
      {confirming && (
        <ConfirmDialog title={confirming.decision === 'approve' ? t('r_confirm_approve_title') : t('r_confirm_reject_title')} onCancel={cancel} onConfirm={decide} busy={busy}>
          {confirming.decision === 'approve' ? (
            <>
              <p>{t('r_confirm_approve_body', { district, name: request.name, capital: yuan(confirming.capitalFen) })}</p>
              <p>{t('r_confirm_granted')}</p>
              <AmountInCapitals fen={confirming.grants?.reduce((s, g) => s + g.amountFen, 0) ?? confirming.grantFen ?? 0} />
              {confirming.grants && (
                <ul className="r-grants">
                  {confirming.grants.map((g, i) => (
                    <li key={`${g.source}-${i}`}>
                      <span>{g.source}</span>
                      <strong>{yuan(g.amountFen)}</strong>
                    </li>
                  ))}
                </ul>
              )}
              <p className="muted">
                {t('r_capital')}: {yuan(confirming.capitalFen)}
                {mk.aside(fenInCapitals(confirming.capitalFen))}
              </p>
            </>
          ) : (
            <>
              <p>{t('r_confirm_reject_body', { district, name: request.name, capital: yuan(request.capitalFen) })}</p>
              <p className="d-pre">{confirming.reason}</p>
            </>
          )}
        </ConfirmDialog>
      )}
    </li>
  );
}
