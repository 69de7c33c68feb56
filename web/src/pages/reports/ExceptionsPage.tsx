/**
 * The committee's exceptions report (`GET /reports/exceptions`): what an auditor reads first,
 * for a period, all districts or one, all kinds or one — the count of each kind, then each
 * exception with its day, office, what happened (the API's text in the UI language), who did
 * it and a link to the record; the same as a CSV file.
 */
import { useState } from 'react';
import { ExceptionsQuery } from '../../../../shared/domain/schemas.ts';
import { useRead } from '../../api/queries.ts';
import '../../i18n/zh-CN.committee.ts';
import '../../i18n/zh-CN.settings.ts';
import '../../i18n/zh-CN.personal-data.ts';
import { date, todayIso } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { DownloadButton } from '../../ui/download.tsx';
import { Loaded } from '../../ui/feedback.tsx';
import { DistrictFilter } from '../../ui/offices.tsx';

type Kind = NonNullable<ExceptionsQuery['kind']>;
const KINDS = ExceptionsQuery.shape.kind.def.innerType.options;

/** The newest this many are shown; the CSV file has them all. */
const SHOWN = 200;

/** Where an exception's record is shown. */
const RECORD_PAGE: Record<string, string> = { application: '/applications', loan: '/loans', remittance: '/remittances' };

/** 90 days before `iso`: the period shown at first. */
function quarterBefore(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - 90 * 86_400_000).toISOString().slice(0, 10);
}

export function ExceptionsPage() {
  const { t, lang } = useI18n();
  const today = todayIso();
  const [from, setFrom] = useState(quarterBefore(today));
  const [asOf, setAsOf] = useState(today);
  const [districtId, setDistrictId] = useState('');
  const [kind, setKind] = useState<Kind | ''>('');
  const query = { asOf: asOf || today, from: from || undefined, districtId: districtId || undefined, kind: kind || undefined };
  const report = useRead('GET /reports/exceptions', { query });

  return (
    <div className="d-page">
      <h1>{t('c_exc_title')}</h1>
      <p className="muted">{t('c_exc_intro')}</p>
      <div className="filters">
        <label className="field">
          <span className="label">{t('c_exc_from')}</span>
          <input type="date" value={from} max={asOf || today} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="field">
          <span className="label">{t('c_exc_as_of')}</span>
          <input type="date" value={asOf} max={today} onChange={(e) => setAsOf(e.target.value)} />
        </label>
        <DistrictFilter value={districtId} onChange={setDistrictId} label={t('c_exc_district')} allLabel={t('c_all_districts')} />
        <label className="field">
          <span className="label">{t('c_exc_kind')}</span>
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as Kind | '')}>
            <option value="">{t('c_exc_all_kinds')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`c_exc_kind_${k}`)}
              </option>
            ))}
          </select>
        </label>
        <DownloadButton route="GET /reports/exceptions" query={{ ...query, format: 'csv' }} filename={`${t('c_exc_title')}-${query.asOf}.csv`} label={t('c_exc_csv')} />
      </div>
      <Loaded query={report}>
        {(r) => (
          <>
            <ul className="x-counts" aria-label={t('c_exc_kind')}>
              {KINDS.map((k) => (
                <li key={k} className={r.counts[k] ? 'x-some' : undefined}>
                  <span>{t(`c_exc_kind_${k}`)}</span> <strong>{t('c_exc_count', { n: r.counts[k] ?? 0 })}</strong>
                </li>
              ))}
            </ul>
            {r.items.length > SHOWN && <p className="muted">{t('c_exc_newest', { shown: SHOWN, n: r.items.length })}</p>}
            {r.items.length === 0 ? (
              <p className="muted">{t('c_exc_none')}</p>
            ) : (
              <table className="d-rtable x-table">
                <thead>
                  <tr>
                    <th>{t('c_exc_date')}</th>
                    <th>{t('c_exc_kind')}</th>
                    <th>{t('c_exc_office')}</th>
                    <th>{t('c_exc_what')}</th>
                    <th>{t('c_exc_by')}</th>
                    <th>{t('c_exc_record')}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.items
                    .slice(-SHOWN)
                    .reverse()
                    .map((e) => (
                      <tr key={e.id}>
                        <td data-label={t('c_exc_date')}>{date(e.date, lang)}</td>
                        <td data-label={t('c_exc_kind')}>{t(`c_exc_kind_${e.kind}`)}</td>
                        <td data-label={t('c_exc_office')}>
                          {e.officeName}
                          {e.districtName !== e.officeName && <span className="muted"> · {e.districtName}</span>}
                        </td>
                        <td data-label={t('c_exc_what')}>{e.text}</td>
                        <td data-label={t('c_exc_by')} className="person">
                          {e.actorName}
                        </td>
                        <td data-label={t('c_exc_record')}>{e.recordId && RECORD_PAGE[e.recordType] ? <Link to={`${RECORD_PAGE[e.recordType]}/${e.recordId}`}>{t('c_exc_open')}</Link> : '—'}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </Loaded>
    </div>
  );
}
