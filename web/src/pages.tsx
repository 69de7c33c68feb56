/**
 * Every page, loaded when first shown (React.lazy): sign-in and the field officer's pages
 * download only their own code, never the committee's charts. One line per page; `menu`
 * puts it in a role's top bar.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from './auth.tsx';
import type { MessageKey } from './i18n/index.tsx';
import { HOME, type PageProps } from './paths.ts';
import type { Route } from './router.tsx';

/** Pages import these from `paths.ts` (a leaf): kept here for the modules that name them from the page table. */
export { HOME, type PageProps };

type Page = LazyExoticComponent<ComponentType<PageProps>> & { preload: () => void };

/** A named export of a page module as a lazy component, whose code can be fetched ahead. */
function page<M>(load: () => Promise<M>, name: keyof M): Page {
  const component = lazy(async () => ({ default: (await load())[name] as ComponentType<PageProps> }));
  return Object.assign(component, { preload: () => void load().catch(() => undefined) });
}

export interface PageRoute {
  /** first part of the hash path; `sub` matches the third part (`/loans/{id}/agreement`) */
  path: string;
  sub?: string;
  /** with an id (`/loans/{id}`) or without (`/loans`) */
  withId: boolean;
  page: Page;
  /** printed pages drop the app's chrome */
  print?: boolean;
  /** in the top bar of these roles, with this label */
  menu?: { roles: Role[]; label: MessageKey };
}

export const PAGES: PageRoute[] = [
  { path: 'dashboard', withId: false, page: page(() => import('./pages/reports/DashboardPage.tsx'), 'DashboardPage'), menu: { roles: ['committee', 'district'], label: 'nav_dashboard' } },
  {
    path: 'applications',
    withId: false,
    page: page(() => import('./pages/applications/ApplicationsPage.tsx'), 'ApplicationsPage'),
    menu: { roles: ['district', 'township'], label: 'nav_applications' },
  },
  { path: 'applications', withId: true, page: page(() => import('./pages/applications/ApplicationPage.tsx'), 'ApplicationPage') },
  { path: 'personal-data', withId: true, page: page(() => import('./pages/personal-data/PersonalDataPage.tsx'), 'PersonalDataPage') },
  { path: 'my-work', withId: false, page: page(() => import('./pages/field/MyWorkPage.tsx'), 'MyWorkPage'), menu: { roles: ['field'], label: 'nav_my_work' } },
  { path: 'evaluate', withId: true, page: page(() => import('./pages/field/EvaluationFormPage.tsx'), 'EvaluationFormPage') },
  { path: 'loans', withId: false, page: page(() => import('./pages/loans/LoansPage.tsx'), 'LoansPage'), menu: { roles: ['committee', 'district', 'township', 'field'], label: 'nav_loans' } },
  { path: 'loans', withId: true, page: page(() => import('./pages/loans/LoanPage.tsx'), 'LoanPage') },
  { path: 'loans', sub: 'agreement', withId: true, page: page(() => import('./pages/print/PrintAgreementPage.tsx'), 'PrintAgreementPage'), print: true },
  { path: 'ceremony', withId: false, page: page(() => import('./pages/loans/CeremonyPage.tsx'), 'CeremonyPage'), menu: { roles: ['district', 'township'], label: 'nav_ceremony' } },
  { path: 'receipt', withId: false, page: page(() => import('./pages/print/PrintPages.tsx'), 'PrintReceiptPage'), print: true },
  { path: 'loans', sub: 'card', withId: true, page: page(() => import('./pages/print/PrintPages.tsx'), 'PrintCardPage'), print: true },
  { path: 'collection-day', withId: false, page: page(() => import('./pages/collection/CollectionPage.tsx'), 'CollectionPage'), menu: { roles: ['district', 'township'], label: 'nav_collection' } },
  { path: 'collection', withId: false, page: page(() => import('./pages/print/PrintPages.tsx'), 'PrintCollectionPage'), print: true },
  { path: 'consent', withId: false, page: page(() => import('./pages/print/PrintPages.tsx'), 'PrintConsentPage'), print: true },
  { path: 'import', withId: false, page: page(() => import('./pages/imports/ImportPage.tsx'), 'ImportPage'), menu: { roles: ['district', 'township'], label: 'nav_import' } },
  { path: 'ledger', withId: false, page: page(() => import('./pages/ledger/LedgerImportPage.tsx'), 'LedgerImportPage'), menu: { roles: ['district'], label: 'nav_ledger' } },
  { path: 'ledger-imports', withId: false, page: page(() => import('./pages/ledger/LedgerReviewPage.tsx'), 'LedgerReviewPage'), menu: { roles: ['committee'], label: 'nav_ledger' } },
  { path: 'ledger-imports', withId: true, page: page(() => import('./pages/ledger/LedgerReviewPage.tsx'), 'LedgerReviewPage') },
  { path: 'notice', withId: false, page: page(() => import('./pages/print/PrintNoticePage.tsx'), 'PrintNoticePage'), print: true },
  { path: 'rounds', withId: false, page: page(() => import('./pages/rounds/RoundsPage.tsx'), 'RoundsPage'), menu: { roles: ['committee', 'district', 'township'], label: 'nav_rounds' } },
  { path: 'rounds', withId: true, page: page(() => import('./pages/rounds/RoundPage.tsx'), 'RoundPage') },
  { path: 'round-open', withId: false, page: page(() => import('./pages/rounds/OpenRoundPage.tsx'), 'OpenRoundPage') },
  { path: 'round-requests', withId: false, page: page(() => import('./pages/rounds/RoundRequestsPage.tsx'), 'RoundRequestsPage') },
  { path: 'remittances', withId: false, page: page(() => import('./pages/remittances/RemittancesPage.tsx'), 'RemittancesPage'), menu: { roles: ['district', 'township'], label: 'nav_remittances' } },
  { path: 'remittances', withId: true, page: page(() => import('./pages/remittances/RemittancesPage.tsx'), 'RemittancesPage') },
  {
    path: 'reconciliation',
    withId: false,
    page: page(() => import('./pages/remittances/ReconciliationPage.tsx'), 'ReconciliationPage'),
    menu: { roles: ['committee', 'district'], label: 'nav_reconciliation' },
  },
  { path: 'exceptions', withId: false, page: page(() => import('./pages/reports/ExceptionsPage.tsx'), 'ExceptionsPage'), menu: { roles: ['committee'], label: 'nav_exceptions' } },
  { path: 'staff', withId: false, page: page(() => import('./pages/staff/StaffPage.tsx'), 'StaffPage'), menu: { roles: ['committee', 'district'], label: 'nav_staff' } },
  { path: 'sms', withId: false, page: page(() => import('./pages/sms/SmsPage.tsx'), 'SmsPage'), menu: { roles: ['committee'], label: 'nav_sms' } },
  { path: 'settings', withId: false, page: page(() => import('./pages/settings/SettingsPage.tsx'), 'SettingsPage'), menu: { roles: ['committee'], label: 'nav_settings' } },
  {
    path: 'health-checks',
    withId: false,
    page: page(() => import('./pages/health/HealthChecksPage.tsx'), 'HealthChecksPage'),
    menu: { roles: ['committee', 'district', 'field'], label: 'nav_health' },
  },
  { path: 'training', withId: false, page: page(() => import('./pages/training/TrainingPage.tsx'), 'TrainingPage'), menu: { roles: ['committee', 'district', 'field'], label: 'nav_training' } },
  { path: 'public-reports', withId: false, page: page(() => import('./pages/public-report/PublicReportsPage.tsx'), 'PublicReportsPage'), menu: { roles: ['committee'], label: 'nav_public_reports' } },
  {
    path: 'confirmations',
    withId: false,
    page: page(() => import('./pages/confirmations/ConfirmationsPage.tsx'), 'ConfirmationsPage'),
    menu: { roles: ['committee', 'district'], label: 'nav_confirmations' },
  },
  { path: 'confirmations', withId: true, page: page(() => import('./pages/confirmations/ConfirmationListPage.tsx'), 'ConfirmationListPage') },
  { path: 'confirmations', sub: 'print', withId: true, page: page(() => import('./pages/print/ConfirmationPrintPage.tsx'), 'ConfirmationPrintPage'), print: true },
  {
    path: 'evaluation-reports',
    withId: false,
    page: page(() => import('./pages/evaluation-reports/EvaluationReportsPage.tsx'), 'EvaluationReportsPage'),
    menu: { roles: ['committee', 'district'], label: 'nav_eval_reports' },
  },
  { path: 'evaluation-reports', withId: true, page: page(() => import('./pages/evaluation-reports/EvaluationReportPage.tsx'), 'EvaluationReportPage') },
  { path: 'evaluation-reports', sub: 'print', withId: true, page: page(() => import('./pages/evaluation-reports/EvaluationReportPrintPage.tsx'), 'EvaluationReportPrintPage'), print: true },
];

/** The page of a route, or undefined (the role's home is shown). */
export function pageOf(route: Route): PageRoute | undefined {
  const [first, id, sub] = route.parts;
  return PAGES.find((p) => p.path === first && p.withId === !!id && p.sub === sub);
}

/** Fetches the code of the page the address shows (or the home page), before React asks for it. */
export function preloadCurrentPage(): void {
  const [path = '', qs] = location.hash.replace(/^#/, '').split('?');
  const route = { path, parts: path.split('/').filter(Boolean), query: new URLSearchParams(qs) };
  pageOf(route)?.page.preload();
}

/** The menu of a role, in the order of PAGES. */
export const menuOf = (role: Role) => PAGES.filter((p) => p.menu?.roles.includes(role));
