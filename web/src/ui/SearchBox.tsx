/**
 * Search from every list: a mother by the start of her name or her full resident ID number
 * (`GET /search?q=`, answered inside the caller's offices). Each hit links to the application
 * or loan it is; nothing found says so, in the same words for a mother outside the caller's
 * offices as for one nobody has.
 */
import '../i18n/zh-CN.find.ts';
import './search.css';
import { useState } from 'react';
import { useRead } from '../api/queries.ts';
import { useI18n } from '../i18n/index.tsx';
import { Link } from '../router.tsx';
import { Empty, Loaded, StatusBadge, type Status } from './feedback.tsx';

const STATUSES: readonly string[] = ['submitted', 'approved', 'rejected', 'active', 'overdue', 'repaid', 'written_off'] satisfies Status[];
const isStatus = (s: string): s is Status => STATUSES.includes(s);

/** The longest query the API takes (SearchQuery.q). */
const MAX_QUERY = 60;

export function SearchBox() {
  const { t, lang } = useI18n();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const found = useRead('GET /search', { query: { q }, enabled: q !== '' });
  const offices = useRead('GET /offices', { query: undefined });
  // the village's name in the reader's language; nothing until the names are loaded (never the id's Latin words)
  const placeName = (id: string) => {
    const o = offices.data?.items.find((x) => x.id === id);
    return o ? (lang === 'en' ? (o.nameEn ?? o.name) : o.name) : '';
  };

  return (
    <search className="s-search no-print">
      <form
        className="s-search-form"
        onSubmit={(e) => {
          e.preventDefault();
          setQ(text.trim());
        }}
      >
        <label className="field s-search-field">
          <span className="label">{t('s_search_label')}</span>
          <input
            type="search"
            value={text}
            maxLength={MAX_QUERY}
            autoComplete="off"
            placeholder={t('s_search_placeholder')}
            onChange={(e) => {
              setText(e.target.value);
              // the box emptied (its clear button, Escape): the results go too
              if (e.target.value === '') setQ('');
            }}
          />
        </label>
        <button type="submit">{t('s_search')}</button>
      </form>
      {q !== '' && (
        <Loaded query={found}>
          {({ items }) =>
            items.length === 0 ? (
              <Empty>{t('s_nothing_found', { q })}</Empty>
            ) : (
              <>
                <p className="muted s-count" role="status">
                  {t('s_found', { n: items.length })}
                </p>
                <ul className="list s-results" aria-label={t('s_results')}>
                  {items.map((h) => (
                    <li key={`${h.kind}-${h.id}`} data-id={h.id}>
                      <Link to={h.kind === 'loan' ? `/loans/${h.id}` : `/applications/${h.id}`} className="s-hit">
                        <span className="s-name">{h.motherName}</span>
                        <span className="s-kind">{t(h.kind === 'loan' ? 's_kind_loan' : 's_kind_application')}</span>
                      </Link>
                      <span className="s-meta">
                        <span className="d-id">{h.residentIdMasked}</span>
                        <span>{placeName(h.officeId)}</span>
                        {isStatus(h.status) && <StatusBadge status={h.status} />}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )
          }
        </Loaded>
      )}
    </search>
  );
}
