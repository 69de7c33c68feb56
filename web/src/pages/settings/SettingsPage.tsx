/**
 * The committee's programme settings (`GET/POST /settings`): the controls in force, a form to
 * change them with a reason, the change that waits for a second committee member (who
 * proposed it, when and why, with confirm and withdraw; the proposer sees that another
 * member must confirm), and the history of every change, newest first.
 */
import { useState, type FormEvent } from 'react';
import type { RouteKey } from '../../../../shared/routes.ts';
import { useRead, useWrite } from '../../api/queries.ts';
import { useAuth } from '../../auth.tsx';
import '../../i18n/zh-CN.settings.ts';
import { date, inChina } from '../../i18n/format.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { errorText, Loaded } from '../../ui/feedback.tsx';
import { HistoryList } from '../../ui/history.tsx';
import { useMarks } from '../../i18n/marks.ts';

type Key = 'separationOfDuties' | 'backDatedAfterDays' | 'accountOwnerDays' | 'revealsPerDay';
const LABEL: Record<Key, MessageKey> = { separationOfDuties: 's_four_eyes', backDatedAfterDays: 's_back_dated', accountOwnerDays: 's_account_owner', revealsPerDay: 's_reveals' };
const KEYS = Object.keys(LABEL) as Key[];

export function SettingsPage() {
  const { t, lang } = useI18n();
  const mk = useMarks();
  const { session } = useAuth();
  const settings = useRead('GET /settings', {});
  const history = useRead('GET /settings/history', { query: { limit: 50 } });
  const change = useWrite('POST /settings');
  const confirm = useWrite('POST /settings/pending/confirm');
  const withdraw = useWrite('POST /settings/pending/withdraw');
  const [draft, setDraft] = useState<Partial<Record<Key, boolean | number>>>({});
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ error?: string; ok?: string }>();
  const busy = change.isPending || confirm.isPending || withdraw.isPending;

  const show = (k: Key, v: unknown) => (typeof v === 'boolean' ? t(v ? 's_on' : 's_off') : t(k === 'revealsPerDay' ? 's_times' : 's_days', { n: Number(v) }));
  const when = (iso: string) => `${date(inChina(iso).day, lang)} ${inChina(iso).time}`;
  const run = async (action: () => Promise<unknown>) => {
    setMessage(undefined);
    try {
      await action();
      setMessage({ ok: t('s_saved') });
    } catch (error) {
      setMessage({ error: errorText(error, t) });
    }
  };

  return (
    <div className="d-page settings-page">
      <h1>{t('s_title')}</h1>
      <p className="muted">{t('s_intro')}</p>
      <Loaded query={settings}>
        {(s) => {
          const current: Record<Key, boolean | number> = {
            separationOfDuties: s.separationOfDuties,
            backDatedAfterDays: s.backDatedAfterDays,
            accountOwnerDays: s.accountOwnerDays,
            revealsPerDay: s.revealsPerDay,
          };
          const submit = (e: FormEvent) => {
            e.preventDefault();
            const changed = Object.fromEntries(KEYS.filter((k) => draft[k] !== undefined && draft[k] !== current[k]).map((k) => [k, draft[k]]));
            if (!Object.keys(changed).length) return setMessage({ error: t('s_no_change') });
            void run(async () => {
              await change.mutateAsync({ body: { ...changed, reason } } as Parameters<typeof change.mutateAsync>[0]);
              setDraft({});
              setReason('');
            });
          };
          const pending = s.pending;
          const decide = (route: Extract<RouteKey, 'POST /settings/pending/confirm' | 'POST /settings/pending/withdraw'>) =>
            void run(() => (route === 'POST /settings/pending/confirm' ? confirm : withdraw).mutateAsync({ body: { proposalId: pending!.id } }));
          return (
            <>
              <section className="card" aria-label={t('s_current')}>
                <h2>{t('s_current')}</h2>
                <dl className="settings-values">
                  {KEYS.map((k) => (
                    <div key={k} data-setting={k}>
                      <dt>{t(LABEL[k])}</dt>
                      <dd>{show(k, current[k])}</dd>
                    </div>
                  ))}
                </dl>
              </section>

              <section className="card settings-pending" aria-label={t('s_pending')}>
                <h2>{t('s_pending')}</h2>
                {!pending ? (
                  <p className="muted">{t('s_pending_none')}</p>
                ) : (
                  <>
                    <ul>
                      {(Object.keys(pending.changes) as Key[]).map((k) => (
                        <li key={k}>
                          {t(LABEL[k])}
                          {mk.colon}
                          {show(k, pending.before[k])} → <strong>{show(k, pending.changes[k])}</strong>
                        </li>
                      ))}
                    </ul>
                    <p>{t('s_proposed_by', { name: pending.proposedBy.displayName ?? pending.proposedBy.username, when: when(pending.proposedAt) })}</p>
                    <p>{t('s_pending_reason', { reason: pending.reason })}</p>
                    {pending.proposedBy.userId === session?.userId && <p className="muted s-own">{t('s_own_proposal')}</p>}
                    <div className="row">
                      <button type="button" name="confirm" disabled={busy || pending.proposedBy.userId === session?.userId} onClick={() => decide('POST /settings/pending/confirm')}>
                        {t('s_confirm')}
                      </button>
                      <button type="button" name="withdraw" className="secondary" disabled={busy} onClick={() => decide('POST /settings/pending/withdraw')}>
                        {t('s_withdraw')}
                      </button>
                    </div>
                  </>
                )}
              </section>

              <form className="card settings-form" onSubmit={submit} aria-label={t('s_change')}>
                <h2>{t('s_change')}</h2>
                <label className="field">
                  <input
                    type="checkbox"
                    name="separationOfDuties"
                    checked={Boolean(draft.separationOfDuties ?? current.separationOfDuties)}
                    onChange={(e) => setDraft({ ...draft, separationOfDuties: e.target.checked })}
                  />{' '}
                  <span>{t('s_four_eyes')}</span>
                </label>
                {(['backDatedAfterDays', 'accountOwnerDays', 'revealsPerDay'] as const).map((k) => (
                  <label className="field" key={k}>
                    <span className="label">{t(LABEL[k])}</span>
                    <input type="number" name={k} min={k === 'revealsPerDay' ? 1 : 0} value={Number(draft[k] ?? current[k])} onChange={(e) => setDraft({ ...draft, [k]: e.target.valueAsNumber })} />
                  </label>
                ))}
                <label className="field">
                  <span className="label">{t('s_reason')}</span>
                  <textarea name="reason" value={reason} required maxLength={500} onChange={(e) => setReason(e.target.value)} />
                </label>
                <p className="muted">{t('s_loosen_note')}</p>
                <button type="submit" disabled={busy}>
                  {t('s_submit')}
                </button>
              </form>
              {message?.error && (
                <p className="error" role="alert">
                  {message.error}
                </p>
              )}
              {message?.ok && (
                <p className="muted" role="status">
                  {message.ok}
                </p>
              )}
            </>
          );
        }}
      </Loaded>
      <section className="card" aria-label={t('s_history')}>
        <h2>{t('s_history')}</h2>
        <Loaded query={history}>{(h) => <HistoryList events={h.items} />}</Loaded>
      </section>
    </div>
  );
}
