/** The routes served by the `reports` function: the dashboards' figures and the township's collection list (see `shared/routes.ts`). */
import type { RouteSpec } from './spec.ts';
import { CollectionQuery, ReportQuery } from '../domain/schemas/reports.ts';
import { CollectionList, EvaluationsReport, FundReport, OutcomesReport, PortfolioReport, RepaymentReport } from '../domain/responses/reports.ts';

export const REPORTS_ROUTES = {
  'GET /reports/repayment': {
    fn: 'reports',
    summary: 'Repayment rate (cumulative and on time), PAR30, arrears and ageing, as of a date',
    roles: ['committee', 'district'],
    query: ReportQuery,
    response: RepaymentReport,
  },
  'GET /reports/portfolio': {
    fn: 'reports',
    summary: 'Loans and principal by status, disbursed and outstanding, as of a date',
    roles: ['committee', 'district'],
    query: ReportQuery,
    response: PortfolioReport,
  },
  'GET /reports/outcomes': {
    fn: 'reports',
    summary: 'Mothers helped, household members, villages, income gained, poverty-exit rate',
    roles: ['committee', 'district'],
    query: ReportQuery,
    response: OutcomesReport,
  },
  'GET /reports/evaluations': {
    fn: 'reports',
    summary: 'Evaluations overdue, due within 30 days and not yet due, per district and field officer',
    roles: ['committee', 'district', 'field'],
    query: ReportQuery,
    response: EvaluationsReport,
  },
  'GET /reports/fund': {
    fn: 'reports',
    summary: 'The revolving fund: granted, lent out, recovered, available to re-lend, rounds completed',
    roles: ['committee', 'district'],
    query: ReportQuery,
    response: FundReport,
  },

  'GET /reports/collection': {
    fn: 'reports',
    summary: 'Collection list of a township for collection day: per village, the loans due this month and overdue, with balances',
    roles: ['committee', 'district', 'township'],
    query: CollectionQuery,
    response: CollectionList,
  },
} as const satisfies Record<string, RouteSpec>;
