/**
 * A township's loans: GET /loans?districtId=… page by page (the API lists by district),
 * kept when their townshipId matches; each links to the loan's page. Give it a `key` of the
 * township so that another township starts a new scan.
 */
import '../../i18n/zh-CN.committee.ts';
import { useEffect, useState } from 'react';
import { call } from '../../api/client.ts';
import { date, yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { Empty, ErrorBox, Loading, StatusBadge } from '../../ui.tsx';
import type { LoanItem } from './reports.ts';

/** Pages read in one go before asking the user to keep looking (100 loans a page). */
const PAGES_PER_SCAN = 20;

const ORDER: Record<string, number> = { overdue: 0, active: 1, approved: 2, repaid: 3, written_off: 4 };
const shownStatus = (l: LoanItem) => (l.overdue && l.status === 'active' ? 'overdue' : l.status);

interface Scan {
  loans: LoanItem[];
  cursor?: string;
  done: boolean;
  loading: boolean;
  error?: unknown;
}

export function TownshipLoans({ districtId, townshipId, villageName, title }: { districtId: string; townshipId: string; villageName: (id: string) => string; title: string }) {
  const { t, lang } = useI18n();
  const [scan, setScan] = useState<Scan>({ loans: [], done: false, loading: true });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    let cursor = tick === 0 ? undefined : scan.cursor;
    const found: LoanItem[] = tick === 0 ? [] : [...scan.loans];
    setScan((s) => ({ ...s, loading: true, error: undefined }));
    (async () => {
      for (let page = 0; page < PAGES_PER_SCAN; page++) {
        const answer = await call('GET /loans', {
          query: { districtId, limit: 100, cursor },
          signal: controller.signal,
        });
        found.push(...answer.items.filter((l) => l.townshipId === townshipId));
        cursor = answer.nextCursor;
        if (!cursor) break;
      }
      if (!controller.signal.aborted) setScan({ loans: found, cursor, done: !cursor, loading: false });
    })().catch((error: unknown) => {
      if (!controller.signal.aborted) setScan((s) => ({ ...s, loading: false, error }));
    });
    return () => controller.abort();
  }, [districtId, townshipId, tick]);

  const loans = [...scan.loans].sort((a, b) => (ORDER[shownStatus(a)] ?? 9) - (ORDER[shownStatus(b)] ?? 9) || b.daysPastDue - a.daysPastDue || a.mother.name.localeCompare(b.mother.name, 'zh'));

  return (
    <section className="card c-loans" aria-label={title}>
      <div className="row">
        <h2>{title}</h2>
        {scan.done && <span className="muted">{t('c_loans_count', { n: loans.length })}</span>}
      </div>
      {scan.error !== undefined && <ErrorBox error={scan.error} onRetry={() => setTick((x) => x + 1)} />}
      {loans.length > 0 && (
        <ul className="list c-loan-list">
          {loans.map((l) => {
            const status = shownStatus(l);
            return (
              <li key={l.id} data-loan={l.id}>
                <div className="row">
                  <Link to={`/loans/${l.id}`} className="c-loan-name">
                    {l.mother.name}
                  </Link>
                  <span>
                    <StatusBadge status={status} />
                    {l.daysPastDue > 0 && <span className="c-late"> {t('c_days_past_due', { n: l.daysPastDue })}</span>}
                  </span>
                </div>
                <div className="c-loan-facts muted">
                  <span>{villageName(l.villageId)}</span>
                  <span>
                    {t('c_loan_principal')} {yuan(l.principalFen)}
                  </span>
                  <span>
                    {t('c_loan_balance')} {yuan(l.balanceFen)}
                  </span>
                  <span>{l.dueOn ? `${t('c_loan_due')} ${date(l.dueOn, lang)}` : t('c_loan_not_disbursed')}</span>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {scan.loading && <Loading />}
      {!scan.loading && !scan.error && scan.done && loans.length === 0 && <Empty>{t('c_loans_none')}</Empty>}
      {!scan.loading && !scan.error && !scan.done && (
        <button type="button" className="secondary" onClick={() => setTick((x) => x + 1)}>
          {t('c_loans_more')}
        </button>
      )}
    </section>
  );
}
