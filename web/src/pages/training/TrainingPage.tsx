/**
 * 三治: training sessions and the mothers who attended. The district office records them
 * directly; field staff record them through the phone's outbox (the same one as visits and
 * evaluations, `api/device.ts`): kept on the device first, sent when the network allows.
 */
import '../../i18n/zh-CN.outreach.ts';
import { useState } from 'react';
import { newIdempotencyKey } from '../../api/client.ts';
import { useRead, useReadAll, useWrite } from '../../api/queries.ts';
import { useAuth } from '../../auth.tsx';
import { date, todayIso } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Empty, Loaded } from '../../ui/feedback.tsx';
import { FormEnd, PastDateField, TextField } from '../../ui/outreach-form.tsx';
import { queue, sendNow, useQueue } from '../../api/device.ts';
import { useMarks } from '../../i18n/marks.ts';

const TOPICS = ['work_skills', 'healthy_births', 'reproductive_health', 'literacy', 'other'] as const;
type Topic = (typeof TOPICS)[number];

export function TrainingPage() {
  const { t, lang } = useI18n();
  const mk = useMarks();
  const { session } = useAuth();
  const list = useRead('GET /training-sessions', { query: {} });
  const records = session?.role === 'district' || session?.role === 'field';
  return (
    <div className="d-page o-page">
      <h1>{t('o_t_title')}</h1>
      <p className="muted">{t('o_t_intro')}</p>
      {records && <NewSession />}
      <section className="card">
        <h2>{t('o_t_title')}</h2>
        <Loaded query={list}>
          {(l) =>
            l.items.length ? (
              <ul className="o-list">
                {l.items.map((s) => (
                  <li key={s.id} className="o-item" data-session={s.id}>
                    <div className="row">
                      <strong>{date(s.heldOn, lang)}</strong> · {t(`o_topic_${s.topic}`)} · {s.place}
                    </div>
                    <div className="muted">
                      {t('o_trainer')}
                      {mk.colon}
                      {s.trainer} · {t('o_attendee_count', { n: s.attendees.length })}
                    </div>
                    <div>{s.attendees.map((a) => a.name).join(mk.list)}</div>
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
  );
}

function NewSession() {
  const { t } = useI18n();
  const { session } = useAuth();
  const field = session!.role === 'field';
  const districtId = session!.officeId.split('.').slice(0, 2).join('.');
  const loans = useReadAll('GET /loans', { query: {} });
  const record = useWrite('POST /training-sessions');
  const outbox = useQueue(session!.username);
  const [heldOn, setHeldOn] = useState(todayIso());
  const [place, setPlace] = useState('');
  const [topic, setTopic] = useState<Topic>('work_skills');
  const [trainer, setTrainer] = useState('');
  const [attendees, setAttendees] = useState<string[]>([]);
  const [done, setDone] = useState<'saved' | 'queued'>();
  const waiting = outbox.entries.filter((e) => e.kind === 'training' && e.status === 'pending').length;
  const reset = (how: 'saved' | 'queued') => {
    setDone(how);
    setAttendees([]);
  };
  return (
    <form
      className="card o-form"
      aria-label={t('o_new_session')}
      onSubmit={(e) => {
        e.preventDefault();
        setDone(undefined);
        const body = { districtId, heldOn, place, topic, trainer, attendees };
        if (field) {
          // the phone keeps it first, then sends it (now if online, else when the network is back)
          void queue.add({ kind: 'training', owner: session!.username, path: '/training-sessions', body, idempotencyKey: newIdempotencyKey(), subjectId: districtId, label: place }).then(() => {
            reset('queued');
            void sendNow();
          });
          return;
        }
        record.mutate({ body }, { onSuccess: () => reset('saved') });
      }}
    >
      <h2>{t('o_new_session')}</h2>
      <div className="o-grid">
        <PastDateField label={t('o_held_on')} value={heldOn} onChange={setHeldOn} />
        <TextField label={t('o_place')} value={place} onChange={setPlace} />
        <label className="field">
          <span className="label">{t('o_topic')}</span>
          <select value={topic} onChange={(e) => setTopic(e.target.value as Topic)}>
            {TOPICS.map((x) => (
              <option key={x} value={x}>
                {t(`o_topic_${x}`)}
              </option>
            ))}
          </select>
        </label>
        <TextField label={t('o_trainer')} value={trainer} onChange={setTrainer} />
      </div>
      <fieldset>
        <legend>{t('o_attendees')}</legend>
        <div className="o-attendees">
          {(loans.data ?? []).map((l) => (
            <label key={l.id}>
              <input type="checkbox" value={l.id} checked={attendees.includes(l.id)} onChange={(e) => setAttendees(e.target.checked ? [...attendees, l.id] : attendees.filter((a) => a !== l.id))} />
              {l.mother.name}
            </label>
          ))}
        </div>
      </fieldset>
      <FormEnd
        error={record.error}
        done={done && t(done === 'queued' ? 'o_queued' : 'o_saved')}
        note={field && waiting > 0 && <p className="muted">{t('o_waiting', { n: waiting })}</p>}
        disabled={attendees.length === 0 || record.isPending}
      >
        {t('o_save')}
      </FormEnd>
    </form>
  );
}
