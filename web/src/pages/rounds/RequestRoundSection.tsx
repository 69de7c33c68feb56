/**
 * District: its fund as it stands (GET /reports/fund: granted, lent out, recovered, still out,
 * free to re-lend) and the request for a new round (`POST /round-requests`, checked with
 * `RoundRequestInput`), allowed while older rounds are still being repaid; then its requests
 * with their status and the committee's answer.
 */
import { useRef, useState } from 'react';
import { RoundRequestInput } from '../../../../shared/domain/schemas.ts';
import { newIdempotencyKey } from '../../api/client.ts';
import { useRead, write } from '../../api/queries.ts';
import { date, todayIso, yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { Empty, Loaded } from '../../ui/feedback.tsx';
import { FormError, FormField, MoneyInput, useSchemaForm } from '../../ui/form.tsx';
import { Person } from '../../ui/person.tsx';
import { Section } from '../../ui/layout.tsx';
import { FundFigures, RequestStatus, useFundRow } from './parts.tsx';
import { useMarks } from '../../i18n/marks.ts';

export function DistrictFund({ districtId }: { districtId: string }) {
  const { t } = useI18n();
  const { query } = useFundRow(districtId);
  return (
    <Section title={t('r_fund')} id="fund">
      <Loaded query={query}>{(report) => (report.rows[0] ? <FundFigures row={report.rows[0]} /> : <Empty />)}</Loaded>
    </Section>
  );
}

interface RequestForm {
  name: string;
  requestedOn: string;
  capitalFen?: number;
  reason: string;
}

export function RequestRoundSection() {
  const { t, lang } = useI18n();
  const mk = useMarks();
  const requests = useRead('GET /round-requests', { query: { limit: 50 } });
  const pending = requests.data?.items.some((r) => r.status === 'pending');
  return (
    <>
      {requests.data && !pending && <RequestForm />}
      {pending && <p className="notice-ok">{t('r_request_pending_note')}</p>}
      <Section title={t('r_my_requests')} id="requests">
        <Loaded query={requests}>
          {(data) =>
            !data.items.length ? (
              <Empty>{t('r_no_requests')}</Empty>
            ) : (
              <ul className="list r-requests">
                {data.items.map((r) => (
                  <li key={r.id} data-request={r.id}>
                    <div className="r-card-head">
                      <strong>{r.name}</strong>
                      <RequestStatus status={r.status} />
                    </div>
                    <div className="muted">
                      {t('r_requested_on')} {date(r.requestedOn, lang)} · {t('r_capital_asked')} {yuan(r.capitalFen)} · <Person who={r.requestedBy} />
                    </div>
                    {r.decision?.reason && (
                      <div>
                        {t('r_reject_reason')}
                        {mk.colon}
                        {r.decision.reason}
                      </div>
                    )}
                    {r.roundId && <Link to={`/rounds/${r.roundId}`}>{t('r_approved_round', { capital: yuan(r.decision?.capitalFen ?? r.capitalFen) })} →</Link>}
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </Section>
    </>
  );
}

function RequestForm() {
  const { t } = useI18n();
  const today = todayIso();
  const key = useRef(newIdempotencyKey());
  const [sent, setSent] = useState(false);
  const form = useSchemaForm<RequestForm, RoundRequestInput>(RoundRequestInput, {
    defaultValues: { name: '', requestedOn: today, capitalFen: undefined, reason: '' },
  });
  const onSubmit = form.submit(async (body) => {
    await write('POST /round-requests', { body, idempotencyKey: key.current });
    key.current = newIdempotencyKey();
    setSent(true);
    form.reset();
  });
  return (
    <Section title={t('r_request_title')} id="request">
      <p className="muted">{t('r_request_intro')}</p>
      {sent && <p className="notice-ok">{t('r_request_sent')}</p>}
      <form onSubmit={onSubmit} aria-label={t('r_request_title')} noValidate>
        <div className="grid two">
          <FormField label={t('r_request_name')} hint={t('r_name_hint')} error={form.errorOf('name')}>
            {(p) => <input {...p} {...form.register('name')} />}
          </FormField>
          <FormField label={t('r_requested_on')} error={form.errorOf('requestedOn')}>
            {(p) => <input {...p} type="date" max={today} {...form.register('requestedOn')} />}
          </FormField>
          <MoneyInput control={form.control} name="capitalFen" label={t('r_request_capital')} />
        </div>
        <FormField label={t('r_request_reason')} hint={t('r_request_reason_hint')} error={form.errorOf('reason')}>
          {(p) => <textarea {...p} rows={3} {...form.register('reason')} />}
        </FormField>
        <FormError message={form.serverError} />
        <div className="actions">
          <button type="submit" disabled={form.formState.isSubmitting}>
            {t('r_request_submit')}
          </button>
        </div>
      </form>
    </Section>
  );
}
