/**
 * 三治: health checks. Everyone who may see them (committee, district, field) reads the
 * campaigns as counts and the outcome figures by district, township, round or year; the
 * district office records consents, campaigns and follow-ups, and alone opens a campaign's
 * per-woman findings (`GET /health-checks/{id}/findings`, refused to everyone else).
 */
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import '../../i18n/zh-CN.outreach.ts';
import { useState } from 'react';
import type { ResponseOf } from '../../../../shared/routes.ts';
import { useRead, useReadAll, useWrite } from '../../api/queries.ts';
import { useAuth } from '../../auth.tsx';
import { date, todayIso } from '../../i18n/format.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { Empty, Loaded } from '../../ui/feedback.tsx';
import { FormEnd, PastDateField, TextField } from '../../ui/outreach-form.tsx';
import { useMarks } from '../../i18n/marks.ts';

const CATEGORIES = ['vaginitis', 'cervicitis', 'pelvic_inflammation', 'breast_disease', 'other'] as const;
type Category = (typeof CATEGORIES)[number];
type Summary = ResponseOf<'GET /health-checks'>['items'][number];
const GROUPS = ['district', 'township', 'round', 'year'] as const;

export function HealthChecksPage() {
  const { t } = useI18n();
  const { session } = useAuth();
  const district = session?.role === 'district';
  const list = useRead('GET /health-checks', { query: {} });
  return (
    <div className="d-page o-page">
      <h1>{t('o_h_title')}</h1>
      <p className="muted">{t('o_h_intro')}</p>
      <OutcomeFigures />
      <section className="card">
        <h2>{t('o_campaigns')}</h2>
        <Loaded query={list}>{(l) => (l.items.length ? <CampaignTable items={l.items} canOpen={district} /> : <Empty>{t('o_none')}</Empty>)}</Loaded>
      </section>
      {district && <NewCampaign districtId={session!.officeId} />}
      {district && <ConsentForm />}
    </div>
  );
}

/** The 三治 columns of the outcomes report, grouped as chosen: what the committee's dashboard reads too. */
export function OutcomeFigures() {
  const { t } = useI18n();
  const [groupBy, setGroupBy] = useState<(typeof GROUPS)[number]>('district');
  const { session } = useAuth();
  const report = useRead('GET /reports/outcomes', { query: { groupBy }, enabled: session?.role !== 'field' });
  if (session?.role === 'field') return null;
  return (
    <section className="card" aria-label={t('o_figures')}>
      <h2>{t('o_figures')}</h2>
      <div className="o-tabs">
        {GROUPS.map((g) => (
          <button key={g} type="button" className={g === groupBy ? 'active' : 'link'} aria-pressed={g === groupBy} onClick={() => setGroupBy(g)}>
            {t(`o_group_${g}`)}
          </button>
        ))}
      </div>
      <Loaded query={report}>
        {(r) => (
          <ScrollRegion label={t('o_figures')}>
            <table className="o-figures">
              <thead>
                <tr>
                  <th>{t('o_col_group')}</th>
                  <th className="num">{t('o_women_checked')}</th>
                  <th className="num">{t('o_illnesses_found')}</th>
                  <th className="num">{t('o_illnesses_treated')}</th>
                  <th className="num">{t('o_illnesses_cured')}</th>
                  <th className="num">{t('o_sessions')}</th>
                  <th className="num">{t('o_mothers_trained')}</th>
                </tr>
              </thead>
              <tbody>
                {r.rows.map((row) => (
                  <tr key={row.id} className={row.id === 'total' ? 'total' : undefined} data-row={row.id}>
                    <th scope="row">{row.id === 'total' ? t('o_total') : row.label}</th>
                    <td className="num">{row.womenChecked}</td>
                    <td className="num">{row.illnessesFound}</td>
                    <td className="num">{row.illnessesTreated}</td>
                    <td className="num">{row.illnessesCured}</td>
                    <td className="num">{row.trainingSessions}</td>
                    <td className="num">{row.mothersTrained}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </Loaded>
    </section>
  );
}

function CampaignTable({ items, canOpen }: { items: Summary[]; canOpen: boolean }) {
  const { t, lang } = useI18n();
  const mk = useMarks();
  const [open, setOpen] = useState<string>();
  return (
    <ul className="o-list">
      {items.map((c) => (
        <li key={c.id} className="o-item" data-campaign={c.id}>
          <div className="row">
            <strong>{date(c.heldOn, lang)}</strong> · {c.place}
          </div>
          <div className="muted">
            {t('o_examiners')}
            {mk.colon}
            {c.examiners}
          </div>
          <dl className="o-counts">
            <div>
              <dt>{t('o_women_checked')}</dt>
              <dd>{c.womenChecked}</dd>
            </div>
            <div>
              <dt>{t('o_illnesses_found')}</dt>
              <dd>{c.illnessesFound}</dd>
            </div>
            <div>
              <dt>{t('o_illnesses_treated')}</dt>
              <dd>{c.illnessesTreated}</dd>
            </div>
            <div>
              <dt>{t('o_illnesses_cured')}</dt>
              <dd>{c.illnessesCured}</dd>
            </div>
          </dl>
          <p className="muted">
            {CATEGORIES.filter((k) => c.found[k] > 0)
              .map((k) => `${t(`o_cat_${k}`)} ${c.found[k]}`)
              .join(' · ')}
          </p>
          {canOpen && (
            <button type="button" className="link" onClick={() => setOpen(open === c.id ? undefined : c.id)}>
              {open === c.id ? t('o_hide') : t('o_show_findings')}
            </button>
          )}
          {open === c.id && <Findings id={c.id} />}
        </li>
      ))}
    </ul>
  );
}

/** One campaign's women and findings (her district office only), with the follow-up form. */
function Findings({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const findings = useRead('GET /health-checks/{id}/findings', { params: { id } });
  const followUp = useWrite('POST /health-checks/{id}/follow-up');
  const [cured, setCured] = useState<string[]>([]);
  const [on, setOn] = useState(todayIso());
  return (
    <Loaded query={findings}>
      {(f) => (
        <form
          className="o-findings"
          aria-label={t('o_findings_of')}
          onSubmit={(e) => {
            e.preventDefault();
            const list = cured.map((k) => {
              const [womanId, category] = k.split('|') as [string, Category];
              return { womanId, category };
            });
            followUp.mutate({ params: { id }, body: { followedUpOn: on, cured: list } }, { onSuccess: () => setCured([]) });
          }}
        >
          <h3>{t('o_findings_of')}</h3>
          <table>
            <tbody>
              {f.women.map((w) => (
                <tr key={w.id}>
                  <th scope="row">
                    {w.name} <span className="muted">({t(w.relation === 'mother' ? 'o_relation_mother' : 'o_relation_household')})</span>
                  </th>
                  <td>
                    {w.findings.length === 0 && <span className="muted">{t('o_nothing_found')}</span>}
                    {w.findings.map((x) => {
                      const text = `${t(`o_cat_${x.category}`)}${x.treated ? ` · ${t('o_illnesses_treated')}` : ''}${x.curedOn ? ` · ${t('o_cured_on', { d: date(x.curedOn, lang) })}` : ''}`;
                      const key = `${w.id}|${x.category}`;
                      return (
                        <div key={x.category} className="o-finding">
                          {x.curedOn ? (
                            <span>{text}</span>
                          ) : (
                            <label>
                              <input type="checkbox" checked={cured.includes(key)} onChange={(e) => setCured(e.target.checked ? [...cured, key] : cured.filter((k) => k !== key))} />
                              {text}
                            </label>
                          )}
                        </div>
                      );
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <PastDateField label={t('o_followed_up_on')} value={on} onChange={setOn} />
          <FormEnd error={followUp.error} disabled={cured.length === 0 || followUp.isPending}>
            {t('o_follow_up')}
          </FormEnd>
        </form>
      )}
    </Loaded>
  );
}

interface WomanLine {
  loanId: string;
  relation: 'mother' | 'household';
  name: string;
  findings: Partial<Record<Category, { treated: boolean }>>;
}

const emptyLine = (): WomanLine => ({ loanId: '', relation: 'mother', name: '', findings: {} });

/** The loans of the caller's district, to pick a mother (her file). */
function useMothers() {
  return useReadAll('GET /loans', { query: {} });
}

function MotherSelect({ value, onChange, label }: { value: string; onChange: (id: string) => void; label: string }) {
  const { t } = useI18n();
  const loans = useMothers();
  return (
    <label className="field">
      <span className="label">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('o_choose')}</option>
        {(loans.data ?? []).map((l) => (
          <option key={l.id} value={l.id}>
            {l.mother.name}
            {l.agreementNo ? ` · ${l.agreementNo}` : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

function NewCampaign({ districtId }: { districtId: string }) {
  const { t } = useI18n();
  const record = useWrite('POST /health-checks');
  const [heldOn, setHeldOn] = useState(todayIso());
  const [place, setPlace] = useState('');
  const [examiners, setExaminers] = useState('');
  const [lines, setLines] = useState<WomanLine[]>([emptyLine()]);
  const [saved, setSaved] = useState(false);
  const set = (i: number, line: WomanLine) => setLines(lines.map((l, j) => (j === i ? line : l)));
  return (
    <form
      className="card o-form"
      aria-label={t('o_new_campaign')}
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        record.mutate(
          {
            body: {
              districtId,
              heldOn,
              place,
              examiners,
              women: lines.map((l) => ({
                loanId: l.loanId,
                relation: l.relation,
                ...(l.relation === 'household' ? { name: l.name } : {}),
                findings: CATEGORIES.filter((c) => l.findings[c]).map((c) => ({ category: c, treated: l.findings[c]!.treated })),
              })),
            },
          },
          {
            onSuccess: () => {
              setSaved(true);
              setLines([emptyLine()]);
            },
          },
        );
      }}
    >
      <h2>{t('o_new_campaign')}</h2>
      <div className="o-grid">
        <PastDateField label={t('o_held_on')} value={heldOn} onChange={setHeldOn} />
        <TextField label={t('o_place')} value={place} onChange={setPlace} />
        <TextField label={t('o_examiners')} value={examiners} onChange={setExaminers} />
      </div>
      {lines.map((l, i) => (
        <fieldset key={i} className="o-woman" data-line={i}>
          <legend>
            {t('o_women_checked')} {i + 1}
          </legend>
          <MotherSelect label={t('o_loan')} value={l.loanId} onChange={(loanId) => set(i, { ...l, loanId })} />
          <label className="field">
            <span className="label">{t('o_relation_mother')}</span>
            <select value={l.relation} onChange={(e) => set(i, { ...l, relation: e.target.value as WomanLine['relation'] })}>
              <option value="mother">{t('o_relation_mother')}</option>
              <option value="household">{t('o_relation_household')}</option>
            </select>
          </label>
          {l.relation === 'household' && <TextField label={t('o_name')} value={l.name} onChange={(name) => set(i, { ...l, name })} />}
          <div className="o-cats">
            <span className="label">{t('o_findings')}</span>
            {CATEGORIES.map((c) => (
              <span key={c} className="o-cat">
                <label>
                  <input
                    type="checkbox"
                    checked={!!l.findings[c]}
                    onChange={(e) => {
                      const findings = { ...l.findings };
                      if (e.target.checked) findings[c] = { treated: false };
                      else delete findings[c];
                      set(i, { ...l, findings });
                    }}
                  />
                  {t(`o_cat_${c}` satisfies MessageKey)}
                </label>
                {l.findings[c] && (
                  <label className="muted">
                    <input type="checkbox" checked={l.findings[c]!.treated} onChange={(e) => set(i, { ...l, findings: { ...l.findings, [c]: { treated: e.target.checked } } })} />
                    {t('o_treated')}
                  </label>
                )}
              </span>
            ))}
          </div>
          {lines.length > 1 && (
            <button type="button" className="link" onClick={() => setLines(lines.filter((_, j) => j !== i))}>
              {t('o_remove')}
            </button>
          )}
        </fieldset>
      ))}
      {lines.length < 10 && (
        <button type="button" className="link" onClick={() => setLines([...lines, emptyLine()])}>
          {t('o_add_woman')}
        </button>
      )}
      <FormEnd error={record.error} done={saved ? t('o_saved') : undefined} disabled={record.isPending}>
        {t('o_save')}
      </FormEnd>
    </form>
  );
}

/** Her separate consents (health findings, publicity), recorded on her file. */
function ConsentForm() {
  const { t } = useI18n();
  const record = useWrite('POST /loans/{id}/consents');
  const [loanId, setLoanId] = useState('');
  const [kind, setKind] = useState<'health' | 'publicity'>('health');
  const [givenOn, setGivenOn] = useState(todayIso());
  const [takenBy, setTakenBy] = useState('');
  const [publicName, setPublicName] = useState('');
  const [story, setStory] = useState('');
  const [saved, setSaved] = useState(false);
  return (
    <form
      className="card o-form"
      aria-label={t('o_consent_title')}
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        record.mutate({ params: { id: loanId }, body: { kind, givenOn, takenBy, ...(kind === 'publicity' ? { publicName, story } : {}) } }, { onSuccess: () => setSaved(true) });
      }}
    >
      <h2>{t('o_consent_title')}</h2>
      <p className="muted">{t('o_consent_intro')}</p>
      <div className="o-grid">
        <MotherSelect label={t('o_loan')} value={loanId} onChange={setLoanId} />
        <label className="field">
          <span className="label">{t('o_consent_kind')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as 'health' | 'publicity')}>
            <option value="health">{t('o_consent_health')}</option>
            <option value="publicity">{t('o_consent_publicity')}</option>
          </select>
        </label>
        <PastDateField label={t('o_given_on')} value={givenOn} onChange={setGivenOn} />
        <TextField label={t('o_taken_by')} value={takenBy} onChange={setTakenBy} />
        {kind === 'publicity' && (
          <>
            <TextField label={t('o_public_name')} value={publicName} onChange={setPublicName} />
            <label className="field o-wide">
              <span className="label">{t('o_story')}</span>
              <textarea value={story} rows={3} onChange={(e) => setStory(e.target.value)} />
            </label>
          </>
        )}
      </div>
      <FormEnd error={record.error} done={saved ? t('o_saved') : undefined} disabled={!loanId || record.isPending}>
        {t('o_record_consent')}
      </FormEnd>
    </form>
  );
}
