/**
 * The committee's donor reports: choose a period and titles, preview (computed, nothing
 * stored), publish (a frozen snapshot anyone may read at `#/public/{id}`), withdraw.
 */
import '../../i18n/zh-CN.outreach.ts';
import { useState } from 'react';
import { useRead, useWrite } from '../../api/queries.ts';
import { date, todayIso } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { Empty, ErrorMessage, Loaded } from '../../ui/feedback.tsx';
import { type Report, ReportView } from './ReportView.tsx';

export function PublicReportsPage() {
  const { t, lang } = useI18n();
  const year = todayIso().slice(0, 4);
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(todayIso());
  const [title, setTitle] = useState({ 'zh-CN': `幸福工程${year}年项目成效报告`, bo: `བདེ་སྐྱིད་ལས་གཞིའི་ལོ་ ${year} ལོའི་ནུས་ཕན་སྙན་ཞུ།`, en: `Happiness Project: results of ${year}` });
  const [shown, setShown] = useState<Report>();
  const preview = useWrite('POST /public-reports/preview');
  const publish = useWrite('POST /public-reports');
  const withdraw = useWrite('POST /public-reports/{id}/withdrawal');
  const list = useRead('GET /public/reports', {});
  const body = { from, to, title };
  const error = preview.error ?? publish.error ?? withdraw.error;
  return (
    <div className="d-page pr-page">
      <div className="no-print">
        <h1>{t('o_p_title')}</h1>
        <p className="muted">{t('o_p_intro')}</p>
        <form
          className="card pr-form"
          aria-label={t('o_preview')}
          onSubmit={(e) => {
            e.preventDefault();
            preview.mutate({ body }, { onSuccess: (r) => setShown(r) });
          }}
        >
          <label className="field">
            <span className="label">{t('o_from')}</span>
            <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label className="field">
            <span className="label">{t('o_to')}</span>
            <input type="date" value={to} max={todayIso()} onChange={(e) => setTo(e.target.value)} />
          </label>
          {(['zh-CN', 'bo', 'en'] as const).map((l) => (
            <label key={l} className="field pr-wide">
              <span className="label">{t(l === 'zh-CN' ? 'o_title_zh' : l === 'bo' ? 'o_title_bo' : 'o_title_en')}</span>
              <input value={title[l]} onChange={(e) => setTitle({ ...title, [l]: e.target.value })} />
            </label>
          ))}
          {error ? <ErrorMessage error={error} /> : null}
          <div className="pr-actions">
            <button type="submit" disabled={preview.isPending}>
              {t('o_preview')}
            </button>
            <button type="button" disabled={shown?.status !== 'preview' || publish.isPending} onClick={() => publish.mutate({ body }, { onSuccess: (r) => setShown(r) })}>
              {t('o_publish')}
            </button>
          </div>
        </form>
        <section className="card">
          <h2>{t('o_published_list')}</h2>
          <Loaded query={list}>
            {(l) =>
              l.items.length ? (
                <ul className="pr-list">
                  {l.items.map((r) => (
                    <li key={r.id} data-report={r.id}>
                      <strong>{lang === 'zh' ? r.title['zh-CN'] : r.title[lang]}</strong> · {t('o_period', { from: date(r.from, lang), to: date(r.to, lang) })} ·{' '}
                      {t('o_published_on', { d: date(r.publishedOn, lang) })} <Link to={`/public/${r.id}`}>{t('o_open_public')}</Link>{' '}
                      <button type="button" className="link" onClick={() => withdraw.mutate({ params: { id: r.id } }, { onSuccess: () => setShown(undefined) })}>
                        {t('o_withdraw')}
                      </button>
                    </li>
                  ))}
                </ul>
              ) : (
                <Empty>{t('o_none')}</Empty>
              )
            }
          </Loaded>
        </section>
      </div>
      {shown && (
        <section className="pr-shown" aria-label={shown.status === 'preview' ? t('o_preview_note') : t('o_open_public')}>
          {shown.status === 'preview' && <p className="pr-note no-print">{t('o_preview_note')}</p>}
          {shown.status === 'published' && (
            <p className="notice-ok no-print" role="status">
              <Link to={`/public/${shown.id}`}>{t('o_open_public')}</Link>
            </p>
          )}
          <ReportView report={shown} />
        </section>
      )}
    </div>
  );
}
