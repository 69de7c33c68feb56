/**
 * A record's history, newest first: when (on a clock in China), who, and what — the API's own
 * text of each entry in the UI language (yuan, dates as people write them, no record ids;
 * back-dated entries say so).
 */
import type { LoanDetail } from '../api/responses.ts';
import { date, inChina } from '../i18n/format.ts';
import { useI18n } from '../i18n/index.tsx';
import { Person } from './person.tsx';

export type HistoryEntry = LoanDetail['history'][number];

export function HistoryList({ events }: { events: HistoryEntry[] }) {
  const { t, lang } = useI18n();
  const sorted = [...events].sort((a, b) => b.at.localeCompare(a.at));
  if (!sorted.length) return <p className="muted">{t('empty')}</p>;
  return (
    <ol className="d-history">
      {sorted.map((e) => (
        <li key={`${e.at}|${e.action}|${e.actor.userId}`}>
          <span className="d-when">
            {date(inChina(e.at).day, lang)} {inChina(e.at).time}
          </span>
          <span className="muted">
            <Person who={e.actor} /> ({t(`role_${e.actor.role}`)})
          </span>
          <div className="d-summary">{e.text}</div>
        </li>
      ))}
    </ol>
  );
}
