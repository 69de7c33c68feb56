/** Pieces both field pages use: the offline banner, an entry's state, the outbox. */
import { useState, type ReactNode } from 'react';
import { moment as when } from '../../i18n/format.ts';
import { useI18n, type Translate } from '../../i18n/index.tsx';
import { ConfirmDialog } from '../../ui/dialog.tsx';
import type { EvaluationKind } from './field-data.ts';
import { Link } from '../../router.tsx';
import { queue, sendNow, useOnline } from '../../api/device.ts';
import type { QueueEntry } from '../../api/offline-queue.ts';

/** Shown at the top of field pages while the browser says there is no network. */
export function OfflineBanner({ pending }: { pending: number }) {
  const { t } = useI18n();
  const online = useOnline();
  if (online && pending === 0) return null;
  return (
    <div className={online ? 'f-banner f-banner-pending' : 'f-banner f-banner-offline'} role="status" data-testid="connection">
      {!online && <span>{t('f_offline_banner')}</span>}
      {pending > 0 && (
        <strong className="f-pending-count" data-testid="pending-count">
          {t('f_pending_count', { n: pending })}
        </strong>
      )}
    </div>
  );
}

export type EntryState = 'pending' | 'sending' | 'sent' | 'failed';

export function entryState(entry: QueueEntry, sending: boolean): EntryState {
  return entry.status === 'pending' && sending ? 'sending' : entry.status;
}

export function EntryBadge({ state }: { state: EntryState }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge-${state === 'sending' ? 'pending' : state} f-entry-badge`} data-state={state}>
      {t(`entry_${state}`)}
    </span>
  );
}

/** What an entry is, in a line: "中期评估 · 次仁卓玛". */
export function entryTitle(entry: QueueEntry, t: Translate): string {
  const what = entry.kind === 'evaluation' ? t(`kind_${entry.body.kind as EvaluationKind}`) : entry.kind === 'training' ? t('f_kind_training') : t('f_kind_visit');
  return `${what} · ${entry.label}`;
}

/** One entry of the outbox with its state and what may be done with it. */
export function EntryItem({ entry, sending, editor }: { entry: QueueEntry; sending: boolean; editor?: (close: () => void) => ReactNode }) {
  const { t, lang } = useI18n();
  const online = useOnline();
  const [confirm, setConfirm] = useState(false);
  const [editing, setEditing] = useState(false);
  const state = entryState(entry, sending);
  return (
    <li className={`f-entry f-entry-${state}`} data-entry={entry.id} data-kind={entry.kind} data-subject={entry.subjectId}>
      <div className="row">
        <strong>{entryTitle(entry, t)}</strong>
        <EntryBadge state={state} />
      </div>
      <div className="muted f-small">
        {t('f_saved_at', { t: when(entry.createdAt, lang) })}
        {entry.sentAt && ` · ${t('f_sent_at', { t: when(entry.sentAt, lang) })}`}
        {entry.status !== 'sent' && entry.attempts > 0 && ` · ${t('f_attempts', { n: entry.attempts })}`}
      </div>
      {entry.status === 'failed' && entry.error && (
        <div className="error f-entry-error" role="alert">
          <span>{entry.error.message}</span>
        </div>
      )}
      {entry.status !== 'sent' && (
        <div className="f-entry-actions">
          {entry.status === 'pending' && (
            <button type="button" className="secondary" disabled={sending || !online} onClick={() => void sendNow()}>
              {t('f_send_now')}
            </button>
          )}
          {entry.status === 'failed' && (
            <>
              {entry.kind === 'evaluation' ? (
                <Link className="button" to={`/evaluate/${entry.subjectId}?entry=${entry.id}`}>
                  {t('f_edit')}
                </Link>
              ) : (
                editor && (
                  <button type="button" onClick={() => setEditing(!editing)}>
                    {t('f_edit')}
                  </button>
                )
              )}
              <button type="button" className="secondary" onClick={() => void queue.retry(entry.id).then(sendNow)}>
                {t('f_resend')}
              </button>
            </>
          )}
          <button type="button" className="link" disabled={sending} onClick={() => setConfirm(true)}>
            {t('f_discard')}
          </button>
        </div>
      )}
      {editing && editor?.(() => setEditing(false))}
      {confirm && (
        <ConfirmDialog
          title={t('f_discard_title')}
          onCancel={() => setConfirm(false)}
          onConfirm={() => {
            void queue.discard(entry.id);
            setConfirm(false);
          }}
        >
          <p>{entryTitle(entry, t)}</p>
          <p className="muted">{t(entry.status === 'pending' ? 'f_discard_pending' : 'f_discard_failed')}</p>
        </ConfirmDialog>
      )}
    </li>
  );
}
