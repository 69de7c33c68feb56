/** The app: sign-in, then the pages of the caller's role; Chinese first with an English switch. */
import { AuthProvider, useAuth, type Role } from './auth.tsx';
import { I18nProvider, useI18n } from './i18n.tsx';
import { Link, navigate, useRoute, type Route } from './router.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { ApplicationsPage } from './pages/district/ApplicationsPage.tsx';
import { ApplicationPage } from './pages/district/ApplicationPage.tsx';
import { LoansPage } from './pages/district/LoansPage.tsx';
import { LoanPage } from './pages/district/LoanPage.tsx';
import { CeremonyPage } from './pages/district/CeremonyPage.tsx';
import { PrintNoticePage } from './pages/district/PrintNoticePage.tsx';
import { PrintAgreementPage } from './pages/district/PrintAgreementPage.tsx';
import { MyWorkPage } from './pages/field/MyWorkPage.tsx';
import { EvaluationFormPage } from './pages/field/EvaluationFormPage.tsx';
import { DashboardPage } from './pages/committee/DashboardPage.tsx';
import { StaffPage } from './pages/admin/StaffPage.tsx';
import type { ReactNode } from 'react';

const NAV: Record<Role, { to: string; label: string }[]> = {
  committee: [
    { to: '/dashboard', label: 'nav_dashboard' },
    { to: '/loans', label: 'nav_loans' },
    { to: '/staff', label: 'nav_staff' },
  ],
  district: [
    { to: '/applications', label: 'nav_applications' },
    { to: '/loans', label: 'nav_loans' },
    { to: '/ceremony', label: 'nav_ceremony' },
    { to: '/dashboard', label: 'nav_dashboard' },
    { to: '/staff', label: 'nav_staff' },
  ],
  township: [
    { to: '/applications', label: 'nav_applications' },
    { to: '/loans', label: 'nav_loans' },
    { to: '/ceremony', label: 'nav_ceremony' },
  ],
  field: [
    { to: '/my-work', label: 'nav_my_work' },
    { to: '/loans', label: 'nav_loans' },
  ],
};

const HOME: Record<Role, string> = { committee: '/dashboard', district: '/applications', township: '/applications', field: '/my-work' };

function page(route: Route, role: Role): ReactNode {
  const [first, id, sub] = route.parts;
  switch (first) {
    case 'applications':
      return id ? <ApplicationPage id={id} /> : <ApplicationsPage query={route.query} />;
    case 'loans':
      if (id && sub === 'agreement') return <PrintAgreementPage id={id} />;
      return id ? <LoanPage id={id} /> : <LoansPage query={route.query} />;
    case 'ceremony':
      return <CeremonyPage query={route.query} />;
    case 'notice':
      return <PrintNoticePage query={route.query} />;
    case 'my-work':
      return <MyWorkPage />;
    case 'evaluate':
      return <EvaluationFormPage loanId={id ?? ''} />;
    case 'dashboard':
      return <DashboardPage query={route.query} />;
    case 'staff':
      return <StaffPage />;
    default:
      navigate(HOME[role]);
      return null;
  }
}

function Shell() {
  const { session, signOut } = useAuth();
  const { t, lang, setLang } = useI18n();
  const route = useRoute();
  if (!session) return <LoginPage />;
  const printing = route.parts[0] === 'notice' || route.parts[2] === 'agreement';
  return (
    <div className={printing ? 'app printing' : 'app'}>
      <header className="topbar no-print">
        <Link to={HOME[session.role]} className="brand">
          {t('app_title')}
        </Link>
        <nav aria-label="main">
          {NAV[session.role].map((n) => (
            <Link key={n.to} to={n.to} className={route.path.startsWith(n.to) ? 'active' : ''}>
              {t(n.label)}
            </Link>
          ))}
        </nav>
        <div className="who">
          <span title={session.officeId}>
            {t(`role_${session.role}`)} · {session.displayName ?? session.username}
          </span>
          <button type="button" className="link" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} aria-label="language">
            {lang === 'zh' ? 'English' : '中文'}
          </button>
          <button type="button" className="link" onClick={() => void signOut()}>
            {t('sign_out')}
          </button>
        </div>
      </header>
      <main>{page(route, session.role)}</main>
    </div>
  );
}

export function App() {
  return (
    <I18nProvider>
      <AuthProvider>
        <Shell />
      </AuthProvider>
    </I18nProvider>
  );
}
