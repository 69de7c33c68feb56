import { useEffect, useState } from 'react';
import { cognitoSignIn, localSignIn, localUsers, useAuth, type Role } from '../auth.tsx';
import { appConfig, type AppConfig } from '../config.ts';
import { LanguageSwitch, useI18n } from '../i18n.tsx';
import { ErrorBox, Field, Loading } from '../ui.tsx';

/** Locally: pick a demo user. On AWS: user name and password of the stack's Cognito user pool. */
export function LoginPage() {
  const { t } = useI18n();
  const { signIn } = useAuth();
  const [config, setConfig] = useState<AppConfig>();
  const [users, setUsers] = useState<{ username: string; role: Role; officeId: string; displayName: string }[]>();
  const [error, setError] = useState<unknown>();
  const [form, setForm] = useState({ username: '', password: '' });
  useEffect(() => {
    appConfig().then((c) => {
      setConfig(c);
      if (c.mode === 'local') localUsers().then(setUsers, setError);
    });
  }, []);
  const run = (p: Promise<Parameters<typeof signIn>[0]>) => p.then(signIn, setError);
  return (
    <div className="login">
      <div className="card">
        <h1>{t('app_title')}</h1>
        <p className="muted">{t('app_motto')}</p>
        {error !== undefined && <ErrorBox error={error} />}
        {!config && <Loading />}
        {config?.mode === 'local' && (
          <>
            <h2>{t('choose_user')}</h2>
            {!users && <Loading />}
            <ul className="user-list">
              {users?.map((u) => (
                <li key={u.username}>
                  <button type="button" className="user" data-username={u.username} onClick={() => run(localSignIn(u.username))}>
                    <strong>{u.displayName}</strong>
                    <span className="muted">
                      {t(`role_${u.role}`)} · {u.officeId}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        {config?.mode === 'aws' && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              run(cognitoSignIn(form.username, form.password));
            }}
          >
            <Field label={t('username')}>
              <input autoComplete="username" value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} required />
            </Field>
            <Field label={t('password')}>
              <input type="password" autoComplete="current-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} required />
            </Field>
            <button type="submit">{t('sign_in')}</button>
          </form>
        )}
        <LanguageSwitch />
      </div>
    </div>
  );
}
