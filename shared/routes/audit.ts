/**
 * The routes served by the `audit` function: what an auditor reads, the exceptions and the
 * hand-off reconciliation of collected money (see `shared/routes.ts`). A function of their own:
 * their texts (every exception written out, offices and actors by name) are not the dashboards'.
 */
import type { RouteSpec } from './spec.ts';
import { ExceptionsQuery, ReportQuery } from '../domain/schemas/reports.ts';
import { ExceptionsReport } from '../domain/responses/exceptions.ts';
import { RemittanceReconciliation } from '../domain/responses/remittances.ts';

export const AUDIT_ROUTES = {
  'GET /reports/exceptions': {
    fn: 'audit',
    summary: 'Exceptions an auditor reads first: back-dated entries, refused duplicate receipts, cross-district duplicate applications, full-ID reveals, remittances that do not reconcile',
    roles: ['committee'],
    query: ExceptionsQuery,
    response: ExceptionsReport,
  },
  'GET /reports/remittances': {
    fn: 'audit',
    summary: 'Hand-off reconciliation: collected, handed on, still held, differences',
    roles: ['committee', 'district'],
    query: ReportQuery,
    response: RemittanceReconciliation,
  },
} as const satisfies Record<string, RouteSpec>;
