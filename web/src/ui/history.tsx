/** A record's history, newest first: when (on a clock in China), what, and who. */
import { Person } from './person.tsx';
import '../i18n/zh-CN.district.ts';
import type { HistoryEvent } from '../../../shared/domain/entities.ts';
import { date, inChina } from '../i18n/format.ts';
import { isMessageKey as isKey, useI18n } from '../i18n/index.tsx';

/** A stored event, or as the API returns it: with its text in the UI language (`text`), which is shown in place of the English summary. */
export function HistoryList({ events }: { events: (HistoryEvent & { text?: string })[] }) {
  const { t, lang } = useI18n();
  const sorted = [...events].sort((a, b) => b.at.localeCompare(a.at));
  if (!sorted.length) return <p className="muted">{t('empty')}</p>;
  return (
    <ol className="d-history">
      {sorted.map((e) => {
        const action = `d_event_${e.action}`;
        const role = `role_${e.actor.role}` as const;
        return (
          <li key={`${e.at}|${e.action}|${e.actor.userId}`}>
            <span className="d-when">
              {date(inChina(e.at).day, lang)} {inChina(e.at).time}
            </span>
            <strong>{isKey(action) ? t(action) : e.action}</strong>
            <span className="muted">
              {' '}
              · <Person who={e.actor} /> ({t(role)})
            </span>
            <div className="d-summary">{e.text ?? e.summary}</div>
          </li>
        );
      })}
    </ol>
  );
}
