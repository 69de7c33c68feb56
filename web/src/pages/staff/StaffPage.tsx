/**
 * The staff directory of the caller's offices: who works where, in which role; add a person,
 * rename or move her, change her role, deactivate or reactivate her. The committee manages
 * district staff, a district office the township and field staff of its own townships.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { request } from '../../api/client.ts';
import { useAuth, type Role } from '../../auth.tsx';
import { useI18n } from '../../i18n.tsx';
import { ConfirmDialog, Empty, ErrorBox, Field, Loading } from '../../ui.tsx';

/** Loads once and on `reload()`: data, error, loading. */
function useLoad<T>(load: () => Promise<T>): { data?: T; error?: unknown; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [tick]);
  return { ...state, reload: useCallback(() => setTick((x) => x + 1), []) };
}

interface StaffMember {
  id: string;
  username: string;
  displayName: string;
  displayNameBo?: string;
  role: Role;
  officeId: string;
  active: boolean;
}

interface Office {
  id: string;
  level: 'committee' | 'district' | 'township' | 'village';
  name: string;
  nameEn?: string;
}

/** Whom each administrator manages (the server enforces the same rule). */
const MANAGES: Record<Role, Role[]> = { committee: ['district', 'field'], district: ['township', 'field'], township: [], field: [] };
const LEVEL_OF: Record<Role, Office['level']> = { committee: 'committee', district: 'district', township: 'township', field: 'district' };

interface Draft {
  username: string;
  displayName: string;
  displayNameBo: string;
  email: string;
  role: Role;
  officeId: string;
}

export function StaffPage() {
  const { t, lang } = useI18n();
  const { session } = useAuth();
  const staff = useLoad(() => request('GET', '/staff') as Promise<{ items: StaffMember[] }>);
  const offices = useLoad(() => request('GET', '/offices') as Promise<{ items: Office[] }>);
  const [editing, setEditing] = useState<StaffMember | 'new'>();
  const [confirming, setConfirming] = useState<StaffMember>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  if (!session) return null;
  const roles = MANAGES[session.role];
  const officeName = (id: string) => {
    const o = offices.data?.items.find((x) => x.id === id);
    return o ? (lang === 'en' && o.nameEn ? o.nameEn : o.name) : id;
  };
  const officesFor = (role: Role) => (offices.data?.items ?? []).filter((o) => o.level === LEVEL_OF[role]);
  const mayManage = (s: StaffMember) => roles.includes(s.role) && s.id !== session.userId;

  const toggle = async (s: StaffMember) => {
    setBusy(true);
    setError(undefined);
    try {
      await request('PATCH', `/staff/${s.id}`, { body: { active: !s.active } });
      setConfirming(undefined);
      staff.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="d-page staff-page">
      <h1>{t('staff_title')}</h1>
      <p className="muted">{t('staff_intro')}</p>
      {roles.length > 0 && editing === undefined && (
        <button type="button" onClick={() => setEditing('new')}>
          {t('staff_add')}
        </button>
      )}
      {editing !== undefined && offices.data && (
        <StaffForm
          key={editing === 'new' ? 'new' : editing.id}
          person={editing === 'new' ? undefined : editing}
          roles={roles}
          officesFor={officesFor}
          onDone={() => {
            setEditing(undefined);
            staff.reload();
          }}
          onCancel={() => setEditing(undefined)}
        />
      )}
      {error !== undefined && <ErrorBox error={error} />}
      {staff.error !== undefined && <ErrorBox error={staff.error} onRetry={staff.reload} />}
      {staff.loading && !staff.data && <Loading />}
      {staff.data && staff.data.items.length === 0 && <Empty>{t('staff_none')}</Empty>}
      {staff.data && staff.data.items.length > 0 && (
        <table className="d-rtable" aria-label={t('staff_title')}>
          <thead>
            <tr>
              <th>{t('staff_name')}</th>
              <th>{t('staff_role')}</th>
              <th>{t('staff_office')}</th>
              <th>{t('staff_state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {staff.data.items.map((s) => (
              <tr key={s.id} data-username={s.username} className={s.active ? '' : 'muted'}>
                <td data-label={t('staff_name')} className="d-cell-main">
                  <strong>{s.displayName}</strong>
                  {s.displayNameBo && (
                    <span className="d-sub" lang="bo">
                      {s.displayNameBo}
                    </span>
                  )}
                  <span className="d-sub username" translate="no">
                    {s.username}
                  </span>
                </td>
                <td data-label={t('staff_role')}>{t(`role_${s.role}`)}</td>
                <td data-label={t('staff_office')}>{officeName(s.officeId)}</td>
                <td data-label={t('staff_state')}>{s.active ? t('staff_active') : t('staff_inactive')}</td>
                <td>
                  {mayManage(s) && (
                    <span className="actions">
                      <button type="button" className="link" onClick={() => setEditing(s)}>
                        {t('staff_edit')}
                      </button>
                      <button type="button" className="link" onClick={() => setConfirming(s)}>
                        {s.active ? t('staff_deactivate') : t('staff_reactivate')}
                      </button>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming && (
        <ConfirmDialog title={confirming.active ? t('staff_deactivate') : t('staff_reactivate')} onConfirm={() => void toggle(confirming)} onCancel={() => setConfirming(undefined)} busy={busy}>
          <p>{t(confirming.active ? 'staff_deactivate_confirm' : 'staff_reactivate_confirm', { name: confirming.displayName })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function StaffForm({ person, roles, officesFor, onDone, onCancel }: { person?: StaffMember; roles: Role[]; officesFor: (role: Role) => Office[]; onDone: () => void; onCancel: () => void }) {
  const { t, lang } = useI18n();
  const firstRole = person?.role ?? roles[0]!;
  const [draft, setDraft] = useState<Draft>({
    username: person?.username ?? '',
    displayName: person?.displayName ?? '',
    displayNameBo: person?.displayNameBo ?? '',
    email: '',
    role: firstRole,
    officeId: person?.officeId ?? officesFor(firstRole)[0]?.id ?? '',
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const choices = officesFor(draft.role);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const common = { displayName: draft.displayName.trim(), ...(draft.displayNameBo.trim() ? { displayNameBo: draft.displayNameBo.trim() } : {}), role: draft.role, officeId: draft.officeId };
    try {
      if (person) await request('PATCH', `/staff/${person.id}`, { body: common });
      else await request('POST', '/staff', { body: { username: draft.username.trim(), ...common, ...(draft.email.trim() ? { email: draft.email.trim() } : {}) } });
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card staff-form" onSubmit={(e) => void submit(e)} aria-label={person ? t('staff_edit') : t('staff_add')}>
      <h2>{person ? `${t('staff_edit')} · ${person.displayName}` : t('staff_add')}</h2>
      {error !== undefined && <ErrorBox error={error} />}
      {!person && (
        <Field label={t('staff_username')} hint={t('staff_username_hint')}>
          <input name="username" value={draft.username} onChange={(e) => set({ username: e.target.value })} required autoComplete="off" pattern="[A-Za-z0-9][A-Za-z0-9._@\-]*" />
        </Field>
      )}
      <Field label={t('staff_name')}>
        <input name="displayName" value={draft.displayName} onChange={(e) => set({ displayName: e.target.value })} required maxLength={60} />
      </Field>
      <Field label={t('staff_name_bo')}>
        <input name="displayNameBo" lang="bo" value={draft.displayNameBo} onChange={(e) => set({ displayNameBo: e.target.value })} maxLength={60} />
      </Field>
      <Field label={t('staff_role')}>
        <select name="role" value={draft.role} onChange={(e) => set({ role: e.target.value as Role, officeId: officesFor(e.target.value as Role)[0]?.id ?? '' })}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`role_${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('staff_office')}>
        <select name="officeId" value={draft.officeId} onChange={(e) => set({ officeId: e.target.value })} required>
          {choices.map((o) => (
            <option key={o.id} value={o.id}>
              {lang === 'en' && o.nameEn ? o.nameEn : o.name}
            </option>
          ))}
        </select>
      </Field>
      {!person && (
        <Field label={t('staff_email')} hint={t('staff_email_hint')}>
          <input name="email" type="email" value={draft.email} onChange={(e) => set({ email: e.target.value })} autoComplete="off" />
        </Field>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={onCancel} disabled={busy}>
          {t('cancel')}
        </button>
        <button type="submit" disabled={busy}>
          {t('save')}
        </button>
      </div>
    </form>
  );
}
