/**
 * The local SMS provider's inboxes, for developers (`#/dev-sms`, no sign-in, linked from the dev
 * sign-in page): every phone that received messages, then one phone's messages as a phone shows
 * them, newest last, refreshed every few seconds. Only `npm run dev` has them (`/dev/sms`).
 */
import '../../i18n/zh-CN.sms.ts';
import './sms.css';
import { useQuery } from '@tanstack/react-query';
import { devInbox, devPhones } from '../../api/dev-sms.ts';
import { moment } from '../../i18n/format.ts';
import { LanguageSwitch, useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { Loading } from '../../ui/feedback.tsx';

export function InboxPage({ phone }: { phone: string }) {
  const { t } = useI18n();
  return (
    <div className="sms-dev">
      <div className="pr-bar no-print">
        <span className="pr-brand">{t('app_title')}</span>
        <LanguageSwitch />
      </div>
      <h1>{t('sms_inbox_title')}</h1>
      <p className="muted">{t('sms_inbox_hint')}</p>
      {phone ? <Phone phone={phone} /> : <Phones />}
    </div>
  );
}

function Phones() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['dev-sms'], queryFn: ({ signal }) => devPhones(signal), refetchInterval: 3_000 });
  if (q.isPending) return <Loading />;
  if (!q.data) return <p className="error">{t('sms_inbox_unavailable')}</p>;
  if (!q.data.phones.length) return <p className="muted">{t('sms_inbox_none')}</p>;
  return (
    <ul className="sms-phones" aria-label={t('sms_inbox_all')}>
      {q.data.phones.map((p) => (
        <li key={p.phone}>
          <Link to={`/dev-sms/${p.phone}`}>
            <span className="d-mono">{p.phone}</span>
            <span className="badge">{t('sms_inbox_count', { n: p.count })}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function Phone({ phone }: { phone: string }) {
  const { t, lang } = useI18n();
  const q = useQuery({ queryKey: ['dev-sms', phone], queryFn: ({ signal }) => devInbox(phone, signal), refetchInterval: 3_000 });
  return (
    <>
      <p>
        <Link to="/dev-sms">← {t('sms_inbox_all')}</Link>
      </p>
      <section className="sms-phone" aria-label={phone}>
        <header className="sms-phone-head">
          <span className="d-mono">{phone}</span>
        </header>
        {q.isPending ? (
          <Loading />
        ) : !q.data ? (
          <p className="error">{t('sms_inbox_unavailable')}</p>
        ) : !q.data.messages.length ? (
          <p className="muted">{t('sms_inbox_none')}</p>
        ) : (
          <ol className="sms-bubbles">
            {q.data.messages.map((m) => (
              <li key={m.providerMessageId} className="sms-bubble" data-kind={m.kind}>
                <p lang={m.lang}>{m.text}</p>
                <time dateTime={m.at}>{moment(m.at, lang)}</time>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
