import { useAuth } from '../../auth.tsx';
import { LanguageSwitch, useI18n } from '../../i18n.tsx';
import { ErrorMessage as ErrorBox, Loading } from '../../ui/feedback.tsx';

/**
 * The sign-in page inside the app (a session ended: signed out, or refused after a 401); a tab
 * with nobody signed in shows the plain-DOM one (sign-in-page.ts) without loading the app.
 * Sign-in goes to the identity provider (locally the dev server's, on AWS Cognito's or the office's own) and comes back here.
 */
export function LoginPage() {
  const { t } = useI18n();
  const { signIn, problem, checking } = useAuth();
  return (
    <div className="login">
      <div className="card">
        <h1>{t('app_title')}</h1>
        <p className="muted">{t('app_motto')}</p>
        {problem !== undefined && <ErrorBox error={problem} />}
        {checking ? (
          <Loading />
        ) : (
          <>
            <p>{t('sign_in_hint')}</p>
            <button type="button" className="sign-in" onClick={() => void signIn()}>
              {t('sign_in')}
            </button>
          </>
        )}
        <LanguageSwitch />
      </div>
    </div>
  );
}
