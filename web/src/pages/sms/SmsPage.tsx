/**
 * The committee's text messages (`GET /sms/month`, `POST /sms/settings`): this month's count and
 * cost against the monthly cap, the provider, and the message settings (reminder days before a
 * due date, overdue days after it, the cap, the price of a message) with a form to change them.
 * The district office sees the figures, not the form.
 */
import '../../i18n/zh-CN.sms.ts';
import './sms.css';
import { useState, type FormEvent } from 'react';
import { useRead, useWrite } from '../../api/queries.ts';
import { useAuth } from '../../auth.tsx';
import { fenToYuanText, parseYuan, yuan, type Lang } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { errorText, Loaded } from '../../ui/feedback.tsx';
import { useMarks } from '../../i18n/marks.ts';

/** The providers a deployment may name (`SMS_PROVIDER`). */
const PROVIDERS = ['none', 'local', 'aliyun', 'tencent'] as const;

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2026-12` as people write a month: 2026年12月 / སྤྱི་ལོ་2026 ཟླ་12 / December 2026. */
export function monthText(month: string, lang: Lang): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  if (lang === 'en') return `${MONTHS_EN[m - 1]} ${y}`;
  if (lang === 'bo') return `སྤྱི་ལོ་${y} ཟླ་${m}`;
  return `${y}年${m}月`;
}

/** "30, 7" → [30, 7]; undefined when it is not 1 to 4 whole numbers. */
function daysOf(text: string): number[] | undefined {
  const parts = text.split(/[,，、\s]+/).filter(Boolean);
  if (parts.length < 1 || parts.length > 4 || parts.some((p) => !/^\d{1,3}$/.test(p))) return undefined;
  return parts.map(Number);
}

export function SmsPage() {
  const { t, lang } = useI18n();
  const mk = useMarks();
  const { session } = useAuth();
  const month = useRead('GET /sms/month', {});
  return (
    <div className="d-page sms-page">
      <h1>{t('sms_month_title')}</h1>
      <p className="muted">{t('sms_month_intro')}</p>
      <Loaded query={month}>
        {(m) => (
          <>
            <section className="card" aria-label={monthText(m.month, lang)}>
              <h2>{monthText(m.month, lang)}</h2>
              <div className="d-kpis sms-kpis">
                <div className="kpi">
                  <div className="label">{t('sms_sent')}</div>
                  <div className="value" data-testid="sms-sent">
                    {m.sent.toLocaleString('en-US')}
                  </div>
                </div>
                <div className="kpi">
                  <div className="label">{t('sms_cap')}</div>
                  <div className="value">{m.cap.toLocaleString('en-US')}</div>
                </div>
                <div className="kpi">
                  <div className="label">{t('sms_left')}</div>
                  <div className="value">{Math.max(0, m.cap - m.sent).toLocaleString('en-US')}</div>
                </div>
                <div className="kpi">
                  <div className="label">{t('sms_cost')}</div>
                  <div className="value" data-testid="sms-cost">
                    {yuan(m.costFen)}
                  </div>
                </div>
              </div>
              <meter className="sms-meter" min={0} max={Math.max(1, m.cap)} value={Math.min(m.sent, m.cap)} aria-label={t('sms_sent')} />
              {m.sent >= m.cap && (
                <p className="error" role="note">
                  {t('sms_over_cap')}
                </p>
              )}
              <p className="muted">
                {t('sms_provider')} · {PROVIDERS.includes(m.provider as (typeof PROVIDERS)[number]) ? t(`sms_provider_${m.provider as (typeof PROVIDERS)[number]}`) : m.provider}
              </p>
            </section>
            <section className="card" aria-label={t('sms_settings')}>
              <h2>{t('sms_settings')}</h2>
              <dl className="settings-values">
                <div data-setting="reminderDaysBefore">
                  <dt>{t('sms_reminder_days')}</dt>
                  <dd>{t('sms_days_list', { days: m.settings.reminderDaysBefore.join(mk.list) })}</dd>
                </div>
                <div data-setting="overdueDaysAfter">
                  <dt>{t('sms_overdue_days')}</dt>
                  <dd>{t('sms_days_list', { days: m.settings.overdueDaysAfter.join(mk.list) })}</dd>
                </div>
                <div data-setting="monthlyCap">
                  <dt>{t('sms_monthly_cap')}</dt>
                  <dd>{m.settings.monthlyCap.toLocaleString('en-US')}</dd>
                </div>
                <div data-setting="costPerMessageFen">
                  <dt>{t('sms_cost_per_message')}</dt>
                  <dd>{yuan(m.settings.costPerMessageFen)}</dd>
                </div>
              </dl>
            </section>
            {session?.role === 'committee' && <SettingsForm settings={m.settings} />}
          </>
        )}
      </Loaded>
    </div>
  );
}

interface Settings {
  reminderDaysBefore: number[];
  overdueDaysAfter: number[];
  monthlyCap: number;
  costPerMessageFen: number;
}

function SettingsForm({ settings }: { settings: Settings }) {
  const { t } = useI18n();
  const change = useWrite('POST /sms/settings');
  const [draft, setDraft] = useState({
    reminderDaysBefore: settings.reminderDaysBefore.join(', '),
    overdueDaysAfter: settings.overdueDaysAfter.join(', '),
    monthlyCap: String(settings.monthlyCap),
    cost: fenToYuanText(settings.costPerMessageFen),
  });
  const [message, setMessage] = useState<{ error?: string; ok?: string }>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(undefined);
    const reminderDaysBefore = daysOf(draft.reminderDaysBefore);
    const overdueDaysAfter = daysOf(draft.overdueDaysAfter);
    const costPerMessageFen = parseYuan(draft.cost);
    if (!reminderDaysBefore || !overdueDaysAfter) return setMessage({ error: t('sms_settings_bad_days') });
    if (costPerMessageFen === undefined) return setMessage({ error: t('sms_settings_bad_cost') });
    try {
      await change.mutateAsync({ body: { reminderDaysBefore, overdueDaysAfter, monthlyCap: Number(draft.monthlyCap), costPerMessageFen } });
      setMessage({ ok: t('sms_saved') });
    } catch (error) {
      setMessage({ error: errorText(error, t) });
    }
  };
  return (
    <form className="card settings-form" onSubmit={(e) => void submit(e)} aria-label={t('sms_settings_change')}>
      <h2>{t('sms_settings_change')}</h2>
      <label className="field">
        <span className="label">{t('sms_reminder_days')}</span>
        <input name="reminderDaysBefore" value={draft.reminderDaysBefore} onChange={(e) => setDraft({ ...draft, reminderDaysBefore: e.target.value })} />
        <span className="hint">{t('sms_days_hint')}</span>
      </label>
      <label className="field">
        <span className="label">{t('sms_overdue_days')}</span>
        <input name="overdueDaysAfter" value={draft.overdueDaysAfter} onChange={(e) => setDraft({ ...draft, overdueDaysAfter: e.target.value })} />
        <span className="hint">{t('sms_days_hint')}</span>
      </label>
      <label className="field">
        <span className="label">{t('sms_monthly_cap')}</span>
        <input name="monthlyCap" type="number" min={0} value={draft.monthlyCap} onChange={(e) => setDraft({ ...draft, monthlyCap: e.target.value })} />
      </label>
      <label className="field">
        <span className="label">{t('sms_cost_per_message')}</span>
        <input name="cost" inputMode="decimal" value={draft.cost} onChange={(e) => setDraft({ ...draft, cost: e.target.value })} />
        <span className="hint">{t('sms_cost_hint')}</span>
      </label>
      <button type="submit" disabled={change.isPending}>
        {t('sms_settings_submit')}
      </button>
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
    </form>
  );
}
