/**
 * The copy of everything held about a mother (PIPL art. 45), printed for her: her details, each
 * application with its visits, objections and history, each loan with its repayments,
 * evaluations, text messages, consents, health-check findings and history. Headings and labels
 * Tibetan above Chinese; what was recorded (names, notes, figures) printed once, as recorded.
 */
import type { ResponseOf } from '../../../shared/routes.ts';
import { yuan } from '../i18n/format.ts';
import { Bi, BiDate, BiHeader, Field, Labelled, type Column } from './parts.tsx';
import { PD_WORDS as W } from './personal-data-words.ts';
import { WORDS } from './words.ts';
import './personal-data.css';

type Copy = ResponseOf<'POST /applications/{id}/personal-data-copy'>;
type History = Copy['applications'][number]['history'];

const who = (a: { displayName?: string; username: string }) => a.displayName ?? a.username;
/** a moment as the day in China and the time (the day alone is what the paper needs) */
const day = (instant: string) => new Date(new Date(instant).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

function Table({ columns, rows }: { columns: Column[]; rows: React.ReactNode[][] }) {
  if (rows.length === 0) return <Bi as="p" text={W.pd_none} className="pr-pd-none" />;
  return (
    <table className="pr-pd-table">
      <BiHeader columns={columns} />
      <tbody>
        {rows.map((cells, i) => (
          <tr key={i}>
            {cells.map((c, j) => (
              <td key={j}>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Part({ title, children }: { title: { bo: string; zh: string }; children: React.ReactNode }) {
  return (
    <section className="pr-pd-part">
      <Bi as="h3" text={title} />
      {children}
    </section>
  );
}

function HistoryTable({ history }: { history: History }) {
  return <Table columns={[W.pd_date, W.pd_what, W.pd_who]} rows={history.map((h) => [<BiDate key="d" iso={day(h.at)} />, h.text, h.actorName])} />;
}

/** her lines of a health-check campaign: the place, then each woman's findings, treated or cured */
function HealthLines({ check }: { check: Copy['loans'][number]['healthChecks'][number] }) {
  return (
    <>
      {check.place}
      {check.women.map((w) => (
        <div key={w.id}>
          {w.name}:{' '}
          {w.findings.map((f) => (
            <span key={f.category} className="pr-pd-finding">
              <Bi text={W[`pd_cat_${f.category}`]} />
              {f.treated && <Bi text={W.pd_treated} />}
              {f.curedOn && (
                <Labelled label={W.pd_cured_on}>
                  <BiDate iso={f.curedOn} />
                </Labelled>
              )}
            </span>
          ))}
        </div>
      ))}
    </>
  );
}

export function PersonalDataDocument({ copy }: { copy: Copy }) {
  const m = copy.mother;
  return (
    <article lang="zh-CN" className="pr-doc pr-pd" aria-label={W.pd_title.zh}>
      <header className="pr-head">
        <Bi as="h1" text={W.pd_title} className="pr-title" />
        <Bi as="p" text={W.pd_subtitle} className="pr-copy" />
      </header>
      <dl className="pr-fields pr-fields-2">
        <Field label={W.pd_requested_at}>
          <BiDate iso={day(copy.requestedAt)} />
        </Field>
        <Field label={W.pd_requested_by}>{who(copy.requestedBy)}</Field>
      </dl>
      <Bi as="h2" text={W.pd_mother} />
      <dl className="pr-fields pr-fields-2">
        <Field label={WORDS.name}>
          <span className="pr-person">{m.name}</span>
        </Field>
        <Field label={WORDS.resident_id}>{m.residentId}</Field>
        <Field label={W.pd_phone}>{m.phone ?? '—'}</Field>
        <Field label={W.pd_sms}>{m.sms ? <Bi text={m.sms.optIn ? W.pd_sms_yes : W.pd_sms_no} /> : '—'}</Field>
      </dl>

      <Bi as="h2" text={W.pd_applications} />
      {copy.applications.length === 0 && <Bi as="p" text={W.pd_none} className="pr-pd-none" />}
      {copy.applications.map(({ application: a, visits, objections, history }) => (
        <section key={a.id} className="pr-pd-record" aria-label={`${W.pd_application.zh} ${a.submittedOn}`}>
          <dl className="pr-fields pr-fields-2">
            <Field label={W.pd_submitted_on}>
              <BiDate iso={a.submittedOn} />
            </Field>
            <Field label={W.pd_status}>
              <Bi text={W[`pd_app_${a.status}`]} />
            </Field>
            <Field label={WORDS.household_size}>{a.householdSize}</Field>
            <Field label={W.pd_income}>{yuan(a.householdAnnualIncomeFen)}</Field>
            <Field label={WORDS.project}>
              <Bi text={WORDS[`pt_${a.project.type}`]} /> {a.project.description}
            </Field>
            <Field label={WORDS.amount_requested}>{yuan(a.amountRequestedFen)}</Field>
            <Field label={W.pd_consent}>
              {a.consent ? (
                <>
                  <BiDate iso={a.consent.givenOn} /> {a.consent.takenBy}
                </>
              ) : (
                '—'
              )}
            </Field>
          </dl>
          <Part title={W.pd_visits}>
            <Table columns={[W.pd_date, W.pd_who, W.pd_what]} rows={visits.map((v) => [<BiDate key="d" iso={v.visitedOn} />, v.visitors.join('、'), v.notes])} />
          </Part>
          <Part title={W.pd_objections}>
            <Table
              columns={[W.pd_date, W.pd_what, W.pd_status]}
              rows={objections.map((o) => [
                <BiDate key="d" iso={o.raisedOn} />,
                o.content,
                <span key="s">
                  <Bi text={W[`pd_obj_${o.status}`]} /> {o.resolution?.note}
                </span>,
              ])}
            />
          </Part>
          <Part title={W.pd_history}>
            <HistoryTable history={history} />
          </Part>
        </section>
      ))}

      <Bi as="h2" text={W.pd_loans} />
      {copy.loans.length === 0 && <Bi as="p" text={W.pd_none} className="pr-pd-none" />}
      {copy.loans.map(({ loan: l, repayments, evaluations, history, messages, consents, healthChecks }) => (
        <section key={l.id} className="pr-pd-record" aria-label={`${W.pd_loan.zh} ${l.agreementNo ?? ''}`}>
          <dl className="pr-fields pr-fields-2">
            <Field label={WORDS.agreement_no}>{l.agreementNo ?? '—'}</Field>
            <Field label={W.pd_status}>
              <Bi text={W[`pd_loan_${l.status}`]} />
            </Field>
            <Field label={WORDS.principal}>{yuan(l.principalFen)}</Field>
            <Field label={WORDS.balance}>{yuan(l.balanceFen)}</Field>
          </dl>
          <Part title={W.pd_repayments}>
            <Table
              columns={[WORDS.paid_on, [WORDS.amount, 'pr-num'], WORDS.receipt_no, [WORDS.balance, 'pr-num']]}
              rows={repayments.map((r) => [<BiDate key="d" iso={r.paidOn} />, yuan(r.amountFen), r.receiptNo, yuan(r.balanceAfterFen)])}
            />
          </Part>
          <Part title={W.pd_evaluations}>
            <Table
              columns={[W.pd_date, W.pd_what, W.pd_who]}
              rows={evaluations.map((e) => [
                <BiDate key="d" iso={e.evaluatedOn} />,
                [e.fundUse, e.progress, e.operatingState, e.problems, e.actionsUrged].filter(Boolean).join(' / '),
                who(e.recordedBy),
              ])}
            />
          </Part>
          <Part title={W.pd_messages}>
            <Table columns={[W.pd_date, W.pd_what, W.pd_phone]} rows={messages.map((s) => [<BiDate key="d" iso={day(s.createdAt)} />, s.text, s.phone ?? '—'])} />
          </Part>
          <Part title={W.pd_consents}>
            <Table
              columns={[W.pd_date, W.pd_what, W.pd_who]}
              rows={consents.map((c) => [
                <BiDate key="d" iso={c.givenOn} />,
                <span key="k">
                  <Bi text={W[`pd_consent_${c.kind}`]} /> {[c.publicName, c.story].filter(Boolean).join(' · ')}
                </span>,
                c.takenBy,
              ])}
            />
          </Part>
          <Part title={W.pd_health}>
            <Table columns={[W.pd_date, W.pd_what]} rows={healthChecks.map((h) => [<BiDate key="d" iso={h.heldOn} />, <HealthLines key="h" check={h} />])} />
          </Part>
          <Part title={W.pd_history}>
            <HistoryTable history={history} />
          </Part>
        </section>
      ))}
    </article>
  );
}
