/** The app: sign-in, then the pages of the caller's role (loaded when first shown), in 中文, བོད་ཡིག or English. */
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { queryClient } from './api/queries.ts';
import { AuthProvider, useAuth } from './auth.tsx';
import { I18nProvider, LanguageSwitch, useI18n } from './i18n/index.tsx';
import { menuOf, pageOf } from './pages.tsx';
import { HOME } from './paths.ts';
import { LoginPage } from './pages/sign-in/LoginPage.tsx';
import { Link, navigate, useRoute } from './router.tsx';
import { clearReloadMark, ErrorBoundary } from './ui/error-boundary.tsx';
import { Loading } from './ui/feedback.tsx';

/** The published donor report: read without sign-in, in its own small chunk. */
const PublicReportPage = lazy(async () => ({ default: (await import('./pages/public-report/PublicReportPage.tsx')).PublicReportPage }));
/** The check of a printed receipt (its QR code): read without sign-in, in its own small chunk. */
const VerifyPage = lazy(async () => ({ default: (await import('./pages/verify/VerifyPage.tsx')).VerifyPage }));
/** The local SMS provider's inboxes (`npm run dev`, linked from the dev sign-in page): no sign-in. */
const InboxPage = lazy(async () => ({ default: (await import('./pages/sms/InboxPage.tsx')).InboxPage }));
/** Pages anyone reads without signing in. */
const PUBLIC_PATHS = ['public', 'verify', 'dev-sms'];
/** Rendered after the page it follows (Suspense shows both at once): the page's code loaded, so a later failed load may reload again. */
function Loaded() {
  useEffect(() => clearReloadMark(), []);
  return null;
}

function Shell() {
  const { session, signOut } = useAuth();
  const { t } = useI18n();
  const route = useRoute();
  const role = session?.role;
  const match = pageOf(route);
  useEffect(() => {
    if (role && !match && !PUBLIC_PATHS.includes(route.parts[0] ?? '')) navigate(HOME[role]);
  }, [role, match, route.parts[0]]);
  useEffect(() => {
    // field staff's outbox is sent from any page, not only the field pages
    if (role === 'field') void import('./api/device.ts').then((m) => m.startAutoSend());
  }, [role]);
  useEffect(() => {
    // what one user loaded is not shown to the next one on this device
    if (!session) queryClient.clear();
  }, [session]);
  if (route.parts[0] === 'public')
    return (
      <Suspense fallback={<Loading />}>
        <PublicReportPage id={route.parts[1] ?? ''} />
      </Suspense>
    );
  if (route.parts[0] === 'verify')
    return (
      <Suspense fallback={<Loading />}>
        <VerifyPage route={route} />
      </Suspense>
    );
  if (route.parts[0] === 'dev-sms')
    return (
      <Suspense fallback={<Loading />}>
        <InboxPage phone={route.parts[1] ?? ''} />
      </Suspense>
    );
  if (!session) return <LoginPage />;
  const Page = match?.page;
  return (
    <div className={match?.print ? 'app printing' : 'app'}>
      <header className="topbar no-print">
        <Link to={HOME[session.role]} className="brand">
          {t('app_title')}
        </Link>
        <nav aria-label={t('main_menu')}>
          {menuOf(session.role).map((p) => (
            <Link key={p.path} to={`/${p.path}`} className={route.parts[0] === p.path ? 'active' : ''} aria-current={route.parts[0] === p.path ? 'page' : undefined}>
              {t(p.menu!.label)}
            </Link>
          ))}
        </nav>
        <div className="who">
          {/* the directory's names already say the office (城关区项目办 · 王丽): the role is in the tooltip */}
          <span title={t(`role_${session.role}`)}>{session.displayName ?? `${t(`role_${session.role}`)} · ${session.username}`}</span>
          <LanguageSwitch />
          <button type="button" className="link" onClick={() => void signOut()}>
            {t('sign_out')}
          </button>
        </div>
      </header>
      <main>
        <ErrorBoundary resetKey={route.parts.join('/')}>
          <Suspense fallback={<Loading />}>
            {Page && <Page route={route} id={route.parts[1] ?? ''} />}
            {Page && <Loaded />}
          </Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <AuthProvider>
          <Shell />
        </AuthProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
